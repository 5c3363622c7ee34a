"""Charts for the HTML report, drawn by matplotlib as SVG (imported only on this path).

Text stays text (`svg.fonttype: none`), so Chinese is drawn in the reader's own fonts
and can be searched and copied; nothing is fetched. User text is set with maths parsing
off, so `$…$` in a name is literal, and matplotlib escapes it as XML. Each bar carries an
id (`pace-<target id>`, `unit-<n>-<colour>`, …) that tests count; ids are target ids,
which are letters, digits, `_` and `-` only. The namespaces and metadata matplotlib
writes for a stand-alone SVG file are dropped: inline in HTML they are not needed, and
the page then names no web address at all.
"""

from __future__ import annotations

import io
import re
import warnings
from collections.abc import Sequence
from typing import Any

from ...core.model import RATE_KINDS, STATUS_ORDER, Kind, MonthStatus, Status
from ...core.report import ReportRow
from ...core.supervision import OwnerRow
from ...i18n.words import status_label, word
from .. import safe

# The report's colours: strong enough for a bar, readable under black text.
COLOURS = {Status.BLUE: "#2f6fb3", Status.GREEN: "#3c9a4a", Status.YELLOW: "#e0b000",
           Status.RED: "#cc3333", Status.NONE: "#9e9e9e"}
FONTS = ["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC",
         "SimHei", "WenQuanYi Micro Hei", "DejaVu Sans", "sans-serif"]
_NAMESPACES = re.compile(r'\s+xmlns(:\w+)?="[^"]*"')
_METADATA = re.compile(r"<metadata>.*?</metadata>\s*", re.DOTALL)


def _pyplot() -> Any:
    # matplotlib (with numpy) takes 0.5 s to import: only the HTML report draws charts.
    import matplotlib

    matplotlib.use("svg")
    import matplotlib.pyplot as plt

    matplotlib.rcParams.update({
        "svg.fonttype": "none", "text.parse_math": False, "font.family": "sans-serif",
        "font.sans-serif": FONTS, "font.size": 10, "svg.hashsalt": "kpitrack",
        "axes.spines.top": False, "axes.spines.right": False})
    # matplotlib measures text with its own fonts, which may lack Chinese glyphs; the
    # browser draws them, so the warnings say nothing to the reader.
    matplotlib.set_loglevel("ERROR")
    warnings.filterwarnings("ignore", message="Glyph .* missing from font")
    warnings.filterwarnings("ignore", message=".*missing from current font")
    return plt


def _svg(fig: Any) -> str:
    out = io.StringIO()
    # A tight box around what was drawn: twice as quick here as a constrained layout.
    fig.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
    _pyplot().close(fig)
    text = out.getvalue()
    text = text[text.index("<svg"):]
    return _METADATA.sub("", _NAMESPACES.sub("", text))


def colours_chart(summary: dict[Status, int], lang: str) -> str:
    """The four colours: how many targets are each colour."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(7, 2.2))
    labels = [status_label(s, lang) for s in STATUS_ORDER]
    counts = [summary.get(s, 0) for s in STATUS_ORDER]
    bars = ax.barh(labels[::-1], counts[::-1],
                   color=[COLOURS[s] for s in STATUS_ORDER][::-1])
    for bar, status, count in zip(bars, STATUS_ORDER[::-1], counts[::-1], strict=True):
        bar.set_gid(f"colour-{status.value}")
        ax.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {count}",
                va="center")
    ax.set_xlabel(word("count", lang))
    ax.xaxis.get_major_locator().set_params(integer=True)
    return _svg(fig)


def chart_value(row: ReportRow) -> tuple[float, float] | None:
    """(bar, mark) in percent: completion against time progress, or for growth and
    threshold targets the figure as a percent of its target against the target line."""
    ev = row.ev
    if row.target.kind is Kind.MILESTONE:
        return None
    if ev.completion is not None and ev.time_progress is not None:
        return ev.completion, ev.time_progress
    if row.target.kind in RATE_KINDS and row.trend and \
            row.trend[-1] is not None and ev.actual is not None:
        return row.trend[-1], 100.0
    return None


def pace_chart(rows: Sequence[ReportRow], lang: str) -> str:
    """Every target against the calendar (the war-room chart) for one section: each
    target's bar against its mark (│)."""
    plt = _pyplot()
    charted = [(row, value) for row in rows if (value := chart_value(row)) is not None]
    fig, ax = plt.subplots(figsize=(9, 0.42 * len(charted) + 0.9))
    names = [_label(row.target.name) for row, _ in charted][::-1]
    top = max([120.0] + [min(v[0], 200.0) for _, v in charted])
    shown = charted[::-1]
    positions = range(len(shown))
    bars = ax.barh(positions, [min(v[0], 200.0) for _, v in shown], height=0.6,
                   color=[COLOURS[row.status] for row, _ in shown])
    for bar, (row, _) in zip(bars, shown, strict=True):
        bar.set_gid(f"pace-{row.target.id}")
    ax.vlines([v[1] for _, v in shown], [p - 0.4 for p in positions],
              [p + 0.4 for p in positions], color="#222222", linewidth=2)
    ax.bar_label(bars, labels=[f" {v[0]:.1f}%" for _, v in shown], fontsize=8)
    ax.set_yticks(positions, names)
    ax.set_xlim(0, top * 1.12)
    ax.set_xlabel(word("pace_axis", lang))
    return _svg(fig)


def owners_chart(units: Sequence[OwnerRow], lang: str) -> str:
    """The responsible units: each unit's targets by colour, stacked."""
    plt = _pyplot()
    fig, ax = plt.subplots(figsize=(9, 0.38 * len(units) + 0.9))
    names = [_label(unit.owner or word("unassigned", lang)) for unit in units][::-1]
    left = [0] * len(units)
    for status in STATUS_ORDER:
        counts = [unit.counts[status] for unit in units][::-1]
        bars = ax.barh(names, counts, left=left, color=COLOURS[status],
                       label=status_label(status, lang))
        for index, bar in enumerate(bars):
            bar.set_gid(f"unit-{len(units) - index}-{status.value}")
        left = [a + b for a, b in zip(left, counts, strict=True)]
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(loc="lower right", fontsize=8)
    return _svg(fig)


def history_chart(row: ReportRow, months: Sequence[MonthStatus], lang: str) -> str:
    """A red item under supervision: its month-by-month completion against the plan line."""
    plt = _pyplot()
    rate = row.target.kind in RATE_KINDS
    fig, ax = plt.subplots(figsize=(6, 2.4))
    labels = [str(m.period)[2:] for m in months]
    values = [m.trend_value for m in months]
    plan = [100.0 if rate else m.time_progress for m in months]
    ax.plot(labels, [p if p is not None else float("nan") for p in plan], color="#222222",
            linestyle="--", label=word("target" if rate else "time_progress", lang))
    line = ax.plot(labels, [v if v is not None else float("nan") for v in values],
                   color=COLOURS[Status.RED], marker="o",
                   label=word("trend_rate" if rate else "completion", lang))
    line[0].set_gid(f"history-{row.target.id}")
    ax.set_ylabel("%")
    ax.legend(fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    return _svg(fig)


def _label(text: str) -> str:
    """A name as a chart label: one line, not too long to read."""
    text = safe.plain(text)
    return text if len(text) <= 24 else text[:23] + "…"
