"""Build configuration that pyproject.toml cannot say: the repo's top-level data/ and resources/
are installed inside the package, as parkdesk.data and parkdesk.resources.

They stay at the top of the repo, where a newcomer looks for them (`make db` writes
data/parks.db); the wheel and editable installs both see them as package data, found with
importlib.resources (parkdesk/paths.py). The interface's translations (translations/*.ts) are
compiled into resources/translations/ as the package is built. Everything else is in
pyproject.toml.
"""

import importlib.util
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py


class build_py_with_translations(build_py):  # noqa: N801 (setuptools' command naming)
    """Compiles translations/*.ts into resources/translations/*.qm before the package data is
    collected, so wheels and editable installs carry them (packaging/translations.py)."""

    def run(self) -> None:
        spec = importlib.util.spec_from_file_location(
            "_translations", Path(__file__).resolve().parent / "packaging" / "translations.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.release()
        super().run()


setup(
    cmdclass={"build_py": build_py_with_translations},
    packages=[*find_packages(include=["parkdesk", "parkdesk.*"]), "parkdesk.data", "parkdesk.resources"],
    package_dir={"parkdesk.data": "data", "parkdesk.resources": "resources"},
)
