"""The tree comparison used by the reproducibility test finds every kind of difference."""

from __future__ import annotations

import os

from tests.helpers.sitetree import differences, symbolic_links


def make_tree(root, files):
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_identical_trees_have_no_difference(tmp_path):
    files = {"index.html": "<p>a</p>", "en/index.html": "<p>b</p>"}
    assert differences(make_tree(tmp_path / "a", files), make_tree(tmp_path / "b", files)) == []


def test_a_changed_byte_a_missing_file_and_a_link_are_all_reported(tmp_path):
    first = make_tree(tmp_path / "a", {"sitemap.xml": "<lastmod>2020-06-29</lastmod>\n", "extra.json": "{}"})
    second = make_tree(tmp_path / "b", {"sitemap.xml": "<lastmod>2020-06-30</lastmod>\n"})
    os.symlink("/etc/hostname", second / "leak.txt")
    found = differences(first, second)
    assert found[0] == "symbolic link: leak.txt"
    assert "only in the first build: extra.json" in found
    changed = [f for f in found if f.startswith("differs: sitemap.xml")]
    assert changed and "-<lastmod>2020-06-29</lastmod>" in changed[0] and "+<lastmod>2020-06-30</lastmod>" in changed[0]
    assert symbolic_links(second) == ["leak.txt"]
