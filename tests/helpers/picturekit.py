"""Pictures planted by the tests and the bench: a camera-like JPEG with its GPS position, orientation and comment."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageCms, ImageDraw

ORIENTATION, GPS_IFD, GPS_LATITUDE = 0x0112, 0x8825, 2
XMP = (b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
       b'<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>Secret Author</dc:creator>'
       b'</rdf:Description></rdf:RDF></x:xmpmeta>')


def camera_photo(path: Path, size: tuple[int, int] = (1800, 1200), orientation: int = 6, seed: int = 0) -> Path:
    """A JPEG as a phone writes it: pixels stored sideways with EXIF orientation `orientation`, a GPS
    position, an XMP packet, a comment and an ICC profile. Its top left quarter is red as stored."""
    width, height = size
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width // 2, height // 2), fill=(220, 30, 30))
    draw.ellipse((width // 2, height // 2, width - 1, height - 1), fill=(30, 60 + seed % 150, 200))
    exif = Image.Exif()
    exif[ORIENTATION] = orientation
    exif[0x010F] = "SecretCam"  # Make
    exif.get_ifd(GPS_IFD).update({1: "N", GPS_LATITUDE: (45.0, 30.0, 12.0), 3: "W", 4: (73.0, 34.0, 2.0)})
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    image.save(path, "JPEG", quality=90, exif=exif, comment=b"secret comment", xmp=XMP, icc_profile=profile)
    return path
