"""The core and the import pipeline never import Qt or the UI."""

import subprocess
import sys
from pathlib import Path

import parkdesk

CORE_DIRS = ("core", "ingest")


def test_core_modules_load_without_qt() -> None:
    root = Path(parkdesk.__file__).parent
    modules = sorted(
        "parkdesk." + ".".join(p.relative_to(root).with_suffix("").parts)
        for d in CORE_DIRS for p in (root / d).rglob("*.py")
    )
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "bad = [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'parkdesk.ui', 'qtawesome'))]\n"
        + "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
