"""`show TARGET`: definition, figures, colour history, a chart and one plain sentence."""

from __future__ import annotations

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ...core.errors import place
from ...core.model import RATE_KINDS, Actual, Detail, Direction, Kind, MonthStatus, Status, Target
from ...core.period import Period
from ...i18n.words import (
    joined,
    kind_name,
    month_heading,
    month_of_year,
    status_label,
    status_short,
    word,
)
from .. import safe
from ..cells import one_decimal, record_text, signed, status_text, value_text
from ..story import baseline_text, story
from .console import STATUS_STYLE
from .layout import Column, available_width, fit
from .table import fitted_table, print_table

CHART_WIDTH = 30


# ── the terminal view ───────────────────────────────────────────────────────────


def chart_lines(detail: Detail, lang: str) -> list[tuple[str, Status, str, int | None, str]]:
    """Per month: label, status, bar, plan marker position and the figures beside it.

    The bar is completion (or, for a rate, the figure as a percent of its target);
    the marker is where the plan says it should be. Both read without colour.
    """
    t = detail.evaluation.target
    rate = t.kind in RATE_KINDS
    points = []
    for m in detail.months:
        value = m.trend_value
        plan = 100.0 if rate else m.time_progress
        points.append((m, value, plan))
    top = max([100.0] + [v for _, v, _ in points if v is not None]
              + [p for _, _, p in points if p is not None])
    lines = []
    for m, value, plan in points:
        bar = ["░"] * CHART_WIDTH
        if value is not None:
            filled = round(min(value, top) / top * CHART_WIDTH)
            for i in range(filled):
                bar[i] = "█"
        marker = None
        if plan is not None and value is not None:
            marker = min(round(plan / top * CHART_WIDTH), CHART_WIDTH - 1)
            bar[marker] = "│"
        if value is None:
            figures = _no_bar_text(m, detail, lang)
        elif rate:
            goal, shown = value_text(t.target, t, lang), value_text(m.actual, t, lang)
            figures = f"{shown} / {word('target', lang)} {goal}"
        else:
            figures = f"{one_decimal(value)}% / {one_decimal(plan)}%"
        lines.append((_label(m.period, detail, lang), m.status, "".join(bar), marker, figures))
    return lines


def _no_bar_text(m: MonthStatus, detail: Detail, lang: str) -> str:
    ev = detail.evaluation
    if ev.target.kind is Kind.MILESTONE and ev.done and ev.done_date and \
            m.period >= Period.of(ev.done_date):
        return word("done", lang)
    return "" if m.status is not Status.NONE else status_label(Status.NONE, lang)


def _label(period: Period, detail: Detail, lang: str) -> str:
    single_year = detail.plan.start.year == detail.plan.end.year
    return month_of_year(str(period), lang) if single_year else str(period)


def show_renderable(detail: Detail, lang: str, width: int | None = None) -> Group:
    """`show` in the terminal, its figures table fitted to `width` cells (None: any)."""
    ev = detail.evaluation
    t = ev.target
    title = Text(f"{safe.plain(t.name)}  [{safe.plain(t.id)}]  ", style="bold")
    title.append(status_text(ev, lang), style=STATUS_STYLE[ev.status])
    title.append(f"  {month_heading(str(detail.as_of.period), lang)}")

    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column(overflow="fold")
    for key, value in _facts(detail, lang):
        facts.add_row(word(key, lang), Text(safe.plain(value)))

    sentence = Text(safe.plain(story(detail, lang)), style="bold")

    chart = Table(title=Text(word("chart_title", lang), style="table.title"),
                  title_justify="left", box=None,
                  pad_edge=False, show_header=False)
    chart.add_column(justify="right", no_wrap=True)
    chart.add_column(no_wrap=True)
    chart.add_column(no_wrap=True)
    chart.add_column(no_wrap=True)
    chart.add_column(justify="right", no_wrap=True)
    chart.add_column(no_wrap=True)
    for (label, status, bar, _marker, figures), month in zip(chart_lines(detail, lang),
                                                             detail.months, strict=True):
        streak_mark = "" if month.status is not Status.RED else "●"
        chart.add_row(label, Text(status_short(status, lang), style=STATUS_STYLE[status]),
                      Text(bar, style=STATUS_STYLE[status]), Text(safe.plain(figures)),
                      Text(signed(month.gap)),
                      streak_mark)
    chart_note = Text(word("chart_note_rate" if t.kind in RATE_KINDS
                           else "chart_note", lang), style="dim")

    return Group(title, facts, Text(""), sentence, Text(""), chart, chart_note, Text(""),
                 *figures_block(detail, lang, width))


