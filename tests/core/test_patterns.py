"""Patterns compiled on first use behave as compiled ones; importing the search compiles none."""

from __future__ import annotations

import re
import subprocess
import sys

from parkdesk.core.patterns import LazyPattern, lazy
from tests.conftest import REPO


def test_a_lazy_pattern_answers_as_the_compiled_one() -> None:
    pattern = lazy(r"[^\W_]+", re.UNICODE)
    assert isinstance(pattern, LazyPattern) and pattern._compiled is None
    compiled = re.compile(r"[^\W_]+", re.UNICODE)
    text = "Foshan high_tech 佛山 zone-7"
    assert pattern.findall(text) == compiled.findall(text)
    assert pattern.search(text).group() == "Foshan"  # type: ignore[union-attr]
    assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in compiled.finditer(text)]
    assert pattern.pattern == compiled.pattern and pattern.flags == compiled.flags


def test_importing_the_search_and_figures_compiles_no_pattern() -> None:
    code = ("import gc, parkdesk.core.search.text, parkdesk.core.figures.wording; "
            "from parkdesk.core.patterns import LazyPattern; "
            "ps = [o for o in gc.get_objects() if isinstance(o, LazyPattern)]; "
            "print(len(ps), sum(o._compiled is not None for o in ps))")
    run = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                         text=True, timeout=60, check=True)
    made, compiled = map(int, run.stdout.split())
    assert made >= 10 and compiled == 0
