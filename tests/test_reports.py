"""Reports for the meeting: export goldens, show, trends, and every format agreeing."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import REPO, digest, md_tables, record, run, write_ws

GOLDEN = Path(__file__).resolve().parent / "golden"
UPDATE = os.environ.get("KPITRACK_UPDATE_GOLDEN") == "1"


@pytest.fixture
def fixture_ws(isolated):
    """The fixed golden workspace, copied so no test can change it."""
    shutil.copytree(GOLDEN / "workspace", isolated, dirs_exist_ok=True)
    return isolated


def check_golden(name: str, produced: bytes) -> None:
    path = GOLDEN / name
    if UPDATE:
        path.write_bytes(produced)
    assert path.read_bytes() == produced, f"{name} differs; if intended, regenerate with " \
                                          "KPITRACK_UPDATE_GOLDEN=1 pytest tests/test_reports.py"


@pytest.mark.parametrize(("args", "golden"), [
    (["export", "-o", "out.md"], "report.md"),
    (["--lang", "en", "export", "-o", "out.md"], "report.en.md"),
    (["export", "-o", "out.csv"], "report.csv"),
])
def test_export_matches_golden(fixture_ws, args, golden):
    result = run(*args)
    assert result.exit_code == 0, result.stderr
    check_golden(golden, (fixture_ws / args[-1]).read_bytes())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_markdown_table_row_has_the_header_cell_count(fixture_ws, lang):
    text = run("--lang", lang, "export").stdout
    tables = md_tables(text)
    # red list, closed items, changes, late reports, the units not reported on time, the
    # league table, and one table per section (three)
    assert len(tables) == 9
    for header, rows in tables:
        assert rows and all(count == header for count in rows)
    html = MarkdownIt().enable("table").render(text)
    assert "<b>" not in html and "&lt;b&gt;粗&lt;/b&gt;" in html  # user text stays literal


def test_repository_report_tables_are_well_formed():
    text = run("-C", str(REPO), "export").stdout
    tables = md_tables(text)
    # red list, changes, late reports, the units not reported on time, the league table,
    # six sections (no item closed this month)
    assert len(tables) == 5 + 6
    for header, rows in tables:
        assert all(count == header for count in rows)
    assert "示例数据（非官方统计）" in text  # the illustrative figures are declared


def test_report_says_nothing_of_examples_when_there_are_none(isolated):
    write_ws(isolated, '[targets.a]\nname = "A"\nkind = "cumulative"\ntarget = 10\n',
             {"2025-02": record("a", "2025-02", 2)})
    text = run("export").stdout
    assert "示例" not in text and "# 测试计划推进情况（截至2025年2月）" in text


def xlsx_rows(data: bytes, sheet: int = 0) -> list[dict]:
    """The workbook's status rows as dicts by header, each with its status cell's fill."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    cells = list(book.worksheets[sheet].iter_rows())
    header_at = next(i for i, row in enumerate(cells)
                     if {"编号", "ID"} & {c.value for c in row})
    header = [c.value for c in cells[header_at]]
    status_at = next(i for i, h in enumerate(header) if h in ("状态", "Status"))
    rows = []
    for row in cells[header_at + 1:]:
        found = {h: c.value for h, c in zip(header, row, strict=True)}
        found["_fill"] = row[status_at].fill.fgColor.rgb
        found["_types"] = {h: c.data_type for h, c in zip(header, row, strict=True)}
        rows.append(found)
    return rows


def status_cell_of(target: dict) -> str:
    """The status cell every human format shows for a JSON row: the label, then `*` for
    an out-of-date figure and `✓` for a year's goal met."""
    from kpitrack.i18n.words import status_label

    marks = ("*" if target["stale"] else "") + ("✓" if target["met"] else "")
    label = status_label(target["status"], "zh")
    return f"{label} {marks}" if marks else label


def label_of(cell: str) -> str:
    """A status cell without its marks."""
    return re.sub(r" [*✓]+$", "", cell)


