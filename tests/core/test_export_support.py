"""A richer test directory for the exports, a strict vCard reader of our own, and their checks.

The rich directory adds what the shared sample lacks: a person with a mobile number and two roles,
an extension, Chinese text, a URL with a comma, an orphan entry and an unreviewed finding.
The reader is deliberately independent of vobject (which writes the cards): RFC 6350 unfolding,
parameter and value splitting, and text unescaping, written from the RFC.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from parkdesk.core.db.store import write_bundle
from parkdesk.core.phones import normalise
from parkdesk.core.records import Article, Citation, Contact, Entity, Mention, Role
from tests.sample_data import sample_bundle

CHINESE = "佛山高新区测试报道"  # an article title in Chinese, to follow through every format
CHINESE_NAME = "测试科技有限公司"
COMMA_URL = "https://example.org/a3?ids=1,2;x=3"


def _cite(article: str, words: str, paragraph: int = 1, start: int = 0) -> list[Citation]:
    return [Citation(article, paragraph, start, start + len(words), words)]


def _phone(cid: str, owner: str, raw: str, article: str = "a3", paragraph: int = 2) -> Contact:
    p = normalise(raw)
    return Contact(
        cid, owner, "phone", owner, raw, p.e164, p.national, p.international, p.valid, p.warning,
        sources=_cite(article, raw, paragraph),
    )


def rich_bundle():
    """The shared sample plus a person with phones, an extension, Chinese text and an orphan."""
    b = sample_bundle()
    b.articles.append(
        Article("a3", "a3.txt", CHINESE, "2025-06-01", False, "测试日报", COMMA_URL, "3" * 64, 9)
    )
    b.entities += [
        Entity("li", "person", "Li Mingzhu", "park-shunde", sources=_cite("a3", "Li Mingzhu")),
        Entity("cn-co", "enterprise", CHINESE_NAME, "park-nanhai", aliases=("Ceshi Tech",),
               sources=_cite("a3", CHINESE_NAME, 4)),
        Entity("lost", "project", "Orphan Test Project", "no-such-parent",
               sources=_cite("a3", "Orphan Test Project", 5)),
    ]
    b.contacts += [
        _phone("c-li-mobile", "li", "13800138000"),
        _phone("c-li-office", "li", "0757-22223333 ext. 808", paragraph=3),
        _phone("c-cn", "cn-co", "0757-83338888", paragraph=4),
    ]
    b.roles += [
        Role("r-li-1", "li", "Director", "park-shunde", "2025-06-01",
             sources=_cite("a3", "Director", 2)),
        Role("r-li-2", "li", "Deputy head", "committee", "2023",
             sources=_cite("a3", "Deputy head", 3)),
    ]
    b.mentions = [
        Mention("m-1", "a3", "money", "12 million yuan", Citation("a3", 6, 10, 25, "12 million yuan"),
                12.0, "million yuan"),
    ]
    return b


def write_rich_db(folder: Path) -> Path:
    """Write the rich directory to `folder`/rich.db and return its path."""
    path = folder / "rich.db"
    write_bundle(rich_bundle(), path, {"built_at": "2026-01-02T00:00:00", "article_count": "3"})
    return path


# -- a strict, independent vCard reader ---------------------------------------------------------


@dataclass
class Prop:
    """One property of a card: name, parameters (upper-case keys) and the raw value."""

    name: str
    params: dict[str, list[str]]
    value: str

    def text(self) -> str:
        """The value as text, RFC 6350 escapes undone."""
        return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), self.value)

    def components(self) -> list[str]:
        """A structured value (N, ORG, ADR) split at unescaped semicolons, each unescaped."""
        parts = re.split(r"(?<!\\);", self.value)
        return [Prop(self.name, {}, p).text() for p in parts]


@dataclass
class Card:
    """One parsed vCard."""

    props: list[Prop] = field(default_factory=list)

    def all(self, name: str) -> list[Prop]:
        return [p for p in self.props if p.name == name]

    def one(self, name: str) -> Prop:
        found = self.all(name)
        assert len(found) == 1, f"{name}: {len(found)} lines"
        return found[0]


def _split_line(line: str) -> Prop:
    """NAME;PARAM=a,b;PARAM="x:y":value, with quoted parameter values honoured."""
    i, quoted = 0, False
    while i < len(line):
        ch = line[i]
        if ch == '"':
            quoted = not quoted
        elif ch == ":" and not quoted:
            break
        i += 1
    head, value = line[:i], line[i + 1 :]
    parts = re.findall(r'(?:[^;"]|"[^"]*")+', head)
    params: dict[str, list[str]] = {}
    for part in parts[1:]:
        key, _, raw = part.partition("=")
        values = re.findall(r'"[^"]*"|[^,]+', raw)
        params[key.upper()] = [v.strip('"') for v in values]
    return Prop(parts[0].upper(), params, value)


def read_vcards(data: bytes) -> list[Card]:
    """Parse a .vcf file strictly: UTF-8, CRLF lines, BEGIN/VERSION:4.0/.../END per card."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n"), "the file must end with CRLF"
    assert "\n" not in text.replace("\r\n", ""), "every line must end with CRLF"
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    cards: list[Card] = []
    current: Card | None = None
    for line in unfolded.split("\r\n")[:-1]:
        prop = _split_line(line)
        if prop.name == "BEGIN":
            assert prop.value.upper() == "VCARD" and current is None
            current = Card()
        elif prop.name == "END":
            assert current is not None
            cards.append(current)
            current = None
        else:
            assert current is not None, f"property outside a card: {line}"
            if not current.props:
                assert (prop.name, prop.value) == ("VERSION", "4.0"), "VERSION:4.0 must come first"
            current.props.append(prop)
    assert current is None, "unterminated card"
    return cards


# -- checks of the helpers themselves -------------------------------------------------------------


def test_rich_db_is_a_valid_directory(tmp_path: Path) -> None:
    from parkdesk.core.db.directory import Directory

    directory = Directory.open(write_rich_db(tmp_path))
    assert directory.entity("li").name == "Li Mingzhu"
    assert directory.contact("c-li-office").e164 == "+8675722223333"
    assert directory.articles()["a3"].title == CHINESE


def test_reader_unfolds_and_unescapes() -> None:
    data = (
        b"BEGIN:VCARD\r\nVERSION:4.0\r\nFN:A\\, B\\; C\r\nNOTE:one\\ntwo lo\r\n ng\r\n"
        b'ADR;LABEL="x, y: z";TYPE=work,home:;;1 Road\\, Town;;;;\r\nEND:VCARD\r\n'
    )
    (card,) = read_vcards(data)
    assert card.one("FN").text() == "A, B; C"
    assert card.one("NOTE").text() == "one\ntwo long"
    adr = card.one("ADR")
    assert adr.params == {"LABEL": ["x, y: z"], "TYPE": ["work", "home"]}
    assert adr.components()[2] == "1 Road, Town"
