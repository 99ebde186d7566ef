"""Starting the app: check the display, create QApplication, open the database, show the window."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from parkdesk import __version__
from parkdesk.paths import APP_ID
from parkdesk.ui.platform_check import display_problem

#: A window not painted by then (a start-up dialog open, say) answers later launches anyway.
LISTEN_LATEST_MS = 1000

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from parkdesk.core.db.directory import Directory
    from parkdesk.ui.main_window import MainWindow


def application() -> QApplication:
    """The QApplication (created on first use), with parkdesk's names (its icon: see
    icons.set_app_icon)."""
    from PySide6.QtWidgets import QApplication

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName("parkdesk")
    app.setOrganizationName("parkdesk")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)  # the desktop entry is APP_ID.desktop
    return app


def open_directory(path: Path) -> Directory | None:
    """Open the database at `path`; on failure explain it in a dialog and offer another file.

    Returns the Directory, or None when the user gives up. Files are only ever read.
    """
    from parkdesk.core.db.connect import UI_BUSY_TIMEOUT
    from parkdesk.core.db.directory import Directory
    from parkdesk.core.errors import DatabaseError

    while True:
        try:
            # A short wait for another program's lock: no click freezes the window for long.
            return Directory.open(path, timeout=UI_BUSY_TIMEOUT)
        except DatabaseError as exc:
            from parkdesk.ui import icons
            from parkdesk.ui.dialogs import OPEN_ANOTHER, DatabaseErrorDialog, ask_database_path

            icons.set_app_icon()
            if DatabaseErrorDialog.ask(exc) != OPEN_ANOTHER:
                return None
        chosen = ask_database_path(None, Path(path))
        if chosen is None:
            return None
        path = chosen


def start(db_path: Path | str, settings_path: Path | None = None,
          user_store: Path | None = None) -> MainWindow | None:
    """Open the database and show the main window; None when no database could be opened.

    `user_store`: the file of the user's changes, shown over the database (None: the
    articles alone, nothing editable); its start's backup is made after the window's first
    paint (its messages, if any, shown with the store's others)."""
    from parkdesk.core.userstore.session import attach_user_data
    from parkdesk.ui.main_window import MainWindow
    from parkdesk.ui.settings import Settings

    directory = open_directory(Path(db_path))
    if directory is None:
        return None
    user_data = attach_user_data(directory, user_store, with_user_data=user_store is not None,
                                 backup=False)
    window = MainWindow(directory, Settings(settings_path), user_data)
    window.first_painted.connect(user_data.back_up_on_start)
    window.show()
    return window


def set_up_language(given: str | None = None, settings_path: Path | None = None) -> str:
    """Install the interface language: `given` (`--lang`), else View › Language's saved
    choice, else the system's; returns the language installed."""
    from parkdesk.ui import language
    from parkdesk.ui.settings import Settings

    wanted = language.chosen_language(given, Settings(settings_path).language())
    language.install(wanted)
    return language.current


def _import_qt_free_modules() -> None:
    """Import the Qt-free modules the window needs before PySide6 is imported: from then on
    PySide6 reads the source of every module imported (to see whether it uses PySide6, for
    its `__feature__` switches), ~0.2 ms a module, ~40 of them parkdesk's core and the
    standard library's they bring."""
    import parkdesk.core.tree
    import parkdesk.core.userstore.session  # (the directory, records, search…)
    import parkdesk.logs  # noqa: F401


def launch(db_path: Path | str, user_store: Path | None = None, lang: str | None = None) -> int:
    """Run the desktop app on `db_path` (with the user's changes from `user_store`, in the
    interface language `lang`, None: the chosen or system one) until its window closes;
    returns the exit code."""
    problem = display_problem()
    if problem:
        print(f"parkdesk: {problem}", file=sys.stderr)
        return 1
    _import_qt_free_modules()
    app = application()
    set_up_language(lang)
    from PySide6.QtCore import QTimer

    from parkdesk import logs
    from parkdesk.paths import user_log_dir
    from parkdesk.ui import crash, single_instance

    logs.setup(user_log_dir())
    crash.install()  # from here on an uncaught exception is logged and said in a dialog
    # Whether one runs already is known from the lock; the socket that answers later launches
    # opens after the first paint (or, at the latest, in a start-up dialog's event loop).
    instance = single_instance.claim(Path(db_path), listen=False)
    if instance is None:
        return 0  # handed to the parkdesk already running on this desktop
    try:
        QTimer.singleShot(LISTEN_LATEST_MS, instance.listen)
        window = start(db_path, user_store=user_store)
        if window is None:
            return 1
        window.first_painted.connect(instance.listen)
        instance.attach(lambda message: single_instance.present(window, message))
        return app.exec()
    finally:
        instance.close()
