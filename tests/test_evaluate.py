"""Every formula and band edge of SPEC.md, called on the pure core."""

from __future__ import annotations

import datetime as dt

import pytest

from kpitrack.core.errors import KpiError
from kpitrack.core.evaluate import (
    classify,
    evaluate,
    evaluate_target,
    month_statuses,
    resolve_as_of,
    select,
    time_progress,
)
from kpitrack.core.model import (
    Actual,
    AsOf,
    Bands,
    Direction,
    Frequency,
    Kind,
    MilestoneBands,
    PaceBands,
    Plan,
    Report,
    Status,
    Target,
)
from kpitrack.core.period import Period
from kpitrack.core.records import effective_records

PLAN = Plan("p", dt.date(2025, 1, 1), dt.date(2025, 12, 31))
TZ = dt.timezone(dt.timedelta(hours=8))


def target(kind: Kind = Kind.CUMULATIVE, goal: float | None = 300, **kw) -> Target:
    return Target(id=kw.pop("id", "t"), name="T", kind=kind, target=goal, **kw)


def fig(month: int, value: float | None = None, day: int = 10, seq: int = 0, **kw) -> Actual:
    recorded = dt.datetime(2025, min(month + 1, 12), day, 9, 0, tzinfo=TZ)
    return Actual(target=kw.pop("tid", "t"), period=Period(2025, month), value=value,
                  recorded=recorded, seq=seq, **kw)


def at(month: int, day: dt.date | None = None) -> AsOf:
    period = Period(2025, month)
    return AsOf(period, day or period.last_day)


def ev(t: Target, records, month: int = 12, plan: Plan = PLAN):
    return evaluate_target(plan, t, records, at(month))


# --------------------------------------------------------------- SPEC worked examples

def test_spec_worked_example_cumulative_on_the_edge_is_green():
    e = ev(target(goal=300), [fig(9, 210)])
    assert e.completion == pytest.approx(70.0)
    assert e.time_progress == pytest.approx(75.0)
    assert e.gap == pytest.approx(-5.0)
    assert e.status is Status.GREEN


def test_spec_worked_example_growth_is_red():
    e = ev(target(Kind.GROWTH, 8), [fig(9, 6.5)])
    assert e.gap == pytest.approx(-1.5)
    assert e.status is Status.RED
    assert e.completion is None and e.time_progress is None and e.forecast is None


def test_time_progress_counts_whole_months():
    t = target()
    assert time_progress(PLAN, t, 6) == 50.0
    assert round(time_progress(PLAN, t, 4), 1) == 33.3


def test_fixed_investment_example_from_the_json_contract():
    e = ev(target(goal=620), [fig(3, 138.6)], month=3)
    assert e.completion == pytest.approx(22.354838709677)
    assert e.time_progress == 25.0
    assert e.gap == pytest.approx(-2.645161290322)
    assert e.status is Status.GREEN
    assert e.forecast == pytest.approx(554.4)
    assert e.needed_per_month == pytest.approx((620 - 138.6) / 9)


# --------------------------------------------------------------- bands

@pytest.mark.parametrize("gap, status", [
    (10.0, Status.BLUE), (9.999, Status.GREEN), (-5.0, Status.GREEN), (-5.001, Status.YELLOW),
    (-15.0, Status.YELLOW), (-15.001, Status.RED), (130.0, Status.BLUE), (-100, Status.RED),
])
def test_pace_band_edges_take_the_better_colour(gap, status):
    assert classify(gap, PaceBands(10.0, -5.0, -15.0)) is status


@pytest.mark.parametrize("figure, status", [
    (7.0, Status.BLUE), (6.99, Status.GREEN), (5.0, Status.GREEN), (4.99, Status.YELLOW),
    (4.0, Status.YELLOW), (3.99, Status.RED),
])
def test_difference_band_edges(figure, status):
    assert ev(target(Kind.GROWTH, 5), [fig(6, figure)]).status is status


