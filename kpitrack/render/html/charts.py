"""Charts for the HTML report, as inline SVG from jinja2 templates (autoescaped).

Nothing is scaled: every chart is `width="100%"` with no viewBox, so its text is drawn
at the size written here (13 px, figures 12 px) on a 390 px phone as on a desktop, and
stays text (searchable, copied, drawn in the reader's own fonts). Across, positions are
percentages of the chart's width (bars, marks, months); down, pixels. A row of a bar
chart has a text line (the name at the left, its figures at the right, or on a line of
their own when the two would not fit a phone's width) above a band that holds only the
bar and its mark, so a mark never crosses a label. Every bar's colour is also said in
words beside it (the status's short word). Growth and threshold targets are drawn in
their own unit against their target, each on its own scale, since they share no scale
with a completion. Each bar carries an id (`pace-<target id>`, `unit-<n>-<colour>`, …) that
tests count; ids are target ids, which are letters, digits, `_` and `-` only.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from typing import Any

from ...core.model import RATE_KINDS, STATUS_ORDER, Kind, MonthStatus, Status
from ...core.report import ReportRow
from ...core.supervision import OwnerRow
from ...i18n.reports import Say
from ...i18n.words import Word, month_of_year, status_label, status_short, word
from ..cells import one_decimal, shown_unit, value_text

# The report's colours: strong enough for a bar, readable under black text.
COLOURS = {Status.BLUE: "#2f6fb3", Status.GREEN: "#3c9a4a", Status.YELLOW: "#e0b000",
           Status.RED: "#cc3333", Status.NONE: "#9e9e9e"}
INK = "#222222"
FONT = 13  # px: names
SMALL = 12  # px: figures, months; the least any chart text is drawn at
# The widest a text line may be and still fit a chart on a 390 px phone (the page's
# margins and the figure's taken off).
NARROW = 330
LINE = 18  # a text line's height
BAND = 14  # the bar's band: the bar 10 px, the mark 2 px above and below
GAP = 10  # between rows
CHUNK = 12  # rows in one SVG of a bar chart
TOP_PERCENT = 200.0  # a completion above this is drawn to here (its figure says how far)
# History charts: their height, the plot's top and bottom, the room for the y labels.
HISTORY_HEIGHT = 176
PLOT_TOP, PLOT_BOTTOM = 14, 150
Y_LABELS = 44  # px at the left, for the percentage labels
MONTHS_SPAN = (2.0, 80.0)  # the months spread over this share of the rest, in percent

TEMPLATES = """
{%- macro bars(chart) -%}
<svg class="chart" width="100%" height="{{ chart.height }}" font-size="{{ font }}"
 role="img" aria-label="{{ chart.title }}">
{%- for row in chart.rows %}
<g>{% if row.zero is not none %}<line x1="{{ row.zero }}%" x2="{{ row.zero }}%" y1="{{
 row.bar_y }}" y2="{{ row.bar_y + band }}" stroke="#888" stroke-width="1"/>{% endif %}
{%- for s in row.segments %}<rect{% if s.id %} id="{{ s.id }}"{% endif %} x="{{ s.x }}%" y="{{
 row.bar_y + 2 }}" width="{{ s.width }}%" height="{{ band - 4 }}" fill="{{ s.colour }}"/>
{%- endfor %}
{%- if row.mark is not none %}<line class="mark" x1="{{ row.mark }}%" x2="{{ row.mark
 }}%" y1="{{ row.bar_y }}" y2="{{ row.bar_y + band }}" stroke="{{ ink }}" stroke-width="2"/>
{%- endif %}
{%- for line in row.lines %}<text x="0" y="{{ line.y }}">{{ line.text }}</text>{% endfor %}
{%- if row.value %}<text x="100%" y="{{ row.value_y }}" text-anchor="end" font-size="{{
 small }}">{{ row.value }}</text>{% endif %}</g>
{%- endfor %}
</svg>
{%- endmacro %}