def statuses_by_format(root: Path) -> dict[str, dict[str, str]]:
    """Each target's status as every format prints it, keyed by the target's name."""
    data = json.loads(run("-C", str(root), "status", "--format", "json").stdout)
    labels = {}
    from kpitrack.core.model import Status
    from kpitrack.i18n.words import status_label

    for status in Status:
        labels[status_label(status, "zh")] = status.value
    out = {"json": {r["name"]: r["status"] for r in data["targets"]}}
    by_name = {r["name"]: r for r in data["targets"]}
    exported = json.loads(run("-C", str(root), "export", "--format", "json").stdout)
    out["export-json"] = {r["name"]: r["status"] for r in exported["targets"]}
    rows = list(csv.DictReader(io.StringIO(
        run("-C", str(root), "export", "--format", "csv").stdout.lstrip("\ufeff"))))
    out["csv"] = {r["指标"]: labels[label_of(r["状态"])] for r in rows}
    # the marks travel with the status in every format
    assert all(r["状态"] == status_cell_of(by_name[r["指标"]]) for r in rows)
    md = run("-C", str(root), "export").stdout
    section_part = md.split("## 七、")[1].split("## 八、")[0]
    out["md"] = {}
    for line in section_part.splitlines():
        cells = [c.strip() for c in line.strip("|").split(" | ")]
        if len(cells) > 3 and cells[0][:1] in "🔵🟢🟡🔴⚪":
            status = cells[0][2:].replace("\\*", "*")  # Markdown escapes the mark
            out["md"][cells[2]] = labels[label_of(status)]
            assert status == status_cell_of(by_name[cells[2]]), line
    book = xlsx_rows(run("-C", str(root), "export", "--format", "xlsx").stdout_bytes)
    out["xlsx"] = {r["指标"]: labels[label_of(r["状态"])] for r in book}
    assert all(r["状态"] == status_cell_of(by_name[r["指标"]]) for r in book)
    table = run("-C", str(root), "--no-color", "status").stdout
    out["table"] = {}
    pattern = re.compile("│((" + "|".join(map(re.escape, labels))
                         + r")(?: [*✓]+)?) *│[^│]*│ ([^│]+?) *│")
    for match in pattern.finditer(table):
        out["table"][match.group(3)] = labels[match.group(2)]
        assert match.group(1) == status_cell_of(by_name[match.group(3)]), match.group(0)
    return out


def test_all_formats_agree_on_every_status():
    found = statuses_by_format(REPO)
    reference = found["json"]
    assert len(reference) == 57
    for name, statuses in found.items():
        assert statuses == reference, name


def test_status_json_carries_trend_streak_and_change(fixture_ws):
    rows = {r["id"]: r for r in json.loads(run("status", "--format", "json").stdout)["targets"]}
    labs = rows["labs"]
    assert labs["status"] == "red" and labs["red_months"] == 2
    assert labs["previous_status"] == "red" and labs["change"] is None
    assert labs["trend"][:2] == [None, None] and labs["trend"][2] == pytest.approx(100 * 2 / 34)
    inv = rows["inv"]
    assert (inv["previous_status"], inv["status"], inv["change"]) == ("green", "yellow", "worse")
    assert rows["satisfaction"]["change"] == "better"
    assert rows["retail"]["example"] is True and rows["inv"]["example"] is False


def test_status_table_shows_change_trend_and_streak(fixture_ws):
    out = run("--no-color", "status").stdout
    line = next(x for x in out.splitlines() if "固定资产投资" in x)
    assert "↓绿" in line and "▂▂▃▃" in line
    labs = next(x for x in out.splitlines() if "重点实验室" in x)
    assert re.search(r"│ +2 │", labs)
    assert "注意：本报告含示例数据" in out


# ------------------------------------------------------------------ show


def test_show_json_tells_the_story(fixture_ws):
    result = run("show", "inv", "--format", "json")
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == 1 and data["as_of"] == "2025-04"
    assert data["target"]["id"] == "inv" and data["target"]["last_year"] == 560
    history = data["history"]
    assert [h["period"] for h in history] == ["2025-01", "2025-02", "2025-03", "2025-04"]
    assert [h["status"] for h in history] == ["green", "green", "green", "yellow"]
    assert set(history[0]) >= {"period", "status", "completion", "gap"}
    assert history[2]["completion"] == pytest.approx(100 * 138.6 / 620)
    march = [f for f in data["figures"] if f["period"] == "2025-03"]
    assert [(f["value"], f["correction"], f["counts"]) for f in march] == [
        (120.0, False, False), (138.6, True, True)]
    assert march[0]["file"].endswith("2025-03.toml") and march[0]["line"] == 3
    assert data["red_months"] == 0 and data["red_since"] is None
    assert data["story"] == ("按当前进度预计全年完成450.0亿元（72.6%）；需月均完成58.8亿元。"
                             "较上月由绿转为黄。")