def test_band_override_on_a_target():
    strict = Bands(PaceBands(20.0, 0.0, -10.0), Bands().difference, Bands().milestone)
    records = [fig(6, 140)]  # completion 46.7, T 50, gap -3.3
    assert ev(target(), records).status is Status.GREEN
    assert ev(target(bands=strict), records).status is Status.YELLOW


def test_edge_survives_float_noise():
    # 0.1 + 0.2 style noise: 100*29.1/58.2 - 50 must still be exactly on 0, not below
    e = ev(target(goal=58.2), [fig(6, 29.1)])
    assert e.status is Status.GREEN


# --------------------------------------------------------------- cumulative

def test_ytd_takes_the_latest_figure_not_the_sum():
    e = ev(target(goal=100), [fig(1, 10), fig(2, 20), fig(3, 25)])
    assert e.actual == 25
    assert e.period == Period(2025, 3)


def test_increment_figures_add_up_and_same_month_adds_too():
    t = target(goal=100, report=Report.INCREMENT)
    e = ev(t, [fig(1, 10), fig(2, 5, seq=1), fig(2, 5, seq=2, day=11)])
    assert e.actual == 20


def test_increment_correction_replaces_the_months_total():
    t = target(goal=100, report=Report.INCREMENT)
    records = [fig(1, 10), fig(2, 5, day=1), fig(2, 5, day=2), fig(2, 7, day=3, correction=True)]
    assert ev(t, records).actual == 17


def test_correction_newest_recorded_wins_regardless_of_file_order():
    newer = fig(3, 152.6, day=20, correction=True, seq=0)
    older = fig(3, 138.6, day=10, seq=1)
    assert ev(target(goal=620), [newer, older]).actual == 152.6


def test_equal_recorded_times_fall_back_to_file_order():
    a = fig(3, 1.0, seq=0)
    b = fig(3, 2.0, seq=1, correction=True)
    assert ev(target(), [b, a]).actual == 2.0


def test_down_cumulative_is_a_ceiling():
    t = target(goal=100, direction=Direction.DOWN)
    e = ev(t, [fig(6, 40)])  # used 40% of the allowance at half time: good
    assert e.gap == pytest.approx(10.0)
    assert e.status is Status.BLUE


def test_completion_is_never_clamped_and_needed_is_null_once_met():
    e = ev(target(goal=100), [fig(6, 130)])
    assert e.completion == pytest.approx(130.0)
    assert e.needed_per_month is None


def test_needed_is_null_once_the_plan_has_ended():
    assert ev(target(goal=100), [fig(12, 80)]).needed_per_month is None


def test_zero_target_gives_null_completion_and_status_none():
    e = ev(target(goal=0), [fig(6, 5)])
    assert e.completion is None and e.status is Status.NONE


def test_schedule_is_linear_between_points():
    t = target(goal=100, schedule=((3, 15.0), (6, 45.0), (9, 75.0), (12, 100.0)))
    assert time_progress(PLAN, t, 3) == 15.0
    assert time_progress(PLAN, t, 4) == pytest.approx(25.0)
    assert time_progress(PLAN, t, 1) == pytest.approx(5.0)  # from (0, 0)
    e = ev(t, [fig(3, 15)])
    assert e.gap == pytest.approx(0.0)
    assert e.forecast == pytest.approx(100.0)


def test_forecast_is_actual_over_time_progress():
    assert ev(target(goal=620), [fig(4, 200)]).forecast == pytest.approx(600.0)


# --------------------------------------------------------------- level

def test_level_with_baseline():
    t = target(Kind.LEVEL, 700, baseline=600)
    e = ev(t, [fig(6, 650)])
    assert e.completion == pytest.approx(50.0)
    assert e.gap == pytest.approx(0.0)
    assert not e.baseline_assumed
    assert e.forecast == pytest.approx(700.0)  # linear from B


