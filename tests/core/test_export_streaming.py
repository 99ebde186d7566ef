"""The streamed exports: the same text as the nested document, nothing lost at 10k, no number
parsed and no query per entity, the user's entries marked, and Cancel leaving no file."""

from __future__ import annotations

import io
import json
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from parkdesk.core.db.directory import Directory
from parkdesk.core.export.json_format import encode
from parkdesk.core.export.render import Cancelled, export_to_path, render, write_export
from parkdesk.core.export.scope import EVERYTHING, resolve_park, scope_of_entity
from parkdesk.core.export.vcard_format import _Card
from parkdesk.core.phones import normalise
from tests.core.test_export_support import write_rich_db

FORMATS = ("json", "csv", "vcard", "google-csv", "outlook-csv")


@pytest.fixture
def rich(tmp_path: Path):
    directory = Directory.open(write_rich_db(tmp_path))
    yield directory
    directory.close()


@pytest.fixture(scope="module")
def big(synth_10k: Path):
    directory = Directory.open(synth_10k)
    yield directory
    directory.close()


# -- the text is the standard library's ---------------------------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@settings(max_examples=200, deadline=None)
@given(_json_values)
def test_encode_writes_what_json_dumps_writes(value: object) -> None:
    assert encode(value) == json.dumps(value, ensure_ascii=False, indent=2)