FIGURE_COLUMNS = ("period", "value", "recorded", "by", "note", "source", "where", "flags")
# The long columns leave the table first, for a line of their own under it.
FIGURE_STEPS = (("drop", "source"), ("drop", "where"), ("drop", "note"), ("drop", "recorded"),
                ("drop", "by"))
_MOVABLE = ("note", "source", "where")


def figures_block(detail: Detail, lang: str, width: int | None) -> list[RenderableType]:
    """Every figure, one line each; what does not fit beside it is listed under the table,
    one line per figure."""
    title = word("figures_title", lang)
    if not detail.records:
        return [Text(title, style="italic"), Text(word("no_figures", lang))]
    t = detail.evaluation.target
    taken = frozenset(r.period for r in detail.records if r.withdrawn)
    rows = [_figure_cells(r, c, t, lang, taken)
            for r, c in zip(detail.records, detail.counts, strict=True)]
    columns = [Column(key, word(key, lang), {"full": [safe.plain(row[i]) for row in rows]},
                      "right" if key == "value" else "left", flex=key == "note")
               for i, key in enumerate(FIGURE_COLUMNS)]
    layout = fit(columns, FIGURE_STEPS, width, flex_min=8)
    styles = [{key: "" if counts else "dim strike" for key in FIGURE_COLUMNS}
              for counts in detail.counts]
    out: list[RenderableType] = [fitted_table(title, columns, styles, layout)]
    moved = [FIGURE_COLUMNS.index(k) for k in _MOVABLE if not layout.keeps(k)]
    for row in rows:
        extra = " · ".join(safe.plain(row[i]) for i in moved if row[i])
        if extra:
            out.append(Text(f"  {row[0]} {safe.plain(row[1])}  {extra}", style="dim"))
    return out


def _facts(detail: Detail, lang: str) -> list[tuple[str, str]]:
    t = detail.evaluation.target
    ev = detail.evaluation
    out = [("section", t.section), ("kind", kind_name(t.kind.value, lang))]
    if t.kind is Kind.MILESTONE:
        out.append(("due", str(ev.due)))
    else:
        goal = value_text(t.target, t, lang)
        if t.direction is Direction.DOWN:
            goal += " (≤)"
        out.append(("target", goal))
    if ev.baseline is not None and ev.baseline_from is not None:
        out.append(("baseline", baseline_text(detail, lang)))
    if t.last_year is not None:
        out.append(("last_year", value_text(t.last_year, t, lang)))
    out += [("owner", t.owner), ("frequency", word(f"freq_{t.frequency.value}", lang))]
    if t.quote:
        out.append(("quote", f"“{t.quote}”"))
    return [(k, v) for k, v in out if v]


def _figure_cells(record: Actual, counts: bool, target: Target, lang: str,
                  withdrawn_periods: frozenset[Period] = frozenset()) -> list[str]:
    flags = []
    if record.withdrawn:
        flags.append(word("withdrawal", lang))
    if record.correction:
        flags.append(word("correction", lang))
    if not counts and not record.withdrawn:
        # Taken back by a withdrawal in its month, else replaced by a correction.
        flags.append(word("taken_back" if record.period in withdrawn_periods else
                          "superseded", lang))
    if record.example:
        flags.append(word("example", lang))
    recorded = record.recorded.strftime("%Y-%m-%d %H:%M") if record.recorded else ""
    return [str(record.period), record_text(record, target, lang), recorded, record.by,
            record.note, record.source, place(record.file, record.line), joined(flags, lang)]


def print_show(console: Console, detail: Detail, lang: str, wide: bool = False) -> None:
    width = available_width(console, wide)
    print_table(console, show_renderable(detail, lang, width), width)
