"""View › Compare Parks: the five parks side by side (core.compare), printable and exportable
as CSV. A cell with nothing in the articles says "not published"."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDir, QStandardPaths, Qt
from PySide6.QtGui import QColor, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from parkdesk.core.compare import (
    NOT_PUBLISHED,
    Comparison,
    build_comparison,
    comparison_html,
    write_comparison_csv,
)
from parkdesk.core.db.directory import Directory
from parkdesk.core.errors import ParkdeskError
from parkdesk.ui.printing import new_printer

MUTED = QColor("#6b7178")
TOP_LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


class CompareDialog(QDialog):
    """The comparison table, with Print… and Export CSV… buttons."""

    def __init__(self, directory: Directory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareParks")
        self.setWindowTitle(self.tr("Compare Parks"))
        self.comparison = build_comparison(directory)
        self.table = self._table(self.comparison)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(self.tr("&Print…"),
                                              QDialogButtonBox.ButtonRole.ActionRole)
        self.csv_button = buttons.addButton(self.tr("Export &CSV…"),
                                            QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_preview)
        self.csv_button.clicked.connect(self.export_csv)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(1000, 560)

    def _table(self, comparison: Comparison) -> QTableWidget:
        table = QTableWidget(len(comparison.rows), len(comparison.parks))
        table.setObjectName("compareTable")
        table.setHorizontalHeaderLabels(list(comparison.parks))
        table.setVerticalHeaderLabels([r.label for r in comparison.rows])
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        for row, line in enumerate(comparison.rows):
            for column, text in enumerate(line.shown()):
                item = QTableWidgetItem(text)
                item.setTextAlignment(TOP_LEFT)
                item.setToolTip(f"{comparison.parks[column]} · {line.label}\n{text}")
                if text == NOT_PUBLISHED:
                    item.setForeground(MUTED)
                table.setItem(row, column, item)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.resizeRowsToContents()
        return table

    # -- printing and CSV ---------------------------------------------------------------------

    def document(self) -> QTextDocument:
        """The comparison as a printable document."""
        doc = QTextDocument(self)
        doc.setHtml(comparison_html(self.comparison, self.tr("The parks compared")))
        return doc

    def print_preview(self) -> None:
        """Preview the comparison, landscape, and print it from there."""
        printer = new_printer(pdf=False)
        from PySide6.QtGui import QPageLayout

        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        preview = QPrintPreviewDialog(printer, self)
        preview.paintRequested.connect(lambda p: self.document().print_(p))
        preview.exec()

    def write_pdf(self, path: Path | str) -> None:
        """Write the comparison to a PDF file, landscape."""
        from PySide6.QtGui import QPageLayout

        printer: QPrinter = new_printer()
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
        printer.setOutputFileName(str(path))
        self.document().print_(printer)

    def export_csv(self) -> None:
        """Ask where, then write the comparison as CSV; a problem is one plain sentence."""
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or QDir.homePath()
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the comparison as CSV"),
            str(Path(folder) / "parks-compared.csv"), self.tr("CSV files (*.csv)"))
        if not name:
            return
        path = Path(name) if name.lower().endswith(".csv") else Path(name + ".csv")
        try:
            write_comparison_csv(self.comparison, path)
        except ParkdeskError as exc:
            QMessageBox.warning(self, self.tr("Compare Parks"), str(exc))

    @classmethod
    def ask(cls, directory: Directory, parent: QWidget | None = None) -> CompareDialog:
        """Show the comparison (not modal: the directory stays usable); returns the dialog."""
        dialog = cls(directory, parent)
        dialog.show()
        return dialog