def test_level_without_baseline_assumes_the_first_figure():
    t = target(Kind.LEVEL, 700)
    e = ev(t, [fig(2, 620), fig(6, 660)])
    assert e.baseline == 620 and e.baseline_assumed
    assert e.completion == pytest.approx(50.0)


def test_level_down():
    t = target(Kind.LEVEL, 10, baseline=20, direction=Direction.DOWN)
    e = ev(t, [fig(6, 15)])
    assert e.completion == pytest.approx(50.0)


@pytest.mark.parametrize("baseline, goal", [(700, 700), (800, 700)])
def test_level_zero_or_negative_span_is_none_not_a_crash(baseline, goal):
    e = ev(target(Kind.LEVEL, goal, baseline=baseline), [fig(6, 650)])
    assert e.completion is None and e.status is Status.NONE


# --------------------------------------------------------------- growth / threshold

def test_threshold_down_gap_is_target_minus_figure():
    t = target(Kind.THRESHOLD, 0, direction=Direction.DOWN)
    assert ev(t, [fig(6, 0)]).status is Status.GREEN
    assert ev(t, [fig(6, 2)]).gap == -2
    assert ev(t, [fig(6, 2)]).status is Status.RED


def test_threshold_up():
    t = target(Kind.THRESHOLD, 95)
    assert ev(t, [fig(6, 96.3)]).gap == pytest.approx(1.3)
    assert ev(t, [fig(6, 94.5)]).status is Status.YELLOW


# --------------------------------------------------------------- none, stale, as-of

def test_no_figure_is_none():
    assert ev(target(), []).status is Status.NONE


def test_figures_after_as_of_are_ignored():
    e = ev(target(goal=120), [fig(3, 30), fig(6, 60)], month=4)
    assert e.actual == 30 and e.period == Period(2025, 3)


@pytest.mark.parametrize("freq, last, stale", [
    (Frequency.MONTHLY, 9, False), (Frequency.MONTHLY, 8, True),
    (Frequency.QUARTERLY, 7, False), (Frequency.QUARTERLY, 6, True),
    (Frequency.YEARLY, 1, False),
])
def test_stale_by_frequency(freq, last, stale):
    assert ev(target(frequency=freq), [fig(last, 10)], month=10).stale is stale


def test_default_as_of_is_latest_figure_month_and_clamped_to_plan():
    records = [fig(3, 1), fig(7, 2)]
    assert resolve_as_of(PLAN, records).period == Period(2025, 7)
    assert resolve_as_of(PLAN, []).period == Period(2025, 1)
    assert resolve_as_of(PLAN, records, Period(2026, 11)).period == Period(2025, 12)


# --------------------------------------------------------------- milestones

def ms(**kw) -> Target:
    return target(Kind.MILESTONE, None, due=kw.pop("due", dt.date(2025, 12, 31)), **kw)


def test_milestone_done_early_is_blue_and_late_done_is_green():
    assert ev(ms(), [fig(6, done=True, date=dt.date(2025, 6, 18))]).status is Status.BLUE
    assert ev(ms(), [fig(12, done=True, date=dt.date(2025, 12, 20))]).status is Status.GREEN


def test_milestone_done_without_date_uses_the_period_end():
    e = ev(ms(due=dt.date(2025, 7, 30)), [fig(6, done=True)])
    assert e.done_date == dt.date(2025, 6, 30)
    assert e.status is Status.BLUE


def test_milestone_past_due_is_red_even_without_a_record():
    t = ms(due=dt.date(2025, 6, 30))
    assert ev(t, [], month=7).status is Status.RED
    assert ev(t, [fig(5, 80)], month=7).status is Status.RED


def test_milestone_due_soon_is_yellow():
    t = ms(due=dt.date(2025, 7, 20))
    assert evaluate_target(PLAN, t, [fig(6, 90)], at(6)).status is Status.YELLOW


