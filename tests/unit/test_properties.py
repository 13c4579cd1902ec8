"""Property-based tests: random and mutated YAML never makes the loader or the validator fail otherwise
than with the project's own located problems, and each input is judged within a time bound."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from csn.data.assets import AssetChecker
from csn.data.errors import DataError, Problem
from csn.data.load import load_site
from csn.data.markdown_render import MarkdownRenderer, read_markdown
from csn.data.schema import NEWS, PARTNERS, PROJECTS, SITE, Collection, Field
from csn.data.validate import check_record, check_themes
from csn.data.yaml_loader import load_yaml_file
from csn.security.page_security import TemplateScripts, secure_page
from tests.helpers.hostile import LOGO, png_bytes
from tests.helpers.sitebuild import PROJECT_DIR

SHOWN = "data/projects/random.yml"
# "Well under a second" for one file, whatever it holds (Hypothesis fails an example that runs longer).
BOUND = settings(deadline=timedelta(seconds=1), max_examples=150,
                 suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
REAL_FILES = sorted((PROJECT_DIR / "data").rglob("*.yml"))
REAL_TEXTS = [path.read_text(encoding="utf-8") for path in REAL_FILES]
TOKENS = [
    "\n", "  ", "    ", "- ", ": ", ":", "title", "fr", "en", "status", "start", "end", "links", "url", "partners",
    "themes", "slug", "logo", "date", "body", "description", "featured", "[", "]", "{", "}", ", ", "&a ", "*a",
    "!!str ", "!!python/object:os.system ", "! ", "---\n", "...\n", "|\n", "|-\n", ">-\n", '"', "'", "# c", "\t", "yes",
    "no", "on", "off", "True", "14:30", "0x1F", "1e3", "2020", "2020-06", "2020-02-30", "2021-13-01", "0000",
    "javascript:alert(1)", "https://example.org/", "//evil.example", "data:text/html,x", "[x](javascript:y)",
    "![i](../x.png)", "![i](assets/logos/ok.svg)", "<script>", "<b onclick=x>", "\u200b", "\u202e", "\ufeff",
    "\U000e0041", "\r", "\r\n", "\x85", "\u2028", "%YAML 1.2\n", "%TAG ! tag:x,2000:\n", "? ", "<<: ", "~", "null",
    "true", "false", "é", "e\u0301", "\\u0000", "\\x85", "\x00", "\x7f", "{{ 7*7 }}", "index", "assets",
]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """An empty project with two good images, where one random file at a time is written."""
    root = tmp_path_factory.mktemp("properties")
    (root / "data" / "projects").mkdir(parents=True)
    (root / "assets" / "logos").mkdir(parents=True)
    (root / "assets" / "logos" / "ok.svg").write_text(LOGO, encoding="utf-8")
    (root / "assets" / "logos" / "ok.png").write_bytes(png_bytes())
    return root


def assert_located(problems: list[Problem]) -> None:
    assert problems
    for problem in problems:
        assert problem.file == SHOWN and problem.text("fr") and problem.text("en")  # said in both languages
        # Only a file too big to read has no line (the generated ones never are).
        assert problem.line >= 1, str(problem)
        assert str(problem).startswith(f"{SHOWN}:{problem.line}:")


def judge(project: Path, content: bytes, collections: tuple[Collection, ...] = (PROJECTS, PARTNERS, NEWS, SITE)):
    """Load one file and check it as each collection: valid values or located problems, nothing else."""
    path = project / SHOWN
    path.write_bytes(content)
    mapping, problems = load_yaml_file(path, SHOWN)
    if mapping is None:
        assert_located(problems)
        return
    assert problems == []
    checker = AssetChecker(project)
    for collection in collections:
        values, problems = check_record(collection, mapping, SHOWN, checker)
        if problems:
            assert_located(problems)
        else:
            assert isinstance(values, dict)
    _themes, problems = check_themes(mapping, SHOWN)
    if problems:
        assert_located(problems)


@BOUND
@given(st.binary(max_size=3000))
def test_random_bytes(project, content):
    judge(project, content)


@BOUND
@given(st.text(max_size=3000))
def test_random_text(project, text):
    judge(project, text.encode("utf-8"))


yaml_like = st.lists(st.one_of(st.sampled_from(TOKENS), st.text(max_size=6)), max_size=150).map("".join)


@BOUND
@given(yaml_like)
def test_yaml_like_token_soup(project, text):
    judge(project, text.encode("utf-8"))


# Units that, repeated up to the 1 MB limit, make the worst files: deep, wide, long, or many.
HUGE_UNITS = ["[", "{a: ", "- ", "  - x\n", "k: v\n", "x", "a: b\n", "&a x\n", "*a, ", "---\n", "\t", "é",
              "\u202e", "[x](javascript:y) ", "a: 'x\n", "? a\n: b\n", "# comment\n"]


@settings(deadline=timedelta(seconds=2), max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(["", "a: ", "title:\n  fr: ", "description:\n  fr: |\n    "]), st.sampled_from(HUGE_UNITS),
       st.one_of(st.just(1_000_000), st.integers(1, 1_000_000)))
def test_huge_files_are_judged_in_time(project, head, unit, count):
    """1 MB files of one pattern: judged within the deadline (the benchmark shows their usual figures)."""
    text = head + unit * min(count, (1_000_000 - len(head)) // len(unit.encode("utf-8")))
    event(f"{len(text) // 100_000 * 100} KB or more")
    judge(project, text.encode("utf-8"))


@st.composite
def mutated_real_file(draw) -> str:
    """A real data file with a few edits an editor (or an attacker) could make."""
    lines = draw(st.sampled_from(REAL_TEXTS)).split("\n")
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, max(len(lines) - 1, 0)))
        kind = draw(st.sampled_from(["insert", "delete", "duplicate", "swap", "indent", "dedent", "token"]))
        if kind == "insert":
            lines.insert(at, draw(yaml_like))
        elif kind == "delete" and lines:
            del lines[at]
        elif kind == "duplicate" and lines:
            lines.insert(at, lines[at])
        elif kind == "swap" and len(lines) > 1:
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif kind == "indent" and lines:
            lines[at] = "  " + lines[at]
        elif kind == "dedent" and lines:
            lines[at] = lines[at][2:]
        elif lines:
            column = draw(st.integers(0, len(lines[at])))
            lines[at] = lines[at][:column] + draw(st.sampled_from(TOKENS)) + lines[at][column:]
    return "\n".join(lines)


@BOUND
@given(mutated_real_file())
def test_mutated_real_files(project, text):
    judge(project, text.encode("utf-8"))


TRICKY_TEXT = st.one_of(st.sampled_from(TOKENS), st.text(max_size=40),
                        st.sampled_from(["assets/logos/ok.svg", "assets/logos/ok.png", "assets/../x.png",
                                         "https://www.umontreal.ca", "mailto:a@b.org", "udem", "formation", "CA",
                                         "active", "2020-06-29", "lac-de-donnees", "[a](https://x.org) ![b](x.png)"]))
yaml_values = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), TRICKY_TEXT),
    lambda children: st.one_of(st.lists(children, max_size=4),
                               st.dictionaries(st.sampled_from(["fr", "en", "de", "id", "role", "url", "title", "x"]),
                                               children, max_size=4)),
    max_leaves=12)


def field_value(spec: Field):
    """Values shaped like the field (often valid, often not), or anything."""
    if spec.kind in ("translated_text", "translated_markdown", "translated_slug", "proper_name"):
        shaped = st.fixed_dictionaries({"fr": TRICKY_TEXT, "en": TRICKY_TEXT})
    elif spec.kind in ("list",):
        shaped = st.lists(field_value(spec.item), max_size=3)
    elif spec.kind in ("object",):
        shaped = st.fixed_dictionaries({f.name: field_value(f) for f in spec.fields})
    else:
        shaped = TRICKY_TEXT
    return st.one_of(shaped, yaml_values)


@st.composite
def structured_record(draw) -> tuple[Collection, str]:
    collection = draw(st.sampled_from([PROJECTS, PARTNERS, NEWS, SITE]))
    record = {}
    for spec in collection.fields:
        if draw(st.integers(0, 9)) > 0:
            record[spec.name] = draw(field_value(spec))
    if draw(st.booleans()):
        record[draw(st.text(min_size=1, max_size=8))] = draw(yaml_values)
    return collection, yaml.safe_dump(record, allow_unicode=True, sort_keys=False)


@BOUND
@given(structured_record())
def test_structured_records_reach_every_rule(project, case):
    collection, text = case
    judge(project, text.encode("utf-8"), (collection,))


@settings(deadline=timedelta(seconds=2), max_examples=40, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_real_file(), st.sampled_from(REAL_FILES))
def test_the_whole_data_folder_with_one_mutated_file(tmp_path_factory, text, replaced):
    """load_site, end to end: a site, or a DataError whose every problem has its file (and line when it has one)."""
    import shutil

    root = tmp_path_factory.mktemp("site") / "project"
    shutil.copytree(PROJECT_DIR / "data", root / "data")
    target = root / "data" / replaced.relative_to(PROJECT_DIR / "data")
    target.write_text(text, encoding="utf-8")
    try:
        site = load_site(root / "data")
    except DataError as error:
        assert error.problems
        assert all(p.file.startswith("data/") and p.text("fr") and p.text("en") for p in error.problems)
    else:
        assert site.projects and site.partners


markdown_soup = st.lists(st.one_of(st.sampled_from([
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[a](javascript:alert(1))", "[b](data:x)",
    "<a href='javascript:x'>y</a>", "![c](javascript:x)", "<iframe src=x>", "&#106;avascript:", "<!--", "-->",
    "`", "```", "\n", "\n\n", "    ", "> ", "* ", "1. ", "[", "](", ")", "<", ">", '"', "'", "onmouseover=",
    "<https://a.org>", "<mailto:a@b.org>", "[r]: vbscript:x\n", "[r]", "**", "_",
]), st.text(max_size=5)), max_size=60).map("".join)


@BOUND
@given(markdown_soup)
def test_rendered_markdown_never_holds_anything_that_runs(text):
    read_markdown(text)  # validation's reading never fails
    soup = BeautifulSoup(str(MarkdownRenderer()(text, "../")), "html.parser")
    assert not soup.find_all(["script", "iframe", "style", "object", "embed"])
    for element in soup.find_all(True):
        assert not [name for name in element.attrs if name.lower().startswith("on")]
        for name in ("href", "src"):
            value = element.get(name, "")
            assert not re.match(r"\s*(javascript|data|vbscript):", value, re.IGNORECASE), value


@BOUND
@given(st.text(max_size=500), st.sampled_from(["<script>x()</script>", "<a href='https://e.org'>e</a>", "<style>",
                                                "</head>", "<head>", "<meta charset='utf-8'>"]))
def test_securing_any_page_never_fails(text, piece):
    page = f"<!doctype html><html><head><meta charset='utf-8'>{piece}</head><body>{text}{piece}</body></html>"
    secured = secure_page(page, TemplateScripts.of("x()"))
    assert "Content-Security-Policy" in secured or "Content-Security-Policy" in page
