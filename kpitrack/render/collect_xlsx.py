"""A unit's collection sheet: the workbook the office sends a unit each
month and `kpitrack import` reads back as it comes.

One row per target the unit owes that month. Only the cells the unit fills are open
(value, done date, note): the sheet is protected without a password, so a unit cannot
change the ids, but nothing stops a unit that wants to. Each value cell checks that it
holds a number (a milestone's: a number, or the word for done) and says what to write when selected.
The headers are the ones `import` reads, so the filled file needs no column mapping; the
unit's name stands in the reported-by column, so `--by` defaults to it. It prints on A4
landscape, one page wide, the header row repeated.
"""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Sequence
from itertools import groupby
from typing import Any

from ..core.collection import SheetRow, UnitSheet
from ..core.model import Kind, Report, Target
from ..i18n.base import MessageId
from ..i18n.reports import Say
from ..i18n.vocabulary import DONE_CELLS
from ..i18n.words import day_name, kind_name, month_name, word
from . import safe
from .cells import shown_unit, value_text

COLUMNS = ("form_target", "form_name", "form_unit", "form_kind", "form_goal", "form_last",
           "form_last_period", "form_period", "form_value", "form_date", "form_note",
           "form_by")
OPEN = ("form_value", "form_date", "form_note")  # the cells a unit fills
WRAPPED = ("form_name", "form_note")  # the body cells whose text wraps
# The open cells' widths, in characters: room to write; the others fit their content.
OPEN_WIDTHS = {"form_value": 14, "form_date": 13, "form_note": 22}
MAX_WIDTH = {"form_name": 30}  # a longer name wraps
WIDEST = 22
ROW_HEIGHT = 24  # points: room to write by hand on the printed sheet
HEADER_ROW = 3
FILL_OPEN = "FFF2CC"  # light yellow: the cells to fill
FILL_HEAD = "D9E1F2"
# Excel allows 31 characters in a sheet's name, and none of these.
_SHEET_NAME_BANNED = str.maketrans({c: "_" for c in "[]:*?/\\"})


def sheet_title(unit: str, lang: str) -> str:
    name = (unit or word("unassigned", lang)).translate(_SHEET_NAME_BANNED)
    return safe.plain(name)[:31] or "Sheet"


def sheet_titles(owners: Sequence[str], lang: str) -> list[str]:
    """Each unit's worksheet name, unique within the workbook."""
    out: list[str] = []
    for owner in owners:
        name = sheet_title(owner, lang)
        base, n = name, 2
        while name in out:
            name = f"{base[:28]}({n})"
            n += 1
        out.append(name)
    return out


def _hint(target: Target, sheet: UnitSheet, lang: str, first_month: int) -> str:
    month = month_name(str(sheet.period), lang)
    span = Say.SPAN_YTD.text(lang, n=sheet.period.month) \
        if first_month == 1 else month
    unit = shown_unit(target) or word("no_unit", lang)
    if target.kind is Kind.MILESTONE:
        return Say.HINT_MILESTONE.text(lang)
    if target.kind is Kind.GROWTH:
        return Say.HINT_GROWTH.text(lang, span=span)
    if target.kind is Kind.THRESHOLD:
        return Say.HINT_THRESHOLD.text(lang, month=month)
    if target.kind is Kind.LEVEL:
        return Say.HINT_LEVEL.text(lang, month=month, unit=unit)
    if target.report is Report.INCREMENT:
        return Say.HINT_INCREMENT.text(lang, month=month, unit=unit)
    return Say.HINT_YTD.text(lang, span=span, unit=unit)


def _row_texts(row: SheetRow, sheet: UnitSheet, lang: str) -> dict[str, str]:
    t, last = row.target, row.last
    goal = row.due.isoformat() if row.due else value_text(t.target, t, lang)
    shown = ""
    if last is not None:
        shown = word("done", lang) if last.done else value_text(last.value, t, lang)
    return {"form_target": t.id, "form_name": t.name, "form_unit": shown_unit(t),
            "form_kind": kind_name(t.kind.value, lang), "form_goal": goal,
            "form_last": shown, "form_last_period": str(last.period) if last else "",
            "form_period": str(sheet.period), "form_value": "", "form_date": "",
            "form_note": "", "form_by": sheet.owner}