def test_story_matches_the_issue_example(isolated):
    """620亿元, 138.6 by March: the sentence from the issue, word for word."""
    write_ws(isolated, '[targets.inv]\nname = "投资"\nkind = "cumulative"\ntarget = 620\n'
             'unit = "亿元"\n', {"2025-03": record("inv", "2025-03", 138.6)})
    data = json.loads(run("show", "inv", "--format", "json").stdout)
    assert data["story"].startswith("按当前进度预计全年完成554.4亿元（89.4%）；需月均完成53.5亿元")
    en = json.loads(run("--lang", "en", "show", "inv", "--format", "json").stdout)
    assert en["story"].startswith("At the current pace the year ends at 554.4 亿元 (89.4% of "
                                  "target). It needs 53.5 亿元 a month.")


def test_show_of_a_lagging_target_counts_its_red_months(fixture_ws):
    data = json.loads(run("show", "重点实验室", "--format", "json").stdout)
    assert [h["status"] for h in data["history"]] == ["none", "none", "red", "red"]
    assert data["red_months"] == 2 and data["red_since"] == "2025-03"
    assert "已连续2个月红色（自2025年3月起）" in data["story"]
    assert "需月均净增3.6家" in data["story"]


def test_show_table_draws_chart_and_marks_corrections(fixture_ws):
    result = run("--no-color", "show", "inv")
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "固定资产投资" in out and "黄色·超期预警" in out and "截至2025年4月" in out
    assert "按当前进度预计全年完成450.0亿元（72.6%）" in out
    chart = [x for x in out.splitlines() if re.match(r"^ ?\d+月 ", x)]
    assert len(chart) == 4
    # April: 24.2% done against 33.3% planned — the bar stops before the plan marker.
    april = chart[3]
    bar = re.search(r"[█░│]+", april).group(0)
    assert bar.index("│") == round(33.3333 / 100 * 30) and bar.count("█") == 7
    assert "24.2% / 33.3%" in april and "-9.1" in april
    assert "更正" in out and "已被更正" in out and "统计局修正" in out
    assert "上年" in out and "560亿元" in out


@pytest.mark.parametrize("tid", ["retail", "satisfaction", "road", "jobs", "odd"])
def test_show_works_for_every_kind(fixture_ws, tid):
    for args in (["show", tid], ["show", tid, "--format", "json"], ["--lang", "en", "show", tid]):
        result = run("--no-color", *args)
        assert result.exit_code == 0, result.stderr
        assert "\x1b" not in result.stdout


def test_show_milestone_and_rate_sentences(fixture_ws):
    road = json.loads(run("show", "road", "--format", "json").stdout)
    assert road["story"] == "期限2025-09-30，距期限还有153天；已完成30.0%，时序进度44.4%。"
    retail = json.loads(run("show", "retail", "--format", "json").stdout)
    assert retail["story"] == "最新为5.6%，目标5%，优于目标0.6个百分点。"


def test_show_unknown_target_is_one_line_exit_1(fixture_ws):
    before = digest(fixture_ws)
    result = run("show", "invv")
    assert result.exit_code == 1
    assert result.stderr.strip().count("\n") == 0 and "未知指标 'invv'" in result.stderr
    assert "inv" in result.stderr  # the suggestion
    assert digest(fixture_ws) == before


# ------------------------------------------------------------------ export


def test_export_infers_format_from_extension(fixture_ws):
    for name, check in (("r.md", lambda b: b.startswith("# 示例区".encode())),
                        ("r.MARKDOWN", lambda b: b.startswith(b"# ")),
                        ("r.csv", lambda b: b.startswith(b"\xef\xbb\xbf")),
                        ("r.xlsx", lambda b: b.startswith(b"PK\x03\x04")),
                        ("r.json", lambda b: json.loads(b)["schema"] == 1)):
        result = run("export", "-o", name)
        assert result.exit_code == 0, result.stderr
        assert check((fixture_ws / name).read_bytes()), name
        assert result.stdout == "" and name in result.stderr


