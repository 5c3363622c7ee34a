"""A department's sheet (CSV or XLSX bytes) as numbered rows of text.

`read_sheet` reads the file, finds the header row, maps the column names (English
or Chinese) onto kpitrack's fields and gives each data row with the number the
spreadsheet shows for it. What the cells mean is decided in `core.recording`.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import datetime as dt
import io
import re
import unicodedata
import zipfile
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from ..core.errors import KpiError
from ..i18n.messages import Msg
from ..i18n.vocabulary import COLONS, SHEET_COLUMNS, TOTAL_WORDS
from .files import read_file
from .find import display_path

# Column names a sheet may use for each field (English or Chinese), compared after
# normalising; the names are in `i18n.vocabulary`.
COLUMNS = SHEET_COLUMNS
_LOOKUP = {name: field for field, names in COLUMNS.items() for name in names}
HEADER_SEARCH_ROWS = 20
CSV_SUFFIXES = (".csv", ".tsv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")


DATA, TOTAL, BLANK = "data", "total", "blank"


class SheetRow(NamedTuple):
    number: int  # the row number the spreadsheet shows (the first line is 1)
    cells: dict[str, str]  # field -> the cell as text, stripped; absent when empty
    kind: str = DATA  # data | total (合计, skipped) | blank (skipped)


def _is_total(cells: dict[str, str]) -> bool:
    for column in ("target", "name"):
        text = unicodedata.normalize("NFKC", cells.get(column, ""))
        if "".join(text.split()).rstrip(COLONS).casefold() in TOTAL_WORDS:
            return True
    return False


class Sheet(NamedTuple):
    file: str  # as shown to the user
    header_row: int
    columns: dict[str, str]  # field -> the header as the sheet writes it
    ignored: tuple[str, ...]  # headers that are not kpitrack fields
    rows: tuple[SheetRow, ...]
    sheet: str | None = None  # the worksheet's name, when a workbook of several was read


def _header_key(text: str) -> str:
    """A header with its unit in brackets (full-width or not), ` Value* ` and `VALUE` all
    read as the same column."""
    text = unicodedata.normalize("NFKC", text).strip().lower()
    text = re.sub(r"\(.*?\)|\[.*?\]", "", text)
    return text.strip(" *" + COLONS).strip()


def sheet_format(suffix: str, shown: str, sheet_name: str | None = None) -> str:
    """"csv" or "xlsx" from a file's extension, before anything is read."""
    suffix = suffix.lower()
    if suffix == ".xls":
        raise KpiError(Msg.XLS_OLD(file=shown))
    if suffix not in CSV_SUFFIXES + XLSX_SUFFIXES:
        raise KpiError(Msg.SHEET_FORMAT_UNKNOWN(file=shown))
    if suffix in CSV_SUFFIXES and sheet_name:
        raise KpiError(Msg.SHEET_OPTION_CSV(file=shown))
    return "xlsx" if suffix in XLSX_SUFFIXES else "csv"


def parse_sheet(kind: str, data: bytes, shown: str, sheet_name: str | None = None) -> Sheet:
    """A .csv (UTF-8 with or without a BOM, UTF-16, or GB18030) or .xlsx file's rows."""
    grid = _xlsx_grid(data, shown, sheet_name) if kind == "xlsx" else _csv_grid(data, shown)
    return _sheet(grid, shown)


def _decode(data: bytes, shown: str) -> str:
    if data.startswith(b"PK\x03\x04"):
        raise KpiError(Msg.CSV_IS_XLSX(file=shown))
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8):].decode("utf-8")
        except UnicodeDecodeError as exc:
            raise KpiError(Msg.BAD_UTF8_AT(file=shown, n=exc.start + 3)) from None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise KpiError(Msg.BAD_UTF16_AT(file=shown, n=exc.start)) from None
    if b"\x00" in data:
        raise KpiError(Msg.CSV_NUL(file=shown))
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise KpiError(Msg.CSV_ENCODING(file=shown, n=exc.start)) from None


def _csv_grid(data: bytes, shown: str) -> list[tuple[int, list[object]]]:
    text = _decode(data, shown)
    first = next((line for line in text.splitlines() if line.strip()), "")
    delimiter = max(",\t;", key=first.count) if first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        # A spreadsheet numbers records, so a cell holding a line break is still one row.
        return _bounded(((number, list(cells[:MAX_COLUMNS]))
                         for number, cells in enumerate(reader, start=1)), shown)
    except csv.Error as exc:
        raise KpiError(Msg.CSV_BROKEN(file=shown, row=reader.line_num, detail=str(exc))) from None


