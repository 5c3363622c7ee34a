"""Property tests of the arithmetic and of the append round trip."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import tomlkit
from hypothesis import event, given, settings
from hypothesis import strategies as st

from conftest import write_ws
from kpitrack.core.evaluate import classify, evaluate_target, month_statuses
from kpitrack.core.model import Actual, AsOf, Kind, PaceBands, Plan, Report, Status, Target
from kpitrack.core.period import Period
from kpitrack.i18n.messages import Msg
from kpitrack.workspace.append import append_actual
from kpitrack.workspace.figures_file import actuals_from_bytes
from kpitrack.workspace.load import load_workspace

PLAN = Plan("p", dt.date(2025, 1, 1), dt.date(2025, 12, 31))
TZ = dt.timezone(dt.timedelta(hours=8))
values = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)
months = st.integers(min_value=1, max_value=12)
goals = st.floats(min_value=0.01, max_value=1e9, allow_nan=False)


def fig(month: int, value: float, seq: int = 0, day: int = 1) -> Actual:
    return Actual(target="t", period=Period(2025, month), value=value, seq=seq,
                  recorded=dt.datetime(2025, 12, day, tzinfo=TZ))


@given(values, goals, months, st.floats(min_value=0.1, max_value=10))
def test_completion_scales_with_the_figure(value, goal, month, factor):
    t = Target("t", "T", Kind.CUMULATIVE, goal)
    as_of = AsOf(Period(2025, 12), dt.date(2025, 12, 31))
    one = evaluate_target(PLAN, t, [fig(month, value)], as_of)
    scaled = evaluate_target(PLAN, t, [fig(month, value * factor)], as_of)
    assert abs(scaled.completion - one.completion * factor) <= 1e-9 * max(1, scaled.completion)


@given(st.lists(st.tuples(months, values), min_size=1, max_size=15), st.randoms())
def test_record_order_does_not_matter(pairs, rnd):
    for report in Report:
        t = Target("t", "T", Kind.CUMULATIVE, 100.0, report=report)
        records = [fig(m, v, seq=i, day=1 + i % 28) for i, (m, v) in enumerate(pairs)]
        shuffled = records[:]
        rnd.shuffle(shuffled)
        as_of = AsOf(Period(2025, 12), dt.date(2025, 12, 31))
        a = evaluate_target(PLAN, t, records, as_of)
        b = evaluate_target(PLAN, t, shuffled, as_of)
        assert (a.status, a.period) == (b.status, b.period)
        assert abs((a.actual or 0) - (b.actual or 0)) <= 1e-6 * max(1, abs(a.actual or 0))


kinds = st.sampled_from([(Kind.CUMULATIVE, Report.YTD), (Kind.CUMULATIVE, Report.INCREMENT),
                         (Kind.LEVEL, Report.YTD), (Kind.GROWTH, Report.YTD)])


@given(kinds, st.lists(st.tuples(months, values, st.booleans()), max_size=15), months)
def test_each_month_of_the_history_is_judged_as_of_that_month(kind, rows, upto):
    """The walk back through the months (which drops figures as it goes) agrees with
    judging every month on its own, with only the figures up to it."""
    kind, report = kind
    t = Target("t", "T", kind, 100.0, report=report, baseline=20.0 if kind is Kind.LEVEL else None)
    records = [Actual(target="t", period=Period(2025, m), value=v, seq=i, correction=c,
                      recorded=dt.datetime(2025, 12, 1 + i % 28, tzinfo=TZ))
               for i, (m, v, c) in enumerate(rows)]
    as_of = AsOf(Period(2025, upto), Period(2025, upto).last_day)
    history = month_statuses(PLAN, t, records, as_of)
    assert [m.period for m in history] == [Period(2025, m) for m in range(1, upto + 1)]
    for month in history:
        alone = evaluate_target(PLAN, t, [r for r in records if r.period <= month.period],
                                AsOf(month.period, month.period.last_day))
        assert (month.status, month.completion, month.gap, month.actual) == \
            (alone.status, alone.completion, alone.gap, alone.actual)


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
       st.floats(min_value=0, max_value=100, allow_nan=False))
def test_a_larger_gap_is_never_a_worse_colour(gap, more):
    bands = PaceBands(10.0, -5.0, -15.0)
    assert classify(gap + more, bands).severity <= classify(gap, bands).severity
    assert classify(gap, bands) is not Status.NONE


@settings(max_examples=40, deadline=None)
@given(value=st.floats(min_value=0, max_value=1e12, allow_nan=False),
       note=st.text(max_size=30), by=st.text(max_size=10))
def test_append_then_load_gives_back_what_was_appended(value, note, by):
    with tempfile.TemporaryDirectory() as tmp:
        root = write_ws(Path(tmp), """
