"""An office's own colour rules, written in targets.toml: each scheme gives the colours
it says on and either side of each edge, month by month for streaks and catching up."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import REPO, record, run, write_ws

ONE = """
[targets.inv]
name = "投资"
kind = "cumulative"
target = 100
unit = "亿元"
owner = "发改局"
"""


def plan(rules: str) -> str:
    return f'schema = 1\n\n[plan]\ntitle = "t"\nyear = 2025\n\n{rules}\n'


def status_of(root, figures: dict[str, float], rules: str, target: str = "inv",
              targets: str = ONE, as_of: str | None = None) -> dict:
    actuals = {p: record(target, p, v) for p, v in figures.items()}
    write_ws(root, targets, actuals, plan=plan(rules))
    args = ["status", "--format", "json"] + (["--as-of", as_of] if as_of else [])
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    return {r["id"]: r for r in json.loads(result.stdout)["targets"]}[target]


POINTS_THREE = "[bands]\nblue = false\ngreen = -10.0\nyellow = -30.0\n"


@pytest.mark.parametrize("completion, colour", [
    (60.0, "green"),    # +10: no blue in a three-colour scheme
    (40.0, "green"),    # -10, on the edge: the better colour
    (39.9, "yellow"),
    (20.0, "yellow"),   # -30, on the edge
    (19.9, "red"),
])
def test_points_three_colours(isolated, completion, colour):
    row = status_of(isolated, {"2025-06": completion}, POINTS_THREE)
    assert row["status"] == colour, row


RATIO = '[bands]\nmeasure = "ratio"\nblue = false\ngreen = 100.0\nyellow = 50.0\n'


@pytest.mark.parametrize("completion, colour", [
    (50.0, "green"),    # time progress 50: ratio 100, on the edge
    (49.9, "yellow"),
    (25.0, "yellow"),   # ratio 50, on the edge
    (24.9, "red"),
    (90.0, "green"),    # far ahead: still green, nothing is blue
])
def test_ratio_of_time_progress(isolated, completion, colour):
    row = status_of(isolated, {"2025-06": completion}, RATIO)
    assert row["status"] == colour, row
    assert row["ratio"] == pytest.approx(completion * 2)
    assert row["gap"] == pytest.approx(completion - 50.0)  # the gap is still in points


def test_a_ratio_scheme_without_edges_takes_the_ratio_defaults(isolated):
    assert status_of(isolated, {"2025-06": 30.0}, '[bands]\nmeasure = "ratio"\n')["status"] \
        == "yellow"  # ratio 60: at least half of time progress
    assert status_of(isolated, {"2025-06": 60.0}, '[bands]\nmeasure = "ratio"\n')["status"] \
        == "green"


TASK = 100 / 12
MONTH = ('[bands]\nbasis = "month"\nmeasure = "ratio"\nblue = false\ngreen = 100.0\n'
         'yellow = 60.0\n')


@pytest.mark.parametrize("share, colour", [
    (1.0, "green"), (0.999, "yellow"), (0.6, "yellow"), (0.599, "red"), (1.5, "green")])
def test_the_months_own_task(isolated, share, colour):
    before = 5 * TASK
    row = status_of(isolated, {"2025-05": before, "2025-06": before + share * TASK}, MONTH)
    assert row["status"] == colour, row
    assert row["month_task"] == pytest.approx(TASK)
    assert row["month_actual"] == pytest.approx(share * TASK)
    assert row["completion"] == pytest.approx(100 * share)
    assert row["time_progress"] == 100.0
    assert row["year_completion"] == pytest.approx(before + share * TASK)


def test_month_basis_in_points_judges_completion_less_100(isolated):
    rules = '[bands]\nbasis = "month"\ngreen = -5.0\nyellow = -40.0\nblue = 20.0\n'
    before = 5 * TASK
    assert status_of(isolated, {"2025-05": before, "2025-06": before + 0.95 * TASK},
                     rules)["status"] == "green"
    assert status_of(isolated, {"2025-05": before, "2025-06": before + 0.94 * TASK},
                     rules)["status"] == "yellow"
    assert status_of(isolated, {"2025-05": before, "2025-06": before + 1.2 * TASK},
                     rules)["status"] == "blue"


def test_a_skipped_month_is_judged_over_the_months_since_the_figure_before(isolated):
    row = status_of(isolated, {"2025-04": 4 * TASK, "2025-06": 6 * TASK}, MONTH)
    assert row["month_task"] == pytest.approx(2 * TASK) and row["status"] == "green"


def test_a_schedule_gives_the_months_task(isolated):
    targets = ONE + 'schedule = { "6" = 30, "12" = 100 }\n'
    row = status_of(isolated, {"2025-05": 25.0, "2025-06": 30.0}, MONTH, targets=targets)
    assert row["month_task"] == pytest.approx(5.0)  # the schedule's step from 25% to 30%


ESCALATE = MONTH + '\n[[bands.escalate]]\nfrom = "yellow"\nmonths = 2\nto = "red"\n'
YTD = {"2025-01": 10, "2025-02": 20, "2025-03": 27, "2025-04": 33, "2025-05": 40,
       "2025-06": 55}  # a task of 10 a month: done, done, 70%, 60%, 70%, 150%


def months_of(root) -> list[str]:
    return [m["status"] for m in json.loads(run("show", "inv", "--format", "json").stdout)
            ["history"]]


def test_yellow_two_months_running_becomes_red_month_by_month(isolated):
    targets = ONE.replace("target = 100", "target = 120")
    status_of(isolated, YTD, ESCALATE, targets=targets)
    assert months_of(isolated) == ["green", "green", "yellow", "red", "red", "green"]
    row = status_of(isolated, YTD, ESCALATE, targets=targets, as_of="2025-04")
    assert (row["status"], row["escalated_from"]) == ("red", "yellow")


def test_a_red_month_made_up_later_turns_yellow(isolated):
    targets = ONE.replace("target = 100", "target = 120")
    rules = ESCALATE + "\n[supervision]\ncatch_up = true\n"
    status_of(isolated, YTD, rules, targets=targets)
    # 55 by June reaches what was planned by April (40) and May (50)
    assert months_of(isolated) == ["green", "green", "yellow", "yellow", "yellow", "green"]
    status_of(isolated, {**YTD, "2025-06": 45}, rules, targets=targets)
    # 45 makes up April's plan (40), not May's (50); June itself (50%) is red
    assert months_of(isolated) == ["green", "green", "yellow", "yellow", "red", "red"]


def test_red_three_months_running_is_an_interview(isolated):
    rules = MONTH + "\n[supervision]\ninterview_after = 3\n"
    figures = {"2025-01": TASK, "2025-02": 1.5 * TASK, "2025-03": 1.8 * TASK,
               "2025-04": 2.0 * TASK}
    row = status_of(isolated, figures, rules, as_of="2025-03")
    assert (row["status"], row["red_months"], row["supervision_level"]) == \
        ("red", 2, "supervise")
    row = status_of(isolated, figures, rules)
    assert (row["red_months"], row["supervision_level"]) == (3, "interview")
    report = run("export").stdout
    assert "持续督办（3个月）·约谈" in report
    assert "连续红色3个月及以上：约谈。" in report


def test_milestones_yellow_with_little_time_left(isolated):
    targets = '\n[targets.road]\nname = "通车"\nkind = "milestone"\ndue = 2025-10-31\n'
    rules = "[bands.milestone]\nwarn_share = 30\nwarn_days = 0\n"
    write_ws(isolated, targets, {"2025-01": record("road", "2025-01", 10)},
             plan=plan(rules))
    # 303 days from January 1st to the due date; 30% of them is about 91 days
    early = json.loads(run("status", "--format", "json", "--as-of", "2025-07-15")
                       .stdout)["targets"][0]
    late = json.loads(run("status", "--format", "json", "--as-of", "2025-08-15")
                      .stdout)["targets"][0]
    assert early["status"] != "yellow" and late["status"] == "yellow"


def test_a_section_overrides_the_plan_and_a_target_overrides_both(isolated):
    targets = """
