"""Catching wrong figures before the meeting: sheet cells as displayed, total rows,
plausibility warnings, --strict, and withdrawing a figure."""

from __future__ import annotations

import json

import pytest

from conftest import digest, record, run, write_ws
from kpitrack.workspace.sheet import displayed

TARGETS = """
[targets.inv]
name = "年度投资"
kind = "cumulative"
target = 620
unit = "亿元"

[targets.retail]
name = "社零增速"
kind = "growth"
target = 5
unit = "%"

[targets.sat]
name = "满意率"
kind = "threshold"
target = 95
unit = "%"

[targets.firms]
name = "企业"
kind = "level"
target = 700
baseline = 620
unit = "家"
"""


@pytest.fixture
def ws(isolated):
    return write_ws(isolated, TARGETS, {
        "2025-09": record("inv", "2025-09", 446.4, recorded="2025-10-09T09:30:00+08:00")
        + record("retail", "2025-09", 4.6, recorded="2025-10-09T09:30:00+08:00"),
        "2025-10": record("inv", "2025-10", 496, recorded="2025-11-09T09:30:00+08:00")
        + record("retail", "2025-10", 4.7, recorded="2025-11-09T09:30:00+08:00"),
    })


def actual(root, tid: str) -> float | None:
    data = json.loads(run("-C", str(root), "status", "--format", "json").stdout)
    return next(row for row in data["targets"] if row["id"] == tid)["actual"]


def status(root, tid: str) -> str:
    data = json.loads(run("-C", str(root), "status", "--format", "json").stdout)
    return next(row for row in data["targets"] if row["id"] == tid)["status"]


# ── sheet cells read as they are displayed ──────────────────────────────────────


@pytest.mark.parametrize(("value", "number_format", "shown"), [
    (0.048, "0.0%", "4.8%"),
    (0.05, "0%", "5%"),
    (0.123456, "0.00%;[Red]-0.00%", "12.3456%"),
    (612, '#,##0"万元"', "612万元"),
    (6.12, '0.00"亿元"', "6.12亿元"),
    (3, "0\\家", "3家"),
    (1.5, '"约"0.0', 1.5),  # text before the number is not a unit
    (4, '0" %"', "4%"),  # a quoted % is literal, not a scale
    (612, "General", 612),
    (612, "#,##0.00", 612),
    ("text", "0%", "text"),
])
def test_a_cell_is_what_its_format_shows(value, number_format, shown):
    assert displayed(value, number_format) == shown


