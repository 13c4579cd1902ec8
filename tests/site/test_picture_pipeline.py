"""Pictures in the built site: widths and formats that exist at their announced size, no metadata left,
alt in the page's language, the link preview, the cache; and each bad picture refused at its line.

The site is the real one plus planted records (found by their ids, never counted): a news item with a
phone's photo (stored sideways, with a GPS position, XMP, a comment and a profile), a news item without a
picture, and a partner with a PNG logo with transparency and text chunks.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from PIL import Image, PngImagePlugin

from csn.data.errors import DataError
from csn.messages import say
from csn.pictures.pipeline import load_site_with_pictures
from tests.helpers.datafixtures import assert_says, write
from tests.helpers.picturekit import camera_photo
from tests.helpers.sitebuild import build, copy_project

pytestmark = pytest.mark.xdist_group("picture_site")
SITE_URL = "https://csn.example.org/"
PHOTO = "assets/images/essai-photo.jpg"
PHOTO_STORED = (2400, 1600)  # stored sideways: shown 1600 wide, 2400 high
LOGO = "assets/logos/essai-logo.png"
IN_TEXT = "assets/images/dans-le-texte.jpg"  # an image of a Markdown text: published at its path, cleaned
NEWS_WITH_PICTURE = {"fr": "actualites/photo-d-essai/", "en": "en/news/test-photo/"}
NEWS_WITHOUT_PICTURE = {"fr": "actualites/sans-photo/", "en": "en/news/no-photo/"}
PARTNER_WITH_LOGO = {"fr": "partenaires/partenaire-logo/", "en": "en/partners/partner-logo/"}
ALT = {"fr": "Une photo d'essai prise de côté", "en": "A test photo taken sideways"}
SECRETS = (b"SecretCam", b"Secret Author", b"secret comment", b"Hidden PNG note")


def news(slug_fr: str, slug_en: str, picture: str = "", body: str = "Texte.") -> str:
    return f"""\
date: 2021-05-04
title:
  fr: Actualité {slug_fr}
  en: News {slug_en}
slug:
  fr: {slug_fr}
  en: {slug_en}
summary:
  fr: Une actualité d'essai.
  en: A test news item.
body:
  fr: {body}
  en: Text.
{picture}"""


PICTURE = f"""\
image:
  src: {PHOTO}
  alt:
    fr: {ALT["fr"]}
    en: {ALT["en"]}
  credit:
    fr: "Photo : Essai"
    en: "Photo: Test"
"""

PARTNER = f"""\
name: Partenaire au logo
slug:
  fr: partenaire-logo
  en: partner-logo
kind: research
country: CA
description:
  fr: Un partenaire d'essai.
  en: A test partner.
logo: {LOGO}
"""


def plant(project: Path) -> None:
    camera_photo(project / PHOTO, PHOTO_STORED, orientation=6)
    logo = Image.new("RGBA", (640, 240), (0, 0, 0, 0))
    logo.paste((20, 90, 160, 255), (40, 40, 600, 200))
    chunks = PngImagePlugin.PngInfo()
    chunks.add_text("Comment", "Hidden PNG note")
    (project / LOGO).parent.mkdir(parents=True, exist_ok=True)
    logo.save(project / LOGO, "PNG", pnginfo=chunks)
    data = project / "data"
    write(data, "news/2021-05-04-photo-d-essai.yml", news("photo-d-essai", "test-photo", PICTURE))
    camera_photo(project / IN_TEXT, (900, 600), orientation=6)
    write(data, "news/2021-05-04-sans-photo.yml", news("sans-photo", "no-photo", body=f"\"![Une photo]({IN_TEXT})\""))
    write(data, "partners/partenaire-logo.yml", PARTNER)


@pytest.fixture(scope="module")
def picture_site(tmp_path_factory):
    project = copy_project(tmp_path_factory.mktemp("pictures") / "project")
    plant(project)
    cache = project / ".cache" / "own-pictures"  # its own cache: the second build must find it full
    result = build(project, site_url=SITE_URL, extra_env={"CSN_PICTURE_CACHE": str(cache)})
    assert result.returncode == 0, result.output
    return result, cache


def page(result, url: str) -> BeautifulSoup:
    return BeautifulSoup((result.site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def published(result, url: str, reference: str) -> Path:
    """The file a page's relative (or absolute) address leads to."""
    if reference.startswith(SITE_URL):
        return result.site / reference[len(SITE_URL):]
    path = (result.site / url / urlsplit(reference).path).resolve()
    assert path.is_relative_to(result.site.resolve()), reference
    return path