def test_export_xlsx_fills_each_status_cell_and_keeps_the_label(fixture_ws):
    from kpitrack.core.model import Status
    from kpitrack.i18n.words import status_label
    from kpitrack.render.columns import FILLS

    result = run("export", "-o", "report.xlsx")
    assert result.exit_code == 0, result.stderr
    assert "已导出 report.xlsx：9项指标" in result.stderr
    rows = xlsx_rows((fixture_ws / "report.xlsx").read_bytes())
    data = json.loads(run("status", "--format", "json").stdout)
    assert [r["编号"] for r in rows] == [t["id"] for t in data["targets"]]
    for row, target in zip(rows, data["targets"], strict=True):
        status = Status(target["status"])
        assert row["状态"] == status_cell_of(target)
        assert row["_fill"] == "00" + FILLS[status]
        if target["gap"] is not None:  # a number Excel can sort, rounded as elsewhere
            assert row["差距"] == pytest.approx(round(target["gap"], 1))
            assert row["_types"]["差距"] == "n"
    english = xlsx_rows(run("--lang", "en", "export", "--format", "xlsx").stdout_bytes)
    assert {label_of(r["Status"]) for r in english} <= {status_label(s, "en") for s in Status}


def test_export_xlsx_legend_sheet(fixture_ws):
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(run("export", "--format", "xlsx").stdout_bytes))
    assert book.sheetnames == ["推进情况", "图例"]
    legend = [row[0] for row in book["图例"].iter_rows(values_only=True)]
    assert legend[0].startswith("蓝色·超前示范：差距 ≥ +10.0个百分点")
    assert any(text.startswith("节点类：到期前30天内") for text in legend)


def test_export_format_option_wins_over_extension(fixture_ws):
    assert run("export", "--format", "json", "-o", "r.md").exit_code == 0
    assert json.loads((fixture_ws / "r.md").read_text(encoding="utf-8"))["as_of"] == "2025-04"


def test_export_csv_has_bom_even_on_stdout_and_parses(fixture_ws):
    out = run("export", "--format", "csv").stdout
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert len(rows) == 9
    odd = next(r for r in rows if r["编号"] == "odd")
    assert odd["指标"] == "A|B <b>粗</b> =cmd() [red]x[/]" and odd["责任单位"] == "'@owner"


def test_export_json_is_the_status_contract(fixture_ws):
    exported = json.loads(run("export", "--format", "json").stdout)
    status = json.loads(run("status", "--format", "json").stdout)
    assert exported == status


@pytest.mark.parametrize(("target", "message"), [
    ("targets.toml", "工作区自身的数据文件"),
    ("actuals/2025-04.toml", "工作区自身的数据文件"),
    ("actuals/report.md", "工作区自身的数据文件"),
    (".kpitrack/report.md", "工作区自身的数据文件"),
    ("actuals", "工作区自身的数据文件"),
    ("reports", "是文件夹"),
    ("nowhere/report.md", "文件夹 nowhere 不存在"),
])
def test_export_refuses_to_overwrite_data(fixture_ws, target, message):
    (fixture_ws / "reports").mkdir()
    before = digest(fixture_ws)
    result = run("export", "--format", "md", "-o", target)
    assert result.exit_code == 1, result.stdout
    assert message in result.stderr and result.stderr.strip().count("\n") == 0
    assert digest(fixture_ws) == before


def test_export_unknown_extension_is_a_usage_error(fixture_ws):
    result = run("export", "-o", "report.txt")
    assert result.exit_code == 2 and "--format" in result.stderr
    assert not (fixture_ws / "report.txt").exists()


def test_export_replaces_an_old_report_whole(fixture_ws):
    (fixture_ws / "report.md").write_text("old " * 10000, encoding="utf-8")
    assert run("export", "-o", "report.md").exit_code == 0
    text = (fixture_ws / "report.md").read_text(encoding="utf-8")
    assert "old" not in text and text.startswith("# 示例区")
    assert [p.name for p in fixture_ws.iterdir() if p.name.startswith(".report")] == []


def test_export_selection_and_as_of(fixture_ws):
    data = json.loads(run("export", "--format", "json", "--as-of", "2025-02",
                          "--section", "民生").stdout)
    assert data["as_of"] == "2025-02" and {r["id"] for r in data["targets"]} == {
        "jobs", "satisfaction", "library"}
    bad = run("export", "--section", "nothing")
    assert bad.exit_code == 1 and "没有与 'nothing' 匹配的板块" in bad.stderr
