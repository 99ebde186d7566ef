"""The user's own layer over the bundled directory: changes, how they apply, their files.

Qt-free. The SQL (the store file, backups, the layered copy) lives in `parkdesk.core.db`;
this package holds what changes are, what the user sees of them, and their TOML form.
"""