def test_milestone_percent_is_judged_against_time_to_due():
    t = ms(due=dt.date(2025, 12, 31))
    e = ev(t, [fig(6, 30)], month=6)
    assert e.time_progress == pytest.approx(50.0)
    assert e.gap == pytest.approx(-20.0)
    assert e.status is Status.RED


def test_milestone_record_without_value_is_green_and_nothing_is_none():
    t = ms()
    assert ev(t, [fig(6, done=False)], month=6).status is Status.GREEN
    assert ev(t, [], month=6).status is Status.NONE


def test_milestone_warn_and_early_days_come_from_bands():
    t = ms(due=dt.date(2025, 8, 31),
           bands=Bands(milestone=MilestoneBands(warn_days=90, early_days=5)))
    assert ev(t, [fig(5, 50)], month=6).status is Status.YELLOW
    assert ev(t, [fig(8, done=True, date=dt.date(2025, 8, 20))]).status is Status.BLUE


# --------------------------------------------------------------- whole result

def test_evaluate_counts_and_select():
    a, b = target(id="a", goal=100, section="S1"), target(Kind.GROWTH, 5, id="b", owner="局")
    result = evaluate(PLAN, [a, b], [fig(6, 50, tid="a"), fig(6, 1, tid="b")], at(6))
    assert result.summary[Status.GREEN] == 1 and result.summary[Status.RED] == 1
    only_red = select(result, statuses={Status.RED})
    assert [r.target.id for r in only_red.rows] == ["b"]
    assert select(result, section="S").rows[0].target.id == "a"
    with pytest.raises(KpiError, match="no owner matches"):
        select(result, owner="nobody")


def test_history_gives_each_month_status():
    t = target(goal=120)
    months = month_statuses(PLAN, t, [fig(1, 10), fig(2, 12), fig(3, 6)], at(4))
    assert [str(m.period) for m in months] == ["2025-01", "2025-02", "2025-03", "2025-04"]
    assert months[0].status is Status.GREEN
    assert months[2].status is Status.RED


def test_trend_readings_of_month_statuses():
    from kpitrack.core import trends
    from kpitrack.core.model import MonthStatus

    def months(*statuses):
        return [MonthStatus(Period(2025, i + 1), Status(s)) for i, s in enumerate(statuses)]

    ms = months("green", "red", "yellow", "red", "red")
    assert trends.red_streak(ms) == 2 and trends.red_since(ms) == Period(2025, 4)
    assert trends.change(ms) is None and trends.previous_status(ms) is Status.RED
    assert trends.change(months("yellow", "red")) == "worse"
    assert trends.change(months("red", "blue")) == "better"
    assert trends.change(months("none", "green")) == "changed"
    assert trends.change(months("green")) is None and trends.red_streak(months("green")) == 0
    assert trends.red_since(months("green")) is None


def test_sparkline_uses_a_fixed_scale():
    from kpitrack.core.trends import sparkline

    assert sparkline([0, 50, 100, 250, None, -5]) == "▁▅██·▁"
    assert sparkline([]) == ""


def test_months_agree_with_the_current_row_on_the_as_of_day():
    """A milestone judged mid-month: the last history entry is the row itself."""
    t = target(Kind.MILESTONE, goal=None, due=dt.date(2025, 7, 5))
    # On 3 June 32 days are left: not yet in the 30-day warning. By 30 June it would be.
    as_of = AsOf(Period(2025, 6), dt.date(2025, 6, 3))
    months = month_statuses(PLAN, t, [], as_of)
    assert months[-1].status is evaluate_target(PLAN, t, [], as_of).status is Status.NONE
    assert month_statuses(PLAN, t, [], at(6))[-1].status is Status.YELLOW