def srcset(value: str) -> list[tuple[str, int]]:
    entries = [entry.strip().rsplit(" ", 1) for entry in value.split(",")]
    return [(address, int(width.rstrip("w"))) for address, width in entries]


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_width_exists_at_its_announced_size_and_type(picture_site, lang):
    result, _ = picture_site
    url = NEWS_WITH_PICTURE[lang]
    (picture,) = page(result, url).select("main picture")
    shown_w, shown_h = PHOTO_STORED[1], PHOTO_STORED[0]  # upright
    types = {}
    for element in [*picture.find_all("source"), picture.find("img")]:
        entries = srcset(element["srcset"])
        widths = [width for _, width in entries]
        assert widths == sorted(widths) and len(widths) >= 3 and max(widths) <= shown_w, widths  # never enlarged
        for address, width in entries:
            with Image.open(published(result, url, address)) as image:
                assert image.size == (width, round(shown_h * width / shown_w)), address
                types.setdefault(element.get("type", "img"), set()).add(image.format)
    assert types == {"image/webp": {"WEBP"}, "img": {"JPEG"}}  # the fallback keeps the source's format
    img = picture.find("img")
    with Image.open(published(result, url, img["src"])) as largest:
        assert (int(img["width"]), int(img["height"])) == largest.size  # the intrinsic size: no layout shift
    assert img["decoding"] == "async" and img.get("sizes")


def test_the_header_picture_loads_at_once_and_cards_lazily(picture_site):
    result, _ = picture_site
    header = page(result, NEWS_WITH_PICTURE["fr"]).select_one(".csn-record-head__media picture img")
    assert header.get("loading") is None and header["fetchpriority"] == "high"
    cards = [img for img in page(result, "actualites/").select("main .csn-card img")
             if "essai-photo" in img["src"]]
    assert cards and all(img["loading"] == "lazy" and img["decoding"] == "async" for img in cards)


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_the_alt_and_the_credit_are_in_the_page_language(picture_site, lang):
    result, _ = picture_site
    soup = page(result, NEWS_WITH_PICTURE[lang])
    assert soup.select_one(".csn-record-head__media picture img")["alt"] == ALT[lang]
    # The credit right under the picture it credits, inside the header.
    credit = soup.select_one(".csn-record-head__figure > .csn-record-head__media + .csn-credit").get_text(strip=True)
    assert credit == {"fr": "Photo : Essai", "en": "Photo: Test"}[lang]
    listing = page(result, {"fr": "actualites/", "en": "en/news/"}[lang])
    card = next(img for img in listing.select("main img") if "essai-photo" in img["src"])
    assert card["alt"] == ALT[lang]


@pytest.mark.parametrize("url, selector", [(NEWS_WITH_PICTURE["fr"], ".csn-record-head__media picture img"),
                                           (NEWS_WITHOUT_PICTURE["fr"], ".csn-record__main img")])
def test_the_photo_is_published_upright(picture_site, url, selector):
    """Stored sideways with its top left quarter red; orientation 6 turns it a quarter clockwise."""
    result, _ = picture_site
    img = page(result, url).select_one(selector)
    with Image.open(published(result, url, img["src"])) as image:
        rgb = image.convert("RGB")
        width, height = rgb.size
        assert height > width
        red, green, _ = rgb.getpixel((width - 10, 10))
        assert red > 180 and green < 80, "the red quarter must be at the top right once upright"
        assert rgb.getpixel((10, 10))[1] > 80


