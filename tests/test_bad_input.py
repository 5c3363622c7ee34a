"""A table of bad input: each ends with exit 1, one clear line on stderr, and no file changed."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import PLAN, digest, record, run, write_ws

TARGETS = """
[targets.inv]
name = "年度投资"
kind = "cumulative"
target = 620
unit = "亿元"

[targets.lab]
name = "实验室挂牌"
kind = "milestone"
"""


CJK = re.compile(r"[\u4e00-\u9fff]")


# Two or more English words in a row: a sentence the catalogue did not word in Chinese.
ENGLISH_RUN = re.compile(r"\b[A-Za-z]{2,}(?: [A-Za-z]{2,})+\b")


def english_left(line: str) -> list[str]:
    """English phrases in a Chinese line, once file names, quoted user data, `code`,
    options and field names (which stay as written in the files) are taken out."""
    line = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`|--[a-z-]+|\S*\.toml\S*", " ", line)
    return ENGLISH_RUN.findall(line)


def location(line: str) -> str:
    """`actuals/2025-03.toml:5: ` at the start of an error line, or ''."""
    match = re.match(r"^[^\s:]+\.toml(?::\d+)?: ", line)
    return match.group(0) if match else ""


def targets_case(old: str, new: str, expected: str):
    """targets.toml with `old` replaced by `new`; `status` must name `expected`."""
    return ("targets", old, new, expected)


def actuals_case(body: bytes | str, expected: str, name: str = "2025-03.toml"):
    return ("actuals", name, body, expected)


TARGET_CASES = [
    targets_case('name = "年度投资"', 'name = "年度投资', "targets.toml:8: invalid TOML"),
    targets_case("target = 620", 'target = "620"', "targets.toml:10: target must be a number"),
    targets_case('kind = "cumulative"', 'kind = "sum"', "targets.toml:9: kind must be one of"),
    targets_case('unit = "亿元"', 'unit = "亿元"\ntagret = 5', "unknown field 'tagret'"),
    targets_case('name = "年度投资"\n', "", "targets.toml:7: missing name"),
    targets_case("target = 620\n", "", "targets.toml:7: missing target"),
    targets_case("schema = 1", "schema = 2", "targets.toml:1: schema 2 is newer"),
    targets_case("schema = 1\n", "", "missing `schema = 1`"),
    targets_case("target = 620", "target = nan", "targets.toml:10: target must be a finite"),
    targets_case("target = 620", "target = inf", "target must be a finite number"),
    targets_case("[targets.inv]", '[targets."a b"]', "target id 'a b' may use only"),
    targets_case("year = 2025", "", "plan needs `year = 2025`"),
    targets_case("year = 2025", 'year = 2025\nlang = "fr"', "plan.lang must be zh or en"),
    targets_case("year = 2025", "year = 2025\n[bands]\nblue = -20", "blue >= green >= yellow"),
    targets_case('unit = "亿元"', 'unit = "亿元"\nschedule = { "13" = 100 }',
                 "schedule month '13' must be a month number from 1 to 12"),
    targets_case('kind = "milestone"', 'kind = "milestone"\ndue = "2025-06-30"',
                 "due must be a date"),
    targets_case('unit = "亿元"', 'unit = "亿元"\ndirection = "sideways"',
                 "direction must be one of up, down"),
    targets_case('kind = "milestone"', 'kind = "milestone"\nreport = "ytd"',
                 "report applies to cumulative targets only"),
    targets_case("target = 620", "target = 1e300", "target 1e+300 is too large"),
    targets_case('unit = "亿元"', 'unit = "亿元"\ntags = "重点"', "tags must be a list of text"),
    targets_case("[targets.inv]", "[targets.inv]\n[targets.inv.x]",
                 "targets.toml:8: unknown field 'x'"),
    # TOML 1.1 syntax stays invalid: files must read the same in every TOML 1.0 tool.
    targets_case('unit = "亿元"', 'unit = "亿元"\nschedule = { "6" = 40,\n "12" = 100 }',
                 "targets.toml:12: invalid TOML"),
    targets_case('name = "年度投资"', 'name = "年度\\e投资"', "targets.toml:8: invalid TOML"),
]

ACTUAL_CASES = [
    actuals_case('schema = 1\n[[actual]]\ntarget = "inv"\nvalue = 1.2.3\n',
                 "2025-03.toml:4: invalid TOML"),
    actuals_case(record("inv", "2025-03", '"138.6"'), "2025-03.toml:5: value must be a number"),
    actuals_case(record("inv", "2025-03", "nan"), "2025-03.toml:5: value must be a finite"),
    actuals_case(record("inv", "2025-03", "-inf"), "value must be a finite number"),
    actuals_case(record("inv", "2025-03", "1e300"), "value 1e+300 is too large"),
    actuals_case(record("inv", "2025-03", -4), "2025-03.toml:5: value -4 is negative"),
    actuals_case(record("invv", "2025-03", 4), "unknown target 'invv' (did you mean 'inv'?)"),
    actuals_case(record("inv", "2025-04", 4), "period 2025-04 does not match the file's month"),
    actuals_case(record("inv", "2026-01", 4), "period 2026-01 is outside the plan",
                 name="2026-01.toml"),
    actuals_case(record("inv", "2025-03", 4) + record("inv", "2025-03", 5),
                 "2025-03.toml:7: second figure for inv 2025-03 without correction"),
    actuals_case(record("inv", "2025-03", 4, valeu=3), "2025-03.toml:6: unknown field 'valeu'"),
    actuals_case(b"", "2025-03.toml: missing `schema = 1`"),
    actuals_case(b"schema = 1\n# caf\xe9\n", "2025-03.toml:2: not UTF-8 text (byte 0xe9)"),
    actuals_case(b"schema = 1\n", "month files must be named YYYY-MM.toml", name="March.toml"),
    actuals_case(b"schema = 3\n", "2025-03.toml:1: schema 3 is newer"),
    actuals_case(record("inv", "2025-03", 4, done=True), "done applies to milestones only"),
    actuals_case(record("inv", "2025-03", "true"), "value must be a number, not bool"),
    actuals_case(record("lab", "2025-03"), "a milestone record needs done = true"),
    actuals_case(record("inv", "2025-03"), "record has no value"),
    actuals_case(record("inv", "2025-03", 4, recorded="yesterday"),
                 "recorded must be a date-time"),
    actuals_case('schema = 1\n[[actual]]\ntarget = "inv"\nvalue = 3\n', "record has no period"),
    actuals_case('schema = 1\nactual = 3\n', "records must be [[actual]] tables"),
    actuals_case(record("inv", "2025-3", 4), "period must be text like \"2025-03\""),
    actuals_case(record("inv", "2025-03", 4, recorded="2025-04-01T09:30"),
                 "2025-03.toml:6: invalid TOML"),
]


@pytest.mark.parametrize("case", TARGET_CASES + ACTUAL_CASES,
                         ids=lambda c: c[-1][:40])
def test_bad_file_is_one_clear_line_and_exit_1(isolated, case):
    kind, a, b, expected = case
    write_ws(isolated, TARGETS)
    if kind == "targets":
        path = isolated / "targets.toml"
        text = path.read_text(encoding="utf-8")
        assert a in text
        path.write_text(text.replace(a, b, 1), encoding="utf-8")
    else:
        if isinstance(b, str) and not b.startswith("schema"):
            b = "schema = 1\n" + b
        data = b if isinstance(b, bytes) else b.encode()
        (isolated / "actuals" / a).write_bytes(data)
    before = digest(isolated)
    for command in (["status"], ["add", "inv", "1", "--period", "2025-02"]):
        english = run("--lang", "en", *command)
        chinese = run(*command)  # the workspace's own language
        if command[0] == "add" and kind == "actuals":
            continue  # a broken month file elsewhere does not block recording
        for result in (english, chinese):
            assert result.exit_code == 1, (command, result.stdout)
            assert len(result.stderr.strip().splitlines()) == 1, result.stderr
            assert "Traceback" not in result.stderr
        assert expected in english.stderr, english.stderr
        # The same place, worded in Chinese: the catalogue knows this message.
        en_line = english.stderr.strip().removeprefix("Error: ")
        zh_line = chinese.stderr.strip().removeprefix("错误：")
        assert location(zh_line) == location(en_line)
        assert CJK.search(zh_line[len(location(zh_line)):]), zh_line
        assert not english_left(zh_line), zh_line
        assert digest(isolated) == before
    assert run("check").exit_code == 1


def test_adding_into_a_broken_month_file_names_it_and_changes_nothing(isolated):
    write_ws(isolated, TARGETS)
    path = isolated / "actuals" / "2025-03.toml"
    path.write_bytes(b"schema = 1\n[[actual]\n")
    before = digest(isolated)
    result = run("add", "inv", "1", "--period", "2025-03")
    assert result.exit_code == 1
    assert "2025-03.toml:2: TOML 格式错误" in result.stderr
    assert "请先修正此文件再添加" in result.stderr
    assert digest(isolated) == before


def test_adding_with_a_broken_file_elsewhere_still_records_and_warns(isolated):
    write_ws(isolated, TARGETS, {"2025-03": record("nope", "2025-03", 1)})
    result = run("add", "inv", "1", "--period", "2025-02")
    assert result.exit_code == 0
    assert "注意：工作区其他文件有1处问题" in result.stderr


def test_period_in_the_future_is_refused(isolated):
    today = dt.date.today()
    plan = PLAN.replace("year = 2025", f"start = {today.year}-01-01\nend = {today.year + 1}-12-31")
    write_ws(isolated, TARGETS, plan=plan)
    future = dt.date(today.year + 1, 12, 1) if today.month == 12 else today.replace(day=1)
    future = future.replace(month=future.month % 12 + 1) if today.month != 12 else future
    before = digest(isolated)
    result = run("add", "inv", "1", "--period", future.strftime("%Y-%m"))
    assert result.exit_code == 1 and "尚未到来（今天是" in result.stderr
    assert digest(isolated) == before


def test_target_equal_to_baseline_warns_and_reports_none(isolated):
    write_ws(isolated, """