def text_cell(sheet: Any, row: int, column: int, value: str) -> Any:
    return as_text(sheet.cell(row=row, column=column), value)


def as_text(cell: Any, value: str) -> Any:
    """`cell` holding `value` as text (an empty value: nothing)."""
    cell.value = safe.plain(value) if value else None
    if value:
        cell.data_type = "s"  # an id such as `=1` stays text, never a formula
    return cell


def _validations(sheet: Any, rows: Sequence[SheetRow], lang: str, first_month: int,
                 unit: UnitSheet) -> None:
    """A number in each value cell (a milestone's may also be the word for done), a date
    in each done-date cell, and a hint on each. The value cells of the targets with the
    same hint share one rule (a rule a row made a large sheet slow to write, #29); a
    milestone's rule names its own cell, so each keeps its own."""
    from openpyxl.utils import get_column_letter

    value = get_column_letter(COLUMNS.index("form_value") + 1)
    date = get_column_letter(COLUMNS.index("form_date") + 1)
    numbers: dict[str, list[int]] = {}  # a hint: the rows that show it
    for index, row in enumerate(rows, start=HEADER_ROW + 1):
        hint = _hint(row.target, unit, lang, first_month)[:255]
        if row.target.kind is Kind.MILESTONE:
            cell = f"{value}{index}"
            words = ",".join(f'{cell}="{w}"' for w in DONE_CELLS)
            _check(sheet, cell, Say.BAD_VALUE, hint, lang, type="custom",
                   formula1=f"OR(ISNUMBER({cell}),{words})")
        else:
            numbers.setdefault(hint, []).append(index)
    for hint, indexes in numbers.items():
        _check(sheet, _spans(value, indexes), Say.BAD_VALUE, hint, lang, type="decimal",
               operator="between", formula1="-1000000000000", formula2="1000000000000")
    if rows:
        _check(sheet, f"{date}{HEADER_ROW + 1}:{date}{HEADER_ROW + len(rows)}", Say.BAD_DATE,
               Say.HINT_DATE.text(lang), lang, type="date", operator="between",
               formula1="36526", formula2="109574")  # 2000-01-01 to 2199


def _check(sheet: Any, cells: str, error: MessageId, hint: str, lang: str,
           **rule: str) -> None:
    """A validation of `cells` that refuses what breaks it, saying `error` (refuses, not
    warns: also what Excel does without an errorStyle), and shows `hint` when a cell is
    selected."""
    from openpyxl.worksheet.datavalidation import DataValidation

    sheet.add_data_validation(DataValidation(
        sqref=cells, allow_blank=True, showErrorMessage=True, errorStyle="stop",
        errorTitle=Say.BAD_VALUE_TITLE.text(lang), error=error.text(lang),
        showInputMessage=True, promptTitle=Say.HINT_TITLE.text(lang), prompt=hint, **rule))


def _spans(letter: str, rows: Sequence[int]) -> str:
    """The cells of column `letter` in `rows` (ascending), runs joined: `I4:I6 I9`."""
    spans = []
    for _, run in groupby(enumerate(rows), key=lambda pair: pair[1] - pair[0]):
        first, *rest = (row for _, row in run)
        spans.append(f"{letter}{first}:{letter}{rest[-1]}" if rest else f"{letter}{first}")
    return " ".join(spans)


def _width(key: str, texts: Sequence[str]) -> float:
    """A column as wide as its widest text (a CJK character two), within bounds."""
    widest = max(len(t) if t.isascii() else  # (no ASCII character is wide)
                 sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in t)
                 for t in texts)
    return float(min(max(widest + 2, 6), MAX_WIDTH.get(key, WIDEST)))


def _border() -> Any:
    from openpyxl.styles import Border, Side

    thin = Side(style="thin", color="808080")
    return Border(left=thin, right=thin, top=thin, bottom=thin)


def _style_word(key: str) -> str:
    """The word naming the style of a body cell in column `key`."""
    if key == "form_date":
        return "style_input_date"
    if key in OPEN:
        return "style_input_wrapped" if key in WRAPPED else "style_input"
    return "style_text_wrapped" if key in WRAPPED else "style_text"