[sections."项目".bands]
measure = "ratio"

[targets.a]
name = "甲"
kind = "cumulative"
target = 100
section = "项目"

[targets.b]
name = "乙"
kind = "cumulative"
target = 100
section = "项目"
bands = { green = 90.0 }

[targets.c]
name = "丙"
kind = "cumulative"
target = 100
section = "其他"
"""
    write_ws(isolated, targets, {"2025-06": record("a", "2025-06", 46) + record(
        "b", "2025-06", 46) + record("c", "2025-06", 46)})
    rows = {r["id"]: r for r in json.loads(run("status", "--format", "json").stdout)
            ["targets"]}
    # ratio 92: yellow by the section's ratio rule, green by b's own edge; points: green
    assert (rows["a"]["status"], rows["b"]["status"], rows["c"]["status"]) == \
        ("yellow", "green", "green")
    said = run("rules").stdout
    assert "板块“项目”的评价规则（来源：板块的 [sections.\"项目\".bands]）" in said
    assert "乙 [b] 的评价规则（来源：指标自身的 bands）" in said
    assert "完成率为时序进度的 ≥ 90.0%" in run("rules", "b").stdout
    legend = run("export").stdout.split("图例")[-1]
    assert "项目另有规则" in legend


@pytest.mark.parametrize("rules, words", [
    ("[bands]\ngreen = 5.0\nyellow = 10.0\n", "blue >= green >= yellow"),
    ('[bands]\nmeasure = "ratio"\nyellow = -5.0\n', "cannot be below 0"),
    ('[[bands.escalate]]\nfrom = "red"\nmonths = 2\nto = "yellow"\n',
     "red cannot turn yellow"),
    ('[[bands.escalate]]\nfrom = "purple"\nmonths = 2\nto = "red"\n', "must be a colour"),
    ('[[bands.escalate]]\nfrom = "yellow"\nmonths = 0\nto = "red"\n', "from 1 to 12"),
    ('[bands]\nmeasure = "percent"\n', "measure"),
    ('[bands]\nbasis = "week"\n', "basis"),
    ("[supervision]\ninterview_after = 0\n", "interview_after"),
])
def test_contradictory_rules_are_refused_at_their_line(isolated, rules, words):
    write_ws(isolated, ONE, {}, plan=plan(rules))
    result = run("--lang", "en", "check")
    assert result.exit_code == 1 and words in result.stdout, result.stdout
    assert "targets.toml:" in result.stdout


def test_catch_up_without_a_month_basis_warns(isolated):
    write_ws(isolated, ONE, {}, plan=plan("[supervision]\ncatch_up = true\n"))
    assert "catch_up" in run("check").stdout


def test_the_legend_states_the_rule_in_words(isolated):
    write_ws(isolated, ONE, {"2025-06": record("inv", "2025-06", 40)}, plan=plan(RATIO))
    for text in (run("export").stdout, run("status").stdout):
        assert "绿色·推进正常：完成率为时序进度的 ≥ 100.0%" in text or \
            "绿色·推进正常 ≥ 100.0%" in text
        assert "三色评价：不设蓝色。" in text


@pytest.mark.parametrize("name", ["points-three-colour", "ratio", "month-task"])
def test_each_example_workspace_checks_and_prints_its_rules(tmp_path, name):
    shutil.copytree(REPO / "examples" / name, tmp_path / name)
    assert run("-C", str(tmp_path / name), "check").exit_code == 0
    said = run("-C", str(tmp_path / name), "rules").stdout
    assert "三色评价：不设蓝色。" in said


def test_the_repository_has_no_rules_and_reports_as_before():
    said = run("-C", str(REPO), "rules").stdout
    assert "蓝色·超前示范：差距 ≥ +10.0个百分点（增速、保持类 ≥ +2.0）" in said
    assert "另有规则" not in run("-C", str(REPO), "export").stdout
