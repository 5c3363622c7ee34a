"""Drawing a large rich Table quickly, exactly as rich would draw it.

rich lays out a table cell by cell: it measures, wraps, justifies and pads every
cell through its general machinery, about 1 ms a row. With 8,500 targets that is
9 seconds. Most tables kpitrack draws are simpler than rich allows for: every cell
is one line of plain Text with at most a base style, and the table is narrower than
the output, so no column shrinks and no cell wraps. For such a table each column is
as wide as its widest cell, and each cell is its text, justified and padded.

`QuickTable(table)` wraps a rich Table. When the table and the output allow it, it draws
those lines directly, with the same rich box characters, styles and title; otherwise
it hands the table to rich unchanged. `tests/test_quick_table.py` checks that the
output is identical, byte for byte, to rich's own, across widths, colour systems,
ASCII-only output and the legacy Windows console, and that the quick way is taken
where it should be.
"""

from __future__ import annotations

from rich.box import Box
from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.table import Table
from rich.text import Text

_JUSTIFY = ("left", "right")


class QuickTable:
    """A rich Table, drawn without rich's per-cell work where that gives the same lines."""

    def __init__(self, table: Table) -> None:
        self.table = table
        # How the last draw went: True when drawn here, False when rich drew it.
        self.quick: bool | None = None

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.table)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        segments = draw(self.table, console, options)
        self.quick = segments is not None
        if segments is None:
            yield self.table
        else:
            yield from segments


def _supported(table: Table) -> bool:
    """The table options the quick drawing reproduces; anything else goes to rich."""
    top, _, bottom, _ = table.padding
    return (
        table.box is not None and table.show_header and not table.show_footer
        and table.show_edge and not table.show_lines and not table.highlight and not table.leading
        and not top and not bottom and not table.collapse_padding and not table.expand
        and table.width is None and table.min_width is None and not table.row_styles
        and not table.caption and table.style in ("", "none") and not table.border_style
        and isinstance(table.title, (str, Text, type(None)))
        and all(row.style is None for row in table.rows)
        and all(c.justify in _JUSTIFY and not c.style and not c.header_style
                and c.width is None and c.min_width is None and c.max_width is None
                and c.ratio is None and not c.footer and not c.highlight
                for c in table.columns)
    )


def _line_text(cell: object) -> str | None:
    """A cell's text when it is one line of Text with only a base style, else None."""
    if type(cell) is not Text or cell.spans or cell.justify or cell.overflow \
            or cell.no_wrap is not None or cell.end != "\n":
        return None
    text = cell.plain
    # isprintable() leaves out tabs, line breaks, control and zero-width characters and
    # every space but " ": the characters rich would wrap, expand or measure specially.
    return text if text.isprintable() else None


class _Declined(Exception):
    """This table is rich's to draw."""


def draw(table: Table, console: Console, options: ConsoleOptions) -> list[Segment] | None:
    """The segments rich would draw for `table`, or None where rich must draw it."""
    if not table.columns or not _supported(table):
        return None
    try:
        return _draw(table, console, options)
    except _Declined:
        return None


