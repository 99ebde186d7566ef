"""The interface's translations: `update` re-reads every tr()/translate() string of parkdesk into
translations/*.ts (pyside6-lupdate), `release` compiles them into resources/translations/*.qm
(pyside6-lrelease). `make translations` runs both; setup.py runs `release` when it builds.

parkdesk_zh_CN.ts holds every string; parkdesk_en.ts only the plural ones, whose English
forms ("1 match", "2 matches") come from it. lupdate finds strings in `self.tr("…")` (the
context is the class), `QCoreApplication.translate("Context", "…")` and
`QT_TRANSLATE_NOOP("Context", "…")` with literal strings; not through a helper or an alias.

Run as `python packaging/translations.py update|release`. Both tools come with PySide6.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TS_DIR = REPO / "translations"
QM_DIR = REPO / "resources" / "translations"
#: No file locations in the .ts: merging branches then never conflicts over line numbers.
LUPDATE_OPTIONS = ("-locations", "none", "-no-obsolete", "-silent")


def qt_tool(name: str) -> Path:
    """lupdate or lrelease, as shipped inside the PySide6 package."""
    try:
        import PySide6
    except ImportError:
        raise SystemExit(f"{name}: PySide6 is needed to build parkdesk's translations") from None
    return Path(PySide6.__file__).parent / name


def sources(repo: Path = REPO) -> list[Path]:
    """The Python files whose strings are translated."""
    return sorted((repo / "parkdesk").rglob("*.py"))


def update(ts_files: list[Path] | None = None, repo: Path = REPO) -> None:
    """Bring the .ts files in step with the sources: new strings added (unfinished), vanished
    ones dropped, translations kept."""
    targets = ts_files if ts_files is not None else sorted(TS_DIR.glob("*.ts"))
    for ts in targets:
        # English needs only the plural forms ("%n match(es)" -> "1 match", "2 matches").
        plural_only = ["-pluralonly"] if ts.stem.endswith("_en") else []
        subprocess.run([str(qt_tool("lupdate")), *LUPDATE_OPTIONS, *plural_only,
                        *map(str, sources(repo)), "-ts", str(ts)], check=True)


def release(ts_dir: Path = TS_DIR, qm_dir: Path = QM_DIR) -> list[Path]:
    """Compile each .ts of `ts_dir` into `qm_dir`; returns the .qm files."""
    qm_dir.mkdir(parents=True, exist_ok=True)
    made = []
    for ts in sorted(ts_dir.glob("*.ts")):
        qm = qm_dir / ts.with_suffix(".qm").name
        subprocess.run([str(qt_tool("lrelease")), "-silent", str(ts), "-qm", str(qm)], check=True)
        made.append(qm)
    return made


if __name__ == "__main__":
    command = sys.argv[1:] or ["update", "release"]
    for step in command:
        {"update": update, "release": release}[step]()
