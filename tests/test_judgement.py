"""No wrong colour in front of leadership: baselines that mean the start of the year, late
reports that cannot hide, figures several times off flagged, a goal met visible, filtered
counts that say so, and an answer on a target that is not behind."""

from __future__ import annotations

import json
import shutil

import pytest

from conftest import REPO, record, run, write_ws


def rows(*args: str) -> dict[str, dict]:
    return {r["id"]: r for r in json.loads(run("status", "--format", "json", *args).stdout)
            ["targets"]}


@pytest.fixture
def repo_copy(isolated):
    shutil.copy(REPO / "targets.toml", isolated)
    shutil.copytree(REPO / "actuals", isolated / "actuals")
    return isolated


# ── baselines ──────────────────────────────────────────────────────────────────


def test_no_level_target_is_behind_in_the_month_of_its_first_figure(repo_copy):
    level = {tid: r for tid, r in rows().items() if r["kind"] == "level"}
    assert len(level) >= 4
    for tid, row in level.items():
        figures = json.loads(run("show", tid, "--format", "json").stdout)["figures"]
        first = min(f["period"] for f in figures if f["counts"])
        then = rows("--as-of", first)[tid]
        assert then["status"] not in ("red", "yellow"), (tid, first, then)
        assert then["time_progress"] == 0.0 and then["completion"] == 0.0
        assert row["baseline_from"] == "first_figure" and row["baseline_assumed"]


def test_the_four_targets_red_by_construction_are_judged_from_a_stated_baseline(repo_copy):
    october = rows("--as-of", "2025-10")
    for tid in ("key_labs", "rd_institution_coverage", "childcare_places", "grade_a_clinics"):
        row = october[tid]
        assert row["baseline_from"] == "first_figure"
        # time progress counts from the first figure's month (March), not from January
        assert row["time_progress"] == pytest.approx(100 * (9 - 3) / (12 - 3))
    assert october["key_labs"]["status"] == "yellow"  # 94 of 100 from 86: behind, not red
    assert october["high_tech_enterprises"]["status"] != "red"
    assert rows("--as-of", "2025-01")["high_tech_enterprises"]["status"] == "green"


def test_check_warns_once_per_assumed_baseline_and_says_how_to_set_it(repo_copy):
    said = run("--lang", "en", "check").stdout
    level = [tid for tid, r in rows().items() if r["kind"] == "level"]
    for tid in level:
        assert said.count(f"{tid} (") == 1, tid
    assert "write `baseline = …` (the figure at the start of the year)" in said


LEVEL = """
[targets.labs]
name = "重点实验室"
kind = "level"
target = 120
unit = "家"
"""


def test_last_year_is_the_baseline_when_no_baseline_is_set(isolated):
    write_ws(isolated, LEVEL + "last_year = 80\n",
             {"2025-06": record("labs", "2025-06", 100)})
    row = rows()["labs"]
    assert (row["baseline"], row["baseline_from"], row["baseline_assumed"]) == \
        (80, "last_year", False)
    assert row["completion"] == pytest.approx(50.0) and row["time_progress"] == 50.0
    assert "baseline" not in run("--lang", "en", "check").stdout.split("warning")[-1]
    shown = run("show", "labs").stdout
    assert "80家（上年数）" in shown
    assert "‡ 基数取上年数" in run("export").stdout


def test_a_stated_baseline_comes_before_last_year(isolated):
    write_ws(isolated, LEVEL + "baseline = 90\nlast_year = 80\n",
             {"2025-06": record("labs", "2025-06", 105)})
    row = rows()["labs"]
    assert (row["baseline"], row["baseline_from"]) == (90, "baseline")
    assert "90家（年初数）" in run("show", "labs").stdout


def test_show_says_the_baseline_was_assumed_and_from_which_month(isolated):
    write_ws(isolated, LEVEL, {"2025-03": record("labs", "2025-03", 100),
                               "2025-09": record("labs", "2025-09", 110)})
    shown = run("show", "labs").stdout
    assert "100家（首次报送值，2025年3月；系假定）" in shown
    assert "时序进度自该月起算" in shown
    row = rows()["labs"]
    assert row["completion"] == pytest.approx(50.0)
    assert row["time_progress"] == pytest.approx(100 * 6 / 9)


