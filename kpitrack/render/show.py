"""`show TARGET`: definition, figures, colour history, a chart and one plain sentence."""

from __future__ import annotations

from .. import trends
from ..labels import STATUS_SHORT, STATUS_STYLE, kind_name, month_heading, status_label, word
from ..model import (
    Actual,
    Detail,
    Direction,
    Evaluation,
    Kind,
    MonthStatus,
    Period,
    Status,
    Target,
    place,
)
from ..report import ReportRow
from . import text as safe
from .rows import (
    JSON_SCHEMA,
    amount,
    figure,
    json_row,
    one_decimal,
    record_text,
    signed,
    target_json,
    value_text,
)

CHART_WIDTH = 30


# ── the plain sentence ──────────────────────────────────────────────────────────


def story(detail: Detail, lang: str) -> str:
    """Where the target stands, its forecast and the pace needed, in one or two sentences."""
    ev = detail.evaluation
    parts = [_standing(detail, ev, lang)]
    streak = trends.red_streak(detail.months)
    if streak:
        since = trends.red_since(detail.months)
        parts.append(f"已连续{streak}个月红色（自{_month(since, 'zh')}起）。" if lang == "zh"
                     else f"Red for {streak} month(s) in a row, since {since}.")
    before = trends.previous_status(detail.months)
    if trends.change(detail.months) and before is not None:
        parts.append(f"较上月由{STATUS_SHORT['zh'][before]}转为{STATUS_SHORT['zh'][ev.status]}。"
                     if lang == "zh" else
                     f"Changed from {STATUS_SHORT['en'][before]} to "
                     f"{STATUS_SHORT['en'][ev.status]} since last month.")
    if ev.stale and ev.period:
        parts.append(f"最新数据为{_month(ev.period, 'zh')}，未按期更新。" if lang == "zh" else
                     f"The latest figure is for {ev.period}; it is out of date.")
    if ev.baseline_assumed and ev.baseline is not None:
        unit = ev.target.unit
        parts.append(f"基数取首次报送值{figure(ev.baseline)}{unit}。" if lang == "zh" else
                     f"The baseline is the first figure, {figure(ev.baseline)} {unit}.".replace(
                         " .", "."))
    return "".join(parts) if lang == "zh" else " ".join(parts)


def _standing(detail: Detail, ev: Evaluation, lang: str) -> str:
    t = ev.target
    zh = lang == "zh"
    if t.kind is Kind.MILESTONE:
        return _milestone_standing(detail, ev, lang)
    if ev.actual is None:
        return "尚无数据报送。" if zh else "No figure has been reported yet."
    if t.kind in (Kind.GROWTH, Kind.THRESHOLD):
        return _rate_standing(ev, lang)
    goal = t.target or 0.0
    unit = t.unit
    forecast = amount(ev.forecast, unit, lang)
    share = f"{one_decimal(100.0 * ev.forecast / goal)}%" if ev.forecast is not None and goal \
        else ""
    needed = amount(ev.needed_per_month, unit, lang)
    if t.kind is Kind.LEVEL:
        verb = ("净增" if t.direction is Direction.UP else "减少") if zh else \
            ("a net rise of" if t.direction is Direction.UP else "a fall of")
        text = (f"按当前进度预计年末达到{forecast}（目标{figure(goal)}{unit}）" if zh else
                f"At the current pace the year ends at {forecast} (target "
                f"{figure(goal)} {unit}).".replace(" )", ")"))
        if needed:
            text += f"；需月均{verb}{needed}" if zh else f" It needs {verb} {needed} a month."
        return text + ("。" if zh else "")
    if not forecast:
        return "时序进度为零，暂无法预计全年。" if zh else "Too early in the plan to forecast."
    text = (f"按当前进度预计全年完成{forecast}（{share}）" if zh else
            f"At the current pace the year ends at {forecast} ({share} of target).")
    if needed:
        text += f"；需月均完成{needed}" if zh else f" It needs {needed} a month."
    elif ev.actual >= goal and t.direction is Direction.UP:
        text += "；已完成全年目标" if zh else " The year's target is already met."
    return text + ("。" if zh else "")


