"""A unit's reply form: the workbook `notice -o FILE.xlsx` writes, which
the unit fills with its answers and `kpitrack import` reads back as it comes.

One row per red or yellow item of the unit's notice: its id, name and supervision status,
the month and the unit, then the three cells the unit fills: the reason, the
measures and the date they will be done by. Only those are open,
shaded yellow; the sheet is protected without a password, as the collection sheet is.
Each open cell says what to write when selected, the date cell takes only a date, and the
text cells are formatted as text, so a reason typed as `=…` stays words. The form reaches
a department: it names no command. It prints on A4 landscape, one page wide.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from ..core.report import ReportRow, StatusReport
from ..core.supervision import Notice
from ..i18n.reports import Say
from ..i18n.words import day_name, joined, month_name, word
from .cells import human_cells
from .collect_xlsx import FILL_HEAD, FILL_OPEN, protect_and_fit, sheet_titles, text_cell

COLUMNS = ("form_target", "form_name", "reply_status", "form_period", "reply_owner",
           "reply_reason", "reply_measures", "reply_due")
OPEN = ("reply_reason", "reply_measures", "reply_due")  # the cells a unit fills
WIDTHS = {"form_target": 20, "form_name": 28, "reply_status": 22, "form_period": 10,
          "reply_owner": 14, "reply_reason": 40, "reply_measures": 40, "reply_due": 14}
HINTS = {"reply_reason": Say.HINT_REASON, "reply_measures": Say.HINT_MEASURES,
         "reply_due": Say.HINT_DUE}
HEADER_ROW = 3
ROW_HEIGHT = 60  # room for a few lines of reason and measures


def items(notice: Notice) -> list[ReportRow]:
    """The rows a unit answers: its red items, then its yellow ones."""
    return [*notice.red, *notice.yellow]


def _status(row: ReportRow, lang: str) -> str:
    cells = human_cells(row, lang)
    return joined([cells["status"], cells["supervision"]], lang) if cells["supervision"] \
        else cells["status"]


def _validations(sheet: Any, count: int, lang: str) -> None:
    """A hint on each open column, and a date in each due cell."""
    from openpyxl.worksheet.datavalidation import DataValidation

    for key, hint in HINTS.items():
        column = COLUMNS.index(key) + 1
        first = sheet.cell(row=HEADER_ROW + 1, column=column).coordinate
        last = sheet.cell(row=HEADER_ROW + count, column=column).coordinate
        if key == "reply_due":
            check = DataValidation(type="date", operator="between", formula1="36526",
                                   formula2="109574")  # 2000-01-01 to 2199
            check.showErrorMessage = True
            check.errorTitle = Say.BAD_VALUE_TITLE.text(lang)
            check.error = Say.BAD_DATE.text(lang)
        else:
            check = DataValidation()  # any text: the hint only
        check.allow_blank = True
        check.showInputMessage = True
        check.promptTitle = Say.HINT_TITLE.text(lang)
        check.prompt = hint.text(lang)[:255]
        sheet.add_data_validation(check)
        check.add(f"{first}:{last}")


def _head(sheet: Any, title: str, note: str) -> None:
    from openpyxl.styles import Alignment, Font

    last_col = len(COLUMNS)
    text_cell(sheet, 1, 1, title).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    cell = text_cell(sheet, 2, 1, note)
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last_col)
    sheet.row_dimensions[2].height = 36


def _fill_sheet(sheet: Any, notice: Notice, report: StatusReport, lang: str) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

    period = report.as_of.period
    unit = notice.owner or word("unassigned", lang)
    _head(sheet, Say.REPLY_FORM_TITLE.text(lang, unit=unit, month=month_name(str(period), lang)),
          Say.REPLY_FORM_HELP.text(lang, due=day_name(notice.reply_by, lang)))
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for column, key in enumerate(COLUMNS, start=1):
        cell = text_cell(sheet, HEADER_ROW, column, word(key, lang))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=FILL_HEAD)
        cell.border = border
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        sheet.column_dimensions[cell.column_letter].width = WIDTHS[key]
    open_fill = PatternFill("solid", fgColor=FILL_OPEN)
    rows = items(notice)
    for index, row in enumerate(rows, start=HEADER_ROW + 1):
        texts = {"form_target": row.target.id, "form_name": row.target.name,
                 "reply_status": _status(row, lang), "form_period": str(period),
                 "reply_owner": notice.owner}
        for column, key in enumerate(COLUMNS, start=1):
            cell = text_cell(sheet, index, column, texts.get(key, ""))
            cell.border = border
            cell.alignment = Alignment(wrap_text=key != "form_target", vertical="top")
            if key in OPEN:
                cell.fill = open_fill
                cell.protection = Protection(locked=False)
                # Text as typed: `=…` is not a formula. The date cell shows a date.
                cell.number_format = "yyyy-mm-dd" if key == "reply_due" else "@"
        sheet.row_dimensions[index].height = ROW_HEIGHT
    if rows:
        _validations(sheet, len(rows), lang)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=3)
    protect_and_fit(sheet, HEADER_ROW)


def reply_form_xlsx(notices: Sequence[Notice], report: StatusReport, lang: str) -> bytes:
    """A workbook of one reply form per unit, in the notices' order."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    names = sheet_titles([n.owner for n in notices], lang)
    for notice, name in zip(notices, names, strict=True):
        _fill_sheet(book.create_sheet(name), notice, report, lang)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