def _draw(table: Table, console: Console, options: ConsoleOptions) -> list[Segment] | None:
    columns = table.columns
    count = len(columns)
    _, pad_right, _, pad_left = table.padding
    pads = []
    for index in range(count):
        left = 0 if index == 0 and not table.pad_edge else pad_left
        right = 0 if index == count - 1 and not table.pad_edge else pad_right
        pads.append((left, right))

    from_str: dict[str, Text] = {}

    def as_text(cell: object) -> object:
        """A str cell as rich reads it: markup as the output says, never highlighted."""
        if isinstance(cell, str):
            if cell not in from_str:
                from_str[cell] = console.render_str(cell, markup=options.markup,
                                                    highlight=False)
            return from_str[cell]
        return cell

    cells: list[list[Text]] = []  # by column, the header first
    texts: list[list[str]] = []
    lengths: list[list[int]] = []
    widths = []
    for column, (left, right) in zip(columns, pads, strict=True):
        column_cells = [as_text(cell) for cell in (column.header, *column.cells)]
        column_texts = list(map(_line_text, column_cells))
        if None in column_texts:
            return None
        column_lengths = list(map(cell_len, column_texts))
        cells.append(column_cells)
        texts.append(column_texts)
        lengths.append(column_lengths)
        widths.append(max(column_lengths) + left + right or 1)
        if widths[-1] - left - right < 1:
            return None  # an empty column: rich draws it its own way
    extra_width = 2 + count - 1
    if sum(widths) > options.max_width - extra_width:
        return None  # rich would shrink columns and wrap cells

    # Where no colour is written, a style changes nothing in the output.
    styled = console.color_system is not None or console.record
    get_style = console.get_style
    styles: dict[object, Style | None] = {}

    def style_of(cell: Text) -> Style | None:
        key = cell.style
        if key not in styles:
            style = get_style(key, default="none") if key else Style.null()
            if style.link:
                raise _Declined  # rich gives every link its own id
            styles[key] = style if style and styled else None
        return styles[key]

    table_width = sum(widths) + extra_width
    out: list[Segment] = []
    if table.title:
        render_options = options.update(width=table_width, highlight=table.highlight,
                                        height=None)
        title = table.title
        if isinstance(title, str):
            title = console.render_str(title, style=Style.pick_first(table.title_style,
                                                                     "table.title"),
                                       highlight=False)
        out.extend(console.render(title, render_options.update(justify=table.title_justify)))

    box: Box = table.box.substitute(options, safe=table.safe_box
                                    if table.safe_box is not None else console.safe_box)
    if not (box.head_vertical.strip() and box.mid_vertical.strip()
            and box.foot_vertical.strip()):
        return None  # rich styles a blank divider with the row; not reproduced here

    # Each column's cells justified to its width, with their styles, the header first.
    columns_drawn = []
    for column, width, (left, right), column_cells, column_texts, column_lengths in zip(
            columns, widths, pads, cells, texts, lengths, strict=True):
        inner = width - left - right
        if column.justify == "right":
            # rich strips trailing spaces before it right-justifies; printable text has
            # no other trailing whitespace, and a space is one cell wide.
            justified = [" " * (inner - n + len(t) - len(t.rstrip())) + t.rstrip()
                         for t, n in zip(column_texts, column_lengths, strict=True)]
        else:
            justified = [t + " " * (inner - n)
                         for t, n in zip(column_texts, column_lengths, strict=True)]
        columns_drawn.append(list(zip(justified, map(style_of, column_cells), strict=True)))
    by_row = list(zip(*columns_drawn, strict=True))

    header_style = get_style(table.header_style or "") if styled else None
    new_line = Segment.line()
    edges = ((box.head_left, box.head_vertical, box.head_right),
             (box.mid_left, box.mid_vertical, box.mid_right),
             (box.foot_left, box.foot_vertical, box.foot_right))
    out += [Segment(box.get_top(widths)), new_line]
    _row(out, by_row[0], pads, edges[0], header_style or None)
    out += [Segment(box.get_row(widths, "head", edge=True)), new_line]
    section_line = box.get_row(widths, "row", edge=True)
    rows = len(table.rows)
    for index, (row, drawn) in enumerate(zip(table.rows, by_row[1:], strict=True)):
        last = index == rows - 1
        _row(out, drawn, pads, edges[2 if last else 1], None)
        if row.end_section and not last:
            out += [Segment(section_line), new_line]
    out += [Segment(box.get_bottom(widths)), new_line]
    return out


def _row(out: list[Segment], cells, pads, edges, cell_style: Style | None) -> None:
    """One line of the table: runs of unstyled text are joined, styled ones kept apart.

    rich writes each styled segment with its own escape codes, so a styled segment
    must begin and end where rich's does; unstyled text is written as it is.
    """
    left_edge, divider, right_edge = edges
    plain = [left_edge]
    last = len(pads) - 1
    for index, ((text, style), (left, right)) in enumerate(zip(cells, pads, strict=True)):
        if cell_style is not None:  # the header: its style spans the padding too
            _flush(out, plain)
            if left:
                out.append(Segment(" " * left, cell_style))
            out.append(Segment(text, cell_style + style if style else cell_style))
            if right:
                out.append(Segment(" " * right, cell_style))
        else:
            if left:
                plain.append(" " * left)
            if style is None:
                plain.append(text)
            else:
                _flush(out, plain)
                out.append(Segment(text, style))
            if right:
                plain.append(" " * right)
        plain.append(divider if index < last else right_edge)
    plain.append("\n")
    _flush(out, plain)


def _flush(out: list[Segment], plain: list[str]) -> None:
    if plain:
        out.append(Segment("".join(plain)))
        plain.clear()
