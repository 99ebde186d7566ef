"""A CardDAV address book kept in step with the directory (RFC 6352 over WebDAV, with httpx).

    plan = plan_publish(directory, book)      # read the book: what to add, update, delete
    apply_plan(plan, book)                    # PUT and DELETE, each guarded by its ETag

Reading first and writing after means a refused password or a missing book changes nothing.
Every write is conditional: a new card `If-None-Match: *`, a changed or removed one `If-Match`
its ETag, so a card someone changed on the server meanwhile is not overwritten unseen. Only
cards parkdesk wrote (their PRODID) are ever replaced or deleted: a card a colleague added to
the same book stays.

httpx rather than a CalDAV library: the `caldav` package is built around calendars and brings
icalendar and lxml for it, while a book needs four requests (PROPFIND, REPORT, PUT, DELETE)
with small XML bodies that the standard library reads. httpx is well kept, typed, and already
there with the `serve` extra (Datasette uses it).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

from parkdesk.core.errors import ParkdeskError
from parkdesk.core.publish.cards import Card, card_identity, directory_cards, is_ours, same_card

if TYPE_CHECKING:
    import httpx

    from parkdesk.core.db.directory import Directory

NEEDS_EXTRA = "Publishing needs httpx: install it with pip install 'parkdesk[publish]'."
TIMEOUT = 30.0  # seconds for one request
_DAV = "DAV:"
_CARD = "urn:ietf:params:xml:ns:carddav"
_MULTIGET_BATCH = 200
_PROPFIND = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<d:propfind xmlns:d="DAV:"><d:prop><d:resourcetype/><d:getetag/></d:prop></d:propfind>'
)


class PublishError(ParkdeskError):
    """Publishing failed; the sentence says why and what to do."""


@dataclass(frozen=True)
class RemoteCard:
    """A card in the book: where it is, its ETag, and its text."""

    href: str
    etag: str
    text: str

    @property
    def name(self) -> str:
        return card_identity(self.text)[1] or self.href.rsplit("/", 1)[-1]


@dataclass
class Plan:
    """What a publish does: cards to add, to update (with the server's copy), to delete."""

    url: str
    add: list[Card] = field(default_factory=list)
    update: list[tuple[Card, RemoteCard]] = field(default_factory=list)
    delete: list[RemoteCard] = field(default_factory=list)
    unchanged: int = 0

    @property
    def changes(self) -> int:
        return len(self.add) + len(self.update) + len(self.delete)

    def lines(self) -> list[str]:
        """One line per change, as `--dry-run` prints them."""
        return ([f"add     {c.name}" for c in self.add]
                + [f"update  {c.name}" for c, _ in self.update]
                + [f"delete  {r.name}" for r in self.delete])

    def summary(self, done: bool) -> str:
        """"3 added, 1 updated, ..." once done; "3 to add, ..." before."""
        if done:
            counts = (f"{len(self.add)} added, {len(self.update)} updated, "
                      f"{len(self.delete)} deleted, {self.unchanged} unchanged")
            return f"Published to {self.url}: {counts}."
        return (f"{len(self.add)} to add, {len(self.update)} to update, {len(self.delete)} to "
                f"delete, {self.unchanged} unchanged at {self.url}.")


def _check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise PublishError(f"{url!r} is not an address book address; give its http(s):// URL.")
    if parts.username or parts.password:
        raise PublishError("Give the user name with --user and the password in a file or "
                           "when asked, not inside the address.")
    return url if url.endswith("/") else url + "/"


class AddressBook:
    """One CardDAV address book at `url`, spoken to with HTTP basic authentication."""

    def __init__(self, url: str, user: str | None = None, password: str | None = None,
                 timeout: float = TIMEOUT) -> None:
        try:
            import httpx
        except ImportError:
            raise PublishError(NEEDS_EXTRA) from None
        self.url = _check_url(url)
        auth = httpx.BasicAuth(user, password or "") if user else None
        self._http = httpx.Client(auth=auth, timeout=timeout, follow_redirects=True)
        self._httpx = httpx

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> AddressBook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _request(self, method: str, url: str, **kwargs: object) -> httpx.Response:
        try:
            response = self._http.request(method, url, **kwargs)  # type: ignore[arg-type]
        except self._httpx.TimeoutException:
            raise PublishError(f"The server at {self.url} did not answer in time; try again "
                               "later.") from None
        except self._httpx.HTTPError as exc:
            raise PublishError(f"Cannot reach {self.url} ({exc}); check the address and the "
                               "network.") from None
        if response.status_code in (401, 403):
            raise PublishError(f"The server at {self.url} refused the user name or password "
                               f"({response.status_code}); nothing was changed.")
        if response.status_code == 404 and method in ("PROPFIND", "REPORT"):
            raise PublishError(f"There is no address book at {self.url}; check the address.")
        return response

    def cards(self) -> list[RemoteCard]:
        """Every card in the book with its ETag and text (PROPFIND, then addressbook-multiget)."""
        response = self._request("PROPFIND", self.url, content=_PROPFIND,
                                 headers={"Depth": "1", "Content-Type": "application/xml"})
        if response.status_code != 207:
            raise PublishError(f"The server at {self.url} answered {response.status_code} when "
                               "asked for its cards; is this a CardDAV address book?")
        hrefs: list[str] = []
        is_book = False
        for href, props in _responses(response.content):
            if self._same(href, self.url):
                is_book = props.find(f".//{{{_CARD}}}addressbook") is not None
            elif props.find(f".//{{{_DAV}}}collection") is None:
                hrefs.append(href)
        if not is_book:
            raise PublishError(f"{self.url} is not a CardDAV address book; give the address of "
                               "the book itself.")
        cards: list[RemoteCard] = []
        for start in range(0, len(hrefs), _MULTIGET_BATCH):
            cards += self._multiget(hrefs[start : start + _MULTIGET_BATCH])
        return cards

    def _same(self, href: str, url: str) -> bool:
        return unquote(urlsplit(urljoin(self.url, href)).path).rstrip("/") == \
            unquote(urlsplit(url).path).rstrip("/")

    def _multiget(self, hrefs: list[str]) -> list[RemoteCard]:
        body = ET.Element(f"{{{_CARD}}}addressbook-multiget")
        prop = ET.SubElement(body, f"{{{_DAV}}}prop")
        ET.SubElement(prop, f"{{{_DAV}}}getetag")
        ET.SubElement(prop, f"{{{_CARD}}}address-data")
        for href in hrefs:
            ET.SubElement(body, f"{{{_DAV}}}href").text = href
        ET.register_namespace("d", _DAV)
        ET.register_namespace("c", _CARD)
        response = self._request("REPORT", self.url, content=ET.tostring(body, encoding="utf-8"),
                                 headers={"Depth": "1", "Content-Type": "application/xml"})
        if response.status_code != 207:
            raise PublishError(f"The server at {self.url} answered {response.status_code} when "
                               "asked for its cards' text.")
        cards = []
        for href, props in _responses(response.content):
            etag = props.findtext(f".//{{{_DAV}}}getetag") or ""
            text = props.findtext(f".//{{{_CARD}}}address-data")
            if text is not None:
                cards.append(RemoteCard(href, etag, text))
        return cards

    def put(self, filename_or_href: str, text: str, etag: str | None = None) -> None:
        """Write a card: a new one (`etag` None) only if none is there, else only over `etag`."""
        headers = {"Content-Type": "text/vcard; charset=utf-8"}
        headers["If-Match" if etag else "If-None-Match"] = etag or "*"
        self._write("PUT", filename_or_href, headers, text.encode("utf-8"))

    def delete(self, href: str, etag: str) -> None:
        """Delete a card, only if it is still as read (`etag`)."""
        self._write("DELETE", href, {"If-Match": etag} if etag else {}, None)

    def _write(self, method: str, where: str, headers: dict[str, str],
               content: bytes | None) -> None:
        url = urljoin(self.url, where)
        response = self._request(method, url, headers=headers, content=content)
        if response.status_code == 412:
            raise PublishError(f"A card at {url} changed on the server while publishing; "
                               "publish again to bring it in step.")
        if response.status_code == 404 and method == "DELETE":
            return  # already gone: what was wanted
        if not 200 <= response.status_code < 300:
            raise PublishError(f"The server at {self.url} refused to {method.lower()} {url} "
                               f"({response.status_code} {response.reason_phrase}).")


def _responses(xml: bytes) -> Iterable[tuple[str, ET.Element]]:
    """(href, the response element) for each response of a 207 multistatus body."""
    try:
        root = ET.fromstring(xml)
    except ET.ParseError as exc:
        raise PublishError(f"The server's answer is not the XML CardDAV speaks ({exc}).") from None
    for response in root.iter(f"{{{_DAV}}}response"):
        href = response.findtext(f"{{{_DAV}}}href")
        if href:
            yield href.strip(), response


def plan_publish(cards: list[Card], book: AddressBook) -> Plan:
    """What makes the book hold exactly `cards` (cards parkdesk did not write are left alone)."""
    plan = Plan(book.url)
    remote: dict[str, RemoteCard] = {}
    for held in book.cards():
        if is_ours(held.text):
            remote.setdefault(card_identity(held.text)[0], held)
    for card in cards:
        there = remote.pop(card.uid, None)
        if there is None:
            plan.add.append(card)
        elif same_card(card.text, there.text):
            plan.unchanged += 1
        else:
            plan.update.append((card, there))
    plan.delete = sorted(remote.values(), key=lambda r: r.href)
    return plan


def apply_plan(plan: Plan, book: AddressBook,
               progress: Callable[[str], None] | None = None) -> None:
    """Make the changes of `plan`, each conditional on what was read."""
    for card in plan.add:
        book.put(card.filename, card.text)
        if progress:
            progress(f"added {card.name}")
    for card, there in plan.update:
        book.put(there.href, card.text, there.etag)
        if progress:
            progress(f"updated {card.name}")
    for gone in plan.delete:
        book.delete(gone.href, gone.etag)
        if progress:
            progress(f"deleted {gone.name}")


def publish(directory: Directory, url: str, user: str | None = None,
            password: str | None = None, dry_run: bool = False) -> Plan:
    """Bring the address book at `url` in step with the directory; returns what was (or, with
    `dry_run`, would be) changed."""
    cards = directory_cards(directory)
    with AddressBook(url, user, password) as book:
        plan = plan_publish(cards, book)
        if not dry_run:
            apply_plan(plan, book)
    return plan
