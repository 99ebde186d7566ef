"""Where the benchmark's windows go: the X server in DISPLAY, else a private Xvfb, else offscreen."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path


class Display:
    """Environment for child processes; `close()` stops an Xvfb we started."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None
        self.env = dict(os.environ)
        self.env.pop("QT_QPA_PLATFORM", None)
        self.kind = "offscreen"
        if self._usable(os.environ.get("DISPLAY", "")):
            self.kind = f"X server {os.environ['DISPLAY']}"
        elif shutil.which("Xvfb") and self._start_xvfb():
            self.kind = f"Xvfb {self.env['DISPLAY']} (started for the benchmark)"
        else:
            self.env["QT_QPA_PLATFORM"] = "offscreen"

    def _usable(self, display: str) -> bool:
        if not display:
            return False
        from parkdesk.ui.platform_check import display_problem

        env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
        return display_problem({**env, "DISPLAY": display}) is None

    def _start_xvfb(self) -> bool:
        for number in range(140, 180):
            if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
                continue
            self.process = subprocess.Popen(
                ["Xvfb", f":{number}", "-screen", "0", "1400x900x24", "-nolisten", "tcp"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and self.process.poll() is None:
                if Path(f"/tmp/.X11-unix/X{number}").exists() and self._usable(f":{number}"):
                    self.env["DISPLAY"] = f":{number}"
                    return True
                time.sleep(0.05)
            self.close()
        return False

    def close(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.process = None
