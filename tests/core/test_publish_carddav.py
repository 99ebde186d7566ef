"""`parkdesk publish carddav`: a real CardDAV server (Radicale, with a temporary storage folder
and htpasswd accounts) started on a free port of 127.0.0.1 for each test, and the cards it
stores read back with vobject as a phone's address book reads them."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import vobject

from parkdesk.cli import main
from parkdesk.core.db.store import write_bundle
from parkdesk.core.phones import normalise
from parkdesk.core.userstore import changes as ch
from parkdesk.core.userstore.session import open_user_data
from tests.sample_data import EXTENSION_RAW, extension_bundle
from tests.servers import radicale_book

USER, PASSWORD = "alice", "correct horse"
# The owners of a phone number in the sample: the committee (two numbers), Shunde Park,
# Gaoming Park (a number too short to be valid, kept as written) and Sanshui Park (extension).
OWNERS = {"Management Committee", "Shunde Park", "Gaoming Park", "Sanshui Park"}
CARDS = len(OWNERS)


@dataclass
class Book:
    url: str
    folder: Path  # where Radicale keeps this book's cards
    password_file: Path
    db: Path
    store: Path  # the user store publishing reads over db

    def publish(self, *more: str, password_file: Path | None = None) -> int:
        return main(["publish", "carddav", self.url, "--user", USER, "--password-file",
                     str(password_file or self.password_file), "--db", str(self.db),
                     "--user-store", str(self.store), *more])

    def files(self) -> dict[str, bytes]:
        return {p.name: p.read_bytes() for p in self.folder.glob("*.vcf")}

    def cards(self) -> list:
        return [vobject.readOne(p.read_text(encoding="utf-8")) for p in self.folder.glob("*.vcf")]


@pytest.fixture
def book(tmp_path: Path) -> Iterator[Book]:
    """An empty address book on a Radicale of the test's own; the sample directory."""
    db = tmp_path / "sample.db"
    write_bundle(extension_bundle(), db, {"built_at": "2026-01-01T00:00:00"})
    password_file = tmp_path / "password"
    password_file.write_text(PASSWORD + "\n")
    with radicale_book(tmp_path, USER, PASSWORD) as (url, folder):
        yield Book(url, folder, password_file, db, tmp_path / "user-store.db")


def _numbers(cards: list) -> set[str]:
    return {tel.value for card in cards for tel in card.contents.get("tel", [])}


def test_publish_creates_a_card_for_every_record_with_a_number(book: Book, capsys) -> None:
    assert book.publish() == 0
    assert f"{CARDS} added, 0 updated, 0 deleted, 0 unchanged" in capsys.readouterr().out
    cards = book.cards()
    assert len(cards) == CARDS
    assert {c.fn.value for c in cards} == OWNERS
    numbers = _numbers(cards)
    assert {"+86 757 8668 3830", "+86 757 8668 2797", "+86 757 2636 3972", "0757-123"} < numbers
    assert len(numbers) == 5
    extension = next(n for n in numbers if "ext." in n)
    parsed = normalise(extension)
    assert (parsed.e164, parsed.extension) == (normalise(EXTENSION_RAW).e164, "66")
    # Stable UIDs: the file name is the UID's UUID, the same on every publish.
    assert {f"{c.uid.value.removeprefix('urn:uuid:')}.vcf" for c in cards} == set(book.files())


def test_a_second_publish_changes_only_what_changed(book: Book, capsys) -> None:
    assert book.publish() == 0
    before = book.files()
    assert book.publish() == 0
    assert f"0 added, 0 updated, 0 deleted, {CARDS} unchanged" in capsys.readouterr().out
    assert book.files() == before

    data = open_user_data(book.db, book.store)
    data.record("Phone", [ch.set_contact("c-shunde", "phone", "0757 2636 3999")])
    data.close()
    assert book.publish("--dry-run") == 0
    out = capsys.readouterr().out
    assert "update  Shunde Park" in out and "nothing was sent" in out
    assert book.files() == before
    assert book.publish() == 0
    assert f"0 added, 1 updated, 0 deleted, {CARDS - 1} unchanged" in capsys.readouterr().out
    after = book.files()
    changed = {name for name in before if before[name] != after.get(name)}
    assert len(changed) == 1 and set(after) == set(before)
    card = vobject.readOne(after[changed.pop()].decode())
    assert card.fn.value == "Shunde Park" and card.tel.value == "+86 757 2636 3999"


