"""An Excel workbook: the status rows with each status cell filled in its colour, made
to be read on screen and to print.

The cells are `human_cells`, except that the figures are numbers, so Excel can sort and
filter them: a target's goal, figure and last year's figure keep their unit in the cell's
number format (the number 620 shows as 620 with its unit). A colour never stands alone:
the status cell keeps its label. User text is written as text, never as a formula.

On paper: A4 landscape, one page wide, the header row repeated on every page, page
numbers in the footer. Each look (the header, a status colour, a wrapped cell) is one
style object, shared by every cell that has it.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ..core.model import STATUS_ORDER, Kind, Status
from ..core.report import ReportRow, StatusReport
from ..i18n.reports import Say
from ..i18n.words import Word, joined, month_heading, status_label, word
from . import safe
from .cells import answer_cells, baseline_mark, count_text, human_cells, shown_unit
from .columns import FILLS, XLSX_COLUMNS, with_month
from .legend import legend_items

# Computed numbers: one decimal, as everywhere.
_NUMBERS = {"completion": "0.0", "time_progress": "0.0", "gap": "+0.0;-0.0;0.0",
            "forecast": "0.0", "needed_per_month": "0.0", "red_months": "0"}
# A target's own figures: as entered (General drops trailing zeros), with the unit.
_FIGURES = frozenset({"target", "actual", "last_year", "month_actual", "month_task"})
# The widest a column grows, in character cells (a Chinese character counts two); longer
# text wraps. Columns not named here stop at _WIDE.
_CAPS = {"name": 30, "answer_reason": 32, "answer_measures": 32, "section": 20,
         "supervision": 18, "owner": 12, "id": 24}
_WIDE = 18
_NARROW = 5  # the least a column shrinks to; its header wraps onto two lines instead
_NO_WRAP = frozenset({"id", "period"})  # cut rather than wrapped: one line
_LINE = 15.0  # points per line of text, for the rows whose text wraps
_HEADER_ROW = 4


def _width(text: str) -> int:
    """Character cells: a Chinese (or other wide) character counts two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def _column_width(key: str, header: str, texts: Sequence[str]) -> int:
    """Character cells, by content, capped; the header may wrap onto two lines, so it
    asks for half its width."""
    content = max((_width(t) for t in texts), default=0)
    wanted = max(content, (_width(header) + 1) // 2, _NARROW)
    return min(wanted, _CAPS.get(key, _WIDE))


def _lines(texts: Sequence[str], widths: Sequence[int]) -> int:
    """How many lines the tallest of a row's wrapped cells takes. Neither Excel nor
    LibreOffice grows a row to its wrapped text when it opens a file, so the row is
    given its height."""
    return max((-(-_width(t) // w) for t, w in zip(texts, widths, strict=True) if t),
               default=1)


def _unit_format(unit: str, lang: str, mark: str = "") -> str:
    """A number format that shows a figure as entered with its unit and any mark:
    `General` then the unit, each character escaped (`\\`), so no unit can break it."""
    suffix = Word.WITH_UNIT.text(lang, value="", unit=unit) if unit and unit != "%" else unit
    suffix += f" {mark}" if mark else ""
    return "General" + "".join("\\" + ch for ch in suffix)


@dataclass(frozen=True)
class _Looks:
    """One style object per look, shared by every cell that has it."""

    title: Any
    warning: Any
    header_font: Any
    header_fill: Any
    header_align: Any
    status_fills: dict[Status, Any]
    bold: Any
    center: Any
    wrap: Any
    top: Any
    border: Any

    @classmethod
    def make(cls) -> _Looks:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="A6A6A6")
        return cls(title=Font(bold=True, size=14), warning=Font(bold=True, color="C00000"),
                   header_font=Font(bold=True),
                   header_fill=PatternFill("solid", fgColor="F2F2F2"),
                   header_align=Alignment(horizontal="center", vertical="center",
                                          wrap_text=True),
                   status_fills={s: PatternFill("solid", fgColor=FILLS[s]) for s in Status},
                   bold=Font(bold=True),
                   center=Alignment(horizontal="center", vertical="top"),
                   wrap=Alignment(wrap_text=True, vertical="top"),
                   top=Alignment(vertical="top"),
                   border=Border(left=thin, right=thin, top=thin, bottom=thin))


def _text_cell(sheet: Any, row: int, column: int, value: str) -> Any:
    cell = sheet.cell(row=row, column=column)
    cell.value = safe.plain(value)
    cell.data_type = "s"  # `=cmd()` in a name stays text, never a formula
    return cell


def _figure(row: ReportRow, key: str) -> float | None:
    """A figure the workbook writes as a number, or None where the cell is text (a
    milestone's due date or its done date)."""
    ev, t = row.ev, row.target
    if t.kind is Kind.MILESTONE and (key == "target" or ev.done or ev.actual is None):
        return None
    if key in ("month_actual", "month_task"):  # at most two decimals, as the other formats
        month = ev.month_actual if key == "month_actual" else ev.month_task
        return None if month is None else round(month, 2)
    return {"target": t.target, "actual": ev.actual, "last_year": t.last_year}[key]


def _cells(row: ReportRow, lang: str) -> dict[str, str]:
    return {**human_cells(row, lang), **answer_cells(row, lang)}


def _write_row(sheet: Any, index: int, row: ReportRow, cells: dict[str, str],
               columns: Sequence[str], lang: str, looks: _Looks) -> None:
    for column, key in enumerate(columns, start=1):
        text = cells[key]
        value = _figure(row, key) if key in _FIGURES else None
        if value is not None:
            cell = sheet.cell(row=index, column=column, value=value)
            mark = baseline_mark(row.ev) if key == "actual" else ""
            cell.number_format = _unit_format(shown_unit(row.target), lang, mark)
            cell.alignment = looks.top
        elif key in _NUMBERS and text:
            cell = sheet.cell(row=index, column=column, value=float(text))
            cell.number_format = _NUMBERS[key]
            cell.alignment = looks.top
        else:
            cell = _text_cell(sheet, index, column, text)
            cell.alignment = looks.top if key in _NO_WRAP else looks.wrap
        cell.border = looks.border
        if key == "status":
            cell.fill = looks.status_fills[row.status]
            cell.alignment = looks.center
            if row.status in (Status.RED, Status.BLUE):
                cell.font = looks.bold


def _page_setup(sheet: Any, header_row: int, lang: str) -> None:
    """A4 landscape, one page wide and as many long as needed, the header row on every
    page, page numbers in the footer."""
    from openpyxl.worksheet.page import PageMargins

    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_margins = PageMargins(left=0.4, right=0.4, top=0.5, bottom=0.6,
                                     header=0.2, footer=0.3)
    if header_row:
        sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.oddFooter.center.text = Word.PAGE_FOOTER.text(lang)
    sheet.evenFooter.center.text = Word.PAGE_FOOTER.text(lang)


def status_xlsx(report: StatusReport, lang: str) -> bytes:
    from openpyxl import Workbook

    looks = _Looks.make()
    heading = month_heading(str(report.as_of.period), lang)
    book = Workbook()
    sheet = book.active
    sheet.title = Word.SHEET_STATUS.text(lang)
    title = Say.SHEET_TITLE.text(lang, title=report.plan.title, as_of=heading)
    _text_cell(sheet, 1, 1, title).font = looks.title
    counts = joined([f"{status_label(s, lang)} {report.summary.get(s, 0)}"
                     for s in STATUS_ORDER], lang)
    _text_cell(sheet, 2, 1, f"{word('count', lang)}: {count_text(report, lang)}  ({counts})")
    if report.has_examples:
        _text_cell(sheet, 3, 1, word("example_note", lang)).font = looks.warning
    columns = with_month(XLSX_COLUMNS, report.rows)
    headers = [word(key, lang) for key in columns]
    rows = [_cells(row, lang) for row in report.rows]
    widths = [_column_width(key, header, [cells[key] for cells in rows])
              for key, header in zip(columns, headers, strict=True)]
    wrapped = [0 if key in _NO_WRAP else w for key, w in zip(columns, widths, strict=True)]
    for column, (header, width) in enumerate(zip(headers, widths, strict=True), start=1):
        cell = _text_cell(sheet, _HEADER_ROW, column, header)
        cell.font, cell.fill = looks.header_font, looks.header_fill
        cell.alignment, cell.border = looks.header_align, looks.border
        sheet.column_dimensions[cell.column_letter].width = width + 1.5
    sheet.row_dimensions[_HEADER_ROW].height = _LINE * _lines(headers, widths) + 2
    for index, (row, cells) in enumerate(zip(report.rows, rows, strict=True),
                                         start=_HEADER_ROW + 1):
        _write_row(sheet, index, row, cells, columns, lang, looks)
        lines = _lines([cells[key] if w else "" for key, w in zip(columns, wrapped,
                                                                   strict=True)],
                       [w or 1 for w in wrapped])
        if lines > 1:
            sheet.row_dimensions[index].height = _LINE * lines + 2
    last = _HEADER_ROW + len(report.rows)
    sheet.freeze_panes = sheet.cell(row=_HEADER_ROW + 1, column=2)  # the header, the name
    corner = sheet.cell(row=max(last, _HEADER_ROW), column=len(columns)).coordinate
    sheet.auto_filter.ref = f"A{_HEADER_ROW}:{corner}"
    _page_setup(sheet, _HEADER_ROW, lang)
    _legend(book.create_sheet(word("legend", lang)), report, lang, looks)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _legend(sheet: Any, report: StatusReport, lang: str, looks: _Looks) -> None:
    for index, (status, text) in enumerate(legend_items(report, lang), start=1):
        cell = _text_cell(sheet, index, 1, text)
        cell.alignment = looks.wrap
        if status is not None:
            cell.fill = looks.status_fills[status]
    sheet.column_dimensions["A"].width = 100
    _page_setup(sheet, 0, lang)
