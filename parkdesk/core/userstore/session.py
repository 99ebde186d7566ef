"""The directory as the user sees it: the bundled file with the user store's layer applied,
and the one path through which changes are recorded, undone, reverted and restored."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from parkdesk import paths
from parkdesk.core.db.backups import backup_if_due, open_store, restore_backup
from parkdesk.core.db.directory import Directory
from parkdesk.core.db.layered import apply_layer
from parkdesk.core.db.userstore import UserStore, UserStoreError
from parkdesk.core.userstore import changes as ch
from parkdesk.core.userstore.articles import StoredArticle
from parkdesk.core.userstore.changes import Change, Op

if TYPE_CHECKING:
    from parkdesk.core.userstore.review import QueueArticle


def default_store_path() -> Path:
    """The user store in the user's data folder (platformdirs; XDG_DATA_HOME on Linux)."""
    return paths.user_store_file()


class UserData:
    """A Directory shown with the user's layer, and the store behind it (None: articles alone).

    `messages` holds sentences for the user from opening (a damaged store set aside, a
    read-only folder...). Every change goes through `record` or `set_state`: committed to the
    store first, then the directory is shown anew.
    """

    def __init__(self, directory: Directory, store: UserStore | None,
                 messages: list[str] | None = None) -> None:
        self.directory = directory
        self.store = store
        self.messages = messages or []
        self.refresh()

    @property
    def editable(self) -> bool:
        return self.store is not None and self.store.writable

    @property
    def read_only_reason(self) -> str:
        """Why changes cannot be made now, as a sentence ("" when they can)."""
        if self.store is None:
            return "Your changes are not available in this window, so nothing can be edited."
        return "" if self.store.writable else (self.store.problem or "")

    def changes(self) -> list[Change]:
        """The whole journal, oldest first."""
        return self.store.changes() if self.store else []

    def refresh(self) -> None:
        """Show the directory with the journal's active changes (after any change to it)."""
        if self.store is None:
            apply_layer(self.directory, [])
        else:
            apply_layer(self.directory, self.store.changes(active_only=True), self.store.article)

    def article(self, sha256: str) -> StoredArticle | None:
        """An imported article's text and findings, by sha256 (None: not in this store)."""
        return self.store.article(sha256) if self.store else None

    def queue(self) -> list[QueueArticle]:
        """The imported articles in effect, with the findings still to review."""
        from parkdesk.core.userstore.review import queue  # (when the queue is first shown)

        return queue(self.directory.layer, self.article)

    def pending_count(self) -> int:
        """How many findings of imported articles wait for a decision."""
        return sum(len(item.pending) for item in self.queue())

    def already_imported(self, sha256: str) -> str | None:
        """The title of an article with this text in effect already (bundled or imported)."""
        for article in self.directory.articles().values():
            if article.sha256 == sha256:
                return article.title
        return None

    def import_article(self, article: StoredArticle, text: str) -> Change | None:
        """Keep an article's text and findings and show it in the review queue, as one change;
        None when the same text is in the directory already (nothing is changed)."""
        if self.already_imported(article.sha256) is not None:
            return None
        n = len(article.findings)
        summary = f"Imported “{article.title[:60]}” ({n} finding{'s' if n != 1 else ''} to review)"
        change = self._store().record_import(
            article, text, summary, [ch.import_article(article.article_id, article.sha256, article.file, article.title)])
        self.refresh()
        self._daily_backup()
        return change

    def _store(self) -> UserStore:
        if self.store is None or not self.store.writable:
            raise UserStoreError(self.read_only_reason)
        return self.store

    def record(self, summary: str, ops: list[Op]) -> Change:
        """Save one change (committed when this returns), then show it; backs up once a day."""
        change = self._store().record(summary, ops)
        self.refresh()
        self._daily_backup()
        return change

    def set_state(self, seq: int, state: str) -> Change:
        """Undo, redo or revert a change (committed when this returns), then show the result."""
        change = self._store().set_state(seq, state)
        self.refresh()
        return change

    def restore(self, backup: Path) -> Path:
        """Replace the journal by a backup's (after backing up the current one); returns the
        backup made just before."""
        saved = restore_backup(self._store(), backup)
        self.refresh()
        return saved

    def back_up_on_start(self) -> None:
        """A start's backup: made when the journal moved since the latest backup (the app
        calls this after its window's first paint); a failure becomes one of `messages`."""
        self._daily_backup(on_start=True)

    def _daily_backup(self, on_start: bool = False) -> None:
        try:
            if self.store is not None:
                backup_if_due(self.store, on_start=on_start)
        except UserStoreError as exc:
            self.messages.append(str(exc))

    def show_on(self, directory: Directory) -> None:
        """Show the same changes over another directory (File › Open Database…)."""
        self.directory = directory
        self.refresh()

    def close(self) -> None:
        self.directory.close()
        if self.store is not None:
            self.store.close()


def open_user_data(db: Path | str, store_path: Path | None = None, with_user_data: bool = True,
                   read_only: bool = False, backup: bool = True) -> UserData:
    """Open the bundled directory `db` with the user's layer from `store_path` (default: the
    user's data folder). `read_only` (the command line's readers) never creates or writes the
    store; a missing store means the articles alone."""
    directory = Directory.open(db)
    try:
        return attach_user_data(directory, store_path, with_user_data, read_only, backup)
    except BaseException:
        directory.close()
        raise


def attach_user_data(directory: Directory, store_path: Path | None = None,
                     with_user_data: bool = True, read_only: bool = False,
                     backup: bool = True) -> UserData:
    """An open directory shown with the user's layer (see open_user_data); `backup`: the
    start's backup now (the app passes False and calls `back_up_on_start` after its first
    paint)."""
    if not with_user_data:
        return UserData(directory, None)
    path = Path(store_path) if store_path else default_store_path()
    if read_only and not path.exists():
        return UserData(directory, None)
    store, messages = open_store(path, read_only=read_only)
    if store is not None and store.problem and not read_only:
        messages.append(store.problem)
    try:
        data = UserData(directory, store, messages)
    except BaseException:
        if store is not None:
            store.close()
        raise
    if backup and not read_only:
        data.back_up_on_start()
    return data


def read_directory(db: Path | str, store_path: Path | None) -> tuple[Directory, list[str]]:
    """The directory with the user's layer, for reading only (the command line): the store is
    never created or written, and closed before this returns. None: the articles alone."""
    data = open_user_data(db, store_path, with_user_data=store_path is not None,
                          read_only=True, backup=False)
    if data.store is not None:
        data.store.close()
        data.store = None
    return data.directory, data.messages
