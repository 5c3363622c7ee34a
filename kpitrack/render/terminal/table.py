"""Rich terminal tables, fitted to the terminal (see `layout`). User text goes in as
Text, so it is never read as markup, and escape sequences are stripped."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ...core.model import STATUS_ORDER, Kind, Plan, Status, Target
from ...core.report import StatusReport
from ...core.supervision import league
from ...i18n.words import (
    Word,
    kind_name,
    month_heading,
    status_cell,
    status_label,
    status_short,
    word,
)
from .. import safe
from ..cells import count_text, human_cells, mark_notes, owner_cells, status_marks, value_text
from ..columns import OWNER_COLUMNS, OWNER_NUMBERS, with_month
from ..rules import edge_texts, own_rules, pace_edges, rule_notes
from .cell import Cell, FixedCells, cut
from .console import STATUS_STYLE
from .layout import Column, Layout, available_width, let_draw, table_width
from .layout import fit as fit_columns

_RIGHT = {"target", "actual", "completion", "time_progress", "gap", "forecast", "red_months",
          "month_actual", "month_task"}
STATUS_COLUMNS = ("status", "change", "name", "target", "actual", "period", "completion",
                  "time_progress", "gap", "trend", "red_months", "forecast")
# As the terminal narrows, the least needed goes first. The last four left are the
# status (in its short form), the name, completion, time progress and the gap: whether a
# target keeps pace with the calendar.
STATUS_STEPS = (("drop", "month_task"), ("drop", "month_actual"), ("drop", "trend"),
                ("drop", "red_months"), ("drop", "forecast"), ("drop", "change"),
                ("drop", "period"), ("short", "status"),
                ("drop", "target"), ("drop", "actual"), ("drop", "time_progress"))


class FittedTable(Table):
    """A rich Table whose cells carry their own padding (`FixedCells`), and the width its
    layout draws."""

    drawn_width = 0


def fitted_table(title: str, columns: Sequence[Column], styles: Sequence[dict[str, str]],
                 layout: Layout, sections: Sequence[int] = ()) -> Table:
    """A table of `layout`'s columns, each row one line: the flexible column is cut with
    `…`, and every other column is as wide as its widest cell. A section starts at each
    row index in `sections`.

    Each cell is cut for its column once, and a section's rows are one row of rich's
    table, each of its cells a column's lines (`FixedCells`): rich draws the box, the
    header, the title and the section lines around ready lines. The table has no padding
    of its own, as the cells carry it."""
    table = FittedTable(title=Text(title, style="table.title"), title_justify="left",
                        padding=0, pad_edge=False)
    table.drawn_width = table_width(layout.widths[c.key] for c in layout.columns)
    several_lines = any("\n" in text for c in layout.columns for text in c.cells[c.form])
    runs = _runs(len(styles), sections, single=several_lines)
    last = len(layout.columns) - 1
    blocks = []
    for index, column in enumerate(layout.columns):
        width = layout.widths[column.key]
        overflow = "ellipsis" if column.flex else "crop"
        left, right = int(index > 0), int(index < last)
        cells = _cut_cells(column, styles, width, overflow)
        header = Cell(column.header, None, cut(column.header, width, column.justify, overflow))
        table.add_column(FixedCells([header], width, left, right),
                         justify=column.justify,  # type: ignore[arg-type]
                         width=width + left + right, no_wrap=True,
                         overflow=overflow)  # type: ignore[arg-type]
        blocks.append([FixedCells(cells[start:end], width, left, right) for start, end in runs])
    ends = set(sections)
    for (_, end), cells_of_run in zip(runs, zip(*blocks, strict=True), strict=False):
        table.add_row(*cells_of_run, end_section=end in ends)
    return table


def _cut_cells(column: Column, styles: Sequence[dict[str, str]], width: int, overflow: str
               ) -> list[Cell]:
    """A column's cells with their styles, each text cut for the column once (many
    cells are alike: an empty change, the same period)."""
    known: dict[str, str | None] = {}
    texts = column.cells[column.form]
    cells = []
    for row, style in enumerate(styles):
        text = texts[row]
        if text not in known:
            known[text] = cut(text, width, column.justify, overflow)
        cells.append(Cell(text, style.get(column.key, ""), known[text]))
    return cells


def _runs(count: int, sections: Sequence[int], single: bool) -> list[tuple[int, int]]:
    """The rows drawn as one row of rich's table: each section's, or each row alone
    (`single`: where a cell has several lines, rich sets each row's height)."""
    if single:
        return [(i, i + 1) for i in range(count)]
    starts = sorted({0, *(s for s in sections if 0 < s < count)})
    return [(start, end) for start, end in zip(starts, [*starts[1:], count], strict=True)
            if start < count]


def _status_columns(report: StatusReport, lang: str
                    ) -> tuple[list[Column], list[dict[str, str]], list[int]]:
    """The status table's columns (a section's heading is a row of its own) and styles."""
    keys = with_month(STATUS_COLUMNS, report.rows)
    cells: dict[str, list[str]] = {key: [] for key in keys}
    short: list[str] = []
    styles: list[dict[str, str]] = []
    sections = []
    for section, rows in report.by_section().items():
        sections.append(len(styles))
        for key in keys:
            cells[key].append("")
        cells["name"][-1] = safe.plain(section or word("no_section", lang))
        short.append("")
        styles.append({"name": "bold"})
        for row in rows:
            human = human_cells(row, lang)
            for key in keys:
                cells[key].append(safe.plain(human[key]))
            short.append(status_cell(row.status, lang) + status_marks(row.ev))
            style = STATUS_STYLE[row.status]
            styles.append({"status": style, "gap": style, "trend": style})
    columns = [Column(key, word(key, lang), {"full": cells[key]},
                      "right" if key in _RIGHT else "left", flex=key == "name")
               for key in keys]
    columns[0].cells["short"] = short
    return columns, styles, sections[1:]


def status_table(report: StatusReport, lang: str, width: int | None = None) -> Group:
    """The status table fitted to `width` cells (None: every column), and its legend."""
    title = f"{safe.plain(report.plan.title)}  {month_heading(str(report.as_of.period), lang)}"
    columns, styles, sections = _status_columns(report, lang)
    layout = fit_columns(columns, STATUS_STEPS, width)
    table = fitted_table(title, columns, styles, layout, sections)
    return Group(table, legend(report, lang, short=layout.form("status") == "short"))


def legend(report: StatusReport, lang: str, short: bool = False) -> Text:
    """Legend and counts: colour never carries the meaning alone. With `short`, each
    one-character status the table shows is spelled out."""
    plan = report.plan
    edges = pace_edges(plan.bands)
    out = Text()
    out.append(f"{word('legend', lang)}: ")
    shown = [s for s in STATUS_ORDER if s is not Status.BLUE or plan.bands.pace.blue is not None
             or plan.bands.difference.blue is not None]
    for status in shown:
        if short:
            out.append(f"{status_cell(status, lang)}=", style=STATUS_STYLE[status])
        out.append(status_label(status, lang), style=STATUS_STYLE[status])
        if edges[status]:
            out.append(f" {edges[status]}")
        out.append("  ")
    diff = edge_texts(plan.bands.difference)
    kinds = Word.RATE_KINDS.text(lang)
    out.append(f"\n{kinds}: " + " / ".join(diff[s] for s in STATUS_ORDER if diff[s]) + "\n")
    counts = "  ".join(f"{status_short(s, lang)} {report.summary.get(s, 0)}"
                       for s in STATUS_ORDER)
    out.append(f"{word('count', lang)}: {counts}  ({count_text(report, lang)})\n")
    for rule in [*rule_notes(plan.bands, plan.supervision, lang),
                 *own_rules(plan, [r.target for r in report.rows], lang)]:
        out.append(rule + "\n")
    out.append(f"{word('change_note', lang)}   {word('trend_note', lang)}", style="dim")
    notes = mark_notes(report, lang)
    if notes:
        out.append("\n" + "   ".join(notes), style="dim")
    if report.has_examples:
        out.append(f"\n{word('example_note', lang)}", style="bold")
    return out


def print_table(console: Console, renderable: RenderableType, layout_width: int | None
                ) -> None:
    """Print a table laid out for `layout_width` cells, or for any width (None)."""
    if layout_width is None:
        let_draw(console, table_width_of(renderable))
    console.print(renderable)


def table_width_of(renderable: RenderableType) -> int:
    """How wide a fitted table (or a group holding one) is drawn."""
    tables = [renderable] if isinstance(renderable, Table) else \
        [r for r in getattr(renderable, "renderables", []) if isinstance(r, Table)]
    return max((t.drawn_width if isinstance(t, FittedTable) else
                table_width(c.width or 0 for c in t.columns) for t in tables), default=0)


def print_status(console: Console, report: StatusReport, lang: str,
                 wide: bool = False) -> None:
    width = available_width(console, wide)
    print_table(console, status_table(report, lang, width), width)


TARGET_COLUMNS = ("id", "name", "kind", "target", "section", "owner")
TARGET_STEPS = (("drop", "section"), ("drop", "owner"), ("drop", "kind"), ("drop", "id"))


def targets_table(plan: Plan, targets: Sequence[Target], lang: str,
                  width: int | None = None) -> Table:
    cells: dict[str, list[str]] = {key: [] for key in TARGET_COLUMNS}
    for t in targets:
        goal = str(t.due or plan.end) if t.kind is Kind.MILESTONE else \
            value_text(t.target, t, lang)
        for key, value in zip(TARGET_COLUMNS, (t.id, t.name, kind_name(t.kind.value, lang),
                                               goal, t.section, t.owner), strict=True):
            cells[key].append(safe.plain(value))
    columns = [Column(key, word(key, lang), {"full": cells[key]},
                      "right" if key == "target" else "left", flex=key == "name")
               for key in TARGET_COLUMNS]
    layout = fit_columns(columns, TARGET_STEPS, width)
    return fitted_table(safe.plain(plan.title), columns, [{}] * len(targets), layout)


def print_targets(console: Console, plan: Plan, targets: Sequence[Target], lang: str,
                  wide: bool = False) -> None:
    width = available_width(console, wide)
    print_table(console, targets_table(plan, targets, lang, width), width)


def print_lines(console: Console, lines: Sequence[str]) -> None:
    """Lines of text, one per item (escape sequences and control characters removed): in a
    terminal wrapped to its width; in a pipe or a file exactly one line each, for scripts."""
    if available_width(console) is None:
        for line in lines:
            console.file.write(safe.plain(line) + "\n")
        return
    for line in lines:
        console.print(Text(safe.plain(line)))


def owners_table(report: StatusReport, lang: str, width: int | None) -> Table:
    """`owners` in the terminal: the league table fitted to `width` cells."""
    rows = league(report)
    cells = [owner_cells(row, lang) for row in rows]
    columns = [Column(key, word(key, lang), {"full": [safe.plain(c[key]) for c in cells]},
                      "right" if key in OWNER_NUMBERS else "left", flex=key == "owner")
               for key in OWNER_COLUMNS]
    styles = [{s.value: STATUS_STYLE[s] for s in Status if row.counts[s]} for row in rows]
    title = f"{word('league', lang)}  {month_heading(str(report.as_of.period), lang)}"
    return fitted_table(title, columns, styles, fit_columns(columns, (("drop", "none"),), width))