def workbook(path, rows: list[tuple], formats: dict[str, str]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    for cell, number_format in formats.items():
        sheet[cell].number_format = number_format
    book.save(path)


def test_an_excel_percent_cell_imports_as_the_percentage_it_shows(ws):
    workbook(ws / "dept.xlsx", [("指标", "期间", "数值"), ("retail", "2025-11", 0.048),
                                ("inv", "2025-11", 61200)],
             {"C2": "0.0%", "C3": '#,##0"万元"'})
    preview = run("--no-color", "import", "dept.xlsx", "--dry-run")
    assert preview.exit_code == 0, preview.stderr
    assert "4.8%" in preview.stdout and "0.048" not in preview.stdout
    assert "6.12亿元" in preview.stdout  # 61200万元 in the target's 亿元
    assert run("import", "dept.xlsx").exit_code == 0
    assert actual(ws, "retail") == 4.8
    assert actual(ws, "inv") == pytest.approx(6.12)


def test_total_and_blank_rows_are_listed_and_skipped(ws):
    workbook(ws / "dept.xlsx", [("指标", "期间", "数值"), ("retail", "2025-11", 4.9),
                                (None, None, None), ("inv", "2025-11", 560),
                                ("合 计", None, 564.9), ("Total", None, 1), (None, None, None),
                                (None, None, None)], {})
    preview = run("--no-color", "import", "dept.xlsx", "--dry-run")
    assert preview.exit_code == 0, preview.stderr
    lines = preview.stdout.splitlines()
    assert any("│ 3 │" in line and "空行，跳过" in line for line in lines)
    assert any("│ 5 │" in line and "合计行，跳过" in line for line in lines)
    assert any("│ 6 │" in line and "合计行，跳过" in line for line in lines)
    assert not any("│ 7 │" in line or "│ 8 │" in line for line in lines)  # the sheet's end
    assert "新增2条，跳过合计行2行，跳过空行1行" in preview.stderr
    assert run("import", "dept.xlsx").exit_code == 0
    assert actual(ws, "retail") == 4.9 and actual(ws, "inv") == 560
    # Any other unknown target still stops the import.
    workbook(ws / "other.xlsx", [("指标", "期间", "数值"), ("合计数量", "2025-11", 1)], {})
    assert run("import", "other.xlsx").exit_code == 1


# ── plausibility warnings ───────────────────────────────────────────────────────


@pytest.mark.parametrize(("args", "english", "chinese"), [
    (["retail", "0.048"], "retail 2025-11: 0.048 looks like a fraction; did you mean 4.8%?",
     "retail 2025-11：0.048 像是写成了小数；是否应为 4.8%？"),
    (["inv", "6120"], "inv 2025-11: 6120 is about 10 times its pace to the target (568.3); "
     "did you mean 612?", "6120 约为按进度应达到的数值（568.3）的10倍；是否应为 612？"),
    (["inv", "5.6"], "is about 1/100 of its pace to the target (568.3); did you mean 560?",
     "的100分之一；是否应为 560？"),
    (["retail", "480"], "retail 2025-11: a growth of 480% is beyond ±100%; is it a typo?",
     "增速 480% 超出 ±100%"),
    (["inv", "470"], "year-to-date figure 470 for 2025-11 is below 496 for 2025-10",
     "2025-11 的年内累计数 470 低于 2025-10 的 496"),
])
def test_a_figure_that_looks_wrong_is_recorded_with_a_warning_or_refused(ws, args, english,
                                                                         chinese):
    before = digest(ws)
    for lang in ("en", "zh"):
        refused = run("--lang", lang, "add", *args, "--period", "2025-11", "--strict")
        assert refused.exit_code == 1, refused.stderr
        assert len(refused.stderr.strip().splitlines()) == 1
        assert "--strict" in refused.stderr
        assert digest(ws) == before
    recorded = run("--lang", "en", "add", *args, "--period", "2025-11")
    assert recorded.exit_code == 0
    assert "warning: " + english in recorded.stderr or english in recorded.stderr
    assert actual(ws, args[0]) == float(args[1])
    assert chinese in run("check").stdout  # and in Chinese, with its file and line


def test_plausible_figures_raise_no_warning(ws):
    for args in (["inv", "560", "--period", "2025-11"], ["retail", "4.8", "--period", "2025-11"],
                 ["retail", "0.5", "--period", "2025-12"], ["sat", "96", "--period", "2025-11"],
                 ["firms", "690", "--period", "2025-11"]):
        result = run("add", *args, "--strict")
        assert result.exit_code == 0, (args, result.stderr)
        assert "警告" not in result.stderr


def test_check_lists_the_warnings_with_file_and_line(ws):
    (ws / "actuals" / "2025-11.toml").write_text(
        "schema = 1\n" + record("inv", "2025-11", 6120) + record("retail", "2025-11", 0.048),
        encoding="utf-8")
    result = run("--lang", "en", "check")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert "warning: actuals/2025-11.toml:2: inv 2025-11: 6120 is about 10 times" in lines[0]
    assert "warning: actuals/2025-11.toml:7: retail 2025-11: 0.048 looks like a fraction" \
        in lines[1]


def test_the_thresholds_are_set_in_targets_toml(ws):
    (ws / "actuals" / "2025-11.toml").write_text(
        "schema = 1\n" + record("inv", "2025-11", 3500) + record("retail", "2025-11", 150),
        encoding="utf-8")
    default = run("--lang", "en", "check").stdout
    assert "is about" in default and "beyond ±100%" in default
    path = ws / "targets.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "[targets.inv]", "[checks]\nmagnitude = 10\ngrowth_limit = 200\n\n[targets.inv]"),
        encoding="utf-8")
    relaxed = run("--lang", "en", "check").stdout
    assert "is about" not in relaxed and "beyond" not in relaxed
    path.write_text(path.read_text(encoding="utf-8").replace("magnitude = 10",
                                                             "magnitude = 1\nmagnitud = 3"),
                    encoding="utf-8")
    bad = run("--lang", "en", "check")
    assert bad.exit_code == 1
    assert "checks.magnitude must be more than 1" in bad.stdout
    assert "unknown field 'magnitud' (did you mean 'magnitude'?)" in bad.stdout


