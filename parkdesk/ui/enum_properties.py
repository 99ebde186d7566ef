"""Qt enum properties set by their key's name, for code that runs before the first paint.

The first use of PySide's `Qt` namespace makes Python enums of all its ~90 enum types (~17 ms,
a tenth of a bare window's start-up). Modules on the start-up path therefore do not import
`Qt` at the top: they set the few enum values the window is built with through Qt's property
system, by name as a .ui file does, and import `Qt` inside the functions that run later.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


def set_enum(obj: QObject, name: str, key: str) -> None:
    """Set `obj`'s enum property `name` to the value named `key` ("Vertical", "A|B" for flags)."""
    if obj.metaObject().indexOfProperty(name) < 0:
        raise ValueError(f"{type(obj).__name__} has no enum property {name}")
    if not obj.setProperty(name, key):
        raise ValueError(f"{type(obj).__name__}'s {name} has no value named {key}")
