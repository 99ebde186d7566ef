"""The bundled directory (parks.db, built by `make db`) and its curation file; installed as
parkdesk.data so that importlib.resources finds them in a wheel too."""
