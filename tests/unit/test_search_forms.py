"""The forms added to the search index, so that accents and inflection do not hide a page."""

from __future__ import annotations

import re

import pytest

from csn.hosts.mkdocs.search_index import SEPARATOR, extra_forms, fold, forms_of, words


@pytest.mark.parametrize("written, typed", [
    ("données", "donnee"), ("données", "donnée"), ("donnée", "données"), ("donnée", "donnees"),
    ("protégées", "protégés"), ("protégées", "protege"), ("protégé", "protégées"),
    ("réseaux", "réseau"), ("réseau", "reseaux"), ("internationaux", "internationale"),
    ("culturelle", "culturels"), ("active", "actifs"), ("Québec", "quebec"), ("cœur", "coeur"),
])
def test_a_french_word_can_be_found_by_its_other_forms(written, typed):
    forms = forms_of(written.lower(), "fr")
    assert any(form.startswith(typed.lower()) for form in forms), sorted(forms)


@pytest.mark.parametrize("written, typed", [
    ("projects", "project"), ("project", "projects"), ("policy", "policies"), ("policies", "policy"),
    ("branch", "branches"), ("partnerships", "partnership"), ("status", "statuses"), ("Québec", "quebec"),
])
def test_an_english_word_can_be_found_by_its_plural_or_singular(written, typed):
    assert any(form.startswith(typed) for form in forms_of(written.lower(), "en"))


def test_unrelated_words_do_not_become_each_other():
    assert not any(form.startswith("projet") for form in forms_of("partenaires", "fr"))
    assert "news" in forms_of("news", "en") and "newses" not in forms_of("news", "en")


def test_words_are_split_as_material_splits_them():
    assert words("<p>L'innovation «&nbsp;technosociale&nbsp;» – Québec–Bavière</p>") == [
        "l", "innovation", "technosociale", "québec", "bavière"]
    assert re.compile(SEPARATOR).split("1.5 données.") == ["1.5", "données", ""]


def test_extra_forms_leave_out_what_the_text_already_has():
    extra = extra_forms("Les données protégées", "fr").split()
    assert "donnee" in extra and "protégés" in extra and "données" not in extra
    assert fold("Éthique ŒUVRE") == "ethique oeuvre"