def _rate_standing(ev: Evaluation, lang: str) -> str:
    t = ev.target
    zh = lang == "zh"
    pct = t.unit in ("%", "")
    unit = ("个百分点" if zh else " points") if pct else t.unit
    actual, goal = value_text(ev.actual, t, lang), value_text(t.target, t, lang)
    gap = ev.gap or 0.0
    size = one_decimal(abs(gap))
    if zh:
        if size == "0.0":
            return f"最新为{actual}，与目标{goal}持平。"
        better = "优于" if gap > 0 else "落后"
        return f"最新为{actual}，目标{goal}，{better}目标{size}{unit}。"
    if size == "0.0":
        return f"The latest figure is {actual}, level with the target of {goal}."
    side = "ahead of" if gap > 0 else "behind"
    return f"The latest figure is {actual}, {size}{unit} {side} the target of {goal}."


def _milestone_standing(detail: Detail, ev: Evaluation, lang: str) -> str:
    zh = lang == "zh"
    due = ev.due
    assert due is not None
    if ev.done and ev.done_date:
        days = (due - ev.done_date).days
        if zh:
            when = f"提前{days}天" if days > 0 else ("按期" if days == 0 else f"超期{-days}天")
            return f"已于{ev.done_date}完成（期限{due}，{when}）。"
        when = (f"{days} days early" if days > 0 else
                "on the due date" if days == 0 else f"{-days} days late")
        return f"Done on {ev.done_date} (due {due}, {when})."
    left = (due - detail.as_of.day).days
    if left < 0:
        return (f"期限{due}已过{-left}天，尚未完成。" if zh else
                f"Not done, {-left} days past the due date {due}.")
    text = (f"期限{due}，距期限还有{left}天" if zh else f"Due {due}, in {left} days")
    if ev.completion is not None:
        text += (f"；已完成{one_decimal(ev.completion)}%，时序进度{one_decimal(ev.time_progress)}%"
                 if zh else f"; {one_decimal(ev.completion)}% done against "
                 f"{one_decimal(ev.time_progress)}% of the time")
    elif ev.done is None:
        text += "；尚无进展报送" if zh else "; no progress reported yet"
    return text + ("。" if zh else ".")


def _month(period: Period | None, lang: str) -> str:
    if period is None:
        return ""
    return f"{period.year}年{period.month}月" if lang == "zh" else str(period)


# ── JSON ────────────────────────────────────────────────────────────────────────


def figure_json(record: Actual, counts: bool) -> dict:
    return {
        "period": str(record.period), "value": record.value, "done": record.done,
        "date": record.date.isoformat() if record.date else None,
        "recorded": record.recorded.isoformat() if record.recorded else None,
        "by": record.by, "note": record.note, "source": record.source,
        "correction": record.correction, "example": record.example, "counts": counts,
        "withdrawn": record.withdrawn,
        "file": record.file, "line": record.line,
    }


def month_json(month: MonthStatus) -> dict:
    return {"period": str(month.period), "status": month.status.value,
            "completion": month.completion, "gap": month.gap, "actual": month.actual,
            "time_progress": month.time_progress}


def show_json(detail: Detail, lang: str) -> dict:
    plan = detail.plan
    since = trends.red_since(detail.months)
    return {
        "schema": JSON_SCHEMA,
        "as_of": str(detail.as_of.period),
        "plan": {"title": plan.title, "start": plan.start.isoformat(),
                 "end": plan.end.isoformat()},
        "target": target_json(detail.evaluation.target),
        "evaluation": json_row(ReportRow.of(detail.evaluation, detail.months)),
        "figures": [figure_json(r, c) for r, c in zip(detail.records, detail.counts,
                                                      strict=True)],
        "history": [month_json(m) for m in detail.months],
        "red_months": trends.red_streak(detail.months),
        "red_since": str(since) if since else None,
        "story": story(detail, lang),
    }