def test_no_published_image_keeps_any_metadata(picture_site):
    result, _ = picture_site
    images = [path for path in result.site.rglob("*") if path.suffix.lower() in (".jpg", ".jpeg", ".png", ".webp", ".gif")]
    pictures = [path for path in images if "/assets/pictures/" in path.as_posix()]
    assert any("essai-photo" in path.name for path in pictures) and any("essai-logo" in p.name for p in pictures)
    assert result.site / IN_TEXT in images
    for path in images:
        with Image.open(path) as image:
            assert not image.getexif(), f"{path}: EXIF left"
            kept = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "icc_profile", "Comment"} & set(image.info)
            assert not kept, f"{path}: {kept} left"
            assert not getattr(image, "text", {}), f"{path}: PNG text left"
        data = path.read_bytes()
        assert not [secret for secret in SECRETS if secret in data], path
    assert not (result.site / PHOTO).exists() and not (result.site / LOGO).exists()  # the sources stay home


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_record_with_a_picture_announces_its_crop_and_the_others_the_language_card(picture_site, lang):
    result, _ = picture_site
    soup = page(result, NEWS_WITH_PICTURE[lang])

    def meta(soup, name):
        return soup.find("meta", property=name)["content"]

    with Image.open(published(result, NEWS_WITH_PICTURE[lang], meta(soup, "og:image"))) as preview:
        assert preview.size == (1200, 630) and preview.format == "JPEG"
    assert (meta(soup, "og:image:width"), meta(soup, "og:image:height")) == ("1200", "630")
    assert meta(soup, "og:image:type") == "image/jpeg" and meta(soup, "og:image:alt") == ALT[lang]
    assert soup.find("meta", attrs={"name": "twitter:image:alt"})["content"] == ALT[lang]
    graph = json.loads(soup.find("script", type="application/ld+json").string)["@graph"]
    article = next(node for node in graph if node["@type"] == "NewsArticle")
    assert meta(soup, "og:image") in article["image"]
    assert all(published(result, NEWS_WITH_PICTURE[lang], address).is_file() for address in article["image"])
    for plain in (page(result, NEWS_WITHOUT_PICTURE[lang]), page(result, PARTNER_WITH_LOGO[lang])):
        assert meta(plain, "og:image") == f"{SITE_URL}assets/images/social-card-{lang}.png"
        assert not plain.select(".csn-record-head__media .csn-picture__img")


def test_a_raster_logo_is_a_small_picture_with_its_transparency(picture_site):
    result, _ = picture_site
    url = PARTNER_WITH_LOGO["en"]
    img = page(result, url).select_one("main picture img.csn-logo")
    assert img["alt"] == ""  # the partner's name is beside it
    entries = srcset(img["srcset"])
    assert [width for _, width in entries] == [160, 320, 480]
    with Image.open(published(result, url, entries[0][0])) as small:
        assert small.format == "PNG" and small.mode == "RGBA" and small.getpixel((0, 0))[3] == 0


def test_a_rebuild_with_no_picture_changed_does_no_picture_work(picture_site):
    result, cache = picture_site
    manifests = {path: path.stat().st_mtime_ns for path in cache.glob("*/manifest.json")}
    assert len(manifests) >= 3  # the planted photo, logo and image of a text (and the fixture's pictures)
    again = build(result.project, site_url=SITE_URL, extra_env={"CSN_PICTURE_CACHE": str(cache)})
    assert again.returncode == 0, again.output
    nothing_made = re.escape(say("build.pictures", made="MADE", reused="REUSED")).replace("MADE", "0")
    assert re.search(nothing_made.replace("REUSED", r"\d+"), again.output), again.output
    assert {path: path.stat().st_mtime_ns for path in cache.glob("*/manifest.json")} == manifests


# Each bad picture: a located error on the line of `src`, nothing else, never a traceback.
NEWS_FILE = "news/2021-05-04-photo-d-essai.yml"
SRC_LINE = 15


def plant_bad(data_dir: Path, picture: str, src: str = "assets/images/bad.jpg") -> None:
    write(data_dir, NEWS_FILE, news("photo-d-essai", "test-photo", picture.replace(PHOTO, src)))


def problems_of(data_dir: Path) -> list:
    with pytest.raises(DataError) as raised:
        load_site_with_pictures(data_dir)
    return raised.value.problems