# A department's sheet has tens of rows and a dozen columns: far more is a mistake or an
# attack (a 5 KB workbook can claim a cell at XFD1048576), refused before it fills memory.
MAX_ROWS = 100_000
MAX_COLUMNS = 200
MAX_UNZIPPED_BYTES = 256 * 1024 * 1024
# An OLE compound file: an old .xls, or an .xlsx that Excel encrypted with a password.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class NoResult:
    """A formula cell saved without its result (by a script, or a program that does not
    recalculate): not an empty cell, and not a value either."""

    def __str__(self) -> str:
        return ""

    def __repr__(self) -> str:
        return "NO_RESULT"


NO_RESULT = NoResult()
# A formula element (`<f>`, `<f t="shared" …>`) in a worksheet's XML.
_FORMULA_ELEMENT = re.compile(rb"<(?:\w+:)?f[\s>/]")


def _check_zip(data: bytes, shown: str) -> bool:
    """A workbook is a zip: refuse one that would unpack to more than we would read, and
    a file that is no workbook, saying what it likely is. True when a worksheet holds a
    formula (whose saved result may be missing)."""
    if data.startswith(OLE_SIGNATURE):
        raise KpiError(Msg.NOT_XLSX(file=shown))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
            if any(info.flag_bits & 0x1 for info in parts):  # zip encryption
                raise KpiError(Msg.NOT_XLSX(file=shown))
            size = sum(info.file_size for info in parts)
            if size > MAX_UNZIPPED_BYTES:
                raise KpiError(Msg.SHEET_TOO_LARGE(file=shown, rows=MAX_ROWS,
                                                   columns=MAX_COLUMNS))
            return any(_holds_formula(archive, info) for info in parts
                       if info.filename.startswith("xl/worksheets/")
                       and info.filename.endswith(".xml"))
    except RuntimeError:  # a part that needs a password
        raise KpiError(Msg.NOT_XLSX(file=shown)) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        raise KpiError(Msg.XLSX_DAMAGED(file=shown)) from None