[targets.t]
name = "T"
kind = "cumulative"
target = 1
report = "increment"
""")
        sent = Actual(target="t", period=Period(2025, 3), value=value, note=note, by=by,
                      recorded=dt.datetime(2025, 4, 1, 9, 30, tzinfo=TZ))
        append_actual(load_workspace(root), sent)
        ws = load_workspace(root)
        assert ws.problems == []
        got = ws.actuals[0]
        assert (got.value, got.note, got.by, got.recorded) == (value, note, by, sent.recorded)



# Cell text as a spreadsheet keeps it: no surrogates, no NUL, nothing to strip at the ends.
cell_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=20).map(
    str.strip)


@settings(max_examples=30, deadline=None)
@given(rows=st.lists(st.tuples(months, st.floats(min_value=0, max_value=1e12, allow_nan=False)
                               .filter(lambda v: v == 0 or v >= 1e-9), cell_text),
                     min_size=1, max_size=6, unique_by=lambda r: r[0]),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]))
def test_import_then_load_gives_back_every_row(rows, encoding):
    import csv
    import io

    from conftest import run

    with tempfile.TemporaryDirectory() as tmp:
        root = write_ws(Path(tmp), '[targets.t]\nname = "T"\nkind = "cumulative"\ntarget = 1\n')
        out = io.StringIO()
        writer = csv.writer(out)
        writer.writerow(["指标", "期间", "数值", "备注"])
        for month, value, note in rows:
            writer.writerow(["t", f"2025-{month:02d}", repr(value), note])
        try:
            data = out.getvalue().encode(encoding)
        except UnicodeEncodeError:
            return  # GB18030 covers all of Unicode, but be safe
        (root / "sheet.csv").write_bytes(data)
        # (A figure like 1e-182 is read as a typo, "out of range"; the strategy avoids it.)
        result = run("-C", str(root), "import", str(root / "sheet.csv"))
        assert result.exit_code == 0, result.stderr
        ws = load_workspace(root)
        assert ws.problems == []
        got = sorted((a.period.month, a.value, a.note) for a in ws.actuals)
        assert got == sorted(rows)


# Field values a record might hold: good ones and every kind of wrong one.
field_values = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10, max_value=10),
    st.floats(allow_nan=True, allow_infinity=True), st.sampled_from([1e16, -1e16, 1e15]),
    st.text(max_size=3), st.sampled_from(["2025-03", "2025-04", "inv", "lab", "ratio"]),
    st.datetimes(min_value=dt.datetime(2025, 1, 1), max_value=dt.datetime(2025, 12, 31),
                 timezones=st.sampled_from([None, TZ])),
    st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2025, 12, 31)),
    st.lists(st.integers(), max_size=1))
good_records = st.fixed_dictionaries(
    {"target": st.sampled_from(["inv", "ratio"]), "period": st.just("2025-03"),
     "value": st.floats(min_value=-10, max_value=1e6)},
    optional={"recorded": st.datetimes(timezones=st.just(TZ)), "by": st.text(max_size=3),
              "note": st.text(max_size=3), "correction": st.booleans(),
              "example": st.booleans()})
# A good record with up to three fields replaced by anything at all.
raw_records = st.builds(lambda good, changes: {**good, **changes}, good_records, st.dictionaries(
    st.sampled_from(["target", "period", "value", "done", "date", "recorded", "by", "note",
                     "source", "correction", "example", "valeu"]), field_values, max_size=3))


@settings(max_examples=300)
@given(raw_records)
def test_the_record_validator_accepts_a_record_or_words_its_problem(raw):
    """The one validator of a figure's record either reads it back field for field or
    words a problem at its line; nothing else comes out of it."""
    targets = {t.id: t for t in (Target("inv", "I", Kind.CUMULATIVE, 100.0),
                                 Target("ratio", "R", Kind.GROWTH, 5.0),
                                 Target("lab", "L", Kind.MILESTONE, None))}
    text = "schema = 1\n\n" + render_record_raw(raw)
    problems: list = []
    records = actuals_from_bytes("2025-03.toml", "a.toml", text.encode(), PLAN, targets,
                                 problems)
    errors = [p for p in problems if p.severity == "error"]
    event("accepted" if records else "refused")
    if not records:
        assert errors and all(p.file == "a.toml" and p.line for p in errors)
        return
    (record,) = records
    raw = {k: v for k, v in raw.items() if v is not None}
    # An unknown field is an error of the file, but the record itself still reads.
    assert all(p.msg.id is Msg.UNKNOWN_RECORD_FIELD for p in errors)
    assert bool(errors) == ("valeu" in raw)
    assert record.target == raw["target"] and record.period == Period(2025, 3)
    assert record.line == 3 and record.seq == 0
    for key in ("by", "note", "source"):
        assert getattr(record, key) == raw.get(key, "")
    assert record.correction is raw.get("correction", False)
    if "value" in raw:
        assert record.value == raw["value"]


def render_record_raw(raw: dict) -> str:
    """`raw` as one [[actual]] block, written by tomlkit as kpitrack writes records (a
    None is a field left out: TOML has no null)."""
    doc = tomlkit.document()
    aot = tomlkit.aot()
    aot.append(tomlkit.item({k: v for k, v in raw.items() if v is not None}))
    doc.append("actual", aot)
    return tomlkit.dumps(doc)
