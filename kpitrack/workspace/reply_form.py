"""A filled reply form as numbered rows of text.

A sheet is a reply form when its header row (in the first 20 rows) names a target (its id
or name) and both a reason and a measures column; `import` then reads
it as the units' answers instead of figures. The column names are in
`i18n.vocabulary.REPLY_COLUMNS`; what the cells mean is decided in `core.replies`.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..core.errors import KpiError
from ..i18n.messages import Msg
from ..i18n.vocabulary import REPLY_COLUMNS
from .sheet import (
    BLANK,
    DATA,
    HEADER_SEARCH_ROWS,
    Sheet,
    SheetRow,
    _header_key,
    cell_text,
    figures_sheet,
    read_grid,
)

_LOOKUP = {name: field for field, names in REPLY_COLUMNS.items() for name in names}


class ReplyForm(NamedTuple):
    file: str  # as shown to the user
    header_row: int
    columns: dict[str, str]  # field -> the header as the form writes it
    rows: tuple[SheetRow, ...]


def _text(value: object) -> str:
    """A cell as text, its line breaks as `\\n` whichever program wrote them."""
    return cell_text(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def reply_form(grid: list[tuple[int, list[object]]], shown: str) -> ReplyForm | None:
    """The form's rows, or None when no header row of the first ones is a reply form's."""
    for number, cells in grid[:HEADER_SEARCH_ROWS]:
        fields = [_LOOKUP.get(_header_key(cell_text(cell))) for cell in cells]
        if ("target" in fields or "name" in fields) and {"reason", "measures"} <= set(fields):
            return _with_header(grid, number, cells, fields, shown)
    return None


def _with_header(grid: list[tuple[int, list[object]]], header_row: int, header: list[object],
                 fields: list[str | None], shown: str) -> ReplyForm:
    columns: dict[str, str] = {}
    positions: dict[str, int] = {}
    for position, (cell, field) in enumerate(zip(header, fields, strict=True)):
        if field is None:
            continue
        name = cell_text(cell)
        if field in columns:
            raise KpiError(Msg.DUPLICATE_COLUMN(file=shown, row=header_row, a=columns[field],
                                                b=name, field=field))
        columns[field] = name
        positions[field] = position
    rows = []
    for number, cells in grid:
        if number <= header_row:
            continue
        texts = {field: _text(cells[position]) if position < len(cells) else ""
                 for field, position in positions.items()}
        texts = {field: text for field, text in texts.items() if text}
        rows.append(SheetRow(number, texts, DATA if texts else BLANK))
    while rows and rows[-1].kind == BLANK:
        rows.pop()
    return ReplyForm(shown, header_row, columns, tuple(rows))


def read_upload(path: Path, sheet_name: str | None = None) -> ReplyForm | Sheet:
    """The file `import` was given, read once: a reply form when its header is one, else a
    sheet of figures."""
    shown, grid = read_grid(path, sheet_name)
    found = reply_form(grid, shown)
    return found if found is not None else figures_sheet(grid, shown)