@pytest.mark.parametrize("scope_name", ["all", "zone", "shunde", "li", "lost"])
def test_streamed_json_is_the_documents_json_dumps(rich: Directory, scope_name: str) -> None:
    scope = (scope_of_entity(rich, scope_name) if scope_name in ("li", "lost")
             else resolve_park(rich, None if scope_name == "all" else scope_name))
    text = render(rich, "json", scope).decode("utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"


_awkward = st.text(st.sampled_from("ab ,;:\\\n\r佛山é" + "x" * 10), max_size=200)


@settings(max_examples=200, deadline=None)
@given(_awkward, _awkward, st.lists(_awkward, min_size=1, max_size=3))
def test_our_card_writer_writes_what_vobject_writes(name: str, note: str, org: list[str]) -> None:
    from vobject.vcard import Address, Name

    ours = _Card()
    theirs = vobject.vCard()
    ours.add("version", "3.0")
    theirs.add("version").value = "3.0"
    ours.add("uid", "urn:uuid:1,2;3", uri=True)
    line = theirs.add("uid")
    line.value, line.encoded = "urn:uuid:1,2;3", True
    ours.add("fn", name)
    theirs.add("fn").value = name
    ours.add_fields("n", [name, note, "", "", ""])
    theirs.add("n").value = Name(family=name, given=note)
    ours.add_fields("org", org)
    theirs.add("org").value = org
    ours.add("note", note)
    theirs.add("note").value = note
    label = note.replace('"', "'").replace("\n", ", ")
    ours.add_fields("adr", ["", "", name, "", "", "", ""], {"TYPE": ["work"], "LABEL": [label]})
    line = theirs.add("adr")
    line.value = Address(street=name)
    line.params["TYPE"], line.params["LABEL"] = ["work"], [label]
    ours.add("tel", note, {"TYPE": ["WORK", "VOICE"]})
    line = theirs.add("tel")
    line.value, line.params["TYPE"] = note, ["WORK", "VOICE"]
    assert ours.serialize() == theirs.serialize()


# -- nothing lost at 10k -------------------------------------------------------------------------


def _counts(directory: Directory) -> tuple[Counter, int, int, int]:
    con = directory.con
    kinds = Counter(dict(con.execute("SELECT kind, count(*) FROM entities GROUP BY kind")))
    phones = con.execute("SELECT count(*) FROM contacts WHERE kind = 'phone'").fetchone()[0]
    contacts = con.execute("SELECT count(*) FROM contacts").fetchone()[0]
    cards = con.execute("SELECT count(DISTINCT owner_id) FROM contacts").fetchone()[0]
    return kinds, phones, contacts, cards


def _export(directory: Directory, fmt: str, version: str = "3.0") -> tuple[bytes, int]:
    """The export, and how many SQL statements it ran."""
    seen: list[str] = []
    out = io.BytesIO()
    directory.con.set_trace_callback(seen.append)
    try:
        write_export(directory, fmt, EVERYTHING, out, version)
    finally:
        directory.con.set_trace_callback(None)
    return out.getvalue(), len(seen)


def test_every_format_at_10k_keeps_every_record_without_parsing_or_per_entity_queries(
    rich: Directory, big: Directory
) -> None:
    import csv

    from parkdesk.core.export.walk import walk

    kinds, phones, contacts, cards = _counts(big)
    assert kinds["enterprise"] == 9796 and phones > 9_000  # the synthetic directory is large
    normalise.cache_clear()
    exports = {fmt: _export(big, fmt) for fmt in FORMATS}
    exports["vcard4"] = _export(big, "vcard", "4.0")
    info = normalise.cache_info()
    assert info.hits + info.misses == 0  # the stored forms are written, no number is parsed
    for fmt in FORMATS:  # 30 times the records of the rich directory, the same queries
        assert exports[fmt][1] <= _export(rich, fmt)[1] + 5, fmt

    nodes = [v.node for v in walk(json.loads(exports["json"][0]))]
    assert Counter(n["kind"] for n in nodes) == kinds
    assert sum(len(n["contacts"]) for n in nodes) == contacts
    assert sum(len(n["figures"]) for n in nodes) == big.counts()["figures"]
    text = exports["csv"][0].decode("utf-8-sig")
    assert len(list(csv.DictReader(io.StringIO(text, newline="")))) == phones
    for fmt in ("vcard", "vcard4"):
        vcf = exports[fmt][0].decode("utf-8")
        assert vcf.count("BEGIN:VCARD\r\n") == cards
        assert vcf.count("\r\nTEL;") == phones
    for fmt, encoding in (("google-csv", "utf-8"), ("outlook-csv", "utf-8-sig")):
        rows = list(csv.DictReader(io.StringIO(exports[fmt][0].decode(encoding), newline="")))
        assert len(rows) == cards
        numbers = [v for r in rows for k, v in r.items() if "Phone" in k and "Type" not in k and v]
        assert len(numbers) + sum(r["Notes"].count("Also: +") for r in rows) == phones


# -- cancel, the user's entries ------------------------------------------------------------------


def test_cancelled_export_leaves_no_file_and_keeps_the_old_one(big: Directory,
                                                               tmp_path: Path) -> None:
    for fmt in FORMATS:
        target = tmp_path / f"out-{fmt}"
        target.write_text("the old export")
        reports: list[tuple[int, int]] = []
        with pytest.raises(Cancelled):
            export_to_path(big, fmt, EVERYTHING, target,
                           cancelled=lambda seen=reports: len(seen) >= 3,
                           progress=lambda done, total, seen=reports: seen.append((done, total)))
        assert target.read_text() == "the old export"
        assert reports[0][1] == big.con.execute("SELECT count(*) FROM entities").fetchone()[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(f"out-{f}" for f in FORMATS)


def test_progress_reaches_the_total(rich: Directory, tmp_path: Path) -> None:
    reports: list[tuple[int, int]] = []
    export_to_path(rich, "vcard", EVERYTHING, tmp_path / "x.vcf",
                   progress=lambda done, total: reports.append((done, total)))
    total = rich.con.execute("SELECT count(*) FROM entities").fetchone()[0]
    assert reports[-1] == (total, total)


def test_the_users_entries_are_in_every_format_marked_as_theirs(sample_db: Path,
                                                               tmp_path: Path) -> None:
    from parkdesk.core.userstore import changes as ch
    from parkdesk.core.userstore.session import open_user_data

    data = open_user_data(sample_db, tmp_path / "u.db")
    person = ch.add_entity("person", "Lin Fairmet", "park-shunde")
    data.record("Person", [person, ch.add_role(person["id"], "Sales Manager", "andao")])
    data.record("Phone", [ch.add_contact(person["id"], "phone", "Office", "0757-22223333 ext. 808")])
    d = data.directory
    try:
        assert '"source": "user"' in render(d, "json").decode()
        assert "entered by you" in render(d, "csv").decode()
        for fmt in ("vcard", "google-csv", "outlook-csv"):
            text = render(d, fmt).decode("utf-8-sig")
            name = "Fairmet,Lin" if fmt == "outlook-csv" else "Lin Fairmet"  # first, last
            assert name in text and "Entered by you" in text, fmt
            assert "+86 757 2222 3333 ext. 808" in text, fmt
        card = next(c for c in vobject.readComponents(render(d, "vcard").decode())
                    if c.fn.value == "Lin Fairmet")
        assert card.tel.value == "+86 757 2222 3333 ext. 808"
        assert normalise(card.tel.value).extension == "808"
    finally:
        data.close()


def test_order_table_is_dropped(rich: Directory) -> None:
    render(rich, "json")
    temp = rich.con.execute("SELECT name FROM temp.sqlite_master").fetchall()
    assert temp == []


def test_export_works_on_a_read_only_file(rich: Directory) -> None:
    with pytest.raises(sqlite3.OperationalError):
        rich.con.execute("CREATE TABLE main.x (a)")  # the connection cannot write the file
    assert render(rich, "csv").startswith(b"\xef\xbb\xbf")
