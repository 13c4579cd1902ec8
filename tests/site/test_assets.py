"""Logos and images: checked files of assets/ only, reported at the logo's line."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from csn.data import load
from csn.data.errors import DataError
from csn.data.load import load_site
from csn.pictures.pipeline import load_site_with_pictures
from tests.helpers.datafixtures import problems_of
from tests.helpers.hostile import png_bytes
from tests.helpers.sitebuild import build

PARTNER = "data/partners/udem.yml"

SVG_OK = ('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><defs><circle id="c" r="4"/></defs>'
          '<use xlink:href="#c" x="5" y="5" style="fill: url(#g)"/><style>circle { fill: #123 }</style></svg>\n')


def set_logo(data_dir: Path, value: str) -> int:
    """Add `logo: value` at the end of udem.yml; return its line."""
    path = data_dir / "partners" / "udem.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join(lines) + f"\nlogo: {value}\n", encoding="utf-8")
    return len(lines) + 1


def add_asset(data_dir: Path, relative: str, content: str | bytes) -> Path:
    path = data_dir.parent / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_a_checked_svg_logo_of_assets_is_accepted_and_listed_for_publishing(data_dir):
    relative = "assets/logos/udem.svg"
    add_asset(data_dir, relative, SVG_OK)
    set_logo(data_dir, relative)
    site = load_site(data_dir)
    assert next(p for p in site.partners if p.id == "udem").logo == relative
    assert site.assets == sorted([relative, IDENTITY_LOGO])
    assert not [path for path in site.picture_files if path.startswith("assets/pictures/udem-")]


@pytest.mark.parametrize("relative, image_format", [
    ("assets/logos/udem.png", "PNG"), ("assets/logos/udem.jpg", "JPEG"), ("assets/udem.gif", "GIF"),
    ("assets/logos/udem.webp", "WEBP")])
def test_a_raster_logo_is_processed_and_never_published_as_it_is(data_dir, relative, image_format):
    """The source may weigh megabytes and carry metadata: only its processed copies are published."""
    buffer = io.BytesIO()
    Image.new("RGB", (300, 120), (10, 80, 160)).save(buffer, image_format)
    add_asset(data_dir, relative, buffer.getvalue())
    set_logo(data_dir, relative)
    site = load_site_with_pictures(data_dir)
    assert next(p for p in site.partners if p.id == "udem").logo == relative
    assert relative not in site.assets
    published = sorted(path for path in site.picture_files if path.startswith("assets/pictures/udem-"))
    assert published, sorted(site.picture_files)
    assert {Image.open(site.picture_files[path]).width for path in published} == {160, 300}  # never enlarged


IDENTITY_LOGO = "assets/identity/csn-wordmark.svg"  # the real site.yml's logo, published too


def test_a_path_from_the_site_root_as_the_editing_interface_writes_it_is_the_same_image(data_dir):
    add_asset(data_dir, "assets/images/udem.png", png_bytes())
    set_logo(data_dir, "/assets/images/udem.png")
    site = load_site(data_dir)
    assert next(p for p in site.partners if p.id == "udem").logo == "assets/images/udem.png"
    assert "assets/images/udem.png" in site.assets and "/assets/images/udem.png" not in site.assets


def outside(tmp: Path) -> Path:
    path = tmp / "outside.png"
    path.write_bytes(png_bytes())
    return path


SVG_REFUSED = {
    "script": ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "<script> element"),
    "namespaced script": ('<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>',
                          "<script> element"),
    "event handler": ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "event handler (`onload`)"),
    "event handler in capitals": ('<svg xmlns="http://www.w3.org/2000/svg"><rect ONCLICK="x()"/></svg>',
                                  "event handler"),
    "foreign object": ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
                       "<foreignObject> element"),
    "xhtml inside": (('<svg xmlns="http://www.w3.org/2000/svg"><h:iframe xmlns:h="http://www.w3.org/1999/xhtml"/>'
                     '</svg>'), "<iframe> element"),
    "javascript link": (('<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
                        '<a x:href="javascript:alert(1)"><text>x</text></a></svg>'), "links to another file"),
    "external image": ('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/x.png"/></svg>',
                       "links to another file"),
    "animated href": (('<svg xmlns="http://www.w3.org/2000/svg"><a href="#x"><set attributeName="href" '
                      'to="javascript:alert(1)"/></a></svg>'), "javascript:"),
    "animated handler": (('<svg xmlns="http://www.w3.org/2000/svg"><animate attributeName="onbegin" '
                         'values="x"/></svg>'), "animates `onbegin`"),
    "style import": (('<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/a.css);'
                     '</style></svg>'), "<style>"),
    "style url": (('<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url( \'https://evil.example/\')"/>'
                  '</svg>'), "from a style"),
    "entity bomb": (('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
                    '<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>'), "DOCTYPE"),
    "stylesheet instruction": (('<?xml-stylesheet href="https://evil.example/a.css"?>'
                               '<svg xmlns="http://www.w3.org/2000/svg"/>'), "processing instruction"),
    "not svg": ('<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>', "not an SVG image"),
    "not well formed": ('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>', "not a well-formed SVG file"),
}


@pytest.mark.parametrize("svg, words", SVG_REFUSED.values(), ids=SVG_REFUSED.keys())
def test_an_unsafe_svg_is_refused(data_dir, svg, words):
    add_asset(data_dir, "assets/logos/udem.svg", svg)
    line = set_logo(data_dir, "assets/logos/udem.svg")
    problems = problems_of(data_dir)
    assert [(p.file, p.line, p.field) for p in problems] == [(PARTNER, line, "logo")], problems
    assert words in problems[0].message, str(problems[0])


PATH_REFUSED = {
    "absolute": ("/etc/passwd", "relative path"),
    "site root, outside assets": ("/data/site.yml", "relative path"),
    "site root, then up": ("/assets/../data/site.yml", "must not contain `..`"),
    "windows absolute": ("'C:/logo.png'", "relative path"),
    "backslashes": ("'assets\\logos\\udem.png'", "relative path"),
    "parent folder": ("assets/../data/site.yml", "must not contain `..`"),
    "leading parent": ("../outside.png", "must not contain `..`"),
    "outside assets": ("docs/logo.png", "must be a file of the assets/ folder"),
    "address": ("https://evil.example/logo.png", "is an address"),
    "data url": ("'data:image/svg+xml,<svg onload=alert(1)>'", "is an address"),
    "hidden file": ("assets/.secret.png", "hidden file"),
    "not an image": ("assets/notes.txt", "is not an image"),
    "missing": ("assets/logos/absent.png", "no such file"),
    # A logo is read by its content, whatever its extension: these are no pictures at all.
    "wrong content": ("assets/logos/fake.png", "is not an image (whatever its extension says)"),
    "svg named png": ("assets/logos/drawing.png", "is not an image (whatever its extension says)"),
}


@pytest.mark.parametrize("value, words", PATH_REFUSED.values(), ids=PATH_REFUSED.keys())
def test_a_path_outside_the_rules_is_refused(data_dir, value, words):
    add_asset(data_dir, "assets/notes.txt", "notes")
    add_asset(data_dir, "assets/logos/fake.png", b"GIF89a" + b"\x00" * 20)
    add_asset(data_dir, "assets/logos/drawing.png", SVG_OK)
    add_asset(data_dir, "assets/.secret.png", png_bytes())
    line = set_logo(data_dir, value)
    problems = problems_of(data_dir)
    assert [(p.file, p.line, p.field) for p in problems] == [(PARTNER, line, "logo")], problems
    assert words in problems[0].message, str(problems[0])


def test_a_symbolic_link_leading_out_of_assets_is_refused(data_dir, tmp_path):
    add_asset(data_dir, "assets/logos/.keep", "")
    os.symlink(outside(tmp_path), data_dir.parent / "assets" / "logos" / "udem.png")
    line = set_logo(data_dir, "assets/logos/udem.png")
    (problem,) = problems_of(data_dir)
    assert (problem.file, problem.line, problem.field) == (PARTNER, line, "logo")
    assert "leads outside the assets/ folder" in problem.message


def test_an_assets_folder_that_links_outside_is_refused(data_dir, tmp_path):
    folder = tmp_path / "elsewhere"
    shutil.move(data_dir.parent / "assets", folder)  # the identity's logo goes out with the folder
    (folder / "udem.png").write_bytes(png_bytes())
    os.symlink(folder, data_dir.parent / "assets")
    set_logo(data_dir, "assets/udem.png")
    problems = problems_of(data_dir)
    # The logo, the identity's logo and any picture of the fixture's records: all lie outside now.
    assert {(p.file, p.field) for p in problems} >= {(PARTNER, "logo"), ("data/site.yml", "logo")}, problems
    assert all("leads outside" in problem.message for problem in problems)


def test_an_image_in_markdown_must_be_a_checked_asset_too(data_dir):
    add_asset(data_dir, "assets/photos/munich.svg", SVG_REFUSED["script"][0])
    path = data_dir / "news" / "2020-06-29-adhesion-echalliance.yml"
    image = "    ![Munich](assets/photos/munich.svg)\n\n"
    text = path.read_text(encoding="utf-8").replace("body:\n  fr: |\n", "body:\n  fr: |\n" + image, 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("    ![Munich](assets/photos/munich.svg)") + 1
    (problem,) = problems_of(data_dir)
    assert (problem.file, problem.line, problem.field) == (
        "data/news/2020-06-29-adhesion-echalliance.yml", line, "body.fr")
    assert problem.message.startswith("image: `assets/photos/munich.svg` holds a <script> element")


def test_an_image_at_the_address_of_a_theme_file_stops_the_build(data_dir):
    add_asset(data_dir, "assets/images/favicon.png", png_bytes())
    # An image of a text is published as it is (a logo or a record's picture is published processed, elsewhere).
    path = data_dir / "news" / "2020-06-29-adhesion-echalliance.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("body:\n  fr: |\n", "body:\n  fr: |\n    ![x](assets/images/favicon.png)\n\n", 1),
                    encoding="utf-8")
    result = build(data_dir.parent)
    assert result.returncode != 0
    assert "assets/images/favicon.png: the theme already has a file at this address: rename the image" in result.output


def test_a_reused_reading_keeps_its_images_and_a_changed_image_is_judged_again(data_dir, monkeypatch):
    """The preview's loads reuse the files unchanged since the last one, images used included."""
    memory: dict = {}  # the preview's memory of the last loads
    reads: list[str] = []
    read = load._Records.read
    monkeypatch.setattr(load._Records, "read", lambda self, collection, path: reads.append(path.name)
                        or read(self, collection, path))
    image = add_asset(data_dir, "assets/logos/udem.svg", SVG_OK)
    set_logo(data_dir, "assets/logos/udem.svg")
    first = load_site(data_dir, reuse=memory)
    assert first.assets == ["assets/identity/csn-wordmark.svg", "assets/logos/udem.svg"] and "udem.yml" in reads
    reads.clear()
    again = load_site(data_dir, reuse=memory)
    single_files = ["site.yml", "themes.yml"]  # always read: two small files
    assert again.assets == first.assets and reads == single_files
    reads.clear()
    news = min((data_dir / "news").glob("*.yml"))
    news.write_text(news.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    load_site(data_dir, reuse=memory)
    assert reads == [*single_files, news.name]
    reads.clear()
    image.write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', encoding="utf-8")
    with pytest.raises(DataError) as error:
        load_site(data_dir, reuse=memory)
    assert "udem.yml" in reads and any("script" in problem.message for problem in error.value.problems)
