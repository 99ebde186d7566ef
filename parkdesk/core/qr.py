"""QR codes for fact sheets: a `tel:` URI as PNG bytes or a data: URI, made with segno."""

from __future__ import annotations

import base64
import io

import segno

# Pixels per module in the PNG; the sheet scales the image, so this only keeps edges sharp.
PNG_SCALE = 8
QUIET_ZONE = 4  # modules of white border, as the standard asks


def qr_png(text: str) -> bytes:
    """A black-on-white QR code of `text` as PNG bytes."""
    qr = segno.make(text, error="m", micro=False)
    out = io.BytesIO()
    qr.save(out, kind="png", scale=PNG_SCALE, border=QUIET_ZONE)
    return out.getvalue()


def qr_data_uri(text: str) -> str:
    """The QR code of `text` as a `data:image/png;base64,...` URI for an <img> tag."""
    return "data:image/png;base64," + base64.b64encode(qr_png(text)).decode("ascii")
