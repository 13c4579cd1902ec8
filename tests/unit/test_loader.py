"""The loader refuses what YAML allows but data must not use, each at its file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from csn.data.errors import DataError
from csn.data.load import load_site
from csn.data.yaml_loader import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, load_yaml_file
from tests.helpers.datafixtures import assert_says

FILE = "data/projects/essai.yml"
HEAD = "title:\n  fr: Essai\n  en: Test\n"  # lines 1-3

# name, content of data/projects/essai.yml (text or bytes), expected line, field, what is said: a code, or
# (code or codes of a message and of the one it quotes, a value from the file that both languages quote)
REFUSED = [
    ("duplicate key", HEAD + "status: active\nstatus: planned\n", 5, "status", "duplicate.key"),
    ("duplicate nested key", HEAD + "  fr: Encore\n", 4, "title.fr", "duplicate.key"),
    ("duplicate key in a list item", HEAD + "links:\n  - url: https://a.org/\n    url: https://b.org/\n", 6,
     "links[0].url", "duplicate.key"),
    ("duplicate key after NFC", "caf\u00e9: 1\ncafe\u0301: 2\n", 2, "caf\u00e9", "duplicate.key"),
    ("anchor", HEAD + "summary: &resume\n  fr: R\n  en: S\n", 4, "summary", "yaml_feature.anchor"),
    ("alias", HEAD + "summary: *resume\n", 4, "summary", "yaml_feature.alias"),
    ("alias in a flow list", HEAD + "themes: [a, *b]\n", 4, "themes[1]", "yaml_feature.alias"),
    ("YAML tag", HEAD + "start: !!timestamp 2020-01-01\n", 4, "start", "yaml_feature.tag"),
    ("python tag", HEAD + "status: !!python/object:os.system ls\n", 4, "status", "yaml_feature.tag"),
    ("two documents", HEAD + "---\nstatus: active\n", 4, "", "yaml_feature.documents"),
    ("top level is a list", "- title: Essai\n- status: active\n", 1, "", "yaml.top_level"),
    ("top level is a text", "juste du texte\n", 1, "", "yaml.top_level"),
    ("empty file", "", 1, "", "file.empty"),
    ("only comments", "# nothing yet\n\n   # still nothing\n", 1, "", "file.empty"),
    ("only a document marker", "---\n", 1, "", "file.empty"),
    ("tab indentation", HEAD + "summary:\n\tfr: R\n", 5, "", "yaml.tab"),
    ("lone carriage return", HEAD + "status: active\rstart: 2020\n", 4, "", "yaml.line_break"),
    ("line separator", HEAD + "status: active\u2028\n", 4, "", "yaml.line_break"),
    ("control character", HEAD + "status: act\x07ive\n", 4, "", ("yaml.character", "U+0007")),
    ("invisible key", HEAD + "sta\u200btus: active\n", 4, "", (("hidden.key", "hidden.after"), "(U+200B")),
    ("key that is a list", HEAD + "[a, b]: c\n", 4, "", "yaml_feature.complex_key"),
    ("deep nesting", HEAD + "links: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n", 4, "",
     "file.too_deep"),
    # The mapping that holds k<i> is the (i+2)th level and starts on line 4+i.
    ("deep block nesting", HEAD + "".join(f"{'  ' * i}k{i}:\n" for i in range(MAX_DEPTH + 2)), 4 + MAX_DEPTH - 1 + 1,
     "", "file.too_deep"),
    # 9 values before the first item (mappings, keys, texts, the list): item n is value 9+n, on line 4+n.
    ("too many values", HEAD + "themes:\n" + "  - x\n" * MAX_NODES, 4 + MAX_NODES - 8, "", "file.too_many_values"),
    ("syntax error", HEAD + "status: [active\n", 4, "", "yaml.unclosed_bracket"),
    ("bytes that are not UTF-8", HEAD.encode("utf-8") + b"status: activ\xe9\n", 4, "", "encoding.not_utf8"),
    # Line 0: refused on its size, read no further than the limit.
    ("file over the size limit", HEAD + "summary: " + "x" * MAX_FILE_BYTES + "\n", 0, "", "file.too_large"),
]


def write(data_dir: Path, content: str | bytes) -> None:
    path = data_dir / "projects" / "essai.yml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def problems_of(data_dir: Path):
    with pytest.raises(DataError) as raised:
        load_site(data_dir)
    return raised.value.problems


@pytest.mark.parametrize("name, content, line, field, said", REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_at_its_file_line_and_field(data_dir, name, content, line, field, said):
    write(data_dir, content)
    problems = problems_of(data_dir)
    assert len(problems) == 1, "\n".join(map(str, problems))  # refused whole: nothing else is read from it
    problem = problems[0]
    assert (problem.file, problem.line, problem.field) == (FILE, line, field), str(problem)
    assert_says(problem, *((said, "") if isinstance(said, str) else said))


def loaded(tmp_path: Path, text: str):
    """The mapping read from a file of this text, which must load without a problem."""
    path = tmp_path / "ok.yml"
    path.write_text(text, encoding="utf-8")
    mapping, problems = load_yaml_file(path, "ok.yml")
    assert problems == []
    return mapping


def test_a_byte_order_mark_and_a_document_end_marker_are_fine(tmp_path):
    mapping = loaded(tmp_path, "\ufefftitle: x\nstatus: no\n...\n")
    assert mapping.items["status"].text == "no"  # YAML 1.2: text, not false


def test_values_stay_as_written(tmp_path):
    mapping = loaded(tmp_path, "a: 14:30\nb: 0o14\nc: 2020-06-29\nd: on\ne: 1e3\nf: ~\n")
    assert {key: node.text for key, node in mapping.items.items()} == {
        "a": "14:30", "b": "0o14", "c": "2020-06-29", "d": "on", "e": "1e3", "f": "~"}
    assert mapping.items["f"].is_null and not mapping.items["d"].is_null


def test_a_fifo_is_not_read(tmp_path):
    fifo = tmp_path / "pipe.yml"
    import os

    os.mkfifo(fifo)
    _, problems = load_yaml_file(fifo, "pipe.yml")  # would block forever if it were opened
    assert problems[0].code == "file.not_regular"
