"""Desktop integration: the entry and metainfo pass the freedesktop validators, the hicolor PNGs
match the SVG, and install-desktop writes (and --remove deletes) exactly its own files."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from parkdesk.cli import main
from parkdesk.commands.install_desktop import desktop_entry, install_desktop, remove_desktop
from parkdesk.paths import APP_ID, RESOURCES
from parkdesk.ui import desktop_icons
from parkdesk.ui.launch import application

DESKTOP = RESOURCES / "desktop" / f"{APP_ID}.desktop"
METAINFO = RESOURCES / "desktop" / f"{APP_ID}.metainfo.xml"


def _validator(name: str) -> str:
    found = shutil.which(name)
    if found is None:  # .ci/run installs them; a developer machine may lack them
        pytest.skip(f"{name} is not installed (apt-get install desktop-file-utils appstream)")
    return found


def test_the_desktop_entry_validates(tmp_path: Path) -> None:
    validate = _validator("desktop-file-validate")
    installed = tmp_path / f"{APP_ID}.desktop"
    installed.write_text(desktop_entry("/opt/park desk/bin/parkdesk-gui"), encoding="utf-8")
    for path in (DESKTOP, installed):
        result = subprocess.run([validate, str(path)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout


def test_the_metainfo_validates() -> None:
    appstreamcli = _validator("appstreamcli")
    result = subprocess.run([appstreamcli, "validate", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    assert f"<launchable type=\"desktop-id\">{APP_ID}.desktop</launchable>" in METAINFO.read_text()


def test_qt_names_the_desktop_entry(qapp) -> None:
    assert application().desktopFileName() == APP_ID == DESKTOP.stem
    assert f"Icon={APP_ID}\n" in DESKTOP.read_text()


def test_an_exec_path_with_spaces_is_quoted() -> None:
    entry = desktop_entry("/opt/park desk/bin/parkdesk-gui")
    assert 'Exec="/opt/park desk/bin/parkdesk-gui"\n' in entry
    assert "TryExec=/opt/park desk/bin/parkdesk-gui\n" in entry
    assert "Exec=/usr/bin/parkdesk-gui\n" in desktop_entry("/usr/bin/parkdesk-gui")


@pytest.mark.parametrize("size", desktop_icons.SIZES)
def test_each_hicolor_png_is_the_svg_drawn_at_its_size(qapp, size: int) -> None:
    committed = QImage(str(desktop_icons.png_path(size)))
    assert committed.width() == committed.height() == size, "run: python -m parkdesk.ui.desktop_icons"
    fresh = desktop_icons.draw(size).convertToFormat(committed.format())
    worst = max(
        abs(a - b)
        for x in range(0, size, max(1, size // 32)) for y in range(0, size, max(1, size // 32))
        for a, b in zip(committed.pixelColor(x, y).getRgb(), fresh.pixelColor(x, y).getRgb(), strict=True)
    )
    assert worst <= 8, f"{size}px PNG is out of date: run python -m parkdesk.ui.desktop_icons"


def test_install_desktop_writes_its_files_and_remove_deletes_only_those(tmp_path: Path, capsys) -> None:
    data = tmp_path / "share"
    theirs = data / "applications" / "someone-else.desktop"
    theirs.parent.mkdir(parents=True)
    theirs.write_text("[Desktop Entry]\n")
    assert main(["install-desktop", "--data-dir", str(data)]) == 0
    assert "Installed 12 files" in capsys.readouterr().out
    entry = (data / "applications" / f"{APP_ID}.desktop").read_text()
    assert "\nExec=" in entry and "parkdesk-gui" in entry
    assert (data / "metainfo" / f"{APP_ID}.metainfo.xml").read_bytes() == METAINFO.read_bytes()
    assert (data / "icons/hicolor/scalable/apps" / f"{APP_ID}.svg").is_file()
    for size in desktop_icons.SIZES:
        assert (data / f"icons/hicolor/{size}x{size}/apps/{APP_ID}.png").is_file()

    assert len(install_desktop(data, "parkdesk-gui")) == 12  # again: replaced, not doubled
    assert main(["install-desktop", "--remove", "--data-dir", str(data)]) == 0
    assert "Removed 12 parkdesk desktop files" in capsys.readouterr().out
    assert [p for p in data.rglob("*") if p.is_file()] == [theirs]
    assert remove_desktop(data) == []


def test_install_desktop_into_a_folder_it_cannot_write_says_so(tmp_path: Path, capsys) -> None:
    blocker = tmp_path / "share"
    blocker.write_text("a file where the folder should be")
    assert main(["install-desktop", "--data-dir", str(blocker)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("parkdesk: Could not write ") and "--data-dir" in err
    assert err.count("\n") == 1
