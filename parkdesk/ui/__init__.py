"""The PySide6 desktop app: a thin layer of windows and adapters over parkdesk.core."""
