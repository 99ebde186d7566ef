"""Where parkdesk finds its bundled files: the directory database and resources."""

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = PROJECT_ROOT / "data" / "parks.db"
CURATION_FILE = PROJECT_ROOT / "data" / "curation.toml"
RESOURCES = PROJECT_ROOT / "resources"
DEFAULT_ARTICLES = PROJECT_ROOT.parent / "shared" / "articles"
