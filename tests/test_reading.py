"""The quick readings of a plain target and a plain figure give what the field-by-field
readings give: the same targets and records, the same problems at the same lines.

`targets_file._plain_target` and `figures_file._File.plain` build most records of a large
workspace at once; each returns None for anything they are not sure of, and the full
reading, which words every problem, takes over. Each test reads random tables both ways.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest
import tomlkit
from hypothesis import example, given, settings
from hypothesis import strategies as st

from kpitrack.workspace import figures_file, targets_file
from kpitrack.workspace.fields import parse_toml_bytes

TEXTS = st.sampled_from(["", "指标", " 指标", "指标 ", "a\tb", "\u200b", "\u200bx", "x\x1b[31m",
                         "板块0", "单位", "   ", "名\u00a0称", "家"])
NUMBERS = st.sampled_from([0, 1, -1, 5, 620, 0.5, -3.25, 1e15, 1e16, math.nan, math.inf,
                           -math.inf, True, False])
ODD = st.sampled_from(["12", [], {}, dt.date(2025, 6, 30), "cumulative"])
KINDS = st.sampled_from(["cumulative", "level", "growth", "threshold", "milestone", "other",
                         "Cumulative"])
VALUES = {"name": st.one_of(TEXTS, NUMBERS), "kind": st.one_of(KINDS, NUMBERS, ODD),
          "target": st.one_of(NUMBERS, ODD), "baseline": st.one_of(NUMBERS, ODD),
          "last_year": st.one_of(NUMBERS, ODD), "unit": st.one_of(TEXTS, NUMBERS),
          "section": st.one_of(TEXTS, NUMBERS), "owner": st.one_of(TEXTS, ODD),
          "quote": st.one_of(TEXTS, NUMBERS),
          "direction": st.sampled_from(["up", "down", "sideways"]),
          "due": st.sampled_from([dt.date(2025, 6, 30), dt.date(2026, 1, 5)]),
          "tags": st.sampled_from([[], ["a"], [1]]), "report": st.sampled_from(["ytd", "month"])}


PLAIN = {"cumulative": {"target": 700}, "level": {"target": 9, "baseline": 5},
         "growth": {"target": 5}, "threshold": {"target": 95}, "milestone": {}}


@st.composite
def target_tables(draw: st.DrawFn) -> dict[str, object]:
    """A plain target of some kind, and then up to three of its fields changed, added or
    dropped: a table on the edge of what the quick reading takes."""
    kind = draw(st.sampled_from(sorted(PLAIN)))
    table: dict[str, object] = {"name": "指标", "kind": kind, **PLAIN[kind],
                                "unit": "家", "owner": "科技局"}
    for _ in range(draw(st.integers(0, 3))):
        key = draw(st.sampled_from(sorted(VALUES)))
        if key in table and draw(st.booleans()):
            del table[key]
        else:
            table[key] = draw(VALUES[key])
    return table


def _plan_text(tables: list[dict[str, object]], ids: list[str]) -> bytes:
    doc = {"schema": 1, "plan": {"year": 2025},
           "sections": {"板块0": {"bands": {"green": -3.0}}},
           "targets": dict(zip(ids, tables, strict=True))}
    return tomlkit.dumps(doc).encode()


def _read_both(data: bytes) -> tuple[tuple, tuple]:
    results = []
    for quick in (True, False):
        with pytest.MonkeyPatch.context() as m:
            if not quick:
                m.setattr(targets_file, "_plain_target", lambda *args: None)
            problems: list = []
            plan, targets = targets_file.targets_from_bytes(data, "targets.toml", problems)
            results.append((plan, targets, problems))
    return results[0], results[1]


IDS = ["t1", "inv", "bad id", "t-2", "x" * 65, "lab", "t3"]
# The edges of the quick reading, each read both ways whatever the random tables hit.
EDGES = [{"kind": "cumulative", "target": 0}, {"kind": "cumulative", "target": -1},
         {"kind": "level", "target": 5, "baseline": 5},
         {"kind": "level", "target": 4, "baseline": 5},
         {"kind": "level", "target": 9, "baseline": 5, "direction": "down"},
         {"kind": "level", "target": 9}, {"kind": "growth", "target": 5, "baseline": 1},
         {"kind": "milestone", "target": 1}, {"kind": "cumulative", "target": math.nan},
         {"kind": "cumulative", "target": 1e16}, {"kind": "cumulative", "target": True},
         {"kind": "cumulative", "target": "700"}, {"kind": "growth", "target": 5,
                                                   "last_year": math.inf},
         {"kind": "threshold", "target": 95, "quote": 1},
         {"kind": "cumulative", "target": 7, "name": " 高企"},
         {"kind": "cumulative", "target": 7, "name": "\u200b"},
         {"kind": "cumulative", "target": 7, "name": "高\x1b企"},
         {"kind": "cumulative", "target": 7, "name": ""},
         {"kind": "cumulative", "target": 7, "section": "板块0"}]


@settings(max_examples=500, deadline=None)
@given(st.lists(target_tables(), min_size=1, max_size=6),
       st.lists(st.sampled_from(IDS), min_size=6, max_size=6, unique=True))
@example([{"name": "指标", **edge} for edge in EDGES], [f"e{n}" for n in range(len(EDGES))])
def test_a_plain_target_reads_as_the_full_reading(tables, ids) -> None:
    data = _plan_text(tables, ids[:len(tables)])
    quick, full = _read_both(data)
    assert repr(quick) == repr(full)  # as text: a NaN in a message is not equal to itself


def test_the_quick_reading_takes_most_of_a_plain_plan(monkeypatch) -> None:
    """The comparison above means something only if the quick reading is taken: it is for
    every kind of target a plan usually holds, and not for one it must word."""
    tables = [{"name": "高企", "kind": "cumulative", "target": 700, "unit": "家"},
              {"name": "在库", "kind": "level", "target": 9, "baseline": 5},
              {"name": "增速", "kind": "growth", "target": 5, "last_year": 4.2},
              {"name": "满意度", "kind": "threshold", "target": 95, "section": "板块0"},
              {"name": "实验室", "kind": "milestone", "owner": "科技局"},
              {"name": "零", "kind": "cumulative", "target": 0}]
    taken = []
    real = targets_file._plain_target

    def spy(*args):
        found = real(*args)
        taken.append(found is not None)
        return found

    monkeypatch.setattr(targets_file, "_plain_target", spy)
    problems: list = []
    data = _plan_text(tables, ["a", "b", "c", "d", "e", "f"])
    _, targets = targets_file.targets_from_bytes(data, "targets.toml", problems)
    assert taken == [True, True, True, True, True, False]
    assert targets[3].bands is not None  # its section's rules
    lines = data.decode().splitlines()
    assert [t.line for t in targets] == [lines.index(f"[targets.{t.id}]") + 1 for t in targets]
    # 零: a target of 0 is worded, at the line of its target
    assert [(p.target, lines[p.line - 1]) for p in problems] == [("f", "target = 0")]


RECORD_VALUES = {"target": st.sampled_from(["a", "m", "nope", 3]),
                 "period": st.sampled_from(["2025-03", "2025-04", "2025-3", 202503]),
                 "value": st.one_of(NUMBERS, ODD),
                 "recorded": st.sampled_from([dt.datetime(2025, 4, 2, 9, tzinfo=dt.UTC),
                                              dt.datetime(2025, 4, 2, 9), "2025-04-02"]),
                 "done": st.sampled_from([True, "yes"]), "note": TEXTS,
                 "by": st.sampled_from(["统计局", 1]), "id": st.sampled_from(["r1", "r 1"]),
                 "correction": st.sampled_from([True, 1])}


@st.composite
def record_tables(draw: st.DrawFn) -> dict[str, object]:
    plain = {"target": "a", "period": "2025-03", "value": 1.5,
             "recorded": dt.datetime(2025, 4, 2, 9, tzinfo=dt.UTC)}
    keys = draw(st.sets(st.sampled_from(sorted(RECORD_VALUES)), max_size=3))
    drop = draw(st.sets(st.sampled_from(sorted(plain)), max_size=1))
    table = {k: v for k, v in plain.items() if k not in drop}
    table.update({key: draw(RECORD_VALUES[key]) for key in sorted(keys)})
    return table


@settings(max_examples=300, deadline=None)
@given(st.lists(record_tables(), min_size=1, max_size=5))
def test_a_plain_figure_reads_as_the_full_reading(records) -> None:
    problems: list = []
    plan, targets = targets_file.targets_from_bytes(_plan_text(
        [{"name": "累计", "kind": "cumulative", "target": 10},
         {"name": "节点", "kind": "milestone"}], ["a", "m"]), "targets.toml", problems)
    assert plan is not None
    by_id = {t.id: t for t in targets}
    data = tomlkit.dumps({"schema": 1, "actual": records}).encode()
    results = []
    for quick in (True, False):
        with pytest.MonkeyPatch.context() as m:
            if not quick:
                m.setattr(figures_file._File, "plain", lambda self, raw, index: None)
            found: list = []
            read = figures_file.actuals_from_bytes("2025-03.toml", "actuals/2025-03.toml",
                                                   data, plan, by_id, found)
            results.append((read, found))
    assert repr(results[0]) == repr(results[1])


def test_lines_of_the_records_are_their_headers() -> None:
    data = b"schema = 1\n\n[[actual]]\ntarget = 'a'\nperiod = '2025-03'\nvalue = 1\n" \
           b"recorded = 2025-04-02T09:00:00Z\n\n  [[ actual ]]  # again\ntarget = 'a'\n" \
           b"period = '2025-03'\nvalue = 2\nrecorded = 2025-04-02T10:00:00Z\n"
    problems: list = []
    plan, targets = targets_file.targets_from_bytes(_plan_text(
        [{"name": "累计", "kind": "cumulative", "target": 10}], ["a"]), "targets.toml", problems)
    assert plan is not None
    read = figures_file.actuals_from_bytes("2025-03.toml", "actuals/2025-03.toml", data, plan,
                                           {t.id: t for t in targets}, problems)
    assert [r.line for r in read] == [3, 9]
    parsed = parse_toml_bytes(data, "x", problems)
    assert parsed is not None and parsed[1].record_lines() == [3, 9]
