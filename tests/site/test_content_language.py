"""A name written once in another language than the page's (`name_lang`) carries its `lang` wherever it
stands alone on a page (cards, headings, lists, header, footer), so screen readers pronounce it right."""

from __future__ import annotations

from csn.data.load import load_site
from csn.data.schema import LANGUAGES
from tests.helpers.htmlcheck import html_pages, parse
from tests.helpers.sitebuild import FIXTURE_DATA

SITE = load_site(FIXTURE_DATA)
NOT_READ = ("script", "style", "title", "noscript", "template")


def foreign_names() -> list[tuple[str, str, str]]:
    """(name, the name's language, the language of the pages where it is foreign)."""
    named = [*SITE.partners, SITE.info, SITE.info.institution]
    return [(thing.name[lang], thing.name_lang_on(lang), lang)
            for thing in named for lang in LANGUAGES if thing.name_lang_on(lang)]


def language_of(element) -> str | None:
    """The language in force at `element`: its own `lang`, or its nearest ancestor's."""
    while element is not None and getattr(element, "name", None):
        if element.has_attr("lang"):
            return element["lang"]
        element = element.parent
    return None


def test_the_real_data_has_names_written_in_another_language():
    names = {(name, name_lang) for name, name_lang, _ in foreign_names()}
    assert {("Digital Health Canada", "en"), ("Université de Montréal", "fr"),
            ("Consortium Santé Numérique", "fr")} <= names


def test_each_foreign_name_standing_alone_carries_its_lang(real_site):
    names = foreign_names()
    checked, problems = 0, []
    for page in html_pages(real_site.site):
        soup = parse(page)
        page_lang = soup.html.get("lang")
        for text in soup.body.find_all(string=True):
            if text.parent.name in NOT_READ:
                continue
            words = " ".join(text.split())
            for name, name_lang, lang in names:
                if lang == page_lang and words == name:
                    checked += 1
                    if language_of(text.parent) != name_lang:
                        problems.append(f"{page.relative_to(real_site.site)}: {name!r} in <{text.parent.name}> "
                                        f"is read as {language_of(text.parent)!r}")
    assert not problems, "\n".join(problems)
    assert checked >= 20  # header, footer, cards, headings and lists of both languages


def test_the_page_language_is_not_repeated_on_names(real_site):
    """`Digital Health Canada` on an English page is plain English text: no redundant lang."""
    soup = real_site.html("en/partners/digital-health-canada/")
    heading = soup.find("h1")
    assert heading.get_text(strip=True) == "Digital Health Canada" and not heading.find(attrs={"lang": True})
