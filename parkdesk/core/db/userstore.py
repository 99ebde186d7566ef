"""The user store: one SQLite file of the user's changes, beside (never inside) the bundled
directory. Its own application_id, named migrations counted by PRAGMA user_version (each
upgrade one transaction), WAL with a busy timeout, every change committed before it returns.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from parkdesk.core.errors import ParkdeskError
from parkdesk.core.userstore.articles import StoredArticle
from parkdesk.core.userstore.changes import ACTIVE, STATES, Change, Op, check_op

# "PRKU": marks a file as a parkdesk user store.
USER_APPLICATION_ID = 0x50524B55
BUSY_TIMEOUT_S = 3.0


class UserStoreError(ParkdeskError):
    """The user store cannot be opened or written; the message says why, in one sentence."""


class StoreDamagedError(UserStoreError):
    """The file is not a healthy user store: it is set aside and a backup taken instead."""


class StoreNewerError(UserStoreError):
    """The store was written by a newer parkdesk: left untouched, the app reads articles alone."""


def _m001_changes(con: sqlite3.Connection) -> None:
    """The journal of changes, and the store's own facts."""
    con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
    con.execute(
        "CREATE TABLE changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, "
        "summary TEXT NOT NULL, ops TEXT NOT NULL, state TEXT NOT NULL DEFAULT 'active' "
        "CHECK (state IN ('active', 'undone', 'reverted')), state_at TEXT)"
    )
    con.execute("CREATE INDEX changes_state ON changes (state, seq)")


def _m002_articles(con: sqlite3.Connection) -> None:
    """Imported articles: text, paragraphs and findings, keyed by the text's sha256 (content
    the journal's imports point at; an undone import leaves it here, hidden)."""
    con.execute(
        "CREATE TABLE articles (sha256 TEXT PRIMARY KEY, article_id TEXT NOT NULL, "
        "file TEXT NOT NULL, title TEXT NOT NULL, imported_at TEXT NOT NULL, "
        "text TEXT NOT NULL, data TEXT NOT NULL)"
    )


# Named migrations, in order; user_version is how many have been applied.
MIGRATIONS: tuple[tuple[str, Callable[[sqlite3.Connection], None]], ...] = (
    ("m001_changes", _m001_changes),
    ("m002_articles", _m002_articles),
)
STORE_VERSION = len(MIGRATIONS)


def now() -> str:
    """The current time as stored: ISO, UTC, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def plain_reason(exc: BaseException, path: Path) -> str:
    """What an SQLite or OS error means for the user's store, as the end of a sentence."""
    text = str(exc).lower()
    if "full" in text:
        return f"the disk holding {path.parent} is full; free some space and try again"
    if "readonly" in text or "read-only" in text or "permission" in text:
        return f"the folder {path.parent} is read-only; make it writable to save changes"
    if "locked" in text or "busy" in text:
        return (f"{path.name} is locked by another program (another parkdesk?); "
                "close it and try again")
    if "unable to open" in text:
        return f"{path} cannot be opened (is the folder {path.parent} there and writable?)"
    return str(exc)


def _uri(path: Path, mode: str) -> str:
    return "file:" + quote(str(path.resolve())) + f"?mode={mode}"


def file_problem(path: Path) -> str | None:
    """Why an existing file is not a healthy user store (None: it is one, or it is empty)."""
    try:
        with path.open("rb") as f:
            header = f.read(100)
    except OSError as exc:
        return f"it cannot be read ({exc.strerror})"
    if not header:
        return None
    if not header.startswith(b"SQLite format 3\x00"):
        return "it is not an SQLite file"
    # A WAL file in a read-only folder can only be read as immutable (no -shm can be made).
    for mode in ("ro", "ro&immutable=1"):
        try:
            con = sqlite3.connect(_uri(path, mode), uri=True)
            try:
                app_id = con.execute("PRAGMA application_id").fetchone()[0]
                result = con.execute("PRAGMA integrity_check").fetchone()[0]
            finally:
                con.close()
            break
        except sqlite3.OperationalError as exc:
            text = str(exc).lower()
            if "locked" in text or "busy" in text:
                return None
            if mode == "ro" and ("readonly" in text or "unable to open" in text):
                continue
            return f"it is damaged ({exc})"
        except sqlite3.DatabaseError as exc:
            return f"it is damaged ({exc})"
    else:
        return None
    if app_id not in (0, USER_APPLICATION_ID):
        return "it is an SQLite file but not a parkdesk user store"
    if result != "ok":
        return f"it is damaged ({result})"
    return None


