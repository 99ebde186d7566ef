"""Where parkdesk finds its bundled files, and where it keeps the user's own files.

Bundled: the directory database, the curation file and resources. The user's own: data (the
user store), logs and caches, in the platform's usual places (platformdirs). Nothing is ever
written next to the package.
"""

from pathlib import Path

import platformdirs

APP_NAME = "parkdesk"

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = PROJECT_ROOT / "data" / "parks.db"
CURATION_FILE = PROJECT_ROOT / "data" / "curation.toml"
RESOURCES = PROJECT_ROOT / "resources"
DEFAULT_ARTICLES = PROJECT_ROOT.parent / "shared" / "articles"


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
