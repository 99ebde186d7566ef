"""Regular expressions compiled when first used, not when their module is imported.

Compiling a pattern with Unicode classes costs ~1 ms; the search's patterns were compiled on
the way to the window's first paint though nothing is searched before it. `lazy(pattern)`
stands for `re.compile(pattern)`: the same methods, compiled on the first call.
"""

from __future__ import annotations

import re
from typing import Any


class LazyPattern:
    """A compiled pattern's stand-in; attribute access compiles it (once). Each method asked
    for is then kept on the stand-in, so later calls cost what a compiled pattern's do."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self._source = source
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.compiled, name)
        setattr(self, name, value)  # found in the instance from now on: no __getattr__
        return value


def lazy(source: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(source, flags)`, done on first use (typed as the pattern it stands for)."""
    return LazyPattern(source, flags)  # type: ignore[return-value]