{%- macro history(chart) -%}
<svg class="chart" width="100%" height="{{ height }}" font-size="{{ small }}" role="img"
 aria-label="{{ chart.title }}">
{%- for tick in chart.ticks %}
<line x1="{{ y_labels }}" x2="100%" y1="{{ tick.y }}" y2="{{ tick.y }}" stroke="#ddd"/>
<text x="{{ y_labels - 6 }}" y="{{ tick.y + 4 }}" text-anchor="end">{{ tick.text }}</text>
{%- endfor %}
<g transform="translate({{ y_labels }} 0)">
{%- for s in chart.plan %}<line x1="{{ s.x1 }}%" y1="{{ s.y1 }}" x2="{{ s.x2 }}%" y2="{{
 s.y2 }}" stroke="{{ ink }}" stroke-width="1.5" stroke-dasharray="5 3"/>{% endfor %}
<g id="history-{{ chart.id }}">
{%- for s in chart.line %}<line x1="{{ s.x1 }}%" y1="{{ s.y1 }}" x2="{{ s.x2 }}%" y2="{{
 s.y2 }}" stroke="{{ red }}" stroke-width="2"/>{% endfor %}
{%- for p in chart.points %}<circle cx="{{ p.x }}%" cy="{{ p.y }}" r="3.5" fill="{{
 p.colour }}"/>{% endfor %}
</g>
{%- for m in chart.months %}<text x="{{ m.x }}%" y="{{ height - 8 }}" text-anchor="middle">{{
 m.text }}</text>{% endfor %}
</g>
</svg>
{%- endmacro %}
"""


@cache
def environment() -> Any:
    """One jinja2 environment, escaping by default, for the page and its charts."""
    # jinja2 takes 30 ms to import: only the HTML report needs it.
    from jinja2 import Environment

    return Environment(autoescape=True, trim_blocks=False)


@cache
def _macros() -> Any:
    return environment().from_string(TEMPLATES, globals={
        "font": FONT, "small": SMALL, "band": BAND, "ink": INK, "red": COLOURS[Status.RED],
        "height": HISTORY_HEIGHT, "y_labels": Y_LABELS}).module


def text_width(text: str, size: float) -> float:
    """How wide a line of text is drawn, in px, a little generously: a Chinese character
    is as wide as the font is high, a Latin one at most about 0.62 of it."""
    return sum(size if unicodedata.east_asian_width(c) in "WF" else 0.62 * size
               for c in text)


@dataclass
class _Segment:
    x: float
    width: float
    colour: str
    id: str = ""


@dataclass
class _Row:
    label: str
    value: str
    segments: list[_Segment] = field(default_factory=list)
    mark: float | None = None
    zero: float | None = None
    lines: list[dict[str, Any]] = field(default_factory=list)
    label_y: float = 0.0
    value_y: float = 0.0
    bar_y: float = 0.0


def _wrapped(text: str, size: float, width: float) -> list[str]:
    """A name in lines no wider than `width`, broken between characters (as Chinese is);
    a name that fits is one line, as typed."""
    if text_width(text, size) <= width:
        return [text]
    lines, line = [], ""
    for char in text:
        if line and text_width(line + char, size) > width:
            lines.append(line)
            line = ""
        line += char
    return [*lines, line]


def _laid_out(rows: list[_Row]) -> tuple[list[_Row], int]:
    """Each row's lines placed one under another; the chart's height."""
    y = 0.0
    for row in rows:
        lines = _wrapped(row.label, FONT, NARROW)
        row.lines = [{"y": y + FONT + LINE * i, "text": text} for i, text in enumerate(lines)]
        row.label_y = row.lines[-1]["y"]
        together = text_width(lines[-1], FONT) + 12 + text_width(row.value, SMALL) <= NARROW
        row.value_y = row.label_y if together else row.label_y + LINE
        # the band starts below the text's descenders
        row.bar_y = row.value_y + 7
        y = row.bar_y + BAND + GAP
    return rows, int(y)


def _bars(title: str, rows: list[_Row]) -> list[str]:
    """A bar chart as SVGs of at most CHUNK rows each, so that a printed page breaks
    between them and never through a bar."""
    out = []
    for start in range(0, len(rows), CHUNK):
        chunk, height = _laid_out(rows[start:start + CHUNK])
        out.append(str(_macros().bars({"title": title, "rows": chunk, "height": height})))
    return out


def _x(value: float, top: float) -> float:
    """A value's place across the band, in percent: 0 at the left, `top` at 98%."""
    return round(98.0 * min(max(value, 0.0), top) / top, 2)


