"""Postal addresses as people read them: the articles' words, spaced after each comma
("2 Markham Road,Shishan" -> "2 Markham Road, Shishan"). Only spacing changes; the stored and
cited text stays as written."""

from __future__ import annotations

import re

_TIGHT_COMMA = re.compile(r"\s*([,，])\s*(?=\S)")


def readable_address(raw: str) -> str:
    """`raw` with one space after each comma (an ideographic comma becomes ", ")."""
    return " ".join(_TIGHT_COMMA.sub(", ", raw).split())
