"""Photos uploaded by people (initiative updates, event reports): checked with Pillow, re-encoded, renamed.

Only JPEG, PNG and WebP are accepted, at most 5 MB and 20 megapixels. The pixel check happens on the
header, before any pixel is decoded, so a small file that would unpack into a huge bitmap (a
"decompression bomb") is refused without using the memory. Every photo is re-encoded as a JPEG of at most
1600 px on its long side, built from the pixels alone: that drops all metadata (EXIF, GPS position,
camera serial, XMP, IPTC, JPEG comments, PNG text chunks), and the file gets a random name, because an
uploader's file name can contain personal data.
"""

from __future__ import annotations

import io
import secrets
import warnings
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 20_000_000
MAX_SIDE = 1600
JPEG_QUALITY = 85
ALLOWED_FORMATS = frozenset({"JPEG", "PNG", "WEBP"})


@dataclass(frozen=True)
class PreparedPhoto:
    """A checked, re-encoded photo, ready to store."""

    content: bytes
    name: str
    width: int
    height: int


def _not_a_photo() -> ValidationError:
    return ValidationError(
        _("Dit bestand is geen foto die we kunnen gebruiken. Kies een JPEG-, PNG- of WebP-foto."),
        code="invalid_image",
    )


def prepare_photo(upload) -> PreparedPhoto:
    """Check an uploaded file and return it as a clean JPEG; raises ValidationError in plain Dutch."""
    size = getattr(upload, "size", None)
    if size is not None and size > MAX_UPLOAD_BYTES:
        raise ValidationError(_("Deze foto is te groot. Een foto mag hoogstens 5 MB zijn."), code="too_big")
    upload.seek(0)
    data = upload.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise ValidationError(_("Deze foto is te groot. Een foto mag hoogstens 5 MB zijn."), code="too_big")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as probe:
                if probe.format not in ALLOWED_FORMATS:
                    raise _not_a_photo()
                width, height = probe.size
                if width * height > MAX_PIXELS:
                    raise ValidationError(
                        _("Deze foto heeft te veel pixels. Maak hem kleiner (hoogstens 20 megapixel)."),
                        code="too_many_pixels",
                    )
                probe.verify()
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                return _encode(image)
    except ValidationError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise ValidationError(
            _("Deze foto heeft te veel pixels. Maak hem kleiner (hoogstens 20 megapixel)."),
            code="too_many_pixels",
        ) from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        # Not an image, a truncated one, or one Pillow cannot decode.
        raise _not_a_photo() from exc


def _encode(image: Image.Image) -> PreparedPhoto:
    # Turn the photo upright first: the orientation lives in the EXIF data we are about to drop.
    image = ImageOps.exif_transpose(image)
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        image = flat
    elif image.mode != "RGB":
        image = image.convert("RGB")
    image.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    # A new image from the pixels alone: nothing of the upload's metadata (EXIF, GPS, XMP, IPTC, a
    # JPEG comment, PNG text chunks, an ICC profile) can travel along in `info` into the new file.
    clean = Image.frombytes("RGB", image.size, image.tobytes())
    out = io.BytesIO()
    clean.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return PreparedPhoto(
        content=out.getvalue(),
        name=f"{secrets.token_hex(16)}.jpg",
        width=image.width,
        height=image.height,
    )
