"""Periods as sheets write them (12月, 1—12月, １２月, a bare 12) mean a month of the plan's
year; a plan across two years needs the year; at the year's end the default month points
to the plan's last month and to next year's workspace (#26, parts 6 and 7)."""

from __future__ import annotations

import datetime as dt
import shlex
import tomllib

import pytest

from conftest import PLAN, record, run, write_ws
from kpitrack.core.errors import KpiError
from kpitrack.core.model import Plan
from kpitrack.core.period import Period
from kpitrack.core.typed import parse_month_or_date, parse_period
from kpitrack.i18n.messages import Msg

TARGETS = """
[targets.inv]
name = "年度投资"
kind = "cumulative"
target = 620
unit = "亿元"

[targets.smes]
name = "科技型企业"
kind = "cumulative"
target = 3400
unit = "家"

[targets.retail]
name = "社零增速"
kind = "growth"
target = 5
unit = "%"

[targets.labs]
name = "重点实验室"
kind = "cumulative"
target = 30
unit = "个"
"""

TWO_YEARS = """\
schema = 1

[plan]
title = "跨年度计划"
start = 2025-07-01
end = 2026-06-30
"""

YEAR = Plan("2025", dt.date(2025, 1, 1), dt.date(2025, 12, 31))
ACROSS = Plan("2025/26", dt.date(2025, 7, 1), dt.date(2026, 6, 30))


@pytest.fixture
def ws(isolated, monkeypatch):
    monkeypatch.setenv("KPITRACK_TODAY", "2026-01-10")
    return write_ws(isolated, TARGETS, {
        "2025-11": record("inv", "2025-11", 560, recorded="2025-12-08T09:30:00+08:00"),
    })


def records(root, month: str) -> list[dict]:
    path = root / "actuals" / f"{month}.toml"
    if not path.exists():
        return []
    return tomllib.loads(path.read_text(encoding="utf-8")).get("actual", [])


# ── the parser, given the plan ─────────────────────────────────────────────────

@pytest.mark.parametrize("text", [
    "12月", "12月份", "1-12月", "1—12月", "1–12月", "1~12月", "1～12月", "1－12月", "1至12月",
    "1—12月累计", "１２月", "１—１２月", "12", " 12 ", "１２", "1-12", "1—12", "2025年1—12月",
    "2025-12",
])
def test_a_month_as_sheets_write_it_is_in_the_plans_year(text):
    assert parse_period(text, YEAR) == Period(2025, 12)


@pytest.mark.parametrize(("text", "month"), [("3月", 3), ("1-3月", 3), ("1—1月", 1), ("7", 7)])
def test_the_span_from_january_means_the_month_it_runs_to(text, month):
    assert parse_period(text, YEAR) == Period(2025, month)


@pytest.mark.parametrize("text", ["3-5月", "3—5月", "2-12月", "3-5", "2025年3-5月"])
def test_a_span_not_from_january_is_refused_as_such(text):
    with pytest.raises(KpiError) as caught:
        parse_period(text, YEAR)
    assert caught.value.msg.id is Msg.PERIOD_SPAN_NOT_YTD
    assert "a period is one month (5) or a year-to-date span from January (1-5)" in \
        caught.value.text("en")
    assert "期间是一个月（如 5月）或年内累计 1—N月" in caught.value.text("zh")


@pytest.mark.parametrize("text", ["13月", "0月", "1-13月", "13", "0", "123", "十二月"])
def test_a_month_that_is_no_month_cannot_be_read(text):
    with pytest.raises(KpiError) as caught:
        parse_period(text, YEAR)
    assert caught.value.msg.id is Msg.BAD_PERIOD_TEXT


@pytest.mark.parametrize(("text", "example"), [
    ("12月", "2025-12"), ("1—12月", "2025-12"), ("3月", "2026-03"), ("3", "2026-03")])
