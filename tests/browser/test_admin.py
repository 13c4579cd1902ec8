"""The editing interface at /admin/ in Chromium: Sveltia CMS working on a local clone, as an editor would.

Chromium's local-clone mode asks for the clone's folder with showDirectoryPicker(); the test answers with
a folder of the browser's own private file system holding a copy of data/ (and the `.git` the CMS looks
for), then reads back what the CMS wrote there. Every request is recorded: none may leave the site.
"""

from __future__ import annotations

import base64
import io
import re

import pytest
import yaml
from PIL import Image, ImageCms

from csn.data.load import load_site
from csn.editors.cms_admin import GITHUB_API, admin_policy
from csn.pictures.pipeline import load_site_with_pictures
from tests.helpers.browserkit import record, screenshot_path
from tests.helpers.hostile import png_bytes
from tests.helpers.picturekit import camera_photo
from tests.helpers.sitebuild import FIXTURE_DIR, copy_project
from tools.cms_clone import CLONE, READ_CLONE, READ_CLONE_BASE64, READ_CLONE_IF_ANY, clone_files, open_local_clone

TOP_KEY = re.compile(r"^([a-z_]+):")


def _news_item(files: dict[str, str]) -> str:
    """A news item with both titles (whichever the data has first: editors add and remove items)."""
    for path, text in files.items():
        if path.startswith("data/news/"):
            record = yaml.safe_load(text)
            if isinstance(record.get("title"), dict) and record["title"].get("en"):
                return path
    pytest.fail("no news item with a French and an English title in data/news/")


def _blocks(text: str) -> dict[str, list[str]]:
    """The lines of each top-level key."""
    blocks: dict[str, list[str]] = {}
    key = None
    for line in text.splitlines():
        match = TOP_KEY.match(line)
        if match:
            key = match.group(1)
        if key is not None:
            blocks.setdefault(key, []).append(line)
    return blocks


