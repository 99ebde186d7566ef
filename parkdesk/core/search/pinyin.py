"""Pinyin for the search index: a Chinese alias is also found by its pinyin, typed without tones
("shunde", "shun de"), with tone marks or numbers ("shùndé", "shun4de2") or as initials ("sd"),
and by the Han characters it ends with (顺德园 in 佛山高新区顺德园).

Only the index is written with pypinyin (`make db`, and a user's own record); a query is
matched as typed, since every form above is a word of the index.
"""

from __future__ import annotations

from collections.abc import Iterable

from parkdesk.core.search.text import has_cjk


def pinyin_forms(name: str) -> list[str]:
    """The words under which a name with Han characters is indexed (none for other names).

    For 顺德园: shundeyuan, shun de yuan, sdy, shun4de2yuan2, shùndéyuán, and the tails 德园,
    deyuan, dy, 园, yuan, y."""
    if not has_cjk(name):
        return []
    from pypinyin import Style, lazy_pinyin  # (its dictionaries load in ~0.1 s: only here)

    han = "".join(c for c in name if has_cjk(c))
    plain = lazy_pinyin(han)
    marked = lazy_pinyin(han, style=Style.TONE)
    numbered = lazy_pinyin(han, style=Style.TONE3)
    initials = lazy_pinyin(han, style=Style.FIRST_LETTER)
    forms = ["".join(plain), " ".join(plain), "".join(initials), "".join(numbered),
             "".join(marked)]
    # Every tail of the Han run, and its pinyin: a prefix search for 顺德, shunde or sd then
    # finds 佛山高新区顺德园 too, and guanweihui finds 佛山高新区管委会.
    for i in range(1, len(han)):
        forms += [han[i:], "".join(plain[i:]), "".join(initials[i:])]
    return list(dict.fromkeys(f for f in forms if f))


def alias_search_text(aliases: Iterable[str]) -> str:
    """The aliases column of a search row: the aliases, then the pinyin of the Chinese ones."""
    names = sorted(set(aliases))
    extra = [form for name in names for form in pinyin_forms(name)]
    return " | ".join(names + list(dict.fromkeys(extra)))
