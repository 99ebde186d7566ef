"""A query's words and digits, folded the way the search index's tokenizer folds them."""

from __future__ import annotations

import re
import unicodedata

from parkdesk.core.patterns import lazy

MAX_TERMS = 8
MAX_TERM_LENGTH = 64
MAX_TEXT = 4096  # characters of a query that are read at all
MIN_DIGITS = 3  # a run of this many digits is looked up among phone numbers
# Longest prefix the FTS5 prefix indexes hold (prefix='1 2 3 4 5 6'); longer ones are expanded
# into the words they start, from the vocabulary table.
PREFIX_INDEXED = 6
_WORD = lazy(r"\w+", re.UNICODE)
_TOKEN = lazy(r"[^\W_]+", re.UNICODE)  # a word as FTS5's unicode61 tokenizer sees it
# Digits written as one number: groups joined by spaces, hyphens, dots, slashes or brackets,
# optionally after a plus sign ("+86 (757) 8631-6675").
_NUMBER = lazy(r"\+?\(?\d[\d\s\-./()]*\d|\d")
_HYPHENATED = lazy(r"[^\W\d_]+(?:[-‐‑–][^\W\d_]+)+")
_CJK = lazy(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def fold(text: str) -> str:
    """Lower case without diacritics, like the index's tokenizer."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def tokens(text: str) -> list[str]:
    """The words of `text` as the index sees them (folded; punctuation splits words)."""
    return _TOKEN.findall(fold(text))


def name_key(name: str) -> str:
    """A name's words, folded, in alphabetical order: "Talent  Park" -> "park talent", so that
    the words of a name typed in any order find it."""
    return " ".join(sorted(tokens(name)))


def lead_word(name: str) -> str:
    """The first word of a name, as the search index sees it ("" when it has none)."""
    m = _TOKEN.search(name)
    return m.group() if m else ""


def query_terms(text: str) -> list[str]:
    """The words of a user's query, lower-cased, de-duplicated; operators and quotes dropped."""
    terms: list[str] = []
    for word in _WORD.findall(text[:MAX_TEXT]):
        word = fold(word)[:MAX_TERM_LENGTH]
        if word not in terms:
            terms.append(word)
        if len(terms) == MAX_TERMS:
            break
    return terms


def hyphenated(text: str) -> list[tuple[str, str]]:
    """Words written with hyphens ("shun-de"), each as typed and joined ("shunde")."""
    return [(m.group(), re.sub(r"\W", "", m.group())) for m in _HYPHENATED.finditer(text[:MAX_TEXT])]


def digit_runs(text: str) -> list[str]:
    """Numbers written in `text`, as plain digits, when they have at least MIN_DIGITS.

    "0757-8631 6675", "(0757) 86316675" and "+86 757 86316675" each give one run.
    """
    runs = []
    for m in _NUMBER.finditer(text[:MAX_TEXT]):
        digits = re.sub(r"\D", "", m.group())
        if len(digits) >= MIN_DIGITS and digits not in runs:
            runs.append(digits[:20])
    return runs


def digits_of(text: str | None) -> str:
    """Only the digits of `text`."""
    return re.sub(r"\D", "", text or "")


def has_cjk(text: str) -> bool:
    """Whether `text` has Chinese characters."""
    return bool(_CJK.search(text))


def quoted(term: str) -> str:
    """A term as an FTS5 string: nothing in it is query syntax."""
    return '"' + term.replace('"', '""') + '"'


def fts_query(terms: list[str], any_term: bool = False) -> str:
    """An FTS5 MATCH expression: every term quoted, as a prefix; all required unless `any_term`."""
    joiner = " OR " if any_term else " "
    return joiner.join(quoted(t) + "*" for t in terms)


def has_all(terms: list[str], text: str) -> bool:
    """Whether every (folded) term starts a word of `text`."""
    words = tokens(text)
    return all(any(w.startswith(t) for w in words) for t in terms)