def _body_styles(book: Any, lang: str) -> dict[str, Any]:
    """Each column's body cell style, a named style registered in `book` once. A cell
    made with a named style's ids (`as_tuple`) costs a copy of them, where setting a
    cell's font, border, fill, alignment and protection one by one looks each up by
    hashing it (most of the time a large sheet took, #29). The names show in Excel's
    list of cell styles."""
    from openpyxl.styles import Alignment, Font, NamedStyle, PatternFill, Protection

    made: dict[str, Any] = {}
    for key in COLUMNS:
        name = word(_style_word(key), lang)
        if name in made:
            continue
        style = made[name] = NamedStyle(
            name=name, font=Font(size=11), border=_border(),
            alignment=Alignment(wrap_text=key in WRAPPED, vertical="center"))
        if key in OPEN:
            style.fill = PatternFill("solid", fgColor=FILL_OPEN)
            style.protection = Protection(locked=False)
        if key == "form_date":
            style.number_format = "yyyy-mm-dd"
        book.add_named_style(style)
    return {key: made[word(_style_word(key), lang)] for key in COLUMNS}


def _fill_sheet(sheet: Any, unit: UnitSheet, lang: str, due: str, first_month: int,
                styles: dict[str, Any]) -> None:
    from openpyxl.cell import Cell
    from openpyxl.styles import Alignment, Font, PatternFill

    month = month_name(str(unit.period), lang)
    title = Say.SHEET_FORM_TITLE.text(lang, unit=unit.owner or word("unassigned", lang),
                                      month=month)
    last_col = len(COLUMNS)
    text_cell(sheet, 1, 1, title).font = Font(bold=True, size=14)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=last_col)
    note = text_cell(sheet, 2, 1, Say.SHEET_FORM_HELP.text(lang, due=due))
    note.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.merge_cells(start_row=2, start_column=1, end_row=2, end_column=last_col)
    sheet.row_dimensions[2].height = 36
    border = _border()
    for column, key in enumerate(COLUMNS, start=1):
        cell = text_cell(sheet, HEADER_ROW, column, word(key, lang))
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=FILL_HEAD)
        cell.border = border
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    sheet.row_dimensions[HEADER_ROW].height = 30
    all_texts = [_row_texts(row, unit, lang) for row in unit.rows]
    for column, key in enumerate(COLUMNS, start=1):
        letter = sheet.cell(row=HEADER_ROW, column=column).column_letter
        sheet.column_dimensions[letter].width = OPEN_WIDTHS.get(key) or _width(
            key, [word(key, lang), *(t[key] for t in all_texts)])
    ids = [(key, styles[key].as_tuple()) for key in COLUMNS]
    for index, texts in enumerate(all_texts, start=HEADER_ROW + 1):  # under the header
        sheet.row_dimensions[index].height = ROW_HEIGHT
        sheet.append([as_text(Cell(sheet, style_array=style), texts[key]) for key, style in ids])
    _validations(sheet, unit.rows, lang, first_month, unit)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=3)
    protect_and_fit(sheet, HEADER_ROW)


def protect_and_fit(sheet: Any, header_row: int) -> None:
    """Protected without a password (only the cells unlocked stay open), printed on A4
    landscape one page wide with the header row repeated."""
    sheet.protection.sheet = True  # no password: it keeps the ids from slips, not a lock
    sheet.protection.formatColumns = False  # a unit may still widen a column
    sheet.protection.formatRows = False
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.page_margins.top = sheet.page_margins.bottom = 0.5


def collection_xlsx(sheets: Sequence[UnitSheet], lang: str, due: Any,
                    first_month: int) -> bytes:
    """A workbook of one sheet per unit, in order (one unit: one sheet). `due` is the day
    the figures are due; `first_month` the plan's first calendar month (a plan from
    January asks for January-to-month totals)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    shown_due = day_name(due, lang)
    styles = _body_styles(book, lang)
    for unit, name in zip(sheets, sheet_titles([u.owner for u in sheets], lang), strict=True):
        _fill_sheet(book.create_sheet(name), unit, lang, shown_due, first_month, styles)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
