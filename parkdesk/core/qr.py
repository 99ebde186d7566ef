"""QR codes, made with segno: the one place both the fact sheet's and the detail pane's codes
are made (error level M, a quiet zone of four modules, UTF-8 flagged with ECI when needed)."""

from __future__ import annotations

import base64
import io
from functools import lru_cache

import segno

# Pixels per module in the fact sheet's PNG; the sheet scales the image, so this only keeps
# edges sharp.
PNG_SCALE = 8
QUIET_ZONE = 4  # modules of white border, as the standard asks


def make_qr(text: str) -> segno.QRCode:
    """The QR code of `text`: error level M; UTF-8 flagged with ECI when the text is not ASCII."""
    return segno.make(text, error="m", micro=False, eci=not text.isascii())


def modules_across(qr: segno.QRCode) -> int:
    """How many modules wide a code is, quiet zone included."""
    return int(qr.symbol_size(scale=1, border=QUIET_ZONE)[0])


def png_bytes(qr: segno.QRCode, scale: int = PNG_SCALE) -> bytes:
    """A code as black-on-white PNG bytes, `scale` pixels per module."""
    out = io.BytesIO()
    qr.save(out, kind="png", scale=scale, border=QUIET_ZONE, dark="#000", light="#fff")
    return out.getvalue()


def qr_png(text: str) -> bytes:
    """The QR code of `text` as PNG bytes, PNG_SCALE pixels per module."""
    return png_bytes(make_qr(text))


@lru_cache(maxsize=64)
def qr_data_uri(text: str) -> str:
    """The QR code of `text` as a `data:image/png;base64,...` URI for an <img> tag (kept for
    the next page or sheet of the same number: encoding one takes a few milliseconds)."""
    return "data:image/png;base64," + base64.b64encode(qr_png(text)).decode("ascii")
