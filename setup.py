"""Build configuration that pyproject.toml cannot say: the repo's top-level data/ and resources/
are installed inside the package, as parkdesk.data and parkdesk.resources.

They stay at the top of the repo, where a newcomer looks for them (`make db` writes
data/parks.db); the wheel and editable installs both see them as package data, found with
importlib.resources (parkdesk/paths.py). Everything else is in pyproject.toml.
"""

from setuptools import find_packages, setup

setup(
    packages=[*find_packages(include=["parkdesk", "parkdesk.*"]), "parkdesk.data", "parkdesk.resources"],
    package_dir={"parkdesk.data": "data", "parkdesk.resources": "resources"},
)
