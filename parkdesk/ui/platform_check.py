"""Before Qt starts: can this machine open a window? One plain line instead of Qt's abort."""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

# Libraries Qt's xcb platform plugin loads, and the Debian/Ubuntu package that has each one.
XCB_LIBRARIES = (
    ("libxcb-cursor.so.0", "libxcb-cursor0"),
    ("libxcb-icccm.so.4", "libxcb-icccm4"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1"),
    ("libxcb-image.so.0", "libxcb-image0"),
    ("libxcb-render-util.so.0", "libxcb-render-util0"),
    ("libxcb-randr.so.0", "libxcb-randr0"),
    ("libxcb-shape.so.0", "libxcb-shape0"),
    ("libxcb-xkb.so.1", "libxcb-xkb1"),
    ("libxcb-util.so.1", "libxcb-util1"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
    ("libX11-xcb.so.1", "libx11-xcb1"),
    ("libxcb.so.1", "libxcb1"),
)

Loader = Callable[[str], object]


def missing_packages(load: Loader = ctypes.CDLL) -> list[str]:
    """Packages whose libraries the xcb plugin needs but cannot load."""
    missing = []
    for soname, package in XCB_LIBRARIES:
        try:
            load(soname)
        except OSError:
            missing.append(package)
    return missing


def _x_server_reachable(display: str) -> bool:
    """Whether an X server answers at `display` (asked through libxcb, as Qt will)."""
    xcb = ctypes.CDLL("libxcb.so.1")
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return connection is not None and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection is not None:
            xcb.xcb_disconnect(connection)


def display_problem(
    environ: Mapping[str, str] = os.environ,
    platform: str = sys.platform,
    load: Loader = ctypes.CDLL,
) -> str | None:
    """Why no window can be opened here, in one sentence, or None when it looks fine."""
    if not platform.startswith("linux") or environ.get("QT_QPA_PLATFORM"):
        return None
    wayland = bool(environ.get("WAYLAND_DISPLAY"))
    if wayland and environ.get("XDG_SESSION_TYPE") == "wayland":
        return None  # Qt picks its Wayland plugin here; xcb libraries do not matter
    display = environ.get("DISPLAY", "")
    if not display:
        if wayland:
            return None
        return (
            "cannot open a window: no display (DISPLAY is not set); run it in a desktop "
            "session, or with ssh -X"
        )
    missing = missing_packages(load)
    if missing:
        names = " ".join(missing)
        return f"cannot open a window: install {names} (apt-get install {names})"
    if not _x_server_reachable(display):
        return f"cannot open a window: no X server answers on DISPLAY={display}"
    return None
