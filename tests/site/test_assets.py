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
from tests.helpers.datafixtures import assert_says, problems_of
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
    add_asset(data_dir, "assets/images/udem.svg", SVG_OK)
    set_logo(data_dir, "/assets/images/udem.svg")
    site = load_site(data_dir)
    assert next(p for p in site.partners if p.id == "udem").logo == "assets/images/udem.svg"
    assert "assets/images/udem.svg" in site.assets and "/assets/images/udem.svg" not in site.assets


def test_a_raster_path_from_the_site_root_is_processed_like_the_same_path(data_dir):
    add_asset(data_dir, "assets/images/udem.png", png_bytes())
    set_logo(data_dir, "/assets/images/udem.png")
    site = load_site_with_pictures(data_dir)
    assert next(p for p in site.partners if p.id == "udem").image.src == "assets/images/udem.png"
    assert any(path.startswith("assets/pictures/udem-") for path in site.picture_files)


def outside(tmp: Path) -> Path:
    path = tmp / "outside.png"
    path.write_bytes(png_bytes())
    return path


SVG_REFUSED = {
    "script": ('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', ("svg.element", "<script>")),
    "namespaced script": ('<s:svg xmlns:s="http://www.w3.org/2000/svg"><s:script>alert(1)</s:script></s:svg>',
                          ("svg.element", "<script>")),
    "event handler": ('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', ("svg.handler", "`onload`")),
    "event handler in capitals": ('<svg xmlns="http://www.w3.org/2000/svg"><rect ONCLICK="x()"/></svg>',
                                  ("svg.handler", "`onclick`")),
    "foreign object": ('<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>',
                       ("svg.element", "<foreignObject>")),
    "xhtml inside": (('<svg xmlns="http://www.w3.org/2000/svg"><h:iframe xmlns:h="http://www.w3.org/1999/xhtml"/>'
                     '</svg>'), ("svg.element", "<iframe>")),
    "javascript link": (('<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xlink">'
                        '<a x:href="javascript:alert(1)"><text>x</text></a></svg>'), ("svg.href", "`href`")),
    "external image": ('<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/x.png"/></svg>',
                       ("svg.href", "`href`")),
    "animated href": (('<svg xmlns="http://www.w3.org/2000/svg"><a href="#x"><set attributeName="href" '
                      'to="javascript:alert(1)"/></a></svg>'), ("svg.javascript", "`javascript:`")),
    "animated handler": (('<svg xmlns="http://www.w3.org/2000/svg"><animate attributeName="onbegin" '
                         'values="x"/></svg>'), ("svg.animation", "`onbegin`")),
    "style import": (('<svg xmlns="http://www.w3.org/2000/svg"><style>@import url(https://evil.example/a.css);'
                     '</style></svg>'), (("svg.style_element", "svg.css_at_rule"), "<style>")),
    "style url": (('<svg xmlns="http://www.w3.org/2000/svg"><rect style="fill: url( \'https://evil.example/\')"/>'
                  '</svg>'), (("svg.style_attribute", "svg.css_function"), "url(…)")),
    "entity bomb": (('<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
                    '<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>'), ("svg.doctype", "DOCTYPE")),
    "stylesheet instruction": (('<?xml-stylesheet href="https://evil.example/a.css"?>'
                               '<svg xmlns="http://www.w3.org/2000/svg"/>'), ("svg.processing_instruction", "<?…?>")),
    "not svg": ('<html xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></html>', ("svg.root", "<svg>")),
    "not well formed": ('<svg xmlns="http://www.w3.org/2000/svg"><g></svg>', ("svg.malformed", "SVG")),
}


@pytest.mark.parametrize("svg, said", SVG_REFUSED.values(), ids=SVG_REFUSED.keys())
def test_an_unsafe_svg_is_refused(data_dir, svg, said):
    add_asset(data_dir, "assets/logos/udem.svg", svg)
    line = set_logo(data_dir, "assets/logos/udem.svg")
    problems = problems_of(data_dir)
    assert [(p.file, p.line, p.field) for p in problems] == [(PARTNER, line, "logo")], problems
    codes, quoted = said
    assert_says(problems[0], ("image.content", *((codes,) if isinstance(codes, str) else codes)), quoted)


