"""The window's commands that hand what it shows to another module: print and save fact sheets,
export, publish to an address book, compare the parks.

`OutputCommands(window)` is what the File and View actions call for these (see window_actions).
Each command loads its module when first used, not at start-up. Work done in the background
gets the user's store, so what is written is the directory as the user sees it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from PySide6.QtWidgets import QDialog

    from parkdesk.ui.main_window import MainWindow


class OutputCommands:
    """Printing, exporting, publishing and comparing, for one main window."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.compare_dialog: QDialog | None = None  # the open comparison, kept alive

    def _user_store(self) -> Path | None:
        store = self.window.user_data.store
        return store.path if store is not None else None

    def print_fact_sheet(self) -> None:
        """File › Print Fact Sheet…"""
        from parkdesk.ui import printing

        w = self.window
        printing.print_preview(w, w.directory, w.selected_entity_id())

    def print_all_fact_sheets(self) -> None:
        """File › Print All Parks…: the zone, then each park, each on a new page."""
        from parkdesk.ui import printing

        printing.print_preview_all(self.window, self.window.directory)

    def export_fact_sheet_pdf(self) -> None:
        """File › Export Fact Sheet as PDF…"""
        from parkdesk.ui import printing

        w = self.window
        printing.export_pdf(w, w.directory, w.selected_entity_id(), user_store=self._user_store())

    def export_all_fact_sheets_pdf(self) -> None:
        """File › Export All Parks as PDF…"""
        from parkdesk.ui import printing

        printing.export_all_pdf(self.window, self.window.directory, user_store=self._user_store())

    def export_directory(self) -> None:
        """File › Export…"""
        from parkdesk.ui import export_dialog

        w = self.window
        export_dialog.show_export_dialog(w, w.directory, w.selected_entity_id(),
                                         self._user_store())

    def publish_to_address_book(self) -> None:
        """File › Publish to Address Book…"""
        from parkdesk.ui import publish_dialog

        w = self.window
        publish_dialog.show_publish_dialog(w, w.directory.path, self._user_store(), w.settings)

    def compare_parks(self) -> None:
        """View › Compare Parks: the parks side by side."""
        from parkdesk.ui.compare_view import CompareDialog

        self.compare_dialog = CompareDialog.ask(self.window.directory, self.window)
