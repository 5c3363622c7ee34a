"""Fitting a table to the terminal: which columns to show, and how wide the name may be.

rich lays out a table that is too wide by shrinking and wrapping every column, so a
target's row becomes five lines and the name one character wide. kpitrack decides
instead: each table lists its columns, the steps that make it narrower (drop the least
needed column, or show a shorter form of one) in a fixed order, and the one flexible
column (a name) that takes the room left, cut with `…` rather than wrapped. Numbers
are never cut. `README.md` (Reading the table in a terminal) gives each table's order.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rich.cells import cell_len
from rich.console import Console

from .console import MIN_COLUMNS, columns_setting

# A pipe or a file has no width of its own: text there is wrapped no narrower than this.
PIPE_WIDTH = 250
NAME_MIN = 16


@dataclass
class Column:
    """A column's key, header and cells, in each form it can take ("full", "short")."""

    key: str
    header: str
    cells: dict[str, list[str]]  # form -> the cells in that form
    justify: str = "left"
    flex: bool = False  # the column that takes the room left over
    form: str = "full"

    def width(self, form: str | None = None) -> int:
        texts = self.cells[form or self.form]
        return max([cell_len(self.header), *map(cell_len, texts)], default=0)


@dataclass
class Layout:
    """The columns kept, in table order, and each one's width."""

    columns: list[Column]
    widths: dict[str, int] = field(default_factory=dict)

    def keeps(self, key: str) -> bool:
        return any(c.key == key for c in self.columns)

    def form(self, key: str) -> str:
        return next((c.form for c in self.columns if c.key == key), "full")


def table_width(widths: Iterable[int]) -> int:
    """A rich table's width with kpitrack's box: one padding cell each side of a cell but
    the outer two, and a border line around and between the columns."""
    widths = list(widths)
    return sum(widths) + 3 * len(widths) - 1 if widths else 0


def fit(columns: Sequence[Column], steps: Sequence[tuple[str, str]], available: int | None,
        flex_min: int = NAME_MIN) -> Layout:
    """Apply `steps` in order, each ("drop", key) or ("short", key), until the table fits
    in `available` cells with the flexible column at least `flex_min` wide (or as wide as
    its longest cell, if that is less); then give that column the room left over.

    With `available` None (a pipe, a file, or --wide), every column is kept as it is.
    """
    kept = list(columns)
    for column in kept:
        column.form = "full"
    flex = next((c for c in kept if c.flex), None)

    def needed() -> int:
        return table_width(min(c.width(), flex_min) if c is flex else c.width() for c in kept)

    if available is not None:
        for action, key in steps:
            if needed() <= available:
                break
            if action == "drop":
                kept = [c for c in kept if c.key != key]
            else:
                for column in kept:
                    if column.key == key:
                        column.form = action
    widths = {c.key: c.width() for c in kept}
    if flex is not None and flex in kept and available is not None:
        room = available - table_width(widths.values()) + widths[flex.key]
        widths[flex.key] = max(min(widths[flex.key], room), min(widths[flex.key], flex_min))
    return Layout(kept, widths)


def _is_tty(console: Console) -> bool:
    """A real terminal: `--color` makes rich treat a pipe as a terminal for colour only."""
    isatty = getattr(console.file, "isatty", None)
    try:
        return bool(isatty and isatty())
    except ValueError:  # a closed file
        return False


def available_width(console: Console, wide: bool = False) -> int | None:
    """The width a table must fit: the terminal's, or COLUMNS where it is set, as rich
    reads it; None (no limit) in a pipe or a file, and with --wide."""
    if wide or (not _is_tty(console) and columns_setting() is None):
        return None
    return max(console.width, MIN_COLUMNS)


def let_draw(console: Console, needed: int) -> None:
    """Give a console the room a table laid out without a limit needs: a pipe or file
    as wide as the table or PIPE_WIDTH, a terminal (with --wide) as wide as the table."""
    room = needed if _is_tty(console) else max(needed, PIPE_WIDTH)
    console.width = max(console.width, room)
