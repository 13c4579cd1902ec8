"""Hardening rules of validation, one small fixture each: file, line, field and what to do."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from csn.data.errors import DataError
from csn.data.load import load_site
from csn.render.build import check_project
from tests.helpers.datafixtures import GOOD_PROJECT, assert_says, problems_of, write

FILE = "data/projects/essai.yml"
LINK = "links:\n  - title:\n      fr: Lien\n      en: Link\n    url: {url}\n"  # url on line 20
DESCRIPTION = "description:\n  fr: |\n    Premier paragraphe.\n\n    Voir {link}.\n  en: A description.\n"


def with_link(url: str) -> str:
    return GOOD_PROJECT + LINK.format(url=url)


def with_description(link: str) -> str:
    """The French description as a literal block: the link is on line 11."""
    old = "description:\n  fr: Une description.\n  en: A description.\n"
    return GOOD_PROJECT.replace(old, DESCRIPTION.format(link=link))


# content of data/projects/essai.yml, line, field, what is said: (a code, or the codes of a message and of the
# message it quotes; a value from the data that both languages quote, or "")
INVALID = {
    "yaml 1.1 boolean on": (GOOD_PROJECT + "featured: on\n", 16, "featured", ("yes_no.invalid", "")),
    "yaml 1.1 boolean no": (GOOD_PROJECT.replace("status: active", "status: no"), 10, "status", ("value.choices", "`no`")),
    "date without zero": (GOOD_PROJECT.replace("start: 2021-03", "start: 2021-3"), 11, "start", ("date.invalid", "2021-3")),
    "date with year 0": (GOOD_PROJECT.replace("start: 2021-03", "start: 0000-03"), 11, "start", ("date.year_zero", "0000-03")),
    "date with month 13": (GOOD_PROJECT.replace("start: 2021-03", "start: 2021-13"), 11, "start", ("date.no_month", "13")),
    "impossible date": (GOOD_PROJECT.replace("start: 2021-03", "start: 2021-02-29"), 11, "start", ("date.no_day", "2021-02-29")),
    "date in other digits": (GOOD_PROJECT.replace("start: 2021-03", "start: \u0662\u0660\u0662\u0661"), 11, "start",
                             ("date.invalid", "")),
    "date with a time": (GOOD_PROJECT.replace("start: 2021-03", "start: 2021-03-01T10:00"), 11, "start",
                         ("date.invalid", "2021-03-01T10:00")),
    "javascript link": (with_link("javascript:alert(1)"), 20, "links[0].url", ("link.scheme", "`javascript:`")),
    "javascript link in capitals": (with_link("JaVaScRiPt:alert(1)"), 20, "links[0].url", ("link.scheme", "`javascript:`")),
    "data link": (with_link("'data:text/html,<script>alert(1)</script>'"), 20, "links[0].url", ("link.scheme", "`data:`")),
    "vbscript link": (with_link("vbscript:msgbox"), 20, "links[0].url", ("link.scheme", "`vbscript:`")),
    "link without scheme": (with_link("//evil.example/"), 20, "links[0].url", ("link.not_web", "")),
    "link with user part": (with_link("https://www.umontreal.ca@evil.example/"), 20, "links[0].url", ("link.userinfo", "")),
    "link with invisible character": (with_link("https://exa\u200bmple.org/"), 20, "links[0].url", ("hidden.after", "U+200B")),
    "ftp link": (with_link("ftp://files.example/"), 20, "links[0].url", ("link.scheme", "`ftp:`")),
    "markdown javascript link": (with_description("[ici](javascript:alert(1))"), 11, "description.fr",
                                 (("link.in_text", "link.scheme"), "`javascript:`")),
    # Written differently from what a browser reads: reported on the field's line.
    "markdown link with entity": (with_description("[ici](javascript&#58;alert(1))"), 8, "description.fr",
                                  (("link.in_text", "link.scheme"), "`javascript:`")),
    "markdown link with spaces and capitals": (with_description("[ici]( JAVASCRIPT:alert(1) )"), 11,
                                               "description.fr", (("link.in_text", "link.scheme"), "`javascript:`")),
    "raw HTML in markdown": (with_description("<b onmouseover=\"alert(1)\">gras</b>"), 11, "description.fr",
                             ("markdown.html", "`<b onmouseover=\"alert(1)\">`")),
    "script in markdown": (with_description("<script>alert(1)</script>"), 11, "description.fr",
                           ("markdown.html", "`<script>`")),
    "HTML comment in markdown": (with_description("<!-- note -->"), 11, "description.fr", ("markdown.html", "`<!--")),
    "markdown reference link": (with_description("[ici][r]\n\n    [r]: vbscript:msgbox"), 13, "description.fr",
                                (("link.in_text", "link.scheme"), "`vbscript:`")),
    "markdown data link": (with_description("[ici](data:text/html;base64,PHNjcmlwdD4=)"), 11, "description.fr",
                           (("link.in_text", "link.scheme"), "`data:`")),
    "markdown scheme-relative link": (with_description("[ici](//evil.example/)"), 11, "description.fr",
                                      (("link.in_text", "link.no_scheme"), "")),
    "markdown image from another site": (with_description("![logo](https://evil.example/x.png)"), 11,
                                         "description.fr", (("image.in_text", "image.address"), "`https://evil.example/x.png`")),
    "markdown image outside assets": (with_description("![logo](../../etc/passwd.png)"), 11, "description.fr",
                                      (("image.in_text", "image.dots"), "")),
    "markdown image absolute": (with_description("![logo](/etc/passwd)"), 11, "description.fr", (("image.in_text", "image.not_relative"), "")),
    "bidi override in a title": (GOOD_PROJECT.replace("fr: Projet d'essai", "fr: Projet \u202eessai"), 2, "title.fr",
                                 ("hidden.after", "U+202E")),
    "tag characters in a summary": (GOOD_PROJECT.replace("fr: Un résumé.", "fr: Un résumé\U000e0041."), 5,
                                    "summary.fr", ("hidden.after", "U+E0041")),
    "invisible character in a slug": (GOOD_PROJECT + "slug:\n  fr: essai\u200b\n  en: test\n", 17, "slug.fr",
                                      ("hidden.after", "(U+200B")),
    "reserved slug": (GOOD_PROJECT + "slug:\n  fr: essai\n  en: search\n", 18, "slug.en", ("reserved.address", "`search`")),
    "invisible character in a reference": (GOOD_PROJECT.replace("  - udem", "  - udem\u2060"), 15, "partners[0]",
                                           ("hidden.after", "U+2060")),
    "empty list item": (GOOD_PROJECT.replace("  - formation", "  -"), 13, "themes[0]", ("empty.text", "")),
    "text too long": (GOOD_PROJECT.replace("fr: Un résumé.", "fr: " + "mot " * 1300), 5, "summary.fr",
                      ("length.text", "")),
    "markdown too long": (with_description("[" * 50_000), 8, "description.fr", ("length.text", "")),
}


@pytest.mark.parametrize("content, line, field, said", INVALID.values(), ids=INVALID.keys())
def test_each_rule_names_file_line_and_field(data_dir, content, line, field, said):
    write(data_dir, "projects/essai.yml", content)
    problems = problems_of(data_dir)
    assert [(p.file, p.line, p.field) for p in problems] == [(FILE, line, field)], "\n".join(map(str, problems))
    assert_says(problems[0], *said)


def test_a_long_text_is_measured_in_the_way_of_each_language(data_dir):
    write(data_dir, "projects/essai.yml", INVALID["text too long"][0])
    [problem] = problems_of(data_dir)
    assert "is 5,199 characters long: keep it under 5,000" in problem.text("en")
    assert "compte 5\u202f199 caractères : restez sous 5\u202f000" in problem.text("fr")


VALID = {
    "yaml 1.2 boolean True": GOOD_PROJECT + "featured: True\n",
    "leap day": GOOD_PROJECT.replace("start: 2021-03", "start: 2020-02-29"),
    "time-like title": GOOD_PROJECT.replace("fr: Projet d'essai", "fr: 14:30"),
    "zero-width joiner in prose": GOOD_PROJECT.replace("fr: Un résumé.", "fr: Des chercheuses \U0001f469\u200d\U0001f52c."),
    "french spaces": GOOD_PROJECT.replace("fr: Un résumé.", "fr: « Un résumé\u202f»\u00a0!"),
    "markdown links of every allowed kind": with_description(
        "[page](https://example.org/a?b=1&c=2), [mail](mailto:csn@example.org), "
        "[partenaire](../../partenaires/mrif/) et [plus bas](#suite)"),
    "mailto and http links": with_link("http://example.org/"),
    "HTML as code, and lone angle brackets": with_description("`<script>`, a <3 b, x < y > z"),
}


@pytest.mark.parametrize("content", VALID.values(), ids=VALID.keys())
def test_valid_fixtures_pass(data_dir, content):
    write(data_dir, "projects/essai.yml", content)
    assert "essai" in {project.id for project in load_site(data_dir).projects}


def test_norway_stays_norway(data_dir):
    """YAML 1.1 reads `NO` as false; here it is the country code it looks like."""
    path = data_dir / "partners" / "bayfor.yml"
    path.write_text(path.read_text(encoding="utf-8").replace("country: DE", "country: NO"), encoding="utf-8")
    assert next(p for p in load_site(data_dir).partners if p.id == "bayfor").country == "NO"


def test_time_like_text_stays_as_written(data_dir):
    write(data_dir, "projects/essai.yml", VALID["time-like title"])
    project = next(p for p in load_site(data_dir).projects if p.id == "essai")
    assert project.title["fr"] == "14:30"


@pytest.mark.parametrize("name, reason", [
    ("search", "reserved.address"), ("index", "reserved.address"), ("404", "reserved.address"),
    ("a" * 81, "id.too_long"), ("essai\u200b", "hidden.after"), ("Essai", "id.invalid"),
])
def test_file_names_are_ids(data_dir, name, reason):
    write(data_dir, f"projects/{name}.yml", GOOD_PROJECT)
    problems = problems_of(data_dir)
    assert [(p.file, p.line, p.field) for p in problems] == [(f"data/projects/{name}.yml", 0, "id")]
    assert_says(problems[0], ("id.file_name", reason))


@pytest.mark.parametrize("name, code, quoted", [
    ("projects/essai.yaml", "data.suffix_case", "`essai.yml`"),
    ("projects/essai.YML", "data.suffix_case", "`essai.yml`"),
    ("partners/essai.json", "data.suffix_case", "`essai.yml`"),
    ("news/notes.txt", "data.not_data", "`.yml`"),
    ("team.yml", "data.unknown_file", "site.yml, themes.yml, projects/, partners/, news/, programmes/"),
    ("site.yaml", "data.suffix_case", "`site.yml`"),
])
def test_files_that_would_be_skipped_are_reported(data_dir, name, code, quoted):
    write(data_dir, name, GOOD_PROJECT)
    problems = problems_of(data_dir)
    assert [(p.file, p.line, p.field) for p in problems] == [(f"data/{name}", 0, "")], problems
    assert_says(problems[0], code, quoted)


def test_a_skipped_file_is_explained_in_both_languages(data_dir):
    write(data_dir, "projects/essai.yaml", GOOD_PROJECT)
    [problem] = problems_of(data_dir)
    assert problem.text("fr") == "le nom d'un fichier de données finit exactement par `.yml` : renommez-le `essai.yml`"
    assert problem.text("en") == "data files end in `.yml` exactly: rename it to `essai.yml`"


def test_folders_inside_data_folders_are_reported(data_dir):
    (data_dir / "projects" / "archives").mkdir()
    (data_dir / "notes").mkdir()
    problems = problems_of(data_dir)
    assert {p.file for p in problems} == {"data/projects/archives", "data/notes"}
    assert [p.code for p in problems] == ["data.folder", "data.folder"]


def test_the_schemas_folder_of_editors_tools_is_not_data(data_dir):
    (data_dir / "schemas").mkdir(exist_ok=True)
    write(data_dir, "schemas/project.schema.json", "{}")
    assert len(load_site(data_dir).projects) == 4


def test_dotfiles_are_ignored(data_dir):
    for name in ("projects/.gitkeep", "news/.DS_Store", ".editorconfig"):
        write(data_dir, name, "anything: [\n")
    assert len(load_site(data_dir).projects) == 4


SECRET = "CSN-OUTSIDE-SECRET-7f3a"


@pytest.fixture
def outside_file(tmp_path: Path) -> Path:
    path = tmp_path / "outside" / "secret.yml"
    path.parent.mkdir()
    path.write_text(f"title: {SECRET}\n", encoding="utf-8")
    return path


def test_a_data_file_linking_outside_is_refused_and_not_read(data_dir, outside_file):
    os.symlink(outside_file, data_dir / "projects" / "lien.yml")
    problems = problems_of(data_dir)
    assert [(p.file, p.line) for p in problems] == [("data/projects/lien.yml", 0)]
    assert problems[0].code == "file.symlink"
    assert SECRET not in "\n".join(map(str, problems))


def test_a_data_folder_linking_outside_is_refused(data_dir, outside_file):
    os.symlink(outside_file.parent, data_dir / "news" / "plus")
    problems = problems_of(data_dir)
    assert [(p.file, p.code) for p in problems] == [("data/news/plus", "file.symlink")]


def test_a_link_inside_its_folder_is_fine(data_dir):
    (data_dir / "partners" / "udem.yml").rename(data_dir / "partners" / ".udem-source.yml")
    os.symlink(".udem-source.yml", data_dir / "partners" / "udem.yml")
    assert "udem" in {p.id for p in load_site(data_dir).partners}


@pytest.mark.parametrize("folder", ["docs/fr", "overrides"])
def test_a_docs_or_theme_file_linking_outside_is_refused(data_dir, outside_file, folder):
    project = data_dir.parent
    os.symlink(outside_file, project / folder / "secret.txt")
    with pytest.raises(DataError) as raised:
        check_project(project, project / "docs")
    assert [p.file for p in raised.value.problems] == [f"{folder}/secret.txt"]


def test_a_docs_link_into_git_metadata_is_refused(data_dir):
    project = data_dir.parent
    (project / ".git").mkdir()
    (project / ".git" / "config").write_text("[remote]\n", encoding="utf-8")
    os.symlink("../../.git/config", project / "docs" / "fr" / "config.txt")
    with pytest.raises(DataError) as raised:
        check_project(project, project / "docs")
    assert [p.file for p in raised.value.problems] == ["docs/fr/config.txt"]


def test_a_docs_page_slug_cannot_take_a_reserved_name(data_dir):
    project = data_dir.parent
    about = project / "docs" / "en" / "about.md"
    about.write_text(about.read_text(encoding="utf-8").replace("slug: about", "slug: assets"), encoding="utf-8")
    with pytest.raises(DataError) as raised:
        check_project(project, project / "docs")
    assert [(p.file, p.field) for p in raised.value.problems] == [("docs/en/about.md", "slug")]
    assert_says(raised.value.problems[0], "reserved.address", "`assets`")


def test_messages_show_invisible_characters(data_dir):
    write(data_dir, "projects/essai\u202etxt.yml", GOOD_PROJECT)
    text = str(problems_of(data_dir)[0])
    assert text.startswith("data/projects/essai<U+202E>txt.yml: id:") and "\u202e" not in text
