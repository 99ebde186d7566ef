"""The wheel works on its own: built from the working tree, installed (not editable) into a fresh
venv, and run from a folder outside the checkout.

To keep this to seconds, the fresh venv gets parkdesk from the wheel only (`--no-deps`) and finds
its dependencies through a .pth line naming this test run's site-packages (a .pth line adds a
folder, never runs the editable install's hook that lives there); a test checks that the wheel's
declared dependencies are what that folder holds. A full `pip install` of the wheel with
PySide6 takes ~50 s here.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from email.parser import Parser
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement

REPO = Path(__file__).resolve().parent.parent
SOURCES = ("parkdesk", "data", "resources", "translations", "packaging", "setup.py", "pyproject.toml",
           "README.md", "LICENSE")


def _tree(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_size for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from a copy of the working tree (so the checkout gets no build/ folder)."""
    src = tmp_path_factory.mktemp("src")
    # (the .qm files of an earlier `make translations` are left out: the build compiles them)
    junk = shutil.ignore_patterns("__pycache__", "*.pyc", "*.qm")
    for name in SOURCES:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, src / name, ignore=junk)
        else:
            shutil.copy2(REPO / name, src / name)
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-c", f"from setuptools import build_meta; build_meta.build_wheel({str(out)!r})"],
        cwd=src, check=True, capture_output=True, text=True,
    )
    (built,) = out.glob("parkdesk-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv outside the checkout with the wheel installed; returns its bin folder."""
    root = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(root)], check=True)
    python = root / "bin" / "python"
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
                    "--no-deps", "--no-index", str(wheel)], check=True, capture_output=True)
    site = Path(subprocess.run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                               check=True, capture_output=True, text=True).stdout.strip())
    (site / "_parkdesk_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return root / "bin"


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


def _run(venv: Path, home: Path, *args: str, code: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {"PATH": f"{venv}:/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "XDG_RUNTIME_DIR": os.environ["XDG_RUNTIME_DIR"], "LANG": "C.UTF-8"}
    command = [str(venv / "python"), "-c", code] if code else [str(venv / "parkdesk"), *args]
    return subprocess.run(command, cwd=home, env=env, capture_output=True, text=True, timeout=120)


def test_the_wheel_carries_the_data_resources_and_metadata(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    sources = {str(p.relative_to(REPO)) for p in (REPO / "parkdesk").rglob("*.py")}
    assert sources <= names, f"modules missing from the wheel: {sorted(sources - names)}"
    for folder, package in (("data", "parkdesk/data"), ("resources", "parkdesk/resources")):
        files = {f"{package}/{p.relative_to(REPO / folder)}" for p in (REPO / folder).rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".qm"}
        assert files <= names, f"missing from the wheel: {sorted(files - names)}"
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/", "data/", "resources/"))]
    # The translations, compiled from translations/*.ts as the wheel was built (setup.py).
    compiled = {f"parkdesk/resources/translations/{ts.stem}.qm"
                for ts in (REPO / "translations").glob("*.ts")}
    assert compiled and compiled <= names, sorted(compiled - names)
    assert not [n for n in names if n.endswith(".ts")]
    meta = Parser().parsestr(zipfile.ZipFile(wheel).read("parkdesk-0.1.0.dist-info/METADATA").decode())
    assert meta["License-Expression"] == "MIT"
    assert "parkdesk-0.1.0.dist-info/licenses/LICENSE" in names
    assert any(r.startswith("sqlite-utils") and "<5" in r for r in meta.get_all("Requires-Dist"))
    entry_points = zipfile.ZipFile(wheel).read("parkdesk-0.1.0.dist-info/entry_points.txt").decode()
    assert "[gui_scripts]\nparkdesk-gui = parkdesk.cli:main" in entry_points


def test_the_dependencies_it_declares_are_the_ones_the_test_venv_lends(wheel: Path) -> None:
    meta = Parser().parsestr(zipfile.ZipFile(wheel).read("parkdesk-0.1.0.dist-info/METADATA").decode())
    for line in meta.get_all("Requires-Dist"):
        requirement = Requirement(line)
        if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
            continue  # an extra's dependency
        assert requirement.specifier.contains(metadata.version(requirement.name)), line


def test_the_installed_commands_work_outside_the_checkout(venv: Path, home: Path) -> None:
    package = Path(_run(venv, home, code="import parkdesk; print(parkdesk.__file__)").stdout.strip()).parent
    assert package.is_relative_to(venv.parent), package  # the wheel's copy, not the checkout's
    before = _tree(package)

    assert _run(venv, home, "--version").stdout == "parkdesk 0.1.0\n"
    check = _run(venv, home, "check")
    assert check.returncode == 0, check.stderr
    assert str(package / "data" / "parks.db") in check.stdout and ": ok (" in check.stdout
    search = _run(venv, home, "search", "shunde", "--json")
    assert search.returncode == 0, search.stderr
    assert any("Shunde" in hit["name"] for hit in json.loads(search.stdout))
    vcard = _run(venv, home, "export", "--format", "vcard")
    assert vcard.returncode == 0, vcard.stderr
    assert vcard.stdout.startswith("BEGIN:VCARD") and "FN:" in vcard.stdout

    assert _tree(package) == before  # nothing written next to the package


def test_the_installed_app_speaks_chinese(venv: Path, home: Path) -> None:
    code = ("from PySide6.QtWidgets import QApplication; app = QApplication([]); "
            "from parkdesk.ui import language; ok = language.install('zh_CN'); "
            "print(ok, app.translate('WindowActions', '&File'), "
            "app.translate('QPlatformTheme', 'Cancel'))")
    said = _run(venv, home, code=code)
    assert said.stdout.split() == ["True", "文件(&F)", "取消"], said.stderr


def test_the_installed_copy_says_reinstall_even_beside_a_folder_of_articles(venv: Path, home: Path) -> None:
    articles = home / "shared" / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    inside = home / "clone-like"
    inside.mkdir(exist_ok=True)
    code = ("import os; os.chdir('clone-like'); from parkdesk import paths; "
            "from parkdesk.core.db.hints import rebuild_hint; print(rebuild_hint(paths.DEFAULT_DB))")
    hint = _run(venv, home, code=code).stdout
    assert "reinstall parkdesk" in hint and "parkdesk import" not in hint, hint


START = """
import sys
from PySide6.QtCore import QTimer
from parkdesk.ui import icons
from parkdesk.ui.launch import application
from parkdesk.cli import main

app = application()
result = {}

def look():
    if not icons.enabled():
        return QTimer.singleShot(50, look)
    window = app.activeWindow() or app.topLevelWidgets()[0]
    made = {n: not icons.icon(n).pixmap(24, 24).isNull() for n in icons._NAMES}
    result.update(window=window.windowTitle(), icons=all(made.values()),
                  app_icon=not app.windowIcon().isNull(), missing=[n for n, ok in made.items() if not ok])
    app.quit()

QTimer.singleShot(0, look)
QTimer.singleShot(60_000, app.quit)
code = main([])
print(result, code)
"""


def test_the_installed_app_opens_its_window_with_every_icon(venv: Path, home: Path) -> None:
    started = _run(venv, home, code=START)
    assert "Traceback" not in started.stderr, started.stderr
    assert started.stdout.strip() == (
        "{'window': 'parkdesk — parks.db', 'icons': True, 'app_icon': True, 'missing': []} 0"
    ), started.stderr