# ── late reports ───────────────────────────────────────────────────────────────

CUMULATIVE = """
[targets.inv]
name = "投资"
kind = "cumulative"
target = 120
unit = "亿元"
owner = "发改局"

[targets.other]
name = "其他"
kind = "cumulative"
target = 120
"""


def late_ws(isolated, bands: str = ""):
    plan = f'schema = 1\n\n[plan]\ntitle = "t"\nyear = 2025\n{bands}'
    return write_ws(isolated, CUMULATIVE, {
        "2025-06": record("inv", "2025-06", 60),
        "2025-09": record("other", "2025-09", 90)}, plan=plan)


def test_a_late_figure_keeps_its_colour_by_default_but_is_marked_and_listed(isolated):
    late_ws(isolated)
    row = rows()["inv"]
    assert (row["status"], row["status_uncapped"], row["stale"]) == ("green", "green", True)
    report = run("export").stdout
    late = report.split("## 四、逾期未报（1项）")[1].split("## 五、")[0]
    assert "| 投资 | 发改局 | 2025-06 | 60亿元 | 🟢 绿色·推进正常 \\* |" in late
    assert "\\* 数据未按期更新（逾期未报）" in report


@pytest.mark.parametrize("cap, shown", [("yellow", "yellow"), ("red", "red")])
def test_the_stale_rule_caps_a_late_targets_colour(isolated, cap, shown):
    late_ws(isolated, f'\n[bands]\nstale = "{cap}"\n')
    found = rows()
    assert (found["inv"]["status"], found["inv"]["status_uncapped"]) == (shown, "green")
    assert found["other"]["status"] == "green"  # its figure is current: not capped
    summary = json.loads(run("status", "--format", "json").stdout)["summary"]
    assert summary[shown] == 1
    assert "逾期未报的指标最高显示为" in run("show", "inv").stdout


def test_the_stale_rule_is_checked(isolated):
    late_ws(isolated, '\n[bands]\nstale = "blue"\n')
    result = run("check")
    assert result.exit_code == 1 and 'stale 只能写 "yellow" 或 "red"' in result.stdout


def test_a_target_may_set_its_own_stale_rule(isolated):
    late_ws(isolated)
    path = isolated / "targets.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        'owner = "发改局"', 'owner = "发改局"\nbands = { stale = "red" }'), encoding="utf-8")
    assert rows()["inv"]["status"] == "red"


# ── figures several times off ──────────────────────────────────────────────────


@pytest.mark.parametrize("target, value, words", [
    ("tech_brokers", "123", "意味着一个月新增 98"),
    ("fixed_investment", "1234", "意味着一个月新增 738"),
])
def test_a_figure_two_to_five_times_off_warns_and_strict_refuses(repo_copy, target, value,
                                                                 words):
    before = (repo_copy / "actuals").iterdir()
    names = sorted(p.name for p in before)
    refused = run("add", target, value, "--period", "2025-11", "--strict")
    assert refused.exit_code == 1 and words in refused.stderr
    assert sorted(p.name for p in (repo_copy / "actuals").iterdir()) == names
    warned = run("add", target, value, "--period", "2025-11")
    assert warned.exit_code == 0 and words in warned.stderr
    assert words in run("check").stdout


def test_an_ordinary_month_does_not_warn(repo_copy):
    result = run("add", "fixed_investment", "548", "--period", "2025-11")
    assert result.exit_code == 0 and "警告" not in result.stderr


def test_a_sheet_figure_several_times_off_warns_in_the_preview(repo_copy):
    (repo_copy / "s.csv").write_text("指标,期间,数值\n年度投资,2025-11,\"1,234\"\n",
                                     encoding="utf-8")
    result = run("import", "s.csv", "--dry-run")
    assert result.exit_code == 0
    assert "意味着一个月新增 738" in result.stdout + result.stderr


def test_a_figure_twice_the_goal_before_the_last_quarter_warns(isolated):
    write_ws(isolated, CUMULATIVE, {"2025-02": record("inv", "2025-02", 100)
                                    + record("other", "2025-02", 100)})
    result = run("add", "inv", "250", "--period", "2025-03")
    assert "已是全年目标 120 的 2.1 倍" in result.stderr, result.stderr
    late = run("add", "other", "250", "--period", "2025-10")
    assert "全年目标" not in late.stderr  # in the last quarter a surplus may be real


