"""The loader refuses what YAML allows but data must not use, each at its file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from csn.data.errors import DataError
from csn.data.load import load_site
from csn.data.yaml_loader import MAX_DEPTH, MAX_FILE_BYTES, MAX_NODES, load_yaml_file

FILE = "data/projects/essai.yml"
HEAD = "title:\n  fr: Essai\n  en: Test\n"  # lines 1-3

# name, content of data/projects/essai.yml (text or bytes), expected line, field, words of the message
REFUSED = [
    ("duplicate key", HEAD + "status: active\nstatus: planned\n", 5, "status", "appears twice"),
    ("duplicate nested key", HEAD + "  fr: Encore\n", 4, "title.fr", "appears twice"),
    ("duplicate key in a list item", HEAD + "links:\n  - url: https://a.org/\n    url: https://b.org/\n", 6,
     "links[0].url", "appears twice"),
    ("duplicate key after NFC", "caf\u00e9: 1\ncafe\u0301: 2\n", 2, "caf\u00e9", "appears twice"),
    ("anchor", HEAD + "summary: &resume\n  fr: R\n  en: S\n", 4, "summary", "anchors"),
    ("alias", HEAD + "summary: *resume\n", 4, "summary", "aliases"),
    ("alias in a flow list", HEAD + "themes: [a, *b]\n", 4, "themes[1]", "aliases"),
    ("YAML tag", HEAD + "start: !!timestamp 2020-01-01\n", 4, "start", "tags"),
    ("python tag", HEAD + "status: !!python/object:os.system ls\n", 4, "status", "tags"),
    ("two documents", HEAD + "---\nstatus: active\n", 4, "", "more than one YAML document"),
    ("top level is a list", "- title: Essai\n- status: active\n", 1, "", "top level"),
    ("top level is a text", "juste du texte\n", 1, "", "top level"),
    ("empty file", "", 1, "", "empty"),
    ("only comments", "# nothing yet\n\n   # still nothing\n", 1, "", "empty"),
    ("only a document marker", "---\n", 1, "", "empty"),
    ("tab indentation", HEAD + "summary:\n\tfr: R\n", 5, "", "tab"),
    ("lone carriage return", HEAD + "status: active\rstart: 2020\n", 4, "", "line break"),
    ("line separator", HEAD + "status: active\u2028\n", 4, "", "line break"),
    ("control character", HEAD + "status: act\x07ive\n", 4, "", "U+0007"),
    ("invisible key", HEAD + "sta\u200btus: active\n", 4, "", "invisible character (U+200B"),
    ("key that is a list", HEAD + "[a, b]: c\n", 4, "", "simple word"),
    ("deep nesting", HEAD + "links: " + "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5) + "\n", 4, "",
     f"more than {MAX_DEPTH} levels"),
    # The mapping that holds k<i> is the (i+2)th level and starts on line 4+i.
    ("deep block nesting", HEAD + "".join(f"{'  ' * i}k{i}:\n" for i in range(MAX_DEPTH + 2)), 4 + MAX_DEPTH - 1 + 1,
     "", "levels deep"),
    # 9 values before the first item (mappings, keys, texts, the list): item n is value 9+n, on line 4+n.
    ("too many values", HEAD + "themes:\n" + "  - x\n" * MAX_NODES, 4 + MAX_NODES - 8, "", "more than 10,000 values"),
    ("syntax error", HEAD + "status: [active\n", 5, "", "YAML syntax error"),
    ("bytes that are not UTF-8", HEAD.encode("utf-8") + b"status: activ\xe9\n", 4, "", "not UTF-8"),
    # Line 0: refused on its size, read no further than the limit.
    ("file over the size limit", HEAD + "summary: " + "x" * MAX_FILE_BYTES + "\n", 0, "", "1,000,000 bytes limit"),
]


def write(data_dir: Path, content: str | bytes) -> None:
    path = data_dir / "projects" / "essai.yml"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def problems_of(data_dir: Path):
    with pytest.raises(DataError) as raised:
        load_site(data_dir)
    return raised.value.problems


@pytest.mark.parametrize("name, content, line, field, words", REFUSED, ids=[r[0] for r in REFUSED])
def test_refused_at_its_file_line_and_field(data_dir, name, content, line, field, words):
    write(data_dir, content)
    problems = problems_of(data_dir)
    assert len(problems) == 1, "\n".join(map(str, problems))  # refused whole: nothing else is read from it
    problem = problems[0]
    assert (problem.file, problem.line, problem.field) == (FILE, line, field), str(problem)
    assert words in problem.message, str(problem)


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
    assert "not a regular file" in problems[0].message