def test_a_plan_across_two_years_needs_the_year(text, example):
    with pytest.raises(KpiError) as caught:
        parse_period(text, ACROSS)
    assert caught.value.text("en") == (
        f"period {text!r} gives no year, and the plan runs across two years (2025-07 to "
        f"2026-06): write the year, e.g. {example}")
    assert caught.value.text("zh") == (
        f"期间 {text!r} 未写年份，而计划跨两个年度（2025-07 至 2026-06）：请写明年份，如 "
        f"{example}")
    assert parse_period(example, ACROSS) == Period(*map(int, example.split("-")))


def test_as_of_reads_a_month_without_its_year_too():
    assert parse_month_or_date("1—6月", YEAR, dt.date(2026, 1, 10)) == (Period(2025, 6), None)
    with pytest.raises(KpiError) as caught:
        parse_month_or_date("3-5月", YEAR, dt.date(2026, 1, 10))
    assert caught.value.msg.id is Msg.PERIOD_SPAN_NOT_YTD


# ── import and add ─────────────────────────────────────────────────────────────

def test_a_csv_sheet_with_months_written_without_their_year(ws):
    (ws / "dept.csv").write_text(
        "指标,期间,数值\ninv,12月,612\nsmes,1—12月,3420\nretail,１２月,5.2\nlabs,12,31\n",
        encoding="utf-8")
    result = run("import", "dept.csv")
    assert result.exit_code == 0, result.stderr
    assert [(r["target"], r["period"], r["value"]) for r in records(ws, "2025-12")] == [
        ("inv", "2025-12", 612), ("smes", "2025-12", 3420), ("retail", "2025-12", 5.2),
        ("labs", "2025-12", 31)]
    assert run("check").exit_code == 0


def test_an_xlsx_sheet_with_a_number_or_a_span_in_its_period_column(ws):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in (["指标", "月份", "数值"], ["inv", 12, 612], ["smes", "1—12月", 3420],
                ["labs", "１２月", 31], ["retail", 11.0, 5.0]):
        sheet.append(row)
    book.save(ws / "dept.xlsx")
    result = run("import", "dept.xlsx")
    assert result.exit_code == 0, result.stderr
    assert [r["target"] for r in records(ws, "2025-12")] == ["inv", "smes", "labs"]
    assert [r["target"] for r in records(ws, "2025-11")] == ["inv", "retail"]


def test_a_sheet_span_not_from_january_stops_the_import_at_its_row(ws):
    (ws / "dept.csv").write_text("指标,期间,数值\ninv,12月,612\nsmes,3-5月,3420\n",
                                 encoding="utf-8")
    result = run("import", "dept.csv")
    assert result.exit_code == 1
    assert result.stderr == (
        "错误：dept.csv 第3行：无法识别期间 '3-5月'：期间是一个月（如 5月）或年内累计 1—N月"
        "（如 1—5月），不能是 3—5月；未导入任何数据\n")
    assert records(ws, "2025-12") == []


@pytest.mark.parametrize("period", ["12月", "1—12月", "１２月", "12"])
def test_add_with_period_written_without_its_year(ws, period):
    result = run("add", "inv", "612", "--period", period)
    assert result.exit_code == 0, result.stderr
    assert [(r["period"], r["value"]) for r in records(ws, "2025-12")] == [("2025-12", 612)]


def test_import_period_option_written_without_its_year(ws):
    (ws / "dept.csv").write_text("指标,数值\ninv,612\n", encoding="utf-8")
    assert run("import", "dept.csv", "--period", "1—12月").exit_code == 0
    assert records(ws, "2025-12")[0]["value"] == 612


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", "错误：无法识别期间 '3-5月'：期间是一个月（如 5月）或年内累计 1—N月（如 1—5月），"
           "不能是 3—5月\n"),
    ("en", "Error: cannot read period '3-5月': a period is one month (5) or a year-to-date "
           "span from January (1-5), not months 3 to 5\n"),
])
def test_add_refuses_a_span_not_from_january(ws, lang, expected):
    result = run("--lang", lang, "add", "inv", "612", "--period", "3-5月")
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", expected)


