"""A table's cells cut to their column's width once, handed to rich as segments.

rich draws each Text cell of a table through a Padding, a wrap, a crop and a reshape: for
the status table of thousands of targets that was most of `status`'s time. `layout` has
already fixed every column's width, so a cell here is cut (with `…` or cropped),
justified and padded once, by rich's own `Text.truncate` and `cell_len`, and yields the
segments rich would have made. `FixedCells` holds a column's cells for a run of rows
(a section of the table, one line each), so rich lays out one cell per column and run,
not one per row. Drawn at any other width (rich narrows a table wider than the terminal)
each cell is drawn by rich's own path, a Padding around the Text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, RenderableType
from rich.control import strip_control_codes
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text

_NEW_LINE = Segment.line()


def cut(text: str, width: int, justify: str, overflow: str) -> str | None:
    """`text` as the one line of a cell `width` cells wide, as rich's `Text.wrap` makes it
    without wrapping (`Lines.justify`, then `truncate`); None where rich must draw it
    itself: text with a tab or a line break, a column too narrow or justified otherwise."""
    if width < 1 or justify not in ("left", "right") or "\t" in text or "\n" in text:
        return None
    plain = strip_control_codes(text)  # as Text does
    if justify == "right":
        plain = plain.rstrip()  # Text.rstrip
    length = cell_len(plain)
    if length <= width:  # nothing to cut: Text.truncate(pad=True) or Text.pad_left
        return plain + " " * (width - length) if justify == "left" else \
            " " * (width - length) + plain
    line = Text(plain)
    line.truncate(width, overflow=overflow, pad=justify == "left")  # type: ignore[arg-type]
    if justify == "right":
        line.pad_left(width - line.cell_len)
    line.truncate(width, overflow=overflow)  # type: ignore[arg-type]
    return line.plain


class Cell:
    """A cell's text, its style (None: a header, drawn in the header's style, as a str),
    and its line cut for the column (None: drawn by rich)."""

    __slots__ = ("line", "style", "text")

    def __init__(self, text: str, style: str | None, line: str | None) -> None:
        self.text = text
        self.style = style
        self.line = line


class FixedCells:
    """A column's cells for a run of rows, cut for a column `width` cells wide with `left`
    and `right` cells of padding around each. A run of more than one cell holds one line
    each: a cell of several lines is a run of its own."""

    __slots__ = ("cells", "left", "ready", "right", "width")

    def __init__(self, cells: Sequence[Cell], width: int, left: int, right: int) -> None:
        self.cells = cells
        self.width = width
        self.left = left
        self.right = right
        self.ready = all(c.line is not None for c in cells)

    def _rich(self, cell: Cell) -> Padding:
        """A cell as rich draws it: a Padding around the text (a header is a str, as
        rich's header)."""
        text: RenderableType = cell.text if cell.style is None else Text(cell.text,
                                                                         style=cell.style)
        return Padding(text, (0, self.right, 0, self.left))

    def __rich_console__(self, console: Console, options: ConsoleOptions
                         ) -> Iterator[Segment | Padding]:
        width = options.max_width
        if not self.ready or width != self.width + self.left + self.right:
            if len(self.cells) == 1:
                yield self._rich(self.cells[0])
                return
            for cell in self.cells:  # as rich draws a row one line high
                lines = console.render_lines(self._rich(cell), options)
                yield from Segment.set_shape(lines, width, 1)[0]
                yield _NEW_LINE
            return
        # The segments rich's Padding(Text) gives: the padding unstyled, the text in its
        # style. A fitted table and its rows have no style of their own, so an unstyled
        # cell is one segment; a header is drawn in the header's style, segment by segment.
        left, right = " " * self.left, " " * self.right
        pad = Style.null()
        get_style = console.get_style
        for cell in self.cells:
            if cell.style == "":
                yield Segment(f"{left}{cell.line}{right}")
            else:
                if left:
                    yield Segment(left, pad)
                yield Segment(cell.line or "", get_style(cell.style) if cell.style else None)
                if right:
                    yield Segment(right, pad)
            yield _NEW_LINE

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        measures = [Measurement.get(console, options, self._rich(c)) for c in self.cells]
        return Measurement(max((m.minimum for m in measures), default=0),
                           max((m.maximum for m in measures), default=0))
