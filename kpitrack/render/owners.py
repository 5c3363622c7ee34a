"""The league table of responsible units (晾晒): each unit's colours side by side."""

from __future__ import annotations

import csv
import io

from ..labels import month_heading, word
from ..model import STATUS_ORDER, Status
from ..report import OwnerRow, StatusReport, league
from . import text as safe
from .rows import one_decimal

COLUMNS = ("rank", "owner", "blue", "green", "yellow", "red", "none", "total", "on_track")
_NUMBERS = {"rank", "blue", "green", "yellow", "red", "none", "total", "on_track"}


def owner_name(row: OwnerRow, lang: str) -> str:
    return row.owner or word("unassigned", lang)


def owner_cells(row: OwnerRow, lang: str) -> dict[str, str]:
    cells = {s.value: str(row.counts[s]) for s in Status}
    return {**cells, "rank": str(row.rank), "owner": owner_name(row, lang),
            "total": str(row.total), "on_track": one_decimal(row.on_track)}


def owners_json(report: StatusReport) -> dict:
    """`owners --format json`; a unit with no targets' data has on_track null."""
    return {"as_of": str(report.as_of.period),
            "owners": [{"owner": row.owner or None,
                        **{s.value: row.counts[s] for s in STATUS_ORDER},
                        "total": row.total, "on_track": row.on_track, "rank": row.rank}
                       for row in league(report)]}


def owners_markdown(report: StatusReport, lang: str) -> list[str]:
    """The league table as Markdown lines (for `owners --format md` and the report)."""
    lines = ["| " + " | ".join(word(c, lang) for c in COLUMNS) + " |",
             "|" + "|".join("---:" if c in _NUMBERS else "---" for c in COLUMNS) + "|"]
    for row in league(report):
        cells = owner_cells(row, lang)
        lines.append("| " + " | ".join(safe.markdown(cells[c]) for c in COLUMNS) + " |")
    return lines


def owners_csv(report: StatusReport, lang: str) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([word(c, lang) for c in COLUMNS])
    for row in league(report):
        cells = owner_cells(row, lang)
        writer.writerow([cells[c] if c in _NUMBERS else safe.csv_cell(cells[c])
                         for c in COLUMNS])
    return out.getvalue()


def owners_text(report: StatusReport, fmt: str, lang: str) -> str:
    if fmt == "json":
        from .formats import dumps

        return dumps(owners_json(report))
    if fmt == "csv":
        return owners_csv(report, lang)
    heading = f"## {word('league', lang)} {month_heading(str(report.as_of.period), lang)}"
    return "\n".join([heading, "", *owners_markdown(report, lang)]) + "\n"


def owners_table(report: StatusReport, lang: str, width: int | None):
    from ..labels import STATUS_STYLE
    from .layout import Column, fit
    from .table import fitted_table

    rows = league(report)
    cells = [owner_cells(row, lang) for row in rows]
    columns = [Column(key, word(key, lang), {"full": [safe.plain(c[key]) for c in cells]},
                      "right" if key in _NUMBERS else "left", flex=key == "owner")
               for key in COLUMNS]
    styles = [{s.value: STATUS_STYLE[s] for s in Status if row.counts[s]} for row in rows]
    title = f"{word('league', lang)}  {month_heading(str(report.as_of.period), lang)}"
    return fitted_table(title, columns, styles, fit(columns, (("drop", "none"),), width))
