"""What to tell the user to do about a database file that cannot be used: it depends on the file.

The bundled directory is rebuilt from the articles in a clone (the editable install, whose
bundled files are the clone's data/ folder), and restored by reinstalling an installed copy;
any other file is the user's, rebuilt from their own folder of articles.
"""

from __future__ import annotations

import os
import shlex
from pathlib import Path

from parkdesk import paths


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


def _shown(path: Path) -> str:
    """`path` as the user would type it here: relative to the current folder (or its parent)
    when near it, else in full; quoted for the shell."""
    absolute = Path(os.path.abspath(path))
    cwd = Path.cwd()
    for base, prefix in ((cwd, ""), (cwd.parent, "../")):
        if absolute.is_relative_to(base):
            return shlex.quote(prefix + absolute.relative_to(base).as_posix())
    return shlex.quote(str(absolute))


def rebuild_hint(path: Path | str) -> str:
    """One sentence: how to get a good copy of the database `path` back."""
    path = Path(path)
    # An installed copy never suggests writing into its own package, whatever folder it runs in.
    clone = paths.FROM_CLONE and paths.DEFAULT_ARTICLES.is_dir()
    if _same_file(path, paths.DEFAULT_DB):
        if clone:
            return (f"Rebuild it with: parkdesk import {_shown(paths.DEFAULT_ARTICLES)} "
                    f"-o {_shown(paths.DEFAULT_DB)}")
        return "It is the directory that comes with parkdesk: reinstall parkdesk to restore it."
    articles = _shown(paths.DEFAULT_ARTICLES) if clone else "FOLDER_OF_ARTICLES"
    return f"Open another database, or rebuild this one with: parkdesk import {articles} -o {_shown(path)}"
