"""What a picture file must be before the build processes it: an image Pillow reads, of a sane size.

Only the header is read here (format and dimensions, a fraction of a millisecond);
the pixels are decoded by the processing step (pictures.py), which reports a
truncated or unreadable file at the same place. Whatever the extension says,
the content decides: a text file named `.jpg` is refused, a PNG named `.jpg`
is read as the PNG it is.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from csn.messages import Message

# A 24-megapixel camera gives 6000x4000; past this, decoding alone would take seconds and
# gigabytes (a "decompression bomb": a small file that expands into billions of pixels).
MAX_PIXELS = 50_000_000
# A camera's JPEG is 3 to 12 MB; the source is never published, only its processed copies.
MAX_PICTURE_BYTES = 40_000_000
# The formats read; MPO is the JPEG of phones that store two views of one photo.
READ_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "GIF": "GIF", "WEBP": "WEBP", "AVIF": "AVIF"}


@dataclass(frozen=True)
class PictureHeader:
    format: str  # JPEG, PNG, GIF, WEBP or AVIF
    width: int  # as stored, before the EXIF orientation is applied
    height: int


def read_header(path: Path) -> tuple[PictureHeader | None, Message | None]:
    """The picture's format and size, or None and why it cannot be used (said after its path)."""
    size = path.stat().st_size
    if size > MAX_PICTURE_BYTES:
        return None, Message("picture.too_heavy", megabytes=round(size / 1_000_000),
                             limit=MAX_PICTURE_BYTES // 1_000_000)
    try:
        with warnings.catch_warnings():
            # Pillow warns past its own limit and refuses past twice that: the limit here is lower, and
            # the message names the picture's size when Pillow lets it be read.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                found, (width, height) = image.format, image.size
    except Image.DecompressionBombError:
        return None, too_many_pixels()
    except UnidentifiedImageError:
        return None, Message("picture.not_image")
    except (OSError, SyntaxError, ValueError) as error:  # Pillow's way of telling a broken header
        return None, Message("picture.unreadable", error=str(error))
    if found not in READ_FORMATS:
        return None, Message("picture.format", format=found)
    if width * height > MAX_PIXELS:
        return None, too_many_pixels(width, height)
    return PictureHeader(READ_FORMATS[found], width, height), None


def too_many_pixels(width: int = 0, height: int = 0) -> Message:
    if width:
        return Message("picture.too_many_pixels_sized", width=width, height=height,
                       limit=MAX_PIXELS // 1_000_000)
    return Message("picture.too_many_pixels", limit=MAX_PIXELS // 1_000_000)