def test_a_plan_across_two_years_refuses_a_month_without_its_year(isolated, monkeypatch):
    monkeypatch.setenv("KPITRACK_TODAY", "2026-05-10")
    write_ws(isolated, TARGETS, plan=TWO_YEARS)
    result = run("add", "inv", "100", "--period", "12月")
    assert (result.exit_code, result.stderr) == (1, (
        "错误：期间 '12月' 未写年份，而计划跨两个年度（2025-07 至 2026-06）：请写明年份，如 "
        "2025-12\n"))
    english = run("--lang", "en", "add", "inv", "100", "--period", "12月")
    assert english.stderr == (
        "Error: period '12月' gives no year, and the plan runs across two years (2025-07 to "
        "2026-06): write the year, e.g. 2025-12\n")
    (isolated / "dept.csv").write_text("指标,期间,数值\ninv,12,100\n", encoding="utf-8")
    sheet = run("import", "dept.csv")
    assert sheet.exit_code == 1
    assert "第2行：期间 '12' 未写年份，而计划跨两个年度" in sheet.stderr
    assert run("add", "inv", "100", "--period", "2025-12").exit_code == 0


# ── the year's end: last month is after the plan ───────────────────────────────

def test_in_january_last_month_is_still_the_plans_december(ws):
    result = run("add", "inv", "612")
    assert result.exit_code == 0, result.stderr
    assert records(ws, "2025-12")[0]["value"] == 612


@pytest.mark.parametrize(("lang", "expected"), [
    ("zh", "错误：上个月 2026-01 已在计划期（2025-01 至 2025-12）之后：补报计划最后一个月请加 "
           "--period 2025-12；开始 2026 年请运行 kpitrack init ../{new} --from . --year 2026\n"),
    ("en", "Error: last month, 2026-01, is after the plan (2025-01 to 2025-12): for the plan's "
           "last month give --period 2025-12; to start 2026, run kpitrack init ../{new} --from "
           ". --year 2026\n"),
])
def test_after_the_plan_the_default_month_points_to_next_years_workspace(
        ws, monkeypatch, lang, expected):
    monkeypatch.setenv("KPITRACK_TODAY", "2026-02-10")
    result = run("--lang", lang, "add", "inv", "612")
    new = f"{ws.name}-2026"
    assert (result.exit_code, result.stdout, result.stderr) == (
        1, "", expected.format(new=new))
    assert records(ws, "2026-01") == [] and records(ws, "2025-12") == []
    answer = run("--lang", lang, "respond", "inv", "--reason", "r", "--measures", "m")
    assert (answer.exit_code, answer.stderr) == (1, expected.format(new=new))


def test_the_command_it_gives_starts_next_years_workspace(ws, monkeypatch):
    monkeypatch.setenv("KPITRACK_TODAY", "2026-02-10")
    message = run("--lang", "en", "add", "inv", "612").stderr
    command = shlex.split(message.split("run kpitrack ")[1])
    assert run(*command).exit_code == 0
    new = ws.parent / f"{ws.name}-2026"
    assert "year = 2026" in (new / "targets.toml").read_text(encoding="utf-8")
    assert run("add", "inv", "612", "--period", "2025-12").exit_code == 0


def test_a_workspace_named_by_its_year_is_followed_by_the_next(isolated, monkeypatch):
    monkeypatch.setenv("KPITRACK_TODAY", "2026-03-01")
    root = isolated / "gxq-2025"
    root.mkdir()
    write_ws(root, TARGETS, plan=PLAN)
    result = run("-C", str(root), "--lang", "en", "add", "inv", "612")
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "run kpitrack init gxq-2026 --from gxq-2025 --year 2026\n"), result.stderr