def test_a_removed_record_is_deleted_from_the_book(book: Book, capsys) -> None:
    assert book.publish() == 0
    before = book.files()
    data = open_user_data(book.db, book.store)
    data.record("Hide Gaoming Park", [ch.hide("entity", "park-gaoming")])
    data.close()
    assert book.publish() == 0
    assert f"0 added, 0 updated, 1 deleted, {CARDS - 1} unchanged" in capsys.readouterr().out
    after = book.files()
    assert set(after) < set(before) and len(after) == CARDS - 1
    assert "Gaoming Park" not in {c.fn.value for c in book.cards()}
    assert all(after[name] == before[name] for name in after)


def test_a_card_parkdesk_did_not_write_stays(book: Book, capsys) -> None:
    theirs = ("BEGIN:VCARD\r\nVERSION:3.0\r\nUID:colleague-1\r\nFN:A Colleague\r\n"
              "N:Colleague;A;;;\r\nTEL:+86 757 1234 5678\r\nEND:VCARD\r\n")
    put = httpx.put(book.url + "colleague-1.vcf", content=theirs, auth=(USER, PASSWORD),
                    headers={"Content-Type": "text/vcard"}, timeout=20)
    assert put.status_code in (201, 204)
    assert book.publish() == 0
    assert book.publish() == 0
    assert "A Colleague" in {c.fn.value for c in book.cards()}
    assert len(book.cards()) == CARDS + 1


def test_a_wrong_password_is_one_line_and_changes_nothing(book: Book, tmp_path: Path,
                                                          capsys) -> None:
    assert book.publish() == 0
    before = book.files()
    data = open_user_data(book.db, book.store)
    data.record("Phone", [ch.set_contact("c-shunde", "phone", "0757 2636 3999")])
    data.close()
    capsys.readouterr()
    wrong = tmp_path / "wrong"
    wrong.write_text("not the password\n")
    assert book.publish(password_file=wrong) == 1
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "refused the user name or password" in captured.err
    assert "not the password" not in captured.err + captured.out
    assert book.files() == before


def test_no_password_without_a_terminal_is_one_line(book: Book, monkeypatch, capsys) -> None:
    monkeypatch.delenv("PARKDESK_CARDDAV_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", open("/dev/null"))  # noqa: SIM115 (closed with the test)
    assert main(["publish", "carddav", book.url, "--user", USER, "--db", str(book.db)]) == 1
    err = capsys.readouterr().err
    assert "--password-file" in err and err.count("\n") == 1
    assert book.files() == {}


def test_an_address_that_is_not_a_book_is_one_line(book: Book, capsys) -> None:
    assert book.publish() == 0
    capsys.readouterr()
    parent = book.url.rsplit("/", 2)[0] + "/"
    assert main(["publish", "carddav", parent, "--user", USER, "--password-file",
                 str(book.password_file), "--db", str(book.db)]) == 1
    err = capsys.readouterr().err
    assert "is not a CardDAV address book" in err and err.count("\n") == 1


def test_a_password_inside_the_address_is_refused(book: Book, capsys) -> None:
    url = book.url.replace("http://", f"http://{USER}:{PASSWORD.replace(' ', '%20')}@")
    assert main(["publish", "carddav", url, "--db", str(book.db)]) == 1
    err = capsys.readouterr().err
    assert "--user" in err and PASSWORD not in err
    assert book.files() == {}


def test_the_password_is_in_no_log_even_at_debug_level(book: Book, caplog, capsys) -> None:
    import base64
    import logging

    caplog.set_level(logging.DEBUG)
    assert book.publish() == 0
    encoded = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    assert caplog.records  # httpx and httpcore did log the requests
    assert PASSWORD not in caplog.text and encoded not in caplog.text
    assert PASSWORD not in capsys.readouterr().out
