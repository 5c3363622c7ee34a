"""The command-line contract: output, exit codes, and files left as they were."""

from __future__ import annotations

import json

import pytest

from conftest import REPO, digest, record, run, write_ws

TARGETS = """
[targets.inv]
name = "年度投资"
section = "需求"
kind = "cumulative"
target = 620
unit = "亿元"
owner = "发展改革局"

[targets.retail]
name = "社零增速"
section = "需求"
kind = "growth"
target = 5
unit = "%"
owner = "商务局"

[targets.lab]
name = "实验室挂牌"
kind = "milestone"
due = 2025-12-31
"""


@pytest.fixture
def ws(isolated):
    return write_ws(isolated, TARGETS, {
        "2025-03": record("inv", "2025-03", 138.6, recorded="2025-04-12T09:30:00+08:00")
        + record("retail", "2025-03", 3.5, recorded="2025-04-12T09:30:00+08:00"),
    })


def test_status_json_matches_the_contract(ws):
    result = run("status", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == 1 and data["as_of"] == "2025-03"
    assert data["plan"] == {"title": "测试计划", "start": "2025-01-01", "end": "2025-12-31"}
    assert data["summary"] == {"blue": 0, "green": 1, "yellow": 0, "red": 1, "none": 1}
    inv = data["targets"][0]
    assert inv["id"] == "inv" and inv["status"] == "green"
    assert inv["completion"] == pytest.approx(22.3548387)
    assert inv["time_progress"] == 25.0
    assert inv["needed_per_month"] == pytest.approx(53.4888889)
    assert data["targets"][2]["completion"] is None


def test_status_table_shows_labels_with_colour_off(ws):
    result = run("--no-color", "status")
    assert result.exit_code == 0
    out = result.stdout
    assert "绿色·推进正常" in out and "红色·滞后督办" in out and "灰色·未报送" in out
    assert "\x1b[" not in out
    assert "-2.6" in out  # signed gap, one decimal
    assert "图例" in out


def test_status_english_labels(ws):
    out = run("--lang", "en", "--no-color", "status").stdout
    assert "On track" in out and "Lagging" in out and "No data" in out


def test_status_md_and_csv(ws):
    md = run("status", "--format", "md").stdout
    assert "| 🟢 绿色·推进正常 | ↕未报送 | 年度投资 | 620亿元 |  | 138.6亿元 | 2025-03 |" in md
    csv = run("status", "--format", "csv").stdout
    assert not csv.startswith("\ufeff")  # stdout of status: no BOM; export adds one
    # the figures bare, their unit and the signed gap in columns added at the end
    assert csv.splitlines()[1] == ("inv,绿色·推进正常,需求,年度投资,累计,620,,138.6,"
                                   "2025-03,22.4,25.0,-2.6,554.4,53.5,,↕未报送,发展改革局,,"
                                   "亿元,差距-2.6个百分点,,,,")


def test_only_section_owner_filters(ws):
    data = json.loads(run("status", "--only", "red", "--format", "json").stdout)
    assert [t["id"] for t in data["targets"]] == ["retail"]
    assert data["summary"]["red"] == 1 and data["summary"]["green"] == 0
    data = json.loads(run("status", "--owner", "商务", "--format", "json").stdout)
    assert [t["id"] for t in data["targets"]] == ["retail"]
    bad = run("status", "--section", "nope")
    assert bad.exit_code == 1 and "没有与 'nope' 匹配的板块；现有：需求" in bad.stderr
    english = run("--lang", "en", "status", "--section", "nope")
    assert "Error: no section matches 'nope'; known: 需求" in english.stderr


def test_only_rejects_unknown_colour_as_usage_error(ws):
    assert run("status", "--only", "purple").exit_code == 2


@pytest.mark.parametrize("color, code", [("red", 3), ("yellow", 3), ("none", 3)])
def test_fail_on(ws, color, code):
    assert run("status", "--fail-on", color, "--format", "json").exit_code == code


def test_fail_on_passes_when_nothing_is_that_bad(isolated):
    write_ws(isolated, TARGETS, {"2025-03": record("inv", "2025-03", 200)})
    assert run("status", "--only", "blue,green", "--fail-on", "red").exit_code == 0


def test_as_of_variants(ws):
    data = json.loads(run("status", "--as-of", "2025-02", "--format", "json").stdout)
    assert data["as_of"] == "2025-02" and data["summary"]["none"] == 3
    assert run("status", "--as-of", "2025年3月", "--format", "json").exit_code == 0
    bad = run("status", "--as-of", "someday")
    assert bad.exit_code == 1 and "--as-of" in bad.stderr
    early = run("status", "--as-of", "2024-05")
    assert early.exit_code == 1 and "--as-of 2024-05 早于计划开始（2025-01）" in early.stderr


def test_add_appends_echoes_and_updates_status(ws):
    result = run("add", "inv", "3500万", "--period", "2025Q2", "--note", "1—6月累计")
    assert result.exit_code == 0, result.stderr
    assert "2025-06" in result.stdout and "0.35亿元" in result.stdout
    text = (ws / "actuals" / "2025-06.toml").read_text(encoding="utf-8")
    assert 'target = "inv"' in text and "value = 0.35" in text and "schema = 1" in text
    data = json.loads(run("status", "--format", "json").stdout)
    assert data["as_of"] == "2025-06" and data["targets"][0]["actual"] == 0.35


def test_add_by_name_and_milestone_done(ws):
    result = run("add", "实验室挂牌", "--done", "--date", "2025-03-18", "--period", "2025-03")
    assert result.exit_code == 0, result.stderr
    data = json.loads(run("status", "--format", "json").stdout)
    lab = data["targets"][2]
    assert lab["status"] == "blue" and lab["done"] is True and lab["done_date"] == "2025-03-18"


def test_add_refuses_a_second_figure_without_correct(ws):
    before = digest(ws)
    result = run("add", "inv", "140", "--period", "2025-03")
    assert result.exit_code == 1
    assert "inv 在 2025-03 已有数值（138.6，actuals/2025-03.toml:2）；如需替换请用 --correct" \
        in result.stderr
    assert digest(ws) == before
    fixed = run("add", "inv", "140", "--period", "2025-03", "--correct")
    assert fixed.exit_code == 0
    assert json.loads(run("status", "--format", "json").stdout)["targets"][0]["actual"] == 140
    assert (ws / "actuals" / "2025-03.toml").read_text(encoding="utf-8").count("value = 138.6") == 1


@pytest.mark.parametrize("args, message, chinese", [
    (["add", "invv", "1", "--period", "2025-03"], "did you mean 'inv'", "是否想写 'inv'"),
    (["add", "inv", "abc", "--period", "2025-03"], "cannot read figure 'abc'",
     "无法识别数值 'abc'：应为数字，如 138.6 或 3500万"),
    (["add", "inv", "nan", "--period", "2025-03"], "cannot read figure", "无法识别数值 'nan'"),
    (["add", "inv", "1e400", "--period", "2025-03"], "out of range", "数值 '1e400' 超出范围"),
    (["add", "inv", "-5", "--period", "2025-04"], "negative", "为负数"),
    (["add", "inv", "5万人", "--period", "2025-04"], "but the target is in 亿元",
     "但指标的单位是 亿元"),
    (["add", "inv", "5", "--period", "2026-01"], "after the plan", "已在计划期"),
    (["add", "inv", "5", "--period", "2024-12"], "before the plan",
     "在计划期（2025-01 至 2025-12）之前"),
    (["add", "inv", "5", "--period", "2025-13"], "cannot read period", "无法识别期间 '2025-13'"),
    (["add", "inv", "5", "--period", "2025-04", "--correct"], "no figure for 2025-04",
     "inv 在 2025-04 没有可更正的数值"),
    (["add", "lab", "--period", "2025-04"], "milestone", "lab 是节点类指标"),
    (["add", "inv", "--done", "--period", "2025-04"], "for milestones", "inv 是累计类"),
    (["add", "inv", "5", "--period", "2025-04", "--date", "2025-04-01"], "for milestones",
     "只用于节点类指标"),
    (["add", "lab", "--done", "--period", "2025-04", "--date", "x"], "cannot read date",
     "无法识别日期 'x'"),
    (["add", "inv", "13860", "--period", "2025-04", "--strict"], "did you mean 138.6?",
     "是否应为 138.6？（--strict：未写入任何内容）"),
    (["add", "retail", "0.048", "--period", "2025-04", "--strict"], "did you mean 4.8%?",
     "是否应为 4.8%？"),
    (["withdraw", "inv", "--period", "2025-04"], "no figure in force for 2025-04",
     "inv 在 2025-04 没有可撤回的有效数值"),
    (["withdraw", "invv", "--period", "2025-03"], "did you mean 'inv'", "是否想写 'inv'"),
    (["withdraw", "inv", "--period", "2026-01"], "outside the plan", "不在计划期内"),
    (["withdraw", "inv", "--period", "someday"], "cannot read period", "无法识别期间"),
])
def test_bad_add_input_is_one_line_exit_1_and_changes_nothing(ws, args, message, chinese):
    before = digest(ws)
    for result, expected in ((run("--lang", "en", *args), message), (run(*args), chinese)):
        assert result.exit_code == 1
        assert expected in result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
        assert "Traceback" not in result.stderr
    assert digest(ws) == before


def test_check_lists_problems_with_file_and_line(isolated):
    write_ws(isolated, TARGETS, {"2025-04": record("inv", "2025-04", 100)
                                 + record("nope", "2025-04", 1)
                                 + record("inv", "2025-05", 2)})
    result = run("--lang", "en", "check")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert "error: actuals/2025-04.toml:8: unknown target 'nope'" in lines[0]
    assert "actuals/2025-04.toml:14: period 2025-05 does not match" in lines[1]
    assert "3 targets, 1 figures: 2 errors, 0 warnings" in result.stderr
    data = json.loads(run("--lang", "en", "check", "--format", "json").stdout)
    assert data["errors"][0] == {"file": "actuals/2025-04.toml", "line": 8, "target": "nope",
                                 "message": "unknown target 'nope'"}
    status = run("--lang", "en", "status")
    assert status.exit_code == 1 and "1 more" in status.stderr
    chinese = run("check")
    assert chinese.stdout.splitlines()[0] == "错误：actuals/2025-04.toml:8: 未知指标 'nope'"
    assert "3项指标，1条数据：2个错误，0个警告" in chinese.stderr
    assert json.loads(run("check", "--format", "json").stdout)["errors"][0]["message"] == \
        "未知指标 'nope'"
    assert "另有1处问题，请运行 `kpitrack check`" in run("status").stderr


def test_check_json_clean_workspace(ws):
    result = run("check", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == {"errors": [], "warnings": []}


def test_targets_command(ws):
    data = json.loads(run("targets", "--format", "json").stdout)
    assert [t["id"] for t in data["targets"]] == ["inv", "retail", "lab"]
    assert "年度投资" in run("targets").stdout


def test_init_creates_a_workspace_that_passes_check(isolated):
    result = run("init", str(isolated / "zone"))
    assert result.exit_code == 0
    assert run("-C", str(isolated / "zone"), "check").exit_code == 0
    again = run("init", str(isolated / "zone"))
    assert again.exit_code == 1 and "zone/targets.toml 已存在；未做任何更改" in again.stderr


def test_init_template_explains_every_field_and_has_every_kind(isolated):
    from kpitrack.workspace.targets_file import TARGET_FIELDS as _TARGET_FIELDS

    assert run("init", "zone").exit_code == 0
    text = (isolated / "zone" / "targets.toml").read_text(encoding="utf-8")
    for field in _TARGET_FIELDS - {"tags"}:
        assert f"{field} = " in text, field
    data = json.loads(run("-C", "zone", "targets", "--format", "json").stdout)
    assert {t["kind"] for t in data["targets"]} == {"cumulative", "level", "growth",
                                                     "threshold", "milestone"}


def test_init_from_copies_a_plan_byte_for_byte(isolated):
    result = run("init", "copy", "--from", str(REPO / "targets.toml"))
    assert result.exit_code == 0, result.stderr
    assert (isolated / "copy" / "targets.toml").read_bytes() == \
        (REPO / "targets.toml").read_bytes()
    assert list((isolated / "copy" / "actuals").iterdir()) == []
    check = run("-C", "copy", "check")
    assert check.exit_code == 0 and "57项指标，0条数据：0个错误" in check.stderr


def test_init_from_a_folder_with_a_new_year(isolated):
    (isolated / "old").mkdir()
    write_ws(isolated / "old", """
[targets.inv]
name = "投资"
kind = "cumulative"
target = 620
last_year = 571  # 上年实际

[targets.lab]
name = "实验室"
kind = "milestone"
due = 2024-02-29
""", plan='schema = 1\n# the plan\n[plan]\ntitle = "2024年目标"\nstart = 2024-01-01\n'
         'end = 2024-12-31\n')
    result = run("init", "new", "--from", "old", "--year", "2025")
    assert result.exit_code == 0, result.stderr
    text = (isolated / "new" / "targets.toml").read_text(encoding="utf-8")
    assert 'title = "2025年目标"' in text and "start = 2025-01-01" in text
    assert "end = 2025-12-31" in text and "due = 2025-02-28" in text
    assert "last_year" not in text and "# the plan" in text
    assert run("-C", "new", "check").exit_code == 0


def test_init_from_a_broken_plan_creates_nothing(isolated):
    (isolated / "bad.toml").write_text("schema = 1\n[plan]\nyear = 'x'\n", encoding="utf-8")
    result = run("init", "new", "--from", "bad.toml")
    assert result.exit_code == 1
    assert "bad.toml:3: plan.year 必须是年份，如 2025；请先修正再复制此计划" in result.stderr
    assert result.stderr.count("\n") == 1
    assert not (isolated / "new").exists()
    missing = run("init", "new", "--from", "nowhere.toml")
    assert missing.exit_code == 1 and "nowhere.toml" in missing.stderr
    assert run("init", "new", "--year", "2026").exit_code == 2
    assert not (isolated / "new").exists()


def test_missing_workspace_is_a_clear_error(isolated, monkeypatch):
    monkeypatch.delenv("KPITRACK_WORKSPACE")
    # No plan to take the language from: Chinese, the default, unless --lang says otherwise.
    result = run("status")
    assert result.exit_code == 1 and "及其上级文件夹中都没有 targets.toml" in result.stderr
    result = run("--lang", "en", "status")
    assert result.exit_code == 1 and "Error: no targets.toml in" in result.stderr
    (isolated / "afile").write_text("x")
    result = run("-C", str(isolated / "afile"), "status")
    assert result.exit_code == 1 and "是文件，不是文件夹" in result.stderr


def test_workspace_found_in_a_parent_folder(ws, monkeypatch):
    monkeypatch.delenv("KPITRACK_WORKSPACE")
    sub = ws / "actuals"
    monkeypatch.chdir(sub)
    assert json.loads(run("status", "--format", "json").stdout)["as_of"] == "2025-03"


def test_version():
    result = run("--version")
    assert result.exit_code == 0 and result.stdout.startswith("kpitrack ")


def test_hostile_names_stay_literal(isolated):
    write_ws(isolated, """
[targets.x]
name = "[bold red]假|名[/] <script>\\u001b[31m"
kind = "cumulative"
target = 10
owner = "=cmd()"
""", {"2025-02": record("x", "2025-02", 1)})
    table = run("--no-color", "status").stdout
    assert "[bold red]假|名[/]" in table and "\x1b" not in table
    md = run("status", "--format", "md").stdout
    assert "\\[bold red\\]假\\|名\\[/\\] &lt;script&gt;" in md
    csv = run("status", "--format", "csv").stdout
    assert "'=cmd()" in csv
    data = json.loads(run("status", "--format", "json").stdout)
    assert data["targets"][0]["name"] == "[bold red]假|名[/] <script>\x1b[31m"


def test_repository_workspace_passes_check_and_shows_every_colour(monkeypatch):
    monkeypatch.delenv("KPITRACK_WORKSPACE")
    assert run("-C", str(REPO), "check").exit_code == 0
    data = json.loads(run("-C", str(REPO), "status", "--format", "json").stdout)
    assert data["as_of"] == "2025-10"
    assert all(data["summary"][s] > 0 for s in ("blue", "green", "yellow", "red", "none"))


def complete(env_shell: str, words: str, cword: int | None = None) -> list[str]:
    """What click's completion prints for `words`, as the shell script would ask."""
    from click.testing import CliRunner

    from kpitrack.cli.main import cli

    env = {"_KPITRACK_COMPLETE": f"{env_shell}_complete", "COMP_WORDS": words,
           "COMP_CWORD": str(cword if cword is not None else len(words.split()) - 1)}
    if env_shell == "fish":
        env["COMP_CWORD"] = words.split()[-1] if not words.endswith(" ") else ""
    result = CliRunner().invoke(cli, [], env=env, prog_name="kpitrack")
    assert result.exit_code == 0, result.output
    return [line for line in result.output.splitlines() if line]


def test_completion_offers_target_ids_sections_and_owners(ws):
    assert complete("bash", "kpitrack show la") == ["plain,lab"]
    assert complete("bash", "kpitrack show l") == ["plain,lab", "plain,retail"]  # prefix first
    # A name's part finds the id: Chinese is easier to type than to remember an id.
    assert complete("bash", "kpitrack add 投资") == ["plain,inv"]
    assert complete("bash", "kpitrack status --section 需") == ["plain,需求"]
    assert complete("bash", "kpitrack export --owner 商") == ["plain,商务局"]
    assert complete("zsh", "kpitrack show in") == ["plain", "inv", "年度投资"]
    assert complete("fish", "kpitrack show re") == ["plain,retail\t社零增速"]


def test_completion_in_a_broken_or_missing_workspace_offers_nothing(ws, monkeypatch):
    (ws / "targets.toml").write_text("not toml [", encoding="utf-8")
    assert complete("bash", "kpitrack show l") == []
    monkeypatch.setenv("KPITRACK_WORKSPACE", str(ws / "nowhere"))
    assert complete("bash", "kpitrack show l") == []


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_completion_command_prints_the_shell_script(shell):
    result = run("completion", shell)
    assert result.exit_code == 0
    assert f"_KPITRACK_COMPLETE={shell}_complete" in result.stdout
    assert run("completion", "powershell").exit_code == 2
