"""One source picture -> the files the site publishes: several widths in WebP and a fallback, and a link preview.

Each file is clean: the EXIF orientation is applied to the pixels, the colours are
converted to sRGB (a camera's Adobe RGB or a CMYK profile would look dull or wrong
in browsers that ignore profiles), and nothing else is kept: no EXIF (GPS position,
camera, date), XMP, ICC profile or comment. A picture is never enlarged.
"""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from PIL import Image, ImageCms

from csn.data.picture_check import MAX_PIXELS, READ_FORMATS, too_many_pixels
from csn.messages import Message

# Widths for a picture shown from a phone's column (about 360 px, 720 px at 2x) to a record page's
# header at 1280 px (about 800 px, 1600 px at 2x); a logo is shown at most about 200 px wide.
WIDTHS = {"photo": (480, 800, 1200, 1600), "logo": (160, 320, 480)}
# The link preview of Facebook, LinkedIn and X (1.91:1), as the site's own cards (social_card.py).
PREVIEW_SIZE = (1200, 630)
WEBP_QUALITY = 80
JPEG_QUALITY = 82
# Part of the cache key: change it when the files made would change.
RENDER_VERSION = f"3:{WIDTHS}:{PREVIEW_SIZE}:{WEBP_QUALITY}:{JPEG_QUALITY}"
ORIENTATION_TAG = 0x0112
TYPES = {"webp": "image/webp", "jpg": "image/jpeg", "png": "image/png"}
_SRGB = ImageCms.createProfile("sRGB")


class PictureError(Exception):
    """The pixels cannot be read: `message` says why, to be shown after the picture's path."""

    def __init__(self, message: Message):
        super().__init__(message.code)
        self.message = message


@dataclass(frozen=True)
class Variant:
    name: str  # the file's name in its folder: "800.webp"
    width: int
    height: int

    @property
    def type(self) -> str:
        return TYPES[self.name.rsplit(".", 1)[1]]


@dataclass(frozen=True)
class Rendered:
    width: int  # the largest variant's size: the picture's intrinsic size on the page
    height: int
    variants: tuple[Variant, ...]  # by format (WebP first, then the fallback), then width
    preview: Variant | None  # the 1200x630 crop for og:image (photos only)

    def in_type(self, mime: str) -> tuple[Variant, ...]:
        return tuple(v for v in self.variants if v.type == mime)

    @property
    def fallback(self) -> tuple[Variant, ...]:
        return tuple(v for v in self.variants if v.type != TYPES["webp"])


def render_picture(source: Path, folder: Path, purpose: str = "photo") -> Rendered:
    """Write the variants of `source` into `folder` (which exists); raise PictureError when unreadable."""
    widths = WIDTHS.get(purpose, (MAX_PIXELS,))  # a copy keeps its size
    try:
        with Image.open(source) as opened:
            if opened.format not in READ_FORMATS:
                raise PictureError(Message("picture.format", format=opened.format))
            if opened.width * opened.height > MAX_PIXELS:  # checked before, but the file may have changed
                raise PictureError(too_many_pixels(*opened.size))
            stored = Stored(opened)
            base = stored.decode(widths[-1], purpose == "photo")
    except PictureError:
        raise
    except Image.DecompressionBombError:
        raise PictureError(too_many_pixels()) from None
    except (OSError, SyntaxError, ValueError, EOFError) as error:
        raise PictureError(Message("picture.damaged", error=str(error))) from None
    image = _clean(base, stored.profile)
    if purpose == "copy":
        return _copy(image, source, folder)
    full_w, full_h = stored.shown_size
    sizes = [(w, max(1, round(full_h * w / full_w))) for w in _widths(widths, full_w)]
    variants: list[Variant] = []
    scaled = image
    for size in reversed(sizes):  # each width from the next larger one: resizing is the costly part
        scaled = scaled if size == scaled.size else scaled.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
        for extension in ("webp", stored.fallback):
            variant = Variant(f"{size[0]}.{extension}", *size)
            _save(scaled, folder / variant.name, extension)
            variants.append(variant)
    variants.sort(key=lambda v: (v.name.rsplit(".", 1)[1] != "webp", v.width))
    preview = _preview(image, folder) if purpose == "photo" else None
    return Rendered(sizes[-1][0], sizes[-1][1], tuple(variants), preview)


# An image of a Markdown text is published at its own path and size, in its own format, only cleaned.
COPIED_SUFFIXES = {".jpg": "jpg", ".jpeg": "jpg", ".png": "png", ".webp": "webp"}


def _copy(image: Image.Image, source: Path, folder: Path) -> Rendered:
    extension = COPIED_SUFFIXES[source.suffix.lower()]
    if extension == "jpg" and image.mode == "RGBA":
        image = image.convert("RGB")
    variant = Variant(f"copy.{extension}", *image.size)
    _save(image, folder / variant.name, extension, quality_bonus=8)
    return Rendered(image.width, image.height, (variant,), None)