def test_import_warns_in_the_preview_and_strict_refuses_the_sheet(ws):
    (ws / "dept.csv").write_text("指标,期间,数值\ninv,2025-11,6120\nretail,2025-11,4.9\n",
                                 encoding="utf-8")
    preview = run("--no-color", "import", "dept.csv", "--dry-run")
    assert preview.exit_code == 0
    assert "第2行  ⚠ inv 2025-11：6120 约为按进度应达到的数值（568.3）的10倍；是否应为 612？" \
        in preview.stdout
    before = digest(ws)
    strict = run("import", "dept.csv", "--strict")
    assert strict.exit_code == 1 and "--strict：未写入任何内容" in strict.stderr
    assert "dept.csv 第2行" in strict.stderr
    assert digest(ws) == before
    assert run("import", "dept.csv").exit_code == 0
    assert actual(ws, "inv") == 6120


# ── withdrawing a figure ────────────────────────────────────────────────────────


def test_withdraw_returns_a_target_to_its_previous_figure_and_colour(ws):
    before_status = status(ws, "inv")
    assert run("add", "inv", "6120", "--period", "2025-11").exit_code == 0
    assert actual(ws, "inv") == 6120 and status(ws, "inv") == "blue"
    month = ws / "actuals" / "2025-11.toml"
    kept = month.read_bytes()
    result = run("withdraw", "inv", "--period", "2025-11", "--note", "误录")
    assert result.exit_code == 0, result.stderr
    assert "已撤回 年度投资 [inv] 2025-11: 6120亿元" in result.stdout
    assert month.read_bytes().startswith(kept)  # appended, nothing rewritten
    assert "withdrawn = true" in month.read_text(encoding="utf-8")
    assert actual(ws, "inv") == 496 and status(ws, "inv") == before_status
    assert run("check").exit_code == 0
    shown = json.loads(run("show", "inv", "--format", "json").stdout)["figures"]
    assert [f["withdrawn"] for f in shown if f["period"] == "2025-11"] == [False, True]
    assert [f["counts"] for f in shown if f["period"] == "2025-11"] == [False, False]
    table = run("--no-color", "show", "inv").stdout
    assert "撤回" in table and "已撤回" in table
    # Nothing is in force any more: a new figure needs no --correct, and there is
    # nothing left to withdraw.
    again = run("withdraw", "inv", "--period", "2025-11")
    assert again.exit_code == 1 and "没有可撤回的有效数值" in again.stderr
    assert run("add", "inv", "560", "--period", "2025-11").exit_code == 0
    assert actual(ws, "inv") == 560


def test_withdrawing_a_correction_brings_back_the_figure_it_replaced(ws):
    assert run("add", "inv", "560", "--period", "2025-11").exit_code == 0
    assert run("add", "inv", "565", "--period", "2025-11", "--correct").exit_code == 0
    assert actual(ws, "inv") == 565
    assert run("withdraw", "inv", "--period", "2025-11").exit_code == 0
    assert actual(ws, "inv") == 560


def test_a_withdrawal_carries_no_figure(ws):
    (ws / "actuals" / "2025-11.toml").write_text(
        "schema = 1\n" + record("inv", "2025-11", 560)
        + record("inv", "2025-11", 5, withdrawn=True), encoding="utf-8")
    result = run("--lang", "en", "check")
    assert result.exit_code == 1
    assert "a withdrawal (withdrawn = true) carries no value" in result.stdout