def bad_problem(data_dir: Path, field: str = "image.src"):
    problems = [p for p in problems_of(data_dir) if p.file == f"data/{NEWS_FILE}"]
    assert len(problems) == 1, "\n".join(map(str, problems))
    (problem,) = problems
    assert (problem.line, problem.field) == (SRC_LINE, field), str(problem)
    return problem


def test_a_text_file_named_jpg_is_not_an_image(data_dir):
    (data_dir.parent / "assets/images/bad.jpg").write_text("not a picture at all", encoding="utf-8")
    plant_bad(data_dir, PICTURE)
    assert_says(bad_problem(data_dir), ("picture.about", "picture.not_image"), "`assets/images/bad.jpg`")


def test_a_decompression_bomb_is_refused_before_decoding(data_dir):
    Image.new("1", (9000, 6000)).save(data_dir.parent / "assets/images/bad.png")  # a small file, 54 Mpx
    plant_bad(data_dir, PICTURE, "assets/images/bad.png")
    assert_says(bad_problem(data_dir), ("picture.about", "picture.too_many_pixels_sized"), "9000x6000")


def test_a_truncated_photo_is_refused_at_its_line(data_dir):
    path = camera_photo(data_dir.parent / "assets/images/bad.jpg", (1200, 900), orientation=1)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    plant_bad(data_dir, PICTURE)
    assert_says(bad_problem(data_dir), ("picture.about", "picture.damaged"), "`assets/images/bad.jpg`")


@pytest.mark.parametrize("src, code", [
    ("../outside.jpg", "image.dots"),
    ("docs/photo.jpg", "image.outside_assets"),
    ("assets/images/absent.jpg", "image.missing"),
    ("/assets/../data/site.yml", "image.dots"),
])
def test_a_path_outside_assets_is_refused(data_dir, src, code):
    (data_dir.parent / "docs/photo.jpg").write_bytes(b"")
    plant_bad(data_dir, PICTURE, src)
    assert_says(bad_problem(data_dir), code, src.removeprefix("/"))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_a_missing_alt_in_a_language_is_said_on_the_src_line(data_dir, lang):
    camera_photo(data_dir.parent / "assets/images/bad.jpg", (800, 600), orientation=1)
    plant_bad(data_dir, re.sub(rf"\n    {lang}: .*", "", PICTURE, count=1))
    assert_says(bad_problem(data_dir, f"image.alt.{lang}"), "translation.missing")


def test_a_picture_says_what_it_shows_or_that_it_decorates(data_dir):
    camera_photo(data_dir.parent / "assets/images/bad.jpg", (800, 600), orientation=1)
    without_alt = "image:\n  src: assets/images/bad.jpg\n"
    plant_bad(data_dir, without_alt)
    assert_says(bad_problem(data_dir, "image.alt"), "image.alt_missing", "decorative: true")
    plant_bad(data_dir, without_alt + "  decorative: true\n")
    site = load_site_with_pictures(data_dir)
    item = next(n for n in site.news if n.id == "2021-05-04-photo-d-essai")
    assert item.image.alt is None and item.image.rendition.preview is not None
    plant_bad(data_dir, PICTURE + "  decorative: true\n")
    problems = [p for p in problems_of(data_dir) if p.file == f"data/{NEWS_FILE}"]
    assert [p.field for p in problems] == ["image.decorative"]


def test_a_build_with_a_bad_picture_stops_cleanly_and_writes_nothing(data_dir):
    path = camera_photo(data_dir.parent / "assets/images/bad.jpg", (1200, 900), orientation=1)
    path.write_bytes(path.read_bytes()[:3000])
    plant_bad(data_dir, PICTURE)
    result = build(data_dir.parent)
    assert result.returncode != 0
    damaged = say("picture.damaged", error="ERROR").split("ERROR")[0]
    assert f"data/{NEWS_FILE}:{SRC_LINE}: image.src: `assets/images/bad.jpg` {damaged}" in result.output
    assert "Traceback" not in result.output
    assert not result.site.exists() or not any(result.site.rglob("*.html"))