def _widths(widths: tuple[int, ...], source_width: int) -> list[int]:
    """The widths smaller than the source, and the largest one the source allows (never enlarged)."""
    largest = min(source_width, widths[-1])
    return [w for w in widths if w < largest] + [largest]


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info


# How to turn the stored pixels upright, by EXIF orientation (as ImageOps.exif_transpose does).
_UPRIGHT = {2: Image.Transpose.FLIP_LEFT_RIGHT, 3: Image.Transpose.ROTATE_180, 4: Image.Transpose.FLIP_TOP_BOTTOM,
            5: Image.Transpose.TRANSPOSE, 6: Image.Transpose.ROTATE_270, 7: Image.Transpose.TRANSVERSE,
            8: Image.Transpose.ROTATE_90}


class Stored:
    """An opened source: what its header says, and its pixels decoded upright at the size the variants need."""

    def __init__(self, image: Image.Image):
        self.image = image
        self.orientation = image.getexif().get(ORIENTATION_TAG, 1)
        self.profile = image.info.get("icc_profile")
        self.alpha = _has_alpha(image)
        # The fallback keeps the source's kind: JPEG for photos, PNG for drawings, logos and transparency.
        self.fallback = "png" if self.alpha or image.format in ("PNG", "GIF") else "jpg"
        turned = self.orientation in (5, 6, 7, 8)
        width, height = image.size
        self.shown_size = (height, width) if turned else (width, height)

    def decode(self, largest: int, preview: bool) -> Image.Image:
        """The pixels, upright, reduced to the smallest size that covers the largest variant and the preview.

        A JPEG decodes at 1/2, 1/4 or 1/8 scale much faster (`draft`); the reduction happens before the
        rotation and the colour conversion, which then work on a quarter of the pixels or fewer."""
        image = self.image
        shown_w, shown_h = self.shown_size
        scale = min(largest, shown_w) / shown_w
        if preview:
            scale = max(scale, min(1.0, max(PREVIEW_SIZE[0] / shown_w, PREVIEW_SIZE[1] / shown_h)))
        stored_w, stored_h = image.size
        target = (max(1, round(stored_w * scale)), max(1, round(stored_h * scale)))
        if image.format in ("JPEG", "MPO") and scale < 1:
            image.draft(None, target)
        image.load()  # a truncated or damaged file fails here
        if image.mode not in ("RGB", "RGBA", "L", "CMYK"):
            image = image.convert("RGBA" if self.alpha else "RGB")
        if image.size != target:
            image = image.resize(target, Image.Resampling.LANCZOS, reducing_gap=3.0)
        if self.orientation in _UPRIGHT:
            image = image.transpose(_UPRIGHT[self.orientation])
        return image


def _clean(image: Image.Image, profile: bytes | None) -> Image.Image:
    """In sRGB, in RGB or RGBA, without any metadata."""
    mode = "RGBA" if image.mode in ("RGBA", "LA") else "RGB"
    converted = None
    if profile:
        try:
            converted = ImageCms.profileToProfile(image, ImageCms.ImageCmsProfile(BytesIO(profile)), _SRGB,
                                                  outputMode=mode)
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            converted = None  # a broken profile: the pixels as they are, which most browsers would show
    if converted is None or converted.mode != mode:
        converted = (converted or image).convert(mode)
    clean = Image.new(mode, converted.size)  # a new image: no `info` (EXIF, XMP, comments, profile) to carry
    clean.paste(converted)
    return clean


def _save(image: Image.Image, path: Path, extension: str, quality_bonus: int = 0) -> None:
    if extension == "webp":
        image.save(path, "WEBP", quality=WEBP_QUALITY + quality_bonus, method=4)
    elif extension == "jpg":
        image.save(path, "JPEG", quality=JPEG_QUALITY + quality_bonus, optimize=True, progressive=True)
    else:
        image.save(path, "PNG", optimize=image.width * image.height <= 1_000_000)


def _preview(image: Image.Image, folder: Path) -> Variant:
    """The centre of the picture at 1.91:1, 1200x630 when the source covers it (never enlarged)."""
    if image.mode == "RGBA":  # a JPEG has no transparency: on white, as most previews are shown
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    target_w, target_h = PREVIEW_SIZE
    ratio = target_w / target_h
    width, height = image.size
    crop_w, crop_h = (width, round(width / ratio)) if width / height < ratio else (round(height * ratio), height)
    left, top = (width - crop_w) // 2, (height - crop_h) // 2
    cropped = image.crop((left, top, left + crop_w, top + crop_h))
    if crop_w >= target_w:
        cropped = cropped.resize(PREVIEW_SIZE, Image.Resampling.LANCZOS, reducing_gap=3.0)
    variant = Variant("preview.jpg", *cropped.size)
    _save(cropped, folder / variant.name, "jpg")
    return variant
