"""Where parkdesk finds its bundled files, and where it keeps the user's own files.

Bundled (read only): the directory database, the curation file and resources, found in the
packages parkdesk.data and parkdesk.resources (their folders, else importlib.resources). In the repo they are
the top-level data/ and resources/ folders (setup.py maps them), so an editable install, a
wheel and a PyInstaller bundle all find them the same way. The user's own: data (the user
store), logs, caches and the single-instance lock, in the platform's usual places
(platformdirs); preferences are QSettings. Nothing is ever written next to the package.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "parkdesk"
#: The reverse-DNS id AppStream asks for: the desktop entry's, the icon's and the metainfo's
#: file name, and Qt's desktop file name (the window's app id on Wayland).
APP_ID = "io.github.parkdesk.parkdesk"


def _bundled(package: str, member: str) -> Path:
    """The folder of a data package, found through one file in it: a real folder, since SQLite
    needs a real file (in a PyInstaller bundle `files()` is a MultiplexedPath, whose members
    are real paths). The package's own folder when it holds the file: importlib.resources
    costs ~8 ms of imports before the window's first paint, and is asked only otherwise."""
    from importlib.util import find_spec

    try:
        spec = find_spec(package)
    except ModuleNotFoundError:
        spec = None
    for location in (spec.submodule_search_locations or []) if spec else []:
        if (Path(location) / member).is_file():
            return Path(location)
    from importlib.resources import files

    try:
        folder = files(package)
    except ModuleNotFoundError:
        raise SystemExit(
            f"parkdesk: its bundled files ({package}) are missing; install parkdesk "
            "(`make run` from a clone, or `pip install parkdesk`)"
        ) from None
    return Path(str(folder.joinpath(member))).parent


DATA_DIR = _bundled("parkdesk.data", "curation.toml")
RESOURCES = _bundled("parkdesk.resources", "parkdesk.svg")
DEFAULT_DB = DATA_DIR / "parks.db"
CURATION_FILE = DATA_DIR / "curation.toml"
#: True when the bundled files are a clone's own data/ folder (the editable install of `make
#: run`), which `make db` rebuilds; False for a wheel or a bundle, which reinstalling restores.
FROM_CLONE = (DATA_DIR.parent / "pyproject.toml").is_file()
#: The articles the bundled directory is built from: a development input beside a clone (as
#: `make db` reads it), relative to the working directory; `check` re-reads citations from it
#: when it is there and checks the rest without it.
DEFAULT_ARTICLES = Path("..") / "shared" / "articles"


def user_data_dir() -> Path:
    """The user's own data (the user store and its backups); not created here."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def user_store_file() -> Path:
    """The user store: the user's changes to the directory (see docs/user-store.md)."""
    return user_data_dir() / "userstore.db"


def user_log_dir() -> Path:
    """Where the rotating log file lives; not created here."""
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def user_cache_dir() -> Path:
    """Caches that can be rebuilt at any time (e.g. benchmark directories); not created here."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def user_runtime_dir() -> Path:
    """Files that live as long as the user's session (the single-instance lock and socket);
    not created here."""
    return Path(platformdirs.user_runtime_dir(APP_NAME, appauthor=False))


def xdg_data_home() -> Path:
    """The user's XDG data folder (~/.local/share), where desktop entries, AppStream metainfo
    and icon themes are installed for one user."""
    given = os.environ.get("XDG_DATA_HOME", "")
    return Path(given) if os.path.isabs(given) else Path.home() / ".local" / "share"