GROWTH = """
[targets.retail]
name = "社零增速"
kind = "growth"
target = 5
"""


def test_a_growth_rate_jumping_twenty_points_warns(isolated):
    write_ws(isolated, GROWTH, {"2025-05": record("retail", "2025-05", 4.8)})
    result = run("add", "retail", "28", "--period", "2025-06")
    assert "增速由 4.8%（2025-05）变为 28%（+23.2个百分点）" in result.stderr
    calm = run("add", "retail", "27", "--period", "2025-07")
    assert calm.exit_code == 0 and "增速由" not in calm.stderr


def test_the_new_thresholds_live_in_checks(isolated):
    plan = ('schema = 1\n\n[plan]\ntitle = "t"\nyear = 2025\n\n[checks]\n'
            'increment_jump = 50\ngoal_multiple = 5\ngrowth_jump = 30\n')
    write_ws(isolated, CUMULATIVE + GROWTH, {"2025-05": record("retail", "2025-05", 4.8)},
             plan=plan)
    assert "增速由" not in run("add", "retail", "28", "--period", "2025-06").stderr
    run("add", "inv", "100", "--period", "2025-02")
    assert "全年目标" not in run("add", "inv", "250", "--period", "2025-03").stderr
    bad = plan.replace("growth_jump = 30", "growth_jump = -1")
    write_ws(isolated, CUMULATIVE, {}, plan=bad)
    assert "checks.growth_jump 必须大于 0" in run("check").stdout


# ── a goal met, filtered counts, an answer on a target not behind ──────────────


def test_a_met_goal_is_in_json_the_table_and_the_report(isolated):
    write_ws(isolated, CUMULATIVE, {"2025-10": record("inv", "2025-10", 125)
                                    + record("other", "2025-10", 60)})
    found = rows()
    assert found["inv"]["met"] is True and found["other"]["met"] is None
    assert "✓ 已完成全年目标" in run("status").stdout
    assert "🔵 蓝色·超前示范 ✓" in run("export").stdout or \
        "🟢 绿色·推进正常 ✓" in run("export").stdout
    assert "已完成全年目标。" in run("show", "inv").stdout


def test_met_is_known_for_a_ceiling_only_when_it_can_be(isolated):
    write_ws(isolated, """
[targets.energy]
name = "能耗"
kind = "cumulative"
target = 100
direction = "down"
""", {"2025-06": record("energy", "2025-06", 40)})
    assert rows()["energy"]["met"] is None  # the rest of the year may still exceed it
    run("add", "energy", "110", "--period", "2025-09")
    assert rows()["energy"]["met"] is False  # a year-to-date total above it cannot fall
    write_ws(isolated, """
[targets.energy]
name = "能耗"
kind = "cumulative"
target = 100
direction = "down"
""", {"2025-12": record("energy", "2025-12", 90)})
    assert rows()["energy"]["met"] is True  # the year's last figure is under the ceiling


def test_a_filtered_summary_says_what_it_counts(repo_copy):
    table = run("status", "--only", "red,yellow").stdout
    shown = len(rows("--only", "red,yellow"))
    assert f"(筛选后{shown}项，共57项)" in table
    assert "(57)" in run("status").stdout
    english = run("--lang", "en", "status", "--section", "加快提升科技创新能级").stdout
    assert " shown of 57 targets)" in english


def test_respond_to_a_target_that_is_not_behind_records_it_and_says_so(isolated):
    write_ws(isolated, CUMULATIVE, {"2025-06": record("inv", "2025-06", 70)
                                    + record("other", "2025-06", 10)})
    result = run("respond", "inv", "--reason", "r", "--measures", "m", "--period", "2025-06")
    assert result.exit_code == 0
    assert "inv 2025-06为绿，不是红色或黄色" in result.stderr
    assert (isolated / "responses" / "2025-06.toml").exists()
    behind = run("respond", "other", "--reason", "r", "--measures", "m", "--period", "2025-06")
    assert behind.exit_code == 0 and "不是红色或黄色" not in behind.stderr
