"""Reproducible and self-contained: two builds of the same commit with the same SOURCE_DATE_EPOCH
are byte-identical, the build reads nothing outside the repository, never touches the network,
and the site it writes (the Pages artifact) holds no symbolic link."""

from __future__ import annotations

import datetime as dt
import json
import os

import pytest

from tests.helpers.sandbox import sandboxed_build, sandboxed_python
from tests.helpers.sitebuild import build, copy_project
from tests.helpers.sitetree import differences, symbolic_links

pytestmark = pytest.mark.xdist_group("reproducible")

SITE_URL = "https://csn.example.org/"
# 2020-06-30 00:30 UTC is still 2020-06-29 in Montréal: the site's day, not the machine's.
EPOCH = "1593477000"
MONTREAL_DAY = "2020-06-29"


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """The same commit built twice, as differently as two machines would: another folder, older
    file times, another hash seed, time zone and locale. The second build runs in the sandbox."""
    root = tmp_path_factory.mktemp("reproducible")
    first = copy_project(root / "a" / "project")
    second = copy_project(root / "b" / "elsewhere" / "project")
    old = dt.datetime(2001, 1, 1).timestamp()
    for path in second.rglob("*"):
        os.utime(path, (old, old))
    built_first = build(first, SITE_URL, {"SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": "1", "TZ": "UTC"})
    built_second, record = sandboxed_build(second, root / "sandbox.log", SITE_URL, {
        "SOURCE_DATE_EPOCH": EPOCH, "PYTHONHASHSEED": "2", "TZ": "Asia/Tokyo", "LC_ALL": "C.UTF-8"})
    assert built_first.returncode == 0, built_first.output
    assert built_second.returncode == 0, built_second.output
    return built_first, built_second, record


def test_two_builds_of_the_same_commit_are_byte_identical(two_builds):
    first, second, _ = two_builds
    assert len(list(first.site.rglob("*.html"))) > 40
    found = differences(first.site, second.site)
    assert not found, "\n".join(found[:10])


def test_the_built_site_holds_no_symbolic_link(two_builds):
    first, second, _ = two_builds
    assert symbolic_links(first.site) == [] and symbolic_links(second.site) == []


def test_dates_in_the_output_come_from_source_date_epoch(two_builds):
    """The build's day decides which news is published: Montréal's day of SOURCE_DATE_EPOCH, not the clock's."""
    first, _, _ = two_builds
    news = json.loads((first.site / "api/v1/news.json").read_text(encoding="utf-8"))["records"]
    dates = [record["date"] for record in news]
    assert dates[0] == MONTREAL_DAY and all(date <= MONTREAL_DAY for date in dates)
    assert "<updated>2020-06-29T00:00:00-04:00</updated>" in (first.site / "feed.xml").read_text(encoding="utf-8")
    # The sitemap claims no modification dates: the build's day is not when a page changed.
    assert b"<lastmod>" not in (first.site / "sitemap.xml").read_bytes()


def test_the_build_reads_nothing_outside_the_repository_and_never_the_network(two_builds):
    _, second, record = two_builds
    assert len(record.of_kind("open")) > 100, "the sandbox recorded nothing: is it loaded?"
    assert record.of_kind("network") == []
    # Its only processes: the forked builds of the two languages, and Pagefind's binary from the virtualenv
    # (a native program: the audit hook sees neither its reads nor its sockets; it is given the site folder only).
    processes = record.of_kind("process")
    assert [p for p in processes if not p.startswith("os.fork") and "pagefind_bin/pagefind" not in p] == []
    assert any("pagefind_bin/pagefind" in p for p in processes), processes
    assert record.outside(second.project) == []
    # The build's own output was recorded too: written into its staging folder, then swapped in as site/.
    staging = f"/.{second.site.name}.building"
    written = {target for target in record.of_kind("open") if staging in target}
    assert len(written) > 60


def test_the_sandbox_refuses_the_network_and_records_outside_reads(tmp_path):
    code = ("import socket\n"
            "open('/etc/hostname').close()\n"
            "for attempt in (lambda: socket.getaddrinfo('localhost', 80),\n"
            "                lambda: socket.socket().connect(('127.0.0.1', 9))):\n"
            "    try:\n"
            "        attempt()\n"
            "    except OSError as error:\n"
            "        print(error)\n")
    done, record = sandboxed_python(code, tmp_path / "sandbox.log", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["network blocked by the test sandbox: socket.getaddrinfo",
                                        "network blocked by the test sandbox: socket.connect"]
    assert [t.split()[0] for t in record.of_kind("network")] == ["socket.getaddrinfo", "socket.connect"]
    assert "/etc/hostname" in record.outside(tmp_path)
