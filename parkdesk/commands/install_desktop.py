"""`parkdesk install-desktop [--remove]`: put parkdesk in the desktop's application menu.

Copies the desktop entry, the AppStream metainfo and the app icon (SVG and hicolor PNGs) from the
package into the user's XDG data folder (~/.local/share), with the entry's Exec pointing at this
installation's `parkdesk-gui`; `--remove` deletes exactly those files again. Linux/freedesktop.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import shutil
import sys
from pathlib import Path

from parkdesk.core.errors import ParkdeskError
from parkdesk.paths import APP_ID, RESOURCES, xdg_data_home

NAME = "install-desktop"
HELP = "add parkdesk to the desktop's application menu (--remove takes it away)"

DESKTOP_DIR = RESOURCES / "desktop"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """`install-desktop [--remove] [--data-dir DIR]`."""
    parser.add_argument("--remove", action="store_true",
                        help="remove the files an earlier install-desktop wrote")
    parser.add_argument("--data-dir", type=Path, default=None, metavar="DIR",
                        help="XDG data folder to write into (default: $XDG_DATA_HOME or ~/.local/share)")


def run(args: argparse.Namespace) -> int:
    """Install, or remove with --remove."""
    data_dir = args.data_dir or xdg_data_home()
    if args.remove:
        removed = remove_desktop(data_dir)
        print(f"Removed {len(removed)} parkdesk desktop files from {data_dir}.")
        return 0
    written = install_desktop(data_dir, launcher_command())
    print(f"Installed {len(written)} files under {data_dir}: parkdesk is in the application menu "
          "(take it away with `parkdesk install-desktop --remove`).")
    return 0


def _targets(data_dir: Path) -> dict[Path, Path]:
    """Each installed file and the packaged file it is copied from."""
    hicolor = data_dir / "icons" / "hicolor"
    targets = {
        data_dir / "applications" / f"{APP_ID}.desktop": DESKTOP_DIR / f"{APP_ID}.desktop",
        data_dir / "metainfo" / f"{APP_ID}.metainfo.xml": DESKTOP_DIR / f"{APP_ID}.metainfo.xml",
        hicolor / "scalable" / "apps" / f"{APP_ID}.svg": RESOURCES / "parkdesk.svg",
    }
    packaged = DESKTOP_DIR / "hicolor"  # the sizes drawn by parkdesk.ui.desktop_icons
    for png in sorted(packaged.glob(f"*/apps/{APP_ID}.png")):
        targets[hicolor / png.relative_to(packaged)] = png
    return targets


def launcher_command() -> str:
    """The command the desktop entry runs: this installation's window launcher, by full path,
    so that it works from a venv that is not on PATH (or the bundle's own executable)."""
    if getattr(sys, "frozen", False):
        return sys.executable
    scripts = Path(sys.executable).parent
    for name in ("parkdesk-gui", "parkdesk-gui.exe"):
        if (scripts / name).is_file():
            return str(scripts / name)
    return shutil.which("parkdesk-gui") or "parkdesk-gui"


def _exec_quoted(command: str) -> str:
    """`command` as one argument of a desktop entry's Exec key (Desktop Entry spec quoting)."""
    if not re.search(r'[\s"\'\\><~|&;$*?#()`]', command):
        return command
    escaped = re.sub(r'(["`$\\])', r"\\\1", command)
    return f'"{escaped}"'.replace("\\", "\\\\")  # the key's own escape layer doubles backslashes


def desktop_entry(command: str) -> str:
    """The packaged desktop entry with Exec and TryExec set to `command`."""
    text = (DESKTOP_DIR / f"{APP_ID}.desktop").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^Exec=.*$", lambda _m: f"Exec={_exec_quoted(command)}", text)
    return re.sub(r"(?m)^TryExec=.*$", lambda _m: f"TryExec={command}", text)


def install_desktop(data_dir: Path, command: str) -> list[Path]:
    """Write the desktop entry (running `command`), metainfo and icons under `data_dir`;
    returns the files written. Existing copies are replaced."""
    written = []
    try:
        for target, source in _targets(data_dir).items():
            target.parent.mkdir(parents=True, exist_ok=True)
            if target.suffix == ".desktop":
                target.write_text(desktop_entry(command), encoding="utf-8")
            else:
                shutil.copyfile(source, target)
            written.append(target)
    except OSError as exc:
        raise ParkdeskError(
            f"Could not write {exc.filename or data_dir} ({exc.strerror}); choose a folder you "
            "can write with --data-dir."
        ) from None
    _touch_icon_theme(data_dir)
    return written


def remove_desktop(data_dir: Path) -> list[Path]:
    """Delete the files install_desktop writes (only those); returns the ones that were there."""
    removed = []
    try:
        for target in _targets(data_dir):
            if target.is_file():
                target.unlink()
                removed.append(target)
    except OSError as exc:
        raise ParkdeskError(f"Could not remove {exc.filename} ({exc.strerror}).") from None
    _touch_icon_theme(data_dir)
    return removed


def _touch_icon_theme(data_dir: Path) -> None:
    """Icon caches notice a theme folder's changed time; a stale cache only costs the icon."""
    theme = data_dir / "icons" / "hicolor"
    if theme.is_dir():
        with contextlib.suppress(OSError):
            os.utime(theme)
