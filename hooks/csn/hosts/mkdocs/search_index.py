"""One search index per language, tolerant of accents and inflection.

mkdocs-static-i18n leaves one index holding both languages at
`search/search_index.json`. It is split here: the French pages' index stays
there, the English one goes to `en/search/search_index.json` (the English
pages point Material's search at it, see `search_base`).

Material's search appends a wildcard to every word typed (`donnee` becomes
`donnee*`), and lunr runs no stemmer on such words: stemming the index would
stop `données` from finding anything. Instead each document gets hidden
fields holding the other forms of its words, accents dropped and inflections
added (`données` -> `donnee`, `donnees`, `donnée`, ...; `projects` -> `project`),
so that every form a visitor may type is a prefix of a word in the index.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from csn.data.schema import DEFAULT_LANGUAGE, LANGUAGES
from csn.site.folding import fold
from csn.site.plan import language_prefix

INDEX_FILE = "search/search_index.json"
# Words are split at spaces, hyphens, punctuation and French apostrophes (l'innovation -> l, innovation).
# The same pattern runs in Python here and in Material's search (JavaScript) on the documents and the query.
SEPARATOR = r"[\s\-–—,:;!?'’«»\"()\[\]/…]+|\.(?!\d)"
INDEX_BATCH = 500  # documents encoded at a time when writing an index
MIN_INFLECTED = 4  # shorter words (mostly articles and prepositions) only lose their accents
FORM_FIELDS = {"title": ("title_forms", 100.0), "text": ("text_forms", 1.0)}
_TAG = re.compile(r"<[^>]+>")
_SPLIT = re.compile(SEPARATOR)


def words(markup: str) -> list[str]:
    """The lowercase words of a title or text as Material's search sees them (markup removed)."""
    text = html.unescape(_TAG.sub(" ", markup)).lower()
    return [w for w in _SPLIT.split(text) if w]


# French: undo then redo plural and feminine endings (données, protégées, culturelles, réseaux, nationaux).

def _looks_plural(word: str) -> bool:
    return word[-1] in "sx" and not word.endswith("ss")


def french_lemmas(word: str) -> set[str]:
    """Candidate masculine singulars of `word`; a plural-looking word is not one itself (pays -> pay -> pays)."""
    singular = {word[:-1]} if _looks_plural(word) else {word}
    if word.endswith("aux"):
        singular.add(word[:-3] + "al")
    lemmas = set(singular)
    for w in singular:
        if len(w) > 3 and w.endswith("e"):
            base = w[:-1]
            lemmas.add(base)
            if base[-2:] in ("ll", "nn", "tt"):
                lemmas.add(base[:-1])
            if base.endswith("v"):
                lemmas.add(base[:-1] + "f")
            if w.endswith("euse"):
                lemmas.add(w[:-4] + "eux")
            if w.endswith("ère"):
                lemmas.add(w[:-3] + "er")
    return lemmas


def french_forms(lemma: str) -> set[str]:
    if lemma[-1] in "sxz":
        plurals = {lemma}
    elif lemma.endswith(("au", "eu")):
        plurals = {lemma + "x"}
    elif lemma.endswith("al"):
        plurals = {lemma + "s", lemma[:-2] + "aux"}
    else:
        plurals = {lemma + "s"}
    if lemma.endswith("e"):
        feminine = lemma
    elif lemma.endswith(("el", "en", "on", "et")):
        feminine = lemma + lemma[-1] + "e"
    elif lemma.endswith("f"):
        feminine = lemma[:-1] + "ve"
    elif lemma.endswith("eux"):
        feminine = lemma[:-1] + "se"
    elif lemma.endswith("er"):
        feminine = lemma[:-2] + "ère"
    else:
        feminine = lemma + "e"
    return {lemma, *plurals, feminine, feminine + "s"}


# English: simple plurals (project/projects, policy/policies, box/boxes).