# ── the terminal view ───────────────────────────────────────────────────────────


def chart_lines(detail: Detail, lang: str) -> list[tuple[str, Status, str, int | None, str]]:
    """Per month: label, status, bar, plan marker position and the figures beside it.

    The bar is completion (or, for a rate, the figure as a percent of its target);
    the marker is where the plan says it should be. Both read without colour.
    """
    t = detail.evaluation.target
    rate = t.kind in (Kind.GROWTH, Kind.THRESHOLD)
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
    if single_year and lang == "zh":
        return f"{period.month}月"
    return str(period)


def show_renderable(detail: Detail, lang: str, width: int | None = None):
    """`show` in the terminal, its figures table fitted to `width` cells (None: any)."""
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    ev = detail.evaluation
    t = ev.target
    title = Text(f"{safe.plain(t.name)}  [{safe.plain(t.id)}]  ", style="bold")
    title.append(status_label(ev.status, lang), style=STATUS_STYLE[ev.status])
    title.append(f"  {month_heading(str(detail.as_of.period), lang)}")

    facts = Table.grid(padding=(0, 2))
    facts.add_column(style="dim", no_wrap=True)
    facts.add_column(overflow="fold")
    for key, value in _facts(detail, lang):
        facts.add_row(word(key, lang), Text(safe.plain(value)))

    sentence = Text(story(detail, lang), style="bold")

    chart = Table(title=word("chart_title", lang), title_justify="left", box=None,
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
        chart.add_row(label, Text(STATUS_SHORT[lang][status], style=STATUS_STYLE[status]),
                      Text(bar, style=STATUS_STYLE[status]), figures, signed(month.gap),
                      streak_mark)
    chart_note = Text(word("chart_note_rate" if t.kind in (Kind.GROWTH, Kind.THRESHOLD)
                           else "chart_note", lang), style="dim")

    return Group(title, facts, Text(""), sentence, Text(""), chart, chart_note, Text(""),
                 *figures_block(detail, lang, width))


FIGURE_COLUMNS = ("period", "value", "recorded", "by", "note", "source", "where", "flags")
# The long columns leave the table first, for a line of their own under it.
FIGURE_STEPS = (("drop", "source"), ("drop", "where"), ("drop", "note"), ("drop", "recorded"),
                ("drop", "by"))
_MOVABLE = ("note", "source", "where")


def figures_block(detail: Detail, lang: str, width: int | None) -> list:
    """Every figure, one line each; what does not fit beside it is listed under the table,
    one line per figure."""
    from rich.text import Text

    from .layout import Column, fit
    from .table import fitted_table

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
    out: list = [fitted_table(title, columns, styles, layout)]
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
    if t.baseline is not None:
        out.append(("baseline", value_text(t.baseline, t, lang)))
    if t.last_year is not None:
        out.append(("last_year", value_text(t.last_year, t, lang)))
    out += [("owner", t.owner), ("frequency", word(f"freq_{t.frequency.value}", lang))]
    if t.quote:
        out.append(("quote", f"“{t.quote}”"))
    return [(k, v) for k, v in out if v]


def _figure_cells(record: Actual, counts: bool, target: Target, lang: str,
                  withdrawn_periods: frozenset = frozenset()) -> list[str]:
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
    sep = "，" if lang == "zh" else ", "
    return [str(record.period), record_text(record, target, lang), recorded, record.by,
            record.note, record.source, place(record.file, record.line), sep.join(flags)]


def print_show(console, detail: Detail, lang: str, wide: bool = False) -> None:
    from .layout import available_width
    from .table import print_table

    width = available_width(console, wide)
    print_table(console, show_renderable(detail, lang, width), width)
