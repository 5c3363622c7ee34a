"""CSV for spreadsheets: figures as bare numbers, their unit apart; formulas
neutralised; a BOM when it is a file for Excel."""

from __future__ import annotations

import csv
import io

from ..core.report import StatusReport
from ..i18n.words import word
from . import safe
from .cells import sheet_cells
from .columns import CSV_COLUMNS, with_month


def status_csv(report: StatusReport, lang: str, bom: bool = False) -> str:
    """`bom` for a file meant for Excel, which otherwise misreads UTF-8 Chinese. Every
    cell passes the formula guard, which leaves a plain signed number (`-0.6`) alone."""
    out = io.StringIO()
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    columns = with_month(CSV_COLUMNS, report.rows)
    writer.writerow([safe.csv_cell(word(c, lang)) for c in columns])
    for row in report.rows:
        cells = sheet_cells(row, lang)
        writer.writerow([safe.csv_cell(cells[c]) for c in columns])
    return out.getvalue()
