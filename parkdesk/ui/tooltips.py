"""Tooltips built from database text: always shown as the characters they hold, never as HTML."""

from __future__ import annotations


def plain_tooltip(text: str) -> str:
    """`text` as a tooltip Qt shows literally: escaped rich text, its line breaks kept.

    Qt treats a tooltip that looks like HTML (`<img src=...>`) as rich text, so text from the
    database is escaped and wrapped in a paragraph that keeps its lines as they are.
    """
    if not text:
        return ""
    import html  # (its entity table takes ~2 ms to load: not before the first paint)

    return f'<p style="white-space:pre">{html.escape(text)}</p>'
