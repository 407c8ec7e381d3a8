from __future__ import annotations

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from veerkracht.lib import images
from veerkracht.lib.images import prepare_photo


def _image_bytes(fmt="JPEG", size=(800, 600), mode="RGB", **save) -> bytes:
    out = io.BytesIO()
    Image.new(mode, size, (200, 80, 40) if mode == "RGB" else None).save(out, format=fmt, **save)
    return out.getvalue()


def _upload(data: bytes, name="foto.jpg", content_type="image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def _jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "Telefoonmerk"  # Make
    exif[0x0131] = "Camera-app 1.0"  # Software
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (50.0, 51.0, 0.0)
    gps[3] = "E"
    gps[4] = (5.0, 41.0, 0.0)
    exif[0x0112] = 6  # orientation: turn 90° to be upright
    return _image_bytes(size=(400, 300), exif=exif.tobytes())


def test_gps_and_other_exif_data_is_removed_and_the_photo_turned_upright():
    data = _jpeg_with_gps()
    with Image.open(io.BytesIO(data)) as original:
        assert original.getexif().get_ifd(0x8825)  # the test image really has a GPS position
    photo = prepare_photo(_upload(data))
    with Image.open(io.BytesIO(photo.content)) as result:
        assert result.format == "JPEG"
        assert not result.getexif()
        assert "exif" not in result.info and "icc_profile" not in result.info
        assert result.size == (300, 400)  # applied the orientation before dropping it
    assert b"Telefoonmerk" not in photo.content and b"Exif" not in photo.content


def test_large_photos_are_scaled_down_and_get_a_random_name():
    photo = prepare_photo(_upload(_image_bytes("PNG", size=(3200, 1000)), name="Jan de Vries thuis.png"))
    assert (photo.width, photo.height) == (1600, 500)
    assert photo.name.endswith(".jpg") and "Jan" not in photo.name and len(photo.name) == 36
    assert prepare_photo(_upload(_image_bytes("PNG", size=(10, 10)))).name != photo.name


@pytest.mark.parametrize("fmt,mode", [("PNG", "RGBA"), ("WEBP", "RGB"), ("PNG", "P")])
def test_png_and_webp_are_accepted_and_become_jpeg(fmt, mode):
    photo = prepare_photo(_upload(_image_bytes(fmt, size=(50, 40), mode=mode)))
    with Image.open(io.BytesIO(photo.content)) as result:
        assert result.format == "JPEG" and result.mode == "RGB"


def test_a_text_file_named_jpg_is_refused():
    with pytest.raises(ValidationError, match="geen foto"):
        prepare_photo(_upload(b"Dit is geen foto, maar tekst.\n" * 20))


def test_other_image_formats_and_broken_files_are_refused():
    with pytest.raises(ValidationError, match="geen foto"):
        prepare_photo(_upload(_image_bytes("GIF", size=(20, 20), mode="RGB"), name="a.gif"))
    truncated = _image_bytes(size=(300, 300))[:400]
    with pytest.raises(ValidationError, match="geen foto"):
        prepare_photo(_upload(truncated))


def test_too_many_pixels_is_refused_before_decoding(monkeypatch):
    # A 5000×5000 PNG of one colour is tiny on disk but 25 megapixels: a decompression bomb.
    data = _image_bytes("PNG", size=(5000, 5000))
    assert len(data) < 200_000
    with pytest.raises(ValidationError, match="te veel pixels"):
        prepare_photo(_upload(data, name="bom.png"))


def test_files_over_5_mb_are_refused(monkeypatch):
    monkeypatch.setattr(images, "MAX_UPLOAD_BYTES", 1000)
    with pytest.raises(ValidationError, match="te groot"):
        prepare_photo(_upload(_image_bytes(size=(200, 200)) + b"\0" * 1000))
    big = _upload(b"\xff\xd8" + b"\0" * (5 * 1024 * 1024 + 10))
    monkeypatch.setattr(images, "MAX_UPLOAD_BYTES", 5 * 1024 * 1024)
    with pytest.raises(ValidationError, match="hoogstens 5 MB"):
        prepare_photo(big)


# --- Every other kind of metadata goes too ----------------------------------------------------------

SECRET = "Jan de Vries, Hoofdstraat 12, Heerlen"


def _segments(jpeg: bytes) -> list[int]:
    """The markers of a JPEG's segments up to the image data (APPn = 0xE0–0xEF, COM = 0xFE)."""
    markers, i = [], 2
    while i < len(jpeg) and jpeg[i] == 0xFF:
        marker = jpeg[i + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: the pixels follow
            break
        i += 2 + int.from_bytes(jpeg[i + 2 : i + 4], "big")
    return markers


def _with_app_segment(jpeg: bytes, marker: int, payload: bytes) -> bytes:
    """Insert an APPn segment right after the start-of-image marker."""
    segment = bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload
    return jpeg[:2] + segment + jpeg[2:]


def _iptc() -> bytes:
    # Photoshop "8BIM" resource 0x0404 (IPTC-NAA) holding a caption record (2:120).
    caption = SECRET.encode()
    record = b"\x1c\x02\x78" + len(caption).to_bytes(2, "big") + caption
    resource = b"8BIM\x04\x04\x00\x00" + len(record).to_bytes(4, "big") + record
    return _with_app_segment(_image_bytes(size=(60, 40)), 0xED, b"Photoshop 3.0\x00" + resource)


def _xmp() -> bytes:
    xmp = f'<x:xmpmeta xmlns:x="adobe:ns:meta/"><dc:creator>{SECRET}</dc:creator></x:xmpmeta>'.encode()
    return _with_app_segment(_image_bytes(size=(60, 40)), 0xE1, b"http://ns.adobe.com/xap/1.0/\x00" + xmp)


def _png_text() -> bytes:
    from PIL.PngImagePlugin import PngInfo

    info = PngInfo()
    info.add_text("Author", SECRET)
    info.add_text("Comment", SECRET, zip=True)  # zTXt
    info.add_itxt("Description", SECRET, lang="nl")  # iTXt
    return _image_bytes("PNG", size=(60, 40), pnginfo=info)


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(lambda: _image_bytes(size=(60, 40), comment=SECRET.encode()), id="jpeg-comment"),
        pytest.param(_xmp, id="xmp"),
        pytest.param(_iptc, id="iptc"),
        pytest.param(_png_text, id="png-text-chunks"),
    ],
)
def test_comments_xmp_iptc_and_png_text_are_removed(data):
    original = data()
    assert SECRET.encode() in original or b"x\x9c" in original  # the test file really carries it
    photo = prepare_photo(_upload(original))
    assert SECRET.encode() not in photo.content
    markers = _segments(photo.content)
    assert 0xFE not in markers, "a JPEG comment (COM) survived"
    assert [m for m in markers if 0xE1 <= m <= 0xEF] == [], "an APP segment (EXIF, XMP, IPTC, ICC) survived"
    with Image.open(io.BytesIO(photo.content)) as result:
        assert not {"comment", "xmp", "photoshop", "icc_profile", "exif"} & set(result.info)
