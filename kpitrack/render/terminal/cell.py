"""A table cell cut to its column's width once, handed to rich as segments.

rich draws each Text cell of a table through a Padding, a wrap, a crop and a reshape: for
the status table of thousands of targets that was most of `status`'s time. `layout` has
already fixed every column's width, so a `FixedCell` is cut (with `…` or cropped),
justified and padded once, by rich's own `Text.truncate` and `cell_len`, and yields the
segments rich would have made. Drawn at any other width (rich narrows a table wider than
the terminal) it is drawn by rich's own path, a Padding around the Text.
"""

from __future__ import annotations

from collections.abc import Iterator

from rich.console import Console, ConsoleOptions, RenderableType
from rich.measure import Measurement
from rich.padding import Padding
from rich.segment import Segment
from rich.style import Style
from rich.text import Text


def cut(text: str, width: int, justify: str, overflow: str) -> str:
    """`text` as one line of a cell `width` cells wide, as rich's `Text.wrap` makes it
    without wrapping (`Lines.justify`, then `truncate`)."""
    line = Text(text)
    if justify == "right":
        line.rstrip()
        line.truncate(width, overflow=overflow)  # type: ignore[arg-type]
        line.pad_left(width - line.cell_len)
    else:
        line.truncate(width, overflow=overflow, pad=True)  # type: ignore[arg-type]
    line.truncate(width, overflow=overflow)  # type: ignore[arg-type]
    return line.plain


class FixedCell:
    """A cell's text with its style (None: a header, drawn in the header's style), cut for
    a column `width` cells wide with `left` and `right` cells of padding around it."""

    __slots__ = ("left", "line", "overflow", "right", "style", "text", "width")

    def __init__(self, text: str, style: str | None, width: int, line: str | None,
                 overflow: str, left: int, right: int) -> None:
        self.text = text
        self.style = style
        self.width = width
        self.line = line  # the text cut and justified for `width`; None: rich's path
        self.overflow = overflow
        self.left = left
        self.right = right

    def _rich(self) -> Padding:
        """The cell as rich would draw it: a Padding around the text (a header is a str,
        as rich's header)."""
        text: RenderableType = self.text if self.style is None else Text(self.text,
                                                                         style=self.style)
        return Padding(text, (0, self.right, 0, self.left))

    def __rich_console__(self, console: Console, options: ConsoleOptions
                         ) -> Iterator[Segment | Padding]:
        if self.line is None or options.max_width != self.width + self.left + self.right:
            yield self._rich()
            return
        # The segments rich's Padding(Text) gives: the padding unstyled, the text in its style.
        pad = Style.null()
        if self.left:
            yield Segment(" " * self.left, pad)
        yield Segment(self.line, console.get_style(self.style) if self.style else None)
        if self.right:
            yield Segment(" " * self.right, pad)
        yield Segment.line()

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self._rich())
