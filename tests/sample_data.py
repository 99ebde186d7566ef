"""A small directory written by hand for tests: every kind of record, with citations."""

from __future__ import annotations

from parkdesk.core.db.directory import Directory
from parkdesk.core.phones import normalise
from parkdesk.core.records import (
    Article,
    Bundle,
    Citation,
    Contact,
    Entity,
    Figure,
    Relation,
    Role,
)

PARKS = ("Chancheng", "Nanhai", "Shunde", "Gaoming", "Sanshui")


def _cite(article: str, words: str, paragraph: int = 1, start: int = 0) -> list[Citation]:
    return [Citation(article, paragraph, start, start + len(words), words)]


def _phone(cid: str, owner: str, label: str, raw: str) -> Contact:
    p = normalise(raw)
    return Contact(
        cid, owner, "phone", label, raw, p.e164, p.national, p.international, p.valid, p.warning,
        sources=_cite("a1", raw, 2),
    )


def sample_bundle() -> Bundle:
    """Zone, five parks, a committee, projects, an enterprise, people, contacts and figures."""
    b = Bundle()
    b.articles = [
        Article("a1", "a1.txt", "Test zone report", "2024-02-29T16:15", False, "Test Daily",
                "https://example.org/a1", "0" * 64, 12),
        Article("a2", "a2.txt", "Older zone interview", "2021", True, None, None, "1" * 64, 8),
    ]
    b.entities = [
        Entity("zone", "zone", "Test High-tech Zone", None, aliases=("THZ",),
               description="A zone of five parks.", sources=_cite("a1", "Test High-tech Zone")),
        Entity("committee", "organisation", "Management Committee", "zone",
               aliases=("Administrative Committee",), sources=_cite("a1", "Management Committee")),
        Entity("outside", "place", "Riverside Park", None, district="Elsewhere City",
               sources=_cite("a2", "Riverside Park")),
        Entity("lighthouse", "project", "Lighthouse Innovation Centre", "park-shunde",
               subkind="innovation centre", status="under construction",
               aliases=("Beacon Innovation Centre",), sources=_cite("a1", "Lighthouse")),
        Entity("andao", "enterprise", "Andao Test Devices Co., Ltd.", "park-shunde",
               aliases=("Andao",), sources=_cite("a1", "Andao")),
        Entity("pan", "person", "Pan Test", "zone", sources=_cite("a2", "Pan Test")),
        Entity("river-co", "enterprise", "Riverside Robotics", "outside",
               sources=_cite("a2", "Riverside Robotics")),
    ]
    for name in PARKS:
        b.entities.append(
            Entity(f"park-{name.lower()}", "park", f"{name} Park", "zone",
                   district=f"{name} District", sources=_cite("a1", f"{name} Park", 3))
        )
    b.contacts = [
        _phone("c-committee-1", "committee", "Management Committee", "0757-86683830"),
        _phone("c-committee-2", "committee", "Management Committee", "0757-86682797"),
        _phone("c-shunde", "park-shunde", "Shunde Park", "0757-26363972"),
        _phone("c-bad", "park-gaoming", "Gaoming Park", "0757-123"),
        Contact("c-address", "committee", "address", "Address", "2 Test Road, Foshan 528222",
                sources=_cite("a1", "2 Test Road, Foshan 528222", 4)),
    ]
    b.figures = [
        Figure("f-invest", "lighthouse", "total investment", "530", "million yuan", 530.0,
               refers_to="2023", reported="2024-02-29", sources=_cite("a1", "530 million yuan", 5)),
        Figure("f-loan-1", "zone", "loan balance", "19.346", "billion yuan", 19.346,
               refers_to="2024", reported="2024-02-29", sources=_cite("a1", "19.346 billion", 6)),
        Figure("f-loan-2", "zone", "loan balance", "19.3", "billion yuan", 19.3, qualifier="about",
               refers_to="2023", reported="2023-11-16", sources=_cite("a2", "19.3 billion", 3)),
    ]
    b.roles = [
        Role("r-pan", "pan", "Director of the Administrative Committee", "committee", "2021",
             sources=_cite("a2", "director of the Administrative Committee", 2)),
    ]
    b.relations = [
        Relation("rel-1", "andao", "located in", "park-shunde", sources=_cite("a1", "Shunde", 7)),
    ]
    return b


EXTENSION_RAW = "0757-87778888转66"  # Sanshui Park's only number, with an extension
EXTENSION_URI = "tel:+86-757-8777-8888;ext=66"


def extension_bundle() -> Bundle:
    """The sample with Sanshui Park's number given with an extension (转66)."""
    b = sample_bundle()
    b.contacts.append(_phone("c-sanshui", "park-sanshui", "Sanshui Park", EXTENSION_RAW))
    return b


def all_contacts(directory: Directory) -> list[Contact]:
    """Every contact of a database in id order (tests only: the app asks per owner)."""
    ids = [r[0] for r in directory.con.execute("SELECT id FROM contacts ORDER BY id")]
    return [c for c in (directory.contact(i) for i in ids) if c is not None]
