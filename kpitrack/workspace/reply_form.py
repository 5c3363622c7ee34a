"""A filled reply form as numbered rows of text.

A sheet is a reply form when its header row (in the first 20 rows) names a target (its id
or name) and both a reason and a measures column; `import` then reads
it as the units' answers instead of figures; a header that also has a value column is
refused, as holding both. Without `--sheet`, every worksheet of a workbook is read: its
reply forms, or else its sheets of figures (`read_upload`). The column names are in
`i18n.vocabulary.REPLY_COLUMNS`; what the cells mean is decided in `core.replies`.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..core.errors import KpiError
from ..i18n.base import Message
from ..i18n.messages import Msg
from ..i18n.vocabulary import REPLY_COLUMNS
from .sheet import (
    HEADER_SEARCH_ROWS,
    Sheet,
    SheetRow,
    _header_key,
    cell_text,
    figures_sheet,
    find_figures,
    header_fields,
    read_body,
    read_grids,
)

_LOOKUP = {name: field for field, names in REPLY_COLUMNS.items() for name in names}
Grid = list[tuple[int, list[object]]]


class ReplyForm(NamedTuple):
    file: str  # as shown to the user
    header_row: int
    columns: dict[str, str]  # field -> the header as the form writes it
    rows: tuple[SheetRow, ...]
    sheet: str | None = None  # the worksheet's name, when a workbook of several was read

    @property
    def where(self) -> str | Message:
        """The file, with the worksheet's name when there is one to tell apart."""
        return in_sheet(self.file, self.sheet)


def in_sheet(shown: str, sheet: str | None) -> str | Message:
    """A file as shown, with its worksheet's name when a workbook of several was read."""
    return shown if sheet is None else Msg.IN_SHEET(file=shown, sheet=sheet)


def _text(value: object) -> str:
    """A cell as text, its line breaks as `\\n` whichever program wrote them."""
    return cell_text(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def reply_form(grid: Grid, shown: str, sheet: str | None = None) -> ReplyForm | None:
    """The form's rows, or None when no header row of the first ones is a reply form's.

    A header that also has a value column holds figures and answers both: refused, since
    the figures would be lost if it were read as a form, and the answers as figures."""
    for number, cells in grid[:HEADER_SEARCH_ROWS]:
        fields = [_LOOKUP.get(_header_key(cell_text(cell))) for cell in cells]
        if ("target" in fields or "name" in fields) and {"reason", "measures"} <= set(fields):
            _refuse_figures(cells, fields, in_sheet(shown, sheet), number)
            return _with_header(grid, number, cells, fields, shown, sheet)._replace(sheet=sheet)
    return None


def _refuse_figures(cells: list[object], fields: list[str | None], where: str | Message,
                    row: int) -> None:
    values = [cell_text(cell) for cell, field in zip(cells, header_fields(cells), strict=True)
              if field == "value"]
    if values:
        named = {field: cell_text(cell) for cell, field in zip(cells, fields, strict=True)}
        raise KpiError(Msg.FIGURES_AND_ANSWERS(file=where, row=row, value=values[0],
                                               reason=named["reason"],
                                               measures=named["measures"]))


def _with_header(grid: list[tuple[int, list[object]]], header_row: int, header: list[object],
                 fields: list[str | None], shown: str, sheet: str | None = None) -> ReplyForm:
    body = read_body(grid, header_row, header, fields, shown, sheet, text=_text)
    return ReplyForm(shown, header_row, body.columns, body.rows)


class Upload(NamedTuple):
    """The file `import` was given, read: its reply forms, or else its sheets of figures
    (one, or a workbook's every worksheet of figures)."""

    forms: tuple[ReplyForm, ...] = ()
    sheets: tuple[Sheet, ...] = ()


def read_upload(path: Path, sheet_name: str | None = None) -> Upload:
    """The file `import` was given, read once: its reply forms when its header is one, else
    its sheet of figures. Without `sheet_name`, every worksheet of a workbook is read."""
    shown, grids = read_grids(path, sheet_name)
    if len(grids) == 1:
        grid = grids[0][1]
        found = reply_form(grid, shown)
        return Upload(forms=(found,)) if found is not None else \
            Upload(sheets=(figures_sheet(grid, shown),))
    return _workbook(shown, grids)


def _workbook(shown: str, grids: list[tuple[str | None, Grid]]) -> Upload:
    """A workbook of several worksheets: every reply form in it, or every sheet of
    figures, each named by its worksheet. Worksheets with neither header (a note, an empty
    sheet) are left out; a workbook of both kinds is refused, naming them."""
    forms: list[ReplyForm] = []
    figures: list[Sheet] = []
    for name, grid in grids:
        form = reply_form(grid, shown, name)
        if form is not None:
            forms.append(form)
            continue
        found = find_figures(grid, shown, name)
        if found is not None:
            figures.append(found)
    if forms and figures:
        raise KpiError(Msg.SHEETS_MIXED(file=shown, forms=_names(forms),
                                        figures=_names(figures)))
    if not forms and not figures:
        figures_sheet(grids[0][1], shown)  # no header anywhere: refused, saying so
    return Upload(tuple(forms), tuple(figures))


def _names(sheets: list[ReplyForm] | list[Sheet]) -> str:
    return ", ".join(repr(found.sheet) for found in sheets)