[targets.lv]
name = "存量"
kind = "level"
target = 100
baseline = 100
""", {"2025-03": record("lv", "2025-03", 100)})
    check = run("check", "--format", "json")
    assert check.exit_code == 0
    assert "目标值不高于基数：无法计算完成率" in check.stdout
    english = run("--lang", "en", "check", "--format", "json")
    assert "completion cannot be computed" in english.stdout
    result = run("status", "--format", "json")
    assert result.exit_code == 0 and '"status": "none"' in result.stdout


def test_missing_actuals_folder_is_an_empty_history(isolated):
    write_ws(isolated, TARGETS)
    (isolated / "actuals").rmdir()
    assert run("status").exit_code == 0
    assert run("add", "inv", "1", "--period", "2025-02").exit_code == 0
    assert (isolated / "actuals" / "2025-02.toml").exists()


def test_actuals_that_is_a_file_is_an_error(isolated):
    write_ws(isolated, TARGETS)
    (isolated / "actuals").rmdir()
    (isolated / "actuals").write_text("x")
    result = run("status")
    assert result.exit_code == 1 and "actuals 是文件" in result.stderr


def test_crlf_and_bom_files_are_read(isolated):
    write_ws(isolated, TARGETS)
    body = "\ufeffschema = 1\r\n" + record("inv", "2025-03", 4).replace("\n", "\r\n")
    (isolated / "actuals" / "2025-03.toml").write_bytes(body.encode())
    assert run("check").exit_code == 0
    assert '"actual": 4' in run("status", "--format", "json").stdout