PATH_REFUSED = {
    "absolute": ("/etc/passwd", "image.not_relative"),
    "site root, outside assets": ("/data/site.yml", "image.not_relative"),
    "site root, then up": ("/assets/../data/site.yml", "image.dots"),
    "windows absolute": ("'C:/logo.png'", "image.not_relative"),
    "backslashes": ("'assets\\logos\\udem.png'", "image.not_relative"),
    "parent folder": ("assets/../data/site.yml", "image.dots"),
    "leading parent": ("../outside.png", "image.dots"),
    "outside assets": ("docs/logo.png", "image.outside_assets"),
    "address": ("https://evil.example/logo.png", "image.address"),
    "data url": ("'data:image/svg+xml,<svg onload=alert(1)>'", "image.address"),
    "hidden file": ("assets/.secret.png", "image.hidden_file"),
    "not an image": ("assets/notes.txt", "image.not_image"),
    "missing": ("assets/logos/absent.png", "image.missing"),
    # A raster logo is read by its content, whatever its extension: these are no pictures at all.
    "wrong content": ("assets/logos/fake.png", ("picture.about", "picture.not_image")),
    "svg named png": ("assets/logos/drawing.png", ("picture.about", "picture.not_image")),
}


@pytest.mark.parametrize("value, codes", PATH_REFUSED.values(), ids=PATH_REFUSED.keys())
def test_a_path_outside_the_rules_is_refused(data_dir, value, codes):
    add_asset(data_dir, "assets/notes.txt", "notes")
    add_asset(data_dir, "assets/logos/fake.png", b"GIF89a" + b"\x00" * 20)
    add_asset(data_dir, "assets/logos/drawing.png", SVG_OK)
    add_asset(data_dir, "assets/.secret.png", png_bytes())
    line = set_logo(data_dir, value)
    problems = problems_of(data_dir)
    assert [(p.file, p.line, p.field) for p in problems] == [(PARTNER, line, "logo")], problems
    assert_says(problems[0], codes)


def test_a_symbolic_link_leading_out_of_assets_is_refused(data_dir, tmp_path):
    add_asset(data_dir, "assets/logos/.keep", "")
    os.symlink(outside(tmp_path), data_dir.parent / "assets" / "logos" / "udem.png")
    line = set_logo(data_dir, "assets/logos/udem.png")
    (problem,) = problems_of(data_dir)
    assert (problem.file, problem.line, problem.field) == (PARTNER, line, "logo")
    assert_says(problem, "image.symlink", "assets/")


def test_an_assets_folder_that_links_outside_is_refused(data_dir, tmp_path):
    folder = tmp_path / "elsewhere"
    shutil.move(data_dir.parent / "assets", folder)  # the identity's logo goes out with the folder
    (folder / "udem.png").write_bytes(png_bytes())
    os.symlink(folder, data_dir.parent / "assets")
    set_logo(data_dir, "assets/udem.png")
    problems = problems_of(data_dir)
    # The logo, the identity's logo and any picture of the fixture's records: all lie outside now.
    assert {(p.file, p.field) for p in problems} >= {(PARTNER, "logo"), ("data/site.yml", "logo")}, problems
    assert all(problem.code == "image.symlink" for problem in problems)


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
    assert_says(problem, ("image.in_text", "image.content", "svg.element"), "`assets/photos/munich.svg`")
    assert problem.text("fr").startswith("image : `assets/photos/munich.svg` contient un élément <script>")


def test_an_image_at_the_address_of_a_theme_file_stops_the_build(data_dir):
    add_asset(data_dir, "assets/images/favicon.png", png_bytes())
    # An image of a text is published as it is (a logo or a record's picture is published processed, elsewhere).
    path = data_dir / "news" / "2020-06-29-adhesion-echalliance.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("body:\n  fr: |\n", "body:\n  fr: |\n    ![x](assets/images/favicon.png)\n\n", 1),
                    encoding="utf-8")
    result = build(data_dir.parent)
    assert result.returncode != 0
    assert "assets/images/favicon.png : le thème a déjà un fichier à cette adresse : renommez l'image" in result.output


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
    assert "udem.yml" in reads and any("svg.element" in problem.message.codes() for problem in error.value.problems)
