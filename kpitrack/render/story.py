"""`show`'s plain sentence about one target: where it stands, its forecast and the pace
needed, how long it has been red. The terminal view and `show --format json` both say it."""

from __future__ import annotations

from ..core import trends
from ..core.model import RATE_KINDS, BaselineFrom, Detail, Direction, Evaluation, Kind
from ..core.period import Period
from ..i18n.reports import Say
from ..i18n.words import Word, month_name, status_short
from .cells import amount, figure, one_decimal, value_text


def story(detail: Detail, lang: str) -> str:
    """Where the target stands, its forecast and the pace needed, in one or two sentences."""
    ev = detail.evaluation
    parts = [_standing(detail, ev, lang)]
    streak = trends.red_streak(detail.months)
    since = trends.red_since(detail.months)
    if streak and since is not None:
        parts.append(Say.STORY_RED_STREAK.text(lang, n=streak,
                                               since=month_name(str(since), lang)))
    before = trends.previous_status(detail.months)
    if trends.change(detail.months) and before is not None:
        parts.append(Say.STORY_CHANGED.text(lang, before=status_short(before, lang),
                                            now=status_short(ev.status, lang)))
    if ev.stale and ev.period:
        parts.append(Say.STORY_STALE.text(lang, period=month_name(str(ev.period), lang)))
    if ev.uncapped is not None:
        parts.append(Say.STORY_CAPPED.text(lang, uncapped=status_short(ev.uncapped, lang),
                                           cap=status_short(ev.status, lang)))
    if ev.met:
        parts.append(Say.STORY_MET.text(lang))
    first = first_figure_period(detail)
    if ev.baseline_assumed and ev.baseline is not None and first is not None:
        baseline = _spaced(figure(ev.baseline), ev.target.unit, lang)
        parts.append(Say.STORY_BASELINE.text(lang, baseline=baseline,
                                             month=month_name(str(first), lang)))
    return Word.SENTENCE_SEPARATOR.text(lang).join(parts)


def first_figure_period(detail: Detail) -> Period | None:
    """The month of the first figure that counts (an assumed baseline's month)."""
    months = [record.period for record, counts in zip(detail.records, detail.counts,
                                                      strict=True)
              if counts and record.value is not None and not record.withdrawn]
    return min(months) if months else None


def baseline_text(detail: Detail, lang: str) -> str:
    """A level target's baseline and where it came from (the first figure: assumed)."""
    ev = detail.evaluation
    value = value_text(ev.baseline, ev.target, lang)
    if ev.baseline_from is BaselineFrom.LAST_YEAR:
        return Word.BASELINE_LAST_YEAR.text(lang, value=value)
    if ev.baseline_from is BaselineFrom.FIRST_FIGURE:
        first = first_figure_period(detail)
        return Word.BASELINE_FIRST.text(lang, value=value,
                                        month=month_name(str(first), lang) if first else "")
    return Word.BASELINE_SET.text(lang, value=value)


def _spaced(text: str, unit: str, lang: str) -> str:
    """A figure and its unit as the story writes them, a percentage too: spaced in
    English (`620 %`), set together in Chinese; the figure alone when there is no unit."""
    return Word.WITH_UNIT.text(lang, value=text, unit=unit) if unit else text


def _standing(detail: Detail, ev: Evaluation, lang: str) -> str:
    t = ev.target
    if t.kind is Kind.MILESTONE:
        return _milestone_standing(detail, ev, lang)
    if ev.actual is None:
        return Say.STORY_NO_FIGURE.text(lang)
    if t.kind in RATE_KINDS:
        return _rate_standing(ev, lang)
    goal = t.target or 0.0
    unit = t.unit
    forecast = amount(ev.forecast, unit, lang)
    share = f"{one_decimal(100.0 * ev.forecast / goal)}%" if ev.forecast is not None and goal \
        else ""
    needed = amount(ev.needed_per_month, unit, lang)
    if t.kind is Kind.LEVEL:
        level = Say.STORY_LEVEL
        if needed:
            level = Say.STORY_LEVEL_RISE_NEEDED if t.direction is Direction.UP \
                else Say.STORY_LEVEL_FALL_NEEDED
        return level.text(lang, forecast=forecast, goal=_spaced(figure(goal), unit, lang),
                          needed=needed)
    if not forecast:
        return Say.STORY_TOO_EARLY.text(lang)
    if needed:
        return Say.STORY_FORECAST_NEEDED.text(lang, forecast=forecast, share=share,
                                              needed=needed)
    if ev.actual >= goal and t.direction is Direction.UP:
        return Say.STORY_FORECAST_MET.text(lang, forecast=forecast, share=share)
    return Say.STORY_FORECAST.text(lang, forecast=forecast, share=share)


def _rate_standing(ev: Evaluation, lang: str) -> str:
    t = ev.target
    actual, goal = value_text(ev.actual, t, lang), value_text(t.target, t, lang)
    gap = ev.gap or 0.0
    size = one_decimal(abs(gap))
    if size == "0.0":
        return Say.STORY_RATE_LEVEL.text(lang, actual=actual, goal=goal)
    # A rate in percent is off by points; any other unit follows the figure as it is.
    off = Word.POINTS.text(lang, size=size) if t.unit in ("%", "") else size + t.unit
    side = Say.STORY_RATE_AHEAD if gap > 0 else Say.STORY_RATE_BEHIND
    return side.text(lang, actual=actual, goal=goal, gap=off)


def _milestone_standing(detail: Detail, ev: Evaluation, lang: str) -> str:
    due = ev.due
    assert due is not None
    if ev.done and ev.done_date:
        days = (due - ev.done_date).days
        when = Say.STORY_DONE_EARLY if days > 0 else \
            Say.STORY_DONE_ON_TIME if days == 0 else Say.STORY_DONE_LATE
        return when.text(lang, date=ev.done_date, due=due, n=abs(days))
    left = (due - detail.as_of.day).days
    if left < 0:
        return Say.STORY_OVERDUE.text(lang, due=due, n=-left)
    if ev.completion is not None:
        return Say.STORY_DUE_PROGRESS.text(lang, due=due, n=left,
                                           done=one_decimal(ev.completion),
                                           time=one_decimal(ev.time_progress))
    if ev.done is None:
        return Say.STORY_DUE_NO_PROGRESS.text(lang, due=due, n=left)
    return Say.STORY_DUE.text(lang, due=due, n=left)
