"""Exports of the directory: JSON, vCard and CSV, over one scope and one walk."""
