"""Text from YAML is shown as text wherever it lands, never run as markup or template code."""

from __future__ import annotations

import pytest

from sitebuild import build

HOSTILE_TITLE = '</title><script>alert("t")</script>{{ 7*7 }}'
HOSTILE_SUMMARY = '<img src=x onerror=alert("s")> & "quoted"'
HOSTILE_BODY = 'Text <script>alert("b")</script> and <b onmouseover="alert(1)">bold</b>'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from sitebuild import copy_project

    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    path = project / "data/projects/lac-de-donnees.yml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    out, skip = [], False
    for line in lines:
        if line.startswith(("title:", "summary:")):
            key = line.split(":")[0]
            value = HOSTILE_TITLE if key == "title" else HOSTILE_SUMMARY
            out += [f"{key}:", f"  fr: '{value}'", f"  en: '{value}'"]
            skip = True
            continue
        if skip and line.startswith("  "):
            continue
        skip = False
        out.append(line)
    out += ["links:", "  - title:", f"      fr: '{HOSTILE_TITLE}'", f"      en: '{HOSTILE_TITLE}'",
            "    url: https://example.org/"]
    path.write_text("\n".join(out) + "\n", encoding="utf-8")
    news = project / "data/news/2020-06-29-adhesion-echalliance.yml"
    body = news.read_text(encoding="utf-8").replace("body:\n  fr: |\n", f"body:\n  fr: |\n    {HOSTILE_BODY}\n\n", 1)
    news.write_text(body, encoding="utf-8")
    assert HOSTILE_BODY in body
    result = build(project)
    assert result.returncode == 0, result.output
    return result


def theme_scripts_only(soup) -> list[str]:
    return [s.get_text() for s in soup.find_all("script") if "alert" in s.get_text()]


@pytest.mark.parametrize("path", ["projets/lac-de-donnees/", "en/projects/data-lake/"])
def test_hostile_title_is_text_on_its_page_and_in_its_title(hostile_site, path):
    soup = hostile_site.html(path)
    assert soup.select_one("article h1").get_text() == HOSTILE_TITLE
    assert soup.title.get_text().startswith(HOSTILE_TITLE)
    assert HOSTILE_TITLE in soup.select_one(".md-header__topic + .md-header__topic, .md-header__title").get_text()
    assert not theme_scripts_only(soup)
    assert not soup.select("[onerror], [onmouseover]")
    assert HOSTILE_SUMMARY in soup.select_one(".csn-lead").get_text()
    assert soup.select_one('meta[name="description"]')["content"] == HOSTILE_SUMMARY
    assert "49" not in soup.select_one("article h1").get_text()


@pytest.mark.parametrize("path", ["projets/", "en/projects/", "", "en/"])
def test_hostile_title_is_text_in_the_cards(hostile_site, path):
    soup = hostile_site.html(path)
    titles = [a.get_text() for a in soup.select(".csn-card__title a")]
    assert HOSTILE_TITLE in titles
    assert not theme_scripts_only(soup)
    assert not soup.select("[onerror], [onmouseover]")


def test_raw_html_in_markdown_is_shown_as_text(hostile_site):
    soup = hostile_site.html("actualites/adhesion-a-echalliance/")
    assert not theme_scripts_only(soup)
    assert not soup.select("[onmouseover]")
    assert '<script>alert("b")</script>' in soup.select_one("article").get_text()
