"""An Excel workbook: the status rows with each status cell filled in its colour.

The cells are the CSV's (the same `human_cells`), except that the computed figures
are numbers, so Excel can sort and filter them. A colour never stands alone: the
status cell keeps its label. User text is written as text, never as a formula.
"""

from __future__ import annotations

import io
from typing import Any

from ..core.model import STATUS_ORDER, Status
from ..core.report import StatusReport
from ..i18n.reports import Say
from ..i18n.words import Word, joined, month_heading, status_label, word
from . import safe
from .cells import count_text, human_cells
from .columns import CSV_COLUMNS, FILLS, with_month
from .legend import legend_items

_NUMBERS = {"completion": "0.0", "time_progress": "0.0", "gap": "+0.0;-0.0;0.0",
            "forecast": "0.0", "needed_per_month": "0.0", "red_months": "0"}
_WIDE = 60


def _text_cell(sheet: Any, row: int, column: int, value: str) -> Any:
    cell = sheet.cell(row=row, column=column)
    cell.value = safe.plain(value)
    cell.data_type = "s"  # `=cmd()` in a name stays text, never a formula
    return cell


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def status_xlsx(report: StatusReport, lang: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    heading = month_heading(str(report.as_of.period), lang)
    book = Workbook()
    sheet = book.active
    sheet.title = Word.SHEET_STATUS.text(lang)
    title = Say.SHEET_TITLE.text(lang, title=report.plan.title, as_of=heading)
    _text_cell(sheet, 1, 1, title).font = Font(bold=True, size=14)
    counts = joined([f"{status_label(s, lang)} {report.summary.get(s, 0)}"
                     for s in STATUS_ORDER], lang)
    _text_cell(sheet, 2, 1, f"{word('count', lang)}: {count_text(report, lang)}  ({counts})")
    header_row = 4
    if report.has_examples:
        _text_cell(sheet, 3, 1, word("example_note", lang)).font = Font(bold=True,
                                                                        color="C00000")
    columns = with_month(CSV_COLUMNS, report.rows)
    widths = [_width(word(c, lang)) for c in columns]
    for column, key in enumerate(columns, start=1):
        _text_cell(sheet, header_row, column, word(key, lang)).font = Font(bold=True)
    for index, row in enumerate(report.rows, start=header_row + 1):
        cells = human_cells(row, lang)
        for column, key in enumerate(columns, start=1):
            text = cells[key]
            if key in _NUMBERS and text:
                cell = sheet.cell(row=index, column=column, value=float(text))
                cell.number_format = _NUMBERS[key]
            else:
                cell = _text_cell(sheet, index, column, text)
            widths[column - 1] = max(widths[column - 1], _width(text))
            if key == "status":
                status = row.status
                cell.fill = PatternFill("solid", fgColor=FILLS[status])
                cell.font = Font(bold=status in (Status.RED, Status.BLUE))
                cell.alignment = Alignment(horizontal="center")
    last = header_row + len(report.rows)
    for column, width in enumerate(widths, start=1):
        letter = sheet.cell(row=header_row, column=column).column_letter
        sheet.column_dimensions[letter].width = min(width + 2, _WIDE)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=3)
    corner = sheet.cell(row=last, column=len(columns)).coordinate
    sheet.auto_filter.ref = f"A{header_row}:{corner}"
    _legend(book.create_sheet(word("legend", lang)), report, lang)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _legend(sheet: Any, report: StatusReport, lang: str) -> None:
    from openpyxl.styles import Alignment, PatternFill

    for index, (status, text) in enumerate(legend_items(report, lang), start=1):
        cell = _text_cell(sheet, index, 1, text)
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        if status is not None:
            cell.fill = PatternFill("solid", fgColor=FILLS[status])
    sheet.column_dimensions["A"].width = 100
