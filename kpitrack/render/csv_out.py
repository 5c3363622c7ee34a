"""CSV for spreadsheets: formulas neutralised; a BOM when it is a file for Excel."""

from __future__ import annotations

import csv
import io

from ..labels import word
from ..report import StatusReport
from . import text as safe
from .rows import human_cells

CSV_COLUMNS = ("id", "status", "section", "name", "kind", "target", "last_year", "actual",
               "period", "completion", "time_progress", "gap", "forecast", "needed_per_month",
               "red_months", "change", "owner", "example")


def status_csv(report: StatusReport, lang: str, bom: bool = False) -> str:
    """`bom` for a file meant for Excel, which otherwise misreads UTF-8 Chinese."""
    out = io.StringIO()
    if bom:
        out.write("\ufeff")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([word(c, lang) for c in CSV_COLUMNS])
    for row in report.rows:
        cells = human_cells(row, lang)
        writer.writerow([safe.csv_cell(cells[c]) if c not in _NUMBERS else cells[c]
                         for c in CSV_COLUMNS])
    return out.getvalue()


# Numbers are ours, not user text: a leading minus is a sign, not a formula.
_NUMBERS = {"completion", "time_progress", "gap", "forecast", "needed_per_month", "red_months"}