def test_records_that_count_marks_superseded_figures():
    from kpitrack.core.records import records_that_count

    ytd = target()
    recs = [fig(3, 10, day=10, seq=0), fig(3, 12, day=11, seq=1, correction=True), fig(4, 15)]
    assert records_that_count(ytd, recs) == [False, True, True]
    inc = target(report=Report.INCREMENT)
    recs = [fig(3, 5, day=1, seq=0), fig(3, 6, day=2, seq=1, correction=True),
            fig(3, 1, day=3, seq=2)]
    assert records_that_count(inc, recs) == [False, True, True]
    assert effective_records(inc, recs)[Period(2025, 3)].value == 7


def test_level_needs_a_net_change_per_month():
    t = target(Kind.LEVEL, goal=120, baseline=86)
    ev = evaluate_target(PLAN, t, [fig(3, 88)], at(3))
    assert ev.needed_per_month == pytest.approx(32 / 9)
    down = target(Kind.LEVEL, goal=10, baseline=40, direction=Direction.DOWN)
    assert evaluate_target(PLAN, down, [fig(6, 25)], at(6)).needed_per_month == \
        pytest.approx(15 / 6)
    assert evaluate_target(PLAN, t, [fig(6, 130)], at(6)).needed_per_month is None


# ── two clones merged: which figure counts never depends on the order in the file ──


def test_the_order_of_a_months_records_in_its_file_does_not_matter():
    """A merge may put two clones' records in either order: `recorded` decides."""
    from itertools import permutations

    records = [fig(3, 10, day=10, by="甲"), fig(3, 11, day=11, by="乙"),
               fig(3, 12, day=12, correction=True, by="甲"),
               fig(3, 13, day=13, correction=True, by="乙")]
    for t in (target(), target(report=Report.INCREMENT)):
        outcomes = set()
        for order in permutations(records):
            placed = [r._replace(seq=i) for i, r in enumerate(order)]
            outcomes.add(effective_records(t, placed)[Period(2025, 3)].value)
        assert outcomes == {13}, t.report


def test_within_one_second_the_order_written_decides():
    """A figure and its withdrawal, then a new figure, all in the same second."""
    first = fig(3, 6120, day=10, seq=0)
    withdrawal = fig(3, None, day=10, seq=1)._replace(withdrawn=True)
    again = fig(3, 560, day=10, seq=2)
    assert effective_records(target(), [first, withdrawal, again])[Period(2025, 3)].value == 560
    assert Period(2025, 3) not in effective_records(target(), [first, withdrawal])


def test_a_correction_outranks_an_uncorrected_figure_recorded_later():
    """The later figure came from a clone that had not seen the correction."""
    records = [fig(3, 30, day=1), fig(3, 35, day=2, correction=True), fig(3, 30, day=3)]
    assert effective_records(target(), records)[Period(2025, 3)].value == 35
    from kpitrack.core.records import records_that_count

    assert records_that_count(target(), records) == [False, True, False]
    # Increment figures add up in time order instead: a later increment is new data.
    inc = target(report=Report.INCREMENT)
    assert effective_records(inc, records)[Period(2025, 3)].value == 65


@pytest.mark.parametrize("where", ["", "examples/month-task", "examples/ratio",
                                   "examples/points-three-colour"])
def test_judged_now_is_the_evaluation_judged_gives(where):
    """`judged_now` walks a history only when a rule that reads it may change the
    evaluation (escalation, catching up): at every month it is what `judged` gives, for
    every target of the repository and its examples (month-task escalates and catches
    up, so both ways are taken)."""
    from conftest import REPO
    from kpitrack.core.evaluate import judged, judged_now
    from kpitrack.core.records import group_by_target
    from kpitrack.workspace.load import load_workspace

    ws = load_workspace(REPO / where)
    figures = group_by_target(ws.actuals)
    compared = 0
    for target in ws.targets:
        effective = effective_records(target, figures.get(target.id, ()))
        for month_end in ws.plan.month_ends:
            walked = judged(ws.plan, target, effective, month_end)
            assert judged_now(ws.plan, target, effective, month_end) == walked[0]
            compared += 1
    assert compared >= 12 * len(ws.targets) > 0