def english_lemmas(word: str) -> set[str]:
    """The singular of `word` (the word itself when it does not look plural)."""
    if word.endswith("ies"):
        return {word[:-3] + "y"}
    if word.endswith(("sses", "xes", "zes", "ches", "shes")):
        return {word[:-2]}
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return {word[:-1]}
    return {word}


def english_forms(lemma: str) -> set[str]:
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        plural = lemma[:-1] + "ies"
    elif lemma.endswith(("s", "x", "z", "ch", "sh")):
        plural = lemma + "es"
    else:
        plural = lemma + "s"
    return {lemma, plural}


INFLECTIONS = {"fr": (french_lemmas, french_forms), "en": (english_lemmas, english_forms)}


@lru_cache(maxsize=1 << 16)  # the same words come back in page after page
def forms_of(word: str, lang: str) -> frozenset[str]:
    """Every form of `word` a visitor may type, with and without accents; the word itself included."""
    if len(word) < MIN_INFLECTED or not word.isalpha():
        return frozenset({word, fold(word)})
    lemmas_of, forms_from = INFLECTIONS[lang]
    forms = {form for lemma in lemmas_of(word) for form in forms_from(lemma)}
    return frozenset(forms | {fold(form) for form in forms})


def extra_forms(markup: str, lang: str) -> str:
    """The forms of the words of `markup` that it does not already contain, space-separated."""
    present = words(markup)
    extra: set[str] = set()
    for word in set(present):
        extra |= forms_of(word, lang)
    return " ".join(sorted(extra - set(present)))


def language_of(location: str) -> str:
    for lang in LANGUAGES:
        if lang != DEFAULT_LANGUAGE and location.startswith(language_prefix(lang)):
            return lang
    return DEFAULT_LANGUAGE


def language_index(index: dict, docs: Iterable[dict], lang: str) -> dict:
    """The index of one language: its documents, located from its own root, with their other forms."""
    prefix = language_prefix(lang)
    fields = dict(index["config"].get("fields", {}))
    for name, boost in FORM_FIELDS.values():
        fields[name] = {"boost": boost}
    config = {**index["config"], "lang": [lang], "separator": SEPARATOR, "pipeline": ["stopWordFilter"],
              "fields": fields}
    located = []
    for doc in docs:
        doc = {**doc, "location": doc["location"][len(prefix):]}
        for source, (name, _) in FORM_FIELDS.items():
            forms = extra_forms(doc.get(source, ""), lang)
            if forms:
                doc[name] = forms
        located.append(doc)
    return {**index, "config": config, "docs": located}


def split_search_index(site_dir: Path) -> dict[str, int]:
    """Rewrite the written index as one index per language; return how many documents each got.

    A language without documents in the written index (a partial build) is left as it is.
    """
    path = site_dir / INDEX_FILE
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as stream:
        index = json.load(stream)
    by_lang: dict[str, list[dict]] = {}
    for doc in index.pop("docs", []):
        by_lang.setdefault(language_of(doc["location"]), []).append(doc)
    counts = {lang: len(docs) for lang, docs in by_lang.items()}
    for lang in list(by_lang):
        target = site_dir / language_prefix(lang) / INDEX_FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        _write_index(target, language_index(index, by_lang.pop(lang), lang))  # each language freed once written
    return counts


def _write_index(target: Path, index: dict) -> None:
    """The index as compact JSON, its documents encoded a batch at a time: thousands of pages make
    an index of tens of megabytes, which need not be held whole as one string as well."""
    docs = index["docs"]
    head = json.dumps({key: value for key, value in index.items() if key != "docs"}, ensure_ascii=False,
                      separators=(",", ":"))[:-1]  # without its closing brace
    with target.open("w", encoding="utf-8") as out:
        out.write(head + ("," if len(head) > 1 else "") + '"docs":[')
        for start in range(0, len(docs), INDEX_BATCH):
            out.write(("," if start else "") + json.dumps(docs[start:start + INDEX_BATCH], ensure_ascii=False,
                                                          separators=(",", ":"))[1:-1])
        out.write("]}")
