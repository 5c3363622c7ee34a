"""The league table of responsible units (liàngshài, putting them side by side): each
unit's colours side by side."""

from __future__ import annotations

import csv
import io

from ..core.report import StatusReport
from ..core.supervision import league
from ..i18n.words import month_heading, word
from . import safe
from .cells import owner_cells
from .columns import OWNER_COLUMNS, OWNER_NUMBERS
from .json_out import dumps, owners_json


def owners_markdown(report: StatusReport, lang: str) -> list[str]:
    """The league table as Markdown lines (for `owners --format md` and the report)."""
    lines = ["| " + " | ".join(word(c, lang) for c in OWNER_COLUMNS) + " |",
             "|" + "|".join("---:" if c in OWNER_NUMBERS else "---" for c in OWNER_COLUMNS) + "|"]
    for row in league(report):
        cells = owner_cells(row, lang)
        lines.append("| " + " | ".join(safe.markdown(cells[c]) for c in OWNER_COLUMNS) + " |")
    return lines


def owners_csv(report: StatusReport, lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([word(c, lang) for c in OWNER_COLUMNS])
    for row in league(report):
        cells = owner_cells(row, lang)
        writer.writerow([cells[c] if c in OWNER_NUMBERS else safe.csv_cell(cells[c])
                         for c in OWNER_COLUMNS])
    return out.getvalue()


def owners_text(report: StatusReport, fmt: str, lang: str) -> str:
    if fmt == "json":
        return dumps(owners_json(report))
    if fmt == "csv":
        return owners_csv(report, lang)
    heading = f"## {word('league', lang)} {month_heading(str(report.as_of.period), lang)}"
    return "\n".join([heading, "", *owners_markdown(report, lang)]) + "\n"