def colours_chart(summary: dict[Status, int], lang: str) -> list[str]:
    """The colours: how many targets are each colour."""
    top = max([1] + [summary.get(s, 0) for s in STATUS_ORDER])
    rows = [_Row(status_label(s, lang), Word.ITEMS.text(lang, n=summary.get(s, 0)),
                 [_Segment(0.0, _x(summary.get(s, 0), top), COLOURS[s], f"colour-{s.value}")])
            for s in STATUS_ORDER]
    return _bars(word("chart_colours", lang), rows)


def is_charted(row: ReportRow) -> bool:
    """Whether a target has a bar in its section's chart: a completion against time
    progress, or a growth or threshold target's figure against its target."""
    ev = row.ev
    if row.target.kind is Kind.MILESTONE:
        return False
    if row.target.kind in RATE_KINDS:
        return ev.actual is not None and row.target.target is not None
    return ev.completion is not None and ev.time_progress is not None


def figures(row: ReportRow, lang: str) -> tuple[str, str]:
    """The two figures a bar is drawn from, as the chart and its table write them:
    completion and time progress in percent, or a rate's figure and target in its unit."""
    ev, t = row.ev, row.target
    if t.kind in RATE_KINDS:
        return value_text(ev.actual, t, lang), value_text(t.target, t, lang)
    return one_decimal(ev.completion) + "%", one_decimal(ev.time_progress) + "%"


def figures_text(row: ReportRow, lang: str) -> str:
    """A bar's words: its colour's short word, then its figures."""
    bar, mark = figures(row, lang)
    status = status_short(row.status, lang)
    if row.target.kind in RATE_KINDS:
        return Say.CHART_RATE_FIGURES.text(lang, status=status, actual=bar, target=mark)
    return Say.CHART_PACE_FIGURES.text(lang, status=status, completion=bar, time=mark)


def pace_chart(rows: Sequence[ReportRow], lang: str) -> list[str]:
    """Every target against the calendar (the war-room chart) for one section:
    each target's bar against its mark (│)."""
    charted = [row for row in rows if is_charted(row)]
    shares = [row.ev.completion or 0.0 for row in charted if row.target.kind not in RATE_KINDS]
    top = max([120.0] + [min(v, TOP_PERCENT) for v in shares])
    out = []
    for row in charted:
        ev = row.ev
        value = figures_text(row, lang)
        colour = COLOURS[row.status]
        if row.target.kind in RATE_KINDS:
            out.append(_rate_row(row, value, colour))
            continue
        out.append(_Row(row.target.name, value,
                        [_Segment(0.0, _x(ev.completion or 0.0, top), colour,
                                  f"pace-{row.target.id}")],
                        mark=_x(ev.time_progress or 0.0, top)))
    return _bars(word("chart_pace", lang), out)


def _rate_row(row: ReportRow, value: str, colour: str) -> _Row:
    """A growth or threshold target on its own scale, in its unit: zero at the left (in
    the middle when a figure or the target is below zero), its figure as the bar, its
    target as the mark. The scale reaches at least one unit each way, so a figure of
    -0.6 against a target of 0 is a short bar, not the whole width."""
    actual, goal = row.ev.actual or 0.0, row.target.target or 0.0
    extent = max(abs(actual), abs(goal), 1.0) * 1.25
    negative = actual < 0 or goal < 0
    zero, room = (50.0, 48.0) if negative else (1.0, 97.0)

    def x(v: float) -> float:
        return round(zero + room * v / extent, 2)

    start, end = sorted((x(0.0), x(actual)))
    return _Row(row.target.name, value,
                [_Segment(start, round(end - start, 2), colour, f"pace-{row.target.id}")],
                mark=x(goal), zero=zero if negative else None)


