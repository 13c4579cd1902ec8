"""The escape hatch from MkDocs 1.6: ProperDocs, its drop-in fork, builds the same site.

MkDocs 2.0 drops plugins and hooks; if MkDocs 1.x stops working (a Python release, a security
fix), the site moves to ProperDocs by changing one command. This test keeps that a checked option.
"""

from __future__ import annotations

from pathlib import Path

from csn.ci.pagediff import compare_sites, format_markdown
from tests.helpers.sitebuild import MKDOCS, PROPERDOCS, build, copy_project

SAME_DAY = {"SOURCE_DATE_EPOCH": "1764979200"}  # both builds publish for the same day


def _files(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


def test_properdocs_builds_the_same_site_page_by_page(tmp_path):
    project = copy_project(tmp_path / "project")
    with_mkdocs = build(project, site_url="https://csn.example.org/", extra_env=SAME_DAY, generator=MKDOCS,
                        site_name="site-mkdocs")
    with_properdocs = build(project, site_url="https://csn.example.org/", extra_env=SAME_DAY, generator=PROPERDOCS,
                            site_name="site-properdocs")
    assert with_mkdocs.returncode == 0, with_mkdocs.output
    assert with_properdocs.returncode == 0, with_properdocs.output

    diff = compare_sites(with_mkdocs.site, with_properdocs.site)
    assert diff.empty, format_markdown(diff)
    mkdocs_files, properdocs_files = _files(with_mkdocs.site), _files(with_properdocs.site)
    assert mkdocs_files.keys() == properdocs_files.keys()
    assert len([name for name in mkdocs_files if name.endswith(".html")]) > 10  # a whole site, not an empty one
    # Beyond pages: feeds, sitemaps, open data, search indexes and assets, byte for byte.
    assert [name for name in mkdocs_files if mkdocs_files[name] != properdocs_files[name]] == []