def _without_final_newlines(value):
    if isinstance(value, dict):
        return {k: _without_final_newlines(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_final_newlines(v) for v in value]
    return value.rstrip("\n") if isinstance(value, str) else value


@pytest.fixture
def french_editor(browser, served_site):
    """A recorded page of a browser set to French (the CMS speaks its user's language), 1280 px wide."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="fr-CA")
    yield record(context, served_site.origin)
    context.close()


def test_the_editor_changes_a_news_items_titles_in_a_local_clone(french_editor, tmp_path):
    files = clone_files(FIXTURE_DIR)
    path = _news_item(files)
    entry = path.rsplit("/", 1)[1].removesuffix(".yml")
    recorded = french_editor
    open_local_clone(recorded.page, recorded.url("admin/"), files)
    page = recorded.page
    page.screenshot(path=screenshot_path("admin-collections"))
    page.goto(recorded.url(f"admin/#/collections/news/entries/{entry}"))
    title_fr = page.get_by_role("textbox", name="Français · French").first
    title_en = page.get_by_role("textbox", name="Anglais · English").first
    before = yaml.safe_load(files[path])
    # French and English side by side, French first (1280 px wide).
    fr_box, en_box = title_fr.bounding_box(), title_en.bounding_box()
    assert abs(fr_box["y"] - en_box["y"]) < 2 and fr_box["x"] + fr_box["width"] <= en_box["x"]
    assert title_fr.input_value() == before["title"]["fr"] and title_en.input_value() == before["title"]["en"]
    title_fr.fill("Titre modifié : « l'essai »")
    title_en.fill("Edited title: 'the test'")
    page.get_by_role("button", name="Enregistrer").click()
    written = files[path]
    for _ in range(60):  # the CMS writes the file a moment after the click
        written = page.evaluate(READ_CLONE, [CLONE, path])
        if written != files[path]:
            break
        page.wait_for_timeout(250)
    page.screenshot(path=screenshot_path("admin-news-saved"))

    after = yaml.safe_load(written)
    assert after["title"] == {"fr": "Titre modifié : « l'essai »", "en": "Edited title: 'the test'"}
    # The CMS writes its boolean fields even when unset: `draft: false` (not a draft) and a picture's
    # `decorative: false` (it says what it shows) are the keys it may add.
    if "draft" not in before:
        assert after.pop("draft", False) is False
    if "image" in before and "decorative" not in before["image"]:
        assert after["image"].pop("decorative", False) is False
    # The same record otherwise; the CMS drops a block's final line break (`|` becomes `|-`).
    assert _without_final_newlines({**after, "title": before["title"]}) == _without_final_newlines(before)
    old, new = _blocks(files[path]), _blocks(written)
    if "draft" not in before:
        new.pop("draft", None)
    assert list(new) == [key for key in old if key in new] and set(new) == set(old)  # same keys, same order
    for key, lines in old.items():
        folded = any(re.search(r": *[>|][-+]?$", line) for line in lines)
        if key == "image":
            # The picture's lines, the added `decorative: false` aside; the CMS may write a credit's `en`
            # before its `fr` (the order of a custom input's keys is its own), so the lines are compared as a set.
            assert sorted(line for line in new[key] if line.strip() != "decorative: false") == sorted(lines), key
        elif key != "title" and not folded:
            assert new[key] == lines, f"{key}: lines the edit did not touch were rewritten"
    # What the CMS does not keep: comments, the first line (the schema's modeline) included, and the folded
    # style of long texts (written on one line). `make schemas` accepts the file without its first line.
    assert not written.startswith("#")
    # What it wrote passes the site's validation.
    project = copy_project(tmp_path / "project")
    (project / path).write_text(written, encoding="utf-8")
    titles = {news.id: news.title for news in load_site(project / "data").news + load_site(project / "data").scheduled}
    assert titles[entry] == after["title"]
    assert recorded.problems() == [], recorded.problems()
    assert recorded.foreign_requests == []


def test_the_admin_page_has_its_own_policy_and_the_public_pages_keep_theirs(open_page):
    recorded = open_page()
    recorded.goto("admin/")
    policy = recorded.page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert policy == admin_policy()
    assert "connect-src 'self' blob: data: https://api.github.com;" in policy
    assert recorded.page.locator('meta[name="robots"]').first.get_attribute("content") == "noindex, nofollow"
    recorded.goto("")
    public = recorded.page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert "connect-src 'self';" in public
    for admin_only in ("api.github.com", "'unsafe-inline'", "blob:"):
        assert admin_only not in public


def _saved(page, path: str, before: str | None) -> str:
    """The file at `path` of the clone once the CMS has written it (it does a moment after the click)."""
    for _ in range(60):
        text = page.evaluate(READ_CLONE_IF_ANY, [CLONE, path])
        if text is not None and text != before:
            return text
        page.wait_for_timeout(250)
    pytest.fail(f"the CMS did not write {path}")


def test_a_new_news_item_is_named_as_make_new_news_names_it_and_is_valid(french_editor, tmp_path):
    files = clone_files(FIXTURE_DIR)
    recorded = french_editor
    open_local_clone(recorded.page, recorded.url("admin/"), files)
    page = recorded.page
    page.goto(recorded.url("admin/#/collections/news/new"))
    page.get_by_role("textbox", name=re.compile("^Date de l")).fill("2031-05-30")
    texts = {"title": ("Le CSN au congrès de Digital Health Canada", "CSN at the Digital Health Canada congress"),
             "summary": ("Un résumé d'essai.", "A test summary.")}
    for index, (fr, en) in enumerate(texts.values()):
        page.get_by_role("textbox", name="Français · French").nth(index).fill(fr)
        page.get_by_role("textbox", name="Anglais · English").nth(index).fill(en)
    page.locator('section[data-key-path="body"]').first.scroll_into_view_if_needed()
    for lang, text in (("fr", "Le **texte**."), ("en", "The **text**.")):
        page.locator(f'section[data-key-path="body.{lang}"] [contenteditable="true"]').first.click()
        page.keyboard.type(text)
    page.get_by_role("button", name="Enregistrer").click()
    path = "data/news/2031-05-30-le-csn-au-congres-de-digital-health-canada.yml"
    written = _saved(page, path, None)
    record = yaml.safe_load(written)
    assert record["title"] == dict(zip(("fr", "en"), texts["title"], strict=True))
    assert {lang: record["body"][lang].strip() for lang in ("fr", "en")} == {"fr": "Le **texte**.",
                                                                               "en": "The **text**."}
    project = copy_project(tmp_path / "project")
    (project / path).write_text(written, encoding="utf-8")
    site = load_site(project / "data")
    item = next(n for n in site.news + site.scheduled if n.id == path.rsplit("/", 1)[1].removesuffix(".yml"))
    assert item.title["en"] == texts["title"][1]
    assert recorded.problems() == [] and recorded.foreign_requests == []


def test_an_uploaded_picture_goes_into_assets_images_and_the_record_names_it(french_editor, tmp_path):
    files = clone_files(FIXTURE_DIR)
    partner = next(p for p in files if p.startswith("data/partners/"))
    entry = partner.rsplit("/", 1)[1].removesuffix(".yml")
    picture = tmp_path / "Logo Été.png"
    picture.write_bytes(png_bytes())
    recorded = french_editor
    open_local_clone(recorded.page, recorded.url("admin/"), files)
    page = recorded.page
    page.goto(recorded.url(f"admin/#/collections/partners/entries/{entry}"))
    page.locator('section[data-key-path="logo"]').get_by_role("button", name="Parcourir").click()
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Téléverser").click()
    chooser.value.set_files(str(picture))
    page.get_by_role("button", name="Insérer").click()
    page.get_by_role("button", name="Enregistrer").click()
    written = _saved(page, partner, files[partner])
    logo = yaml.safe_load(written)["logo"]
    assert logo == "/assets/images/logo-ete.png"  # named like an id, from the site's root
    assert page.evaluate(READ_CLONE_IF_ANY, [CLONE, logo.lstrip("/"), True]) == len(png_bytes())
    project = copy_project(tmp_path / "project")
    (project / partner).write_text(written, encoding="utf-8")
    (project / "assets" / "images").mkdir(parents=True, exist_ok=True)
    (project / logo.lstrip("/")).write_bytes(png_bytes())
    site = load_site(project / "data")
    assert next(p for p in site.partners if p.id == entry).logo == "assets/images/logo-ete.png"
    assert recorded.problems() == [] and recorded.foreign_requests == []


def test_a_phone_photo_added_to_a_news_item_is_saved_small_upright_and_without_its_metadata(french_editor, tmp_path):
    """The photo's upload: a 4000x3000 JPEG lying sideways with its GPS position becomes, in the browser, a
    WebP of at most 2400 pixels, upright and clean; the record names it with its alt in both languages."""
    files = clone_files(FIXTURE_DIR)
    path = next(p for p in files if p.startswith("data/news/") and "image" not in yaml.safe_load(files[p]))
    photo = camera_photo(tmp_path / "Photo Été.jpg", (4000, 3000), orientation=6)
    recorded = french_editor
    open_local_clone(recorded.page, recorded.url("admin/"), files)
    page = recorded.page
    page.goto(recorded.url(f"admin/#/collections/news/entries/{path.rsplit('/', 1)[1].removesuffix('.yml')}"))
    page.locator('section[data-key-path="image"]').get_by_role("checkbox").first.check()  # an optional group
    # The CMS draws a field once it is in view; then its file input, as its Parcourir button fills it
    # (Chromium's file chooser cannot be shown here).
    page.locator('section[data-key-path="image"]').first.scroll_into_view_if_needed()
    page.locator('[data-key-path="image.src"] input[type="file"]').first.set_input_files(str(photo))
    # The photo is made smaller in the browser first: its name shows once it is ready.
    page.locator('[data-key-path="image.src"]').get_by_text("/assets/images/photo-ete.webp").wait_for()
    page.locator('[data-key-path="image.alt"]').get_by_role("checkbox").first.check()
    alt = {"fr": "Des chercheurs autour d'une table", "en": "Researchers around a table"}
    for lang, text in alt.items():
        page.locator(f'[data-key-path="image.alt.{lang}"]').get_by_role("textbox").fill(text)
    page.get_by_role("button", name="Enregistrer").click()
    written = _saved(page, path, files[path])
    image = yaml.safe_load(written)["image"]
    assert image["src"] == "/assets/images/photo-ete.webp" and image["alt"] == alt
    saved = base64.b64decode(page.evaluate(READ_CLONE_BASE64, [CLONE, image["src"].lstrip("/")]))
    picture = Image.open(io.BytesIO(saved))
    assert picture.format == "WEBP" and picture.size == (1800, 2400)  # upright (portrait), at most 2400 px
    assert picture.getpixel((picture.width - 10, 10))[:3] > (150, 0, 0)  # the red corner, turned to the top right
    # Nothing of the camera's metadata; the browser names the colours sRGB, which is what the build converts to.
    assert not picture.getexif() and not {"xmp", "exif", "comment"} & set(picture.info)
    assert b"SecretCam" not in saved and b"secret comment" not in saved
    if "icc_profile" in picture.info:
        profile = ImageCms.ImageCmsProfile(io.BytesIO(picture.info["icc_profile"]))
        assert "sRGB" in ImageCms.getProfileDescription(profile), ImageCms.getProfileDescription(profile)
    project = copy_project(tmp_path / "project")
    (project / path).write_text(written, encoding="utf-8")
    (project / image["src"].lstrip("/")).write_bytes(saved)
    site = load_site_with_pictures(project / "data")
    item = next(n for n in site.news + site.scheduled if n.file == path)
    assert item.image.rendition is not None and item.image.alt == alt
    assert recorded.problems() == [] and recorded.foreign_requests == []


def test_token_sign_in_talks_to_githubs_api_alone_with_the_token(french_editor):
    """GitHub itself cannot be reached here: its API is answered as for a revoked token. What is checked is
    the editor's side: the token goes to GitHub's API, to no other host, and a refused token is said."""
    page = french_editor.page
    calls = []

    def refuse(route):
        calls.append((route.request.url, route.request.headers.get("authorization", "")))
        route.fulfill(status=401, content_type="application/json", body='{"message": "Bad credentials"}')

    page.route(GITHUB_API + "/**", refuse)  # registered after record(): it answers before record() refuses
    french_editor.goto("admin/")
    page.get_by_role("button", name="Se connecter avec un jeton d’accès").click()
    token = page.get_by_role("textbox", name="Jeton d’accès personnel")
    token.fill("github_pat_TEST0123456789")
    token.press("Enter")
    page.screenshot(path=screenshot_path("admin-token-refused"))
    page.get_by_text("Le jeton fourni n’est pas valide").wait_for()
    assert calls and all(url.startswith(GITHUB_API + "/") for url, _ in calls)
    assert all("github_pat_TEST0123456789" in authorization for _, authorization in calls)
    assert [url for url in french_editor.foreign_requests if not url.startswith(GITHUB_API + "/")] == []
