"""`show`'s plain sentence about one target: where it stands, its forecast and the pace
needed, how long it has been red. The terminal view and `show --format json` both say it."""

from __future__ import annotations

from ..core import trends
from ..core.model import RATE_KINDS, Detail, Direction, Evaluation, Kind
from ..core.period import Period
from ..i18n.words import status_short
from .cells import amount, figure, one_decimal, value_text


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
        parts.append(f"较上月由{status_short(before, 'zh')}转为{status_short(ev.status, 'zh')}。"
                     if lang == "zh" else
                     f"Changed from {status_short(before, 'en')} to "
                     f"{status_short(ev.status, 'en')} since last month.")
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
    if t.kind in RATE_KINDS:
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
