"""CSV for spreadsheets: formulas neutralised; a BOM when it is a file for Excel."""

from __future__ import annotations

import csv
import io

from ..core.report import StatusReport
from ..i18n.words import word
from . import safe
from .cells import human_cells
from .columns import CSV_COLUMNS, NUMBERS, with_month


def status_csv(report: StatusReport, lang: str, bom: bool = False) -> str:
    """`bom` for a file meant for Excel, which otherwise misreads UTF-8 Chinese."""
    out = io.StringIO()
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    columns = with_month(CSV_COLUMNS, report.rows)
    writer.writerow([word(c, lang) for c in columns])
    for row in report.rows:
        cells = human_cells(row, lang)
        writer.writerow([safe.csv_cell(cells[c]) if c not in NUMBERS else cells[c]
                         for c in columns])
    return out.getvalue()
