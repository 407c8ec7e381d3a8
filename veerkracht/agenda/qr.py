"""QR codes for the door: an SVG on the private page, a PNG in the confirmation mail (mail clients
do not show SVG). Made on the server with the `qrcode` package; no script on the page."""

from __future__ import annotations

import base64
import io
import re

import qrcode
import qrcode.image.svg
from django.utils.html import escape

_SIZE = re.compile(r'^<svg width="[^"]*" height="[^"]*"')


def qr_svg(data: str, *, label: str, pixels: int = 240) -> str:
    """An inline <svg> with a white background (scanners need the contrast, also in dark mode)."""
    image = qrcode.make(data, image_factory=qrcode.image.svg.SvgPathFillImage, border=2)
    svg = image.to_string(encoding="unicode")
    svg = svg[svg.index("<svg") :]
    return _SIZE.sub(
        f'<svg width="{pixels}" height="{pixels}" role="img" aria-label="{escape(label)}" class="vk-qr"', svg
    )


def qr_png_base64(data: str, *, box_size: int = 8) -> str:
    code = qrcode.QRCode(box_size=box_size, border=2)
    code.add_data(data)
    out = io.BytesIO()
    code.make_image().save(out, format="PNG")
    return base64.b64encode(out.getvalue()).decode()