def owners_chart(units: Sequence[OwnerRow], lang: str) -> list[str]:
    """The responsible units: each unit's targets by colour, stacked, the counts in words."""
    top = max([1] + [unit.total for unit in units])
    out = []
    for unit in units:
        left = 0.0
        segments = []
        for status in STATUS_ORDER:
            width = 98.0 * unit.counts[status] / top
            segments.append(_Segment(round(left, 2), round(width, 2), COLOURS[status],
                                     f"unit-{unit.rank}-{status.value}"))
            left += width
        counts = " ".join(Word.STATUS_COUNT.text(lang, status=status_short(s, lang),
                                                 n=unit.counts[s])
                          for s in STATUS_ORDER if unit.counts[s])
        out.append(_Row(unit.owner or word("unassigned", lang), counts, segments))
    return _bars(word("chart_units", lang), out)


def history_chart(row: ReportRow, months: Sequence[MonthStatus], lang: str) -> str:
    """A red item under supervision, month by month: completion against time progress,
    or a growth or threshold target's figure against its target, in its unit."""
    rate = row.target.kind in RATE_KINDS
    goal = row.target.target
    values = [m.actual if rate else m.trend_value for m in months]
    plan = [goal if rate else m.time_progress for m in months]
    known = [v for v in values + plan if v is not None]
    low = min([0.0, *known])
    high = max([1.0 if rate else 100.0, *known])
    span = (high - low) * 1.1 or 1.0

    def y(v: float) -> float:
        return round(PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * (v - low) / span, 1)

    first, width = MONTHS_SPAN[0], MONTHS_SPAN[1] - MONTHS_SPAN[0]
    xs = [round(first + (width * i / (len(months) - 1) if len(months) > 1 else width / 2), 2)
          for i in range(len(months))]
    labels = [month_of_year(str(m.period), lang) for m in months]
    step = _label_step(labels, xs)
    unit = shown_unit(row.target) if rate else "%"
    return str(_macros().history({
        "id": row.target.id, "title": row.target.name,
        "ticks": [{"y": y(v), "text": one_decimal(v).removesuffix(".0") + unit}
                  for v in _ticks(low, low + span)],
        "plan": _segments(xs, [None if v is None else y(v) for v in plan]),
        "line": _segments(xs, [None if v is None else y(v) for v in values]),
        "points": [{"x": x, "y": y(v), "colour": COLOURS[m.status]}
                   for x, v, m in zip(xs, values, months, strict=True) if v is not None],
        "months": [{"x": x, "text": t} for i, (x, t) in enumerate(zip(xs, labels, strict=True))
                   if (len(labels) - 1 - i) % step == 0]}))


def _segments(xs: Sequence[float], ys: Sequence[float | None]) -> list[dict[str, float]]:
    """A line through the known points, as segments (a line's points cannot be given as
    percentages; a segment's ends can)."""
    return [{"x1": xs[i], "y1": a, "x2": xs[i + 1], "y2": b}
            for i, (a, b) in enumerate(pairwise(ys)) if a is not None and b is not None]


def _label_step(labels: Sequence[str], xs: Sequence[float]) -> int:
    """Label every month, or every second, third …: as often as they fit side by side on
    a phone, where the months spread over the plot's share of NARROW − Y_LABELS px."""
    if len(xs) < 2:
        return 1
    apart = (xs[1] - xs[0]) / 100.0 * (NARROW - Y_LABELS)
    widest = max(text_width(t, SMALL) for t in labels) + 6
    step = 1
    while step * apart < widest:
        step += 1
    return step


def _ticks(low: float, high: float) -> list[float]:
    """Three to six round values from low to high for the y axis."""
    span = high - low
    step = span / 4
    for candidate in (0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 25, 50, 100, 200, 500, 1000, 2000, 5000):
        if span / candidate <= 5:
            step = float(candidate)
            break
    first = int(low // step) * step
    if first < low - 1e-9:
        first += step
    count = int((high - first) / step + 1e-9) + 1
    return [round(first + k * step, 6) for k in range(count)]