class UserStore:
    """The user's journal of changes in one file. Open with `UserStore.open(path)`.

    `writable` is False when the file can be read but not written (a read-only folder, a lock
    held elsewhere); `problem` then says why, and `record` refuses with that sentence.
    """

    def __init__(self, con: sqlite3.Connection, path: Path, writable: bool,
                 problem: str | None = None) -> None:
        self.con = con
        self.path = path
        self.writable = writable
        self.problem = problem
        self._articles: dict[str, StoredArticle] = {}

    @classmethod
    def open(cls, path: Path | str, read_only: bool = False) -> UserStore:
        """Open (creating and migrating when allowed) the store at `path`.

        Raises StoreDamagedError for a file that is not a healthy store, StoreNewerError for one from a
        newer parkdesk, UserStoreError when it can be neither written nor read.
        """
        path = Path(path)
        if path.is_dir():
            raise UserStoreError(f"{path} is a folder, not a user store file.")
        if path.exists():
            problem = file_problem(path)
            if problem:
                raise StoreDamagedError(f"Your changes file {path} cannot be used: {problem}.")
        if read_only:
            return cls._open_read_only(path, None)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            con = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S,
                                  check_same_thread=False)
        except (OSError, sqlite3.Error) as exc:
            return cls._open_read_only(path, exc)
        try:
            con.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            cls._check_version(con, path)
            con.execute("PRAGMA journal_mode = WAL")
            con.execute("PRAGMA synchronous = FULL")
            cls._migrate(con)
        except StoreNewerError:
            con.close()
            raise
        except sqlite3.Error as exc:
            con.close()
            return cls._open_read_only(path, exc)
        return cls(con, path, True)

    @classmethod
    def _open_read_only(cls, path: Path, cause: BaseException | None) -> UserStore:
        reason = plain_reason(cause, path) if cause else "it was opened read-only"
        problem = f"Your changes cannot be saved: {reason}. parkdesk is showing them read-only."
        if not path.exists():
            # Nothing to read: an empty journal in memory, so the app shows the articles alone.
            con = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            cls._migrate(con)
            return cls(con, path, False, problem)
        for mode in ("ro", "ro&immutable=1"):  # immutable: no -shm can be made in the folder
            try:
                con = sqlite3.connect(_uri(path, mode), uri=True, isolation_level=None,
                                      timeout=BUSY_TIMEOUT_S, check_same_thread=False)
                cls._check_version(con, path)
                if con.execute("PRAGMA user_version").fetchone()[0] < STORE_VERSION:
                    con.close()
                    break  # an older store we cannot upgrade here: read it through a copy
                con.execute("SELECT count(*) FROM changes").fetchone()
                return cls(con, path, False, problem)
            except StoreNewerError:
                raise
            except sqlite3.Error:
                continue
        con = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        try:
            src = sqlite3.connect(_uri(path, "ro&immutable=1"), uri=True)
            src.backup(con)
            src.close()
            cls._migrate(con)
        except sqlite3.Error as exc:
            raise UserStoreError(
                f"Your changes file {path} cannot be read: {plain_reason(exc, path)}."
            ) from exc
        return cls(con, path, False, problem)

    @staticmethod
    def _check_version(con: sqlite3.Connection, path: Path) -> None:
        version = con.execute("PRAGMA user_version").fetchone()[0]
        if version > STORE_VERSION:
            raise StoreNewerError(
                f"Your changes in {path} were saved by a newer parkdesk (store version "
                f"{version}; this one knows {STORE_VERSION}). They are left untouched and not "
                "shown; update parkdesk to see and edit them."
            )

    @staticmethod
    def _migrate(con: sqlite3.Connection) -> None:
        """Apply the migrations not yet applied, each all-or-nothing in its own transaction."""
        con.execute("BEGIN IMMEDIATE")
        try:
            version = con.execute("PRAGMA user_version").fetchone()[0]
            if version == 0:
                con.execute(f"PRAGMA application_id = {USER_APPLICATION_ID}")
        finally:
            con.execute("COMMIT")
        for number, (_name, migrate) in enumerate(MIGRATIONS, start=1):
            con.execute("BEGIN IMMEDIATE")
            try:
                # Read again inside the transaction: another process may have just migrated.
                if con.execute("PRAGMA user_version").fetchone()[0] >= number:
                    con.execute("ROLLBACK")
                    continue
                migrate(con)
                con.execute(f"PRAGMA user_version = {number}")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise

    def close(self) -> None:
        self.con.close()

    @property
    def version(self) -> int:
        return int(self.con.execute("PRAGMA user_version").fetchone()[0])

    # -- the journal -------------------------------------------------------------------------

    def _write(self, sql: str, params: tuple) -> int:
        if not self.writable:
            raise UserStoreError(self.problem or "Your changes cannot be saved.")
        try:
            self.con.execute("BEGIN IMMEDIATE")
            try:
                cursor = self.con.execute(sql, params)
                self.con.execute("COMMIT")
            except BaseException:
                if self.con.in_transaction:  # SQLite rolls back by itself on a full disk
                    self.con.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise UserStoreError(
                f"Your change was not saved: {plain_reason(exc, self.path)}."
            ) from exc
        return int(cursor.lastrowid or 0)

    def record(self, summary: str, ops: list[Op] | tuple[Op, ...]) -> Change:
        """Add one change to the journal; it is committed (on disk) when this returns."""
        checked = [check_op(op) for op in ops]
        at = now()
        seq = self._write(
            "INSERT INTO changes (at, summary, ops, state) VALUES (?, ?, ?, 'active')",
            (at, summary, json.dumps(checked, ensure_ascii=False, sort_keys=True)),
        )
        return Change(seq, at, summary, tuple(checked))

    def set_state(self, seq: int, state: str) -> Change:
        """Mark a change active, undone (Undo) or reverted (History); committed on return."""
        if state not in STATES:
            raise ValueError(state)
        self._write("UPDATE changes SET state = ?, state_at = ? WHERE seq = ?",
                    (state, None if state == ACTIVE else now(), seq))
        change = self.change(seq)
        if change is None:
            raise UserStoreError(f"There is no change number {seq}.")
        return change

    def change(self, seq: int) -> Change | None:
        """One change by number."""
        row = self.con.execute(
            "SELECT seq, at, summary, ops, state, state_at FROM changes WHERE seq = ?", (seq,)
        ).fetchone()
        return _change(row) if row else None

    def changes(self, active_only: bool = False) -> list[Change]:
        """The journal, oldest first (only the changes in effect with `active_only`)."""
        sql = "SELECT seq, at, summary, ops, state, state_at FROM changes"
        if active_only:
            sql += " WHERE state = 'active'"
        return [_change(r) for r in self.con.execute(sql + " ORDER BY seq")]

    def record_import(self, article: StoredArticle, text: str, summary: str,
                      ops: list[Op]) -> Change:
        """Keep an article's text and findings and journal its import, in one transaction."""
        checked = [check_op(op) for op in ops]
        if not self.writable:
            raise UserStoreError(self.problem or "Your changes cannot be saved.")
        at = now()
        try:
            self.con.execute("BEGIN IMMEDIATE")
            try:
                self.con.execute(
                    "INSERT OR IGNORE INTO articles (sha256, article_id, file, title, imported_at, "
                    "text, data) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (article.sha256, article.article_id, article.file, article.title, at, text,
                     json.dumps(article.to_json(), ensure_ascii=False)))
                cursor = self.con.execute(
                    "INSERT INTO changes (at, summary, ops, state) VALUES (?, ?, ?, 'active')",
                    (at, summary, json.dumps(checked, ensure_ascii=False, sort_keys=True)))
                self.con.execute("COMMIT")
            except BaseException:
                if self.con.in_transaction:
                    self.con.execute("ROLLBACK")
                raise
        except sqlite3.Error as exc:
            raise UserStoreError(
                f"The article was not imported: {plain_reason(exc, self.path)}."
            ) from exc
        self._articles[article.sha256] = article
        return Change(int(cursor.lastrowid or 0), at, summary, tuple(checked))

    def article(self, sha256: str) -> StoredArticle | None:
        """An imported article by its text's sha256 (read once, then kept)."""
        if sha256 not in self._articles:
            row = self.con.execute("SELECT data FROM articles WHERE sha256 = ?",
                                   (sha256,)).fetchone()
            if row is None:
                return None
            self._articles[sha256] = StoredArticle.from_json(json.loads(row[0]))
        return self._articles[sha256]

    def article_text(self, sha256: str) -> str | None:
        """The text of an imported article as it was read (a saved page's main text)."""
        row = self.con.execute("SELECT text FROM articles WHERE sha256 = ?", (sha256,)).fetchone()
        return str(row[0]) if row else None

    def count(self) -> int:
        """How many changes the journal holds, in any state."""
        return int(self.con.execute("SELECT count(*) FROM changes").fetchone()[0])

    def marker(self) -> str:
        """A text that changes whenever the journal does (for backups: anything new?)."""
        row = self.con.execute(
            "SELECT count(*), coalesce(max(seq), 0), coalesce(max(state_at), '') FROM changes"
        ).fetchone()
        return f"{row[0]}:{row[1]}:{row[2]}"


def _change(row: tuple) -> Change:
    ops = tuple(json.loads(row[3]))
    return Change(row[0], row[1], row[2], ops, row[4], row[5])