def _holds_formula(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bool:
    tail = b""
    with archive.open(info) as part:
        while chunk := part.read(1 << 20):
            if _FORMULA_ELEMENT.search(tail + chunk):
                return True
            tail = chunk[-8:]
    return False


def _bounded(rows: Iterator[tuple[int, list[object]]], shown: str
             ) -> list[tuple[int, list[object]]]:
    out: list[tuple[int, list[object]]] = []
    for row in rows:
        if len(out) >= MAX_ROWS:
            raise KpiError(Msg.SHEET_TOO_LARGE(file=shown, rows=MAX_ROWS, columns=MAX_COLUMNS))
        out.append(row)
    return out


def _xlsx_grid(data: bytes, shown: str, sheet_name: str | None
               ) -> list[tuple[int, list[object]]]:
    """The rows of the worksheet named `sheet_name`, or of the first."""
    return _xlsx_grids(data, shown, sheet_name, every=False)[0][1]


def _xlsx_grids(data: bytes, shown: str, sheet_name: str | None, *, every: bool
                ) -> list[tuple[str, list[tuple[int, list[object]]]]]:
    """Each worksheet's name and rows: the one named `sheet_name`, else every worksheet
    (`every`) or the first."""
    # openpyxl takes 0.2 s to import: only a workbook needs it (imported in `_workbook`).
    formulas = _formula_cells(data, shown, sheet_name, every=every) \
        if _check_zip(data, shown) else {}
    with _workbook(data, shown, data_only=True) as book:
        sheets = _chosen(book, sheet_name, every)
        if sheets is None:
            raise KpiError(Msg.NO_SUCH_SHEET(file=shown, name=sheet_name,
                                             names=", ".join(map(repr, book.sheetnames))))
        out = []
        for sheet in sheets:
            # The cells that exist, not the dimension the sheet claims.
            sheet.reset_dimensions()
            title = str(sheet.title)
            out.append((title, _bounded(_xlsx_rows(sheet, shown, formulas.get(title)), shown)))
        return out


@contextlib.contextmanager
def _workbook(data: bytes, shown: str, *, data_only: bool) -> Iterator[Any]:
    """The workbook, read only, closed after; any part of it that does not read (openpyxl
    raises its own types, and KeyError, for broken parts; truncated XML) is a damaged
    file, named."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=data_only)
    except Exception:
        raise KpiError(Msg.XLSX_DAMAGED(file=shown)) from None
    try:
        yield book
    except KpiError:
        raise
    except Exception:
        raise KpiError(Msg.XLSX_DAMAGED(file=shown)) from None
    finally:
        book.close()


def _chosen(book: Any, sheet_name: str | None, every: bool) -> list[Any] | None:
    """The worksheet named `sheet_name` (None when there is none), else every worksheet
    (`every`) or the first."""
    if sheet_name is not None:
        return [book[sheet_name]] if sheet_name in book.sheetnames else None
    return list(book.worksheets) if every else book.worksheets[:1]


def _formula_cells(data: bytes, shown: str, sheet_name: str | None, *, every: bool
                   ) -> dict[str, set[tuple[int, int]]]:
    """Each worksheet's formula cells, by row number and column index (from 0): read only
    when the workbook holds a formula, so that one saved without its result is told from
    an empty cell."""
    with _workbook(data, shown, data_only=False) as book:
        out: dict[str, set[tuple[int, int]]] = {}
        for sheet in _chosen(book, sheet_name, every) or []:
            sheet.reset_dimensions()
            found = out.setdefault(str(sheet.title), set())
            for number, cells in enumerate(sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS),
                                           start=1):
                if number > MAX_ROWS:
                    break
                found.update((number, position) for position, cell in enumerate(cells)
                             if getattr(cell, "data_type", None) == "f")
        return out


def _xlsx_rows(sheet: Any, shown: str, formulas: set[tuple[int, int]] | None = None
               ) -> Iterator[tuple[int, list[object]]]:
    """Each row's cells as the sheet shows them, blank rows included up to the last row
    that holds something: a sheet claiming an empty cell at row 1,048,576 is read as the
    rows it holds. (openpyxl fills the rows a sheet skips with one shared empty row.)"""
    skipped = None
    blank_from = None  # the first of the blank rows since the last one holding a value
    held = 0
    for number, cells in enumerate(sheet.iter_rows(min_row=1, max_col=MAX_COLUMNS), start=1):
        if cells is skipped:
            continue
        held += 1  # a row the file holds, even an empty one, costs its cells
        if held > MAX_ROWS:
            raise KpiError(Msg.SHEET_TOO_LARGE(file=shown, rows=MAX_ROWS, columns=MAX_COLUMNS))
        values = [displayed(getattr(c, "value", None), getattr(c, "number_format", "General"))
                  for c in cells]
        if formulas:  # a formula's empty text result is saved as such (t="str"): empty
            values = [NO_RESULT if value is None and (number, position) in formulas
                      and getattr(cell, "data_type", None) == "n" else value
                      for position, (value, cell) in enumerate(zip(values, cells, strict=True))]
        if all(v is None for v in values):
            skipped = cells
            blank_from = number if blank_from is None else blank_from
            continue
        if blank_from is not None:
            yield from ((blank, []) for blank in range(blank_from, number))
        blank_from = None
        yield number, values


# A number format's pieces: "quoted text", one \\escaped character, or one character.
_FORMAT_PIECE = re.compile(r'"([^"]*)"|\\(.)|(.)', re.DOTALL)


def displayed(value: object, number_format: str) -> object:
    """A cell as the sheet shows it, where its number format changes what it means.

    A percent format shows 0.048 as 4.8%, and that is the figure the department typed;
    a format that ends with a unit in quotes (`0.00` then "hundred million yuan" in
    Chinese) carries that unit, as typing the figure with its unit does. Anything else
    is the cell's value as it is.
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    percent, unit = False, ""
    for quoted, escaped, char in _FORMAT_PIECE.findall(number_format.split(";")[0]):
        if char and char in "0#?":
            unit = ""  # only the text after the last digit is a unit
        elif char == "%":
            percent = True
        elif quoted or escaped:
            unit += quoted or escaped
    if percent:
        return f"{(Decimal(repr(value)) * 100).normalize():f}%"
    return f"{cell_text(value)}{unit.strip()}" if unit.strip() else value
def cell_text(value: object) -> str:
    """A cell as text: numbers as written, a date as YYYY-MM-DD, nothing as ''."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value).strip()


def header_fields(cells: list[object]) -> list[str | None]:
    """Each header cell's figure field (`target`, `value` …), or None."""
    return [_LOOKUP.get(_header_key(cell_text(cell))) for cell in cells]


def find_figures(grid: list[tuple[int, list[object]]], shown: str,
                 sheet: str | None = None) -> Sheet | None:
    """The sheet of figures, or None when no header row of the first ones is a figure
    sheet's."""
    for number, cells in grid[:HEADER_SEARCH_ROWS]:
        fields = header_fields(cells)
        if ("target" in fields or "name" in fields) and "value" in fields:
            return _with_header(grid, number, cells, fields, shown, sheet)._replace(
                sheet=sheet)
    return None


def check_results(number: int, cells: list[object], positions: dict[str, int],
                  columns: dict[str, str], shown: str, sheet: str | None) -> None:
    """A formula saved without its result in a column kpitrack reads is refused, naming
    its cell: read as empty, the row would be skipped, or its date lost, in silence."""
    for field, position in positions.items():
        if position < len(cells) and cells[position] is NO_RESULT:
            where = shown if sheet is None else Msg.IN_SHEET(file=shown, sheet=sheet)
            raise KpiError(Msg.FORMULA_NO_RESULT(file=where, row=number,
                                                 column=columns[field]))


def _sheet(grid: list[tuple[int, list[object]]], shown: str) -> Sheet:
    found = find_figures(grid, shown)
    if found is not None:
        return found
    names = ", ".join(sorted({n for names in COLUMNS.values() for n in names[:1]}))
    raise KpiError(Msg.NO_HEADER(file=shown, n=HEADER_SEARCH_ROWS, columns=names))


class Body(NamedTuple):
    """What a header row gives: each field's column as headed, the headers no field
    reads, and the rows under it (blank rows after the last one dropped)."""

    columns: dict[str, str]
    ignored: tuple[str, ...]
    rows: tuple[SheetRow, ...]


def read_body(grid: list[tuple[int, list[object]]], header_row: int, header: list[object],
              fields: list[str | None], shown: str, sheet: str | None = None, *,
              text: Callable[[object], str] = cell_text,
              kind: Callable[[dict[str, str]], str] = lambda texts: DATA) -> Body:
    """The rows under `header` (its cells' `fields`) as text by `text`; a filled row's
    kind by `kind`. Shared by sheets of figures and reply forms."""
    columns: dict[str, str] = {}
    positions: dict[str, int] = {}
    ignored = []
    for position, (cell, field) in enumerate(zip(header, fields, strict=True)):
        name = cell_text(cell)
        if field is None:
            if name:
                ignored.append(name)
            continue
        if field in columns:
            raise KpiError(Msg.DUPLICATE_COLUMN(file=shown, row=header_row, a=columns[field],
                                                b=name, field=field))
        columns[field] = name
        positions[field] = position
    rows = []
    for number, cells in grid:
        if number <= header_row:
            continue
        check_results(number, cells, positions, columns, shown, sheet)
        texts = {field: text(cells[position]) if position < len(cells) else ""
                 for field, position in positions.items()}
        texts = {field: value for field, value in texts.items() if value}
        rows.append(SheetRow(number, texts, kind(texts) if texts else BLANK))
    # Blank rows after the last filled one are the sheet's end, not rows to list.
    while rows and rows[-1].kind == BLANK:
        rows.pop()
    return Body(columns, tuple(ignored), tuple(rows))


def _with_header(grid: list[tuple[int, list[object]]], header_row: int, header: list[object],
                 fields: list[str | None], shown: str, sheet: str | None = None) -> Sheet:
    body = read_body(grid, header_row, header, fields, shown, sheet,
                     kind=lambda texts: TOTAL if _is_total(texts) else DATA)
    return Sheet(shown, header_row, body.columns, body.ignored, body.rows)


def read_sheet(path: Path, sheet_name: str | None = None) -> Sheet:
    """A department's .csv or .xlsx sheet, its header found and its rows numbered."""
    shown = display_path(path)
    kind = sheet_format(path.suffix, shown, sheet_name)
    return parse_sheet(kind, read_file(path), shown, sheet_name)


def read_grid(path: Path, sheet_name: str | None = None
              ) -> tuple[str, list[tuple[int, list[object]]]]:
    """A .csv or .xlsx file's rows of cells, numbered, as `read_sheet` reads them but before
    a header is looked for (a reply form has headers of its own: `workspace.reply_form`);
    and the file's name as shown."""
    shown, grids = read_grids(path, sheet_name, every=False)
    return shown, grids[0][1]


def read_grids(path: Path, sheet_name: str | None = None, *, every: bool = True
               ) -> tuple[str, list[tuple[str | None, list[tuple[int, list[object]]]]]]:
    """As `read_grid`, each worksheet of a workbook with its name: the one `sheet_name`
    names, or every one (`every`), or the first. A CSV file is one grid, named None."""
    shown = display_path(path)
    kind = sheet_format(path.suffix, shown, sheet_name)
    data = read_file(path)
    if kind == "csv":
        return shown, [(None, _csv_grid(data, shown))]
    return shown, list(_xlsx_grids(data, shown, sheet_name, every=every))


def figures_sheet(grid: list[tuple[int, list[object]]], shown: str) -> Sheet:
    """`read_grid`'s rows read as a sheet of figures, as `read_sheet` reads a file."""
    return _sheet(grid, shown)
