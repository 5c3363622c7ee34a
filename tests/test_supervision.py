"""The 督办 cycle: supervision states, units' answers, the league table, notices, Word."""

from __future__ import annotations

import datetime as dt
import io
import json
import shutil

import pytest

from conftest import REPO, digest, md_tables, record, run, write_ws
from kpitrack.core.evaluate import month_statuses
from kpitrack.core.model import Actual, AsOf, Bands, Kind, PaceBands, Plan, Target
from kpitrack.core.period import Period
from kpitrack.core.trends import supervision

PLAN = Plan("p", dt.date(2025, 1, 1), dt.date(2025, 12, 31))
# Narrow bands, so that a month can be red even in January (gap at most -8.3 there).
TARGET = Target("t", "T", Kind.CUMULATIVE, 120.0,
                bands=Bands(PaceBands(10.0, -2.0, -5.0), PaceBands(2.0, 0.0, -1.0)))
TZ = dt.timezone(dt.timedelta(hours=8))


def fig(month: int, value: float, day: int = 5, correction: bool = False) -> Actual:
    return Actual("t", Period(2025, month), value,
                  recorded=dt.datetime(2025, month % 12 + 1, day, tzinfo=TZ),
                  correction=correction)


def state(records: list[Actual], month: int) -> str | None:
    period = Period(2025, month)
    return supervision(month_statuses(PLAN, TARGET, records, AsOf(period, period.last_day)))


# On pace the target has 10 a month: 10·M is green, 0 is red, a little short is yellow.


def test_red_in_the_plans_first_month_is_new():
    assert state([fig(1, 0)], 1) == "new"


def test_red_after_a_month_without_data_is_new():
    assert state([fig(2, 0)], 2) == "new"


def test_red_two_months_running_is_continuing_and_then_closed():
    records = [fig(1, 0), fig(2, 0)]
    assert state(records, 2) == "continuing"
    assert state([*records, fig(3, 30)], 3) == "closed"
    assert state([*records, fig(3, 30), fig(4, 40)], 4) is None


def test_red_yellow_red_is_closed_then_new_again():
    # 1—2月: 16 of 120 is 13.3% against 16.7% (gap -3.3): yellow.
    assert state([fig(1, 0), fig(2, 16)], 2) == "closed"  # 销号, now yellow
    assert state([fig(1, 0), fig(2, 16), fig(3, 0)], 3) == "new"


def test_a_correction_that_turns_last_months_red_green_is_seen():
    records = [fig(1, 0), fig(2, 0), fig(3, 0)]
    assert state(records, 3) == "continuing"
    corrected = [*records, fig(2, 20, day=20, correction=True)]
    assert state(corrected, 3) == "new"  # February was green after all


TARGETS = """
[targets.labs]
name = "重点实验室"
kind = "cumulative"
target = 120
unit = "家"
owner = "科技创新局"

[targets.inv]
name = "投资"
kind = "cumulative"
target = 120
unit = "亿元"
owner = "发展改革局"

[targets.roads]
name = "道路"
kind = "cumulative"
target = 120
unit = "公里"
owner = "科技创新局"

[targets.parks]
name = "公园"
kind = "cumulative"
target = 120
unit = "个"

[targets.books]
name = "图书馆"
kind = "cumulative"
target = 12
unit = "个"
owner = "文旅局"
"""


@pytest.fixture
def ws(isolated):
    figures = {
        "2025-09": record("labs", "2025-09", 20) + record("inv", "2025-09", 20)
        + record("roads", "2025-09", 90) + record("parks", "2025-09", 80),
        "2025-10": record("labs", "2025-10", 20) + record("inv", "2025-10", 100)
        + record("roads", "2025-10", 80) + record("parks", "2025-10", 90),
    }
    return write_ws(isolated, TARGETS, figures)


def rows(root=None) -> dict[str, dict]:
    args = ["-C", str(root)] if root else []
    data = json.loads(run(*args, "status", "--format", "json").stdout)
    return {row["id"]: row for row in data["targets"]}


def test_supervision_states_and_answers_are_in_the_json(ws):
    found = rows()
    assert found["labs"]["supervision"] == "continuing"  # red in Sept and Oct
    assert found["inv"]["supervision"] == "closed"  # red in Sept, green in Oct
    assert found["roads"]["supervision"] == "new"  # yellow in Sept, red in Oct
    assert found["parks"]["supervision"] is None
    assert found["labs"]["answer"] is None


def test_respond_records_an_answer_and_the_newest_one_counts(ws):
    first = run("respond", "labs", "--reason", "周期长", "--measures", "加快", "--by", "科技创新局",
                "--period", "2025-10")
    assert first.exit_code == 0, first.stderr
    assert "已记录答复 重点实验室 [labs] 2025-10（科技创新局） → responses/2025-10.toml" in \
        first.stdout
    kept = (ws / "responses" / "2025-10.toml").read_bytes()
    second = run("respond", "labs", "--reason", "认定周期长", "--measures", "6月底前完成申报",
                 "--period", "2025-10", "--due", "2025-12-31")
    assert second.exit_code == 0
    assert (ws / "responses" / "2025-10.toml").read_bytes().startswith(kept)
    answer = rows()["labs"]["answer"]
    assert answer["reason"] == "认定周期长" and answer["due"] == "2025-12-31"
    assert run("check").exit_code == 0
    report = run("export").stdout
    assert "原因：认定周期长；措施：6月底前完成申报" in report
    red_list = report.split("## 一、")[1].split("## 二、")[0]
    assert "| 道路 | 科技创新局 | 新增督办 |" in red_list and "未反馈" in red_list
    assert "持续督办（2个月）" in red_list


def test_an_answer_from_before_the_red_run_is_not_shown(ws):
    assert run("respond", "roads", "--reason", "旧", "--measures", "旧", "--period",
               "2025-08").exit_code == 0
    assert rows()["roads"]["answer"] is None


@pytest.mark.parametrize(("args", "english", "chinese"), [
    (["respond", "nope", "--reason", "x", "--measures", "y"], "unknown target 'nope'",
     "未知指标 'nope'"),
    (["respond", "labs", "--reason", "  ", "--measures", "y", "--period", "2025-10"],
     "an answer needs its --reason", "答复的 --reason 不能为空"),
    (["respond", "labs", "--reason", "x", "--measures", "y", "--period", "2026-03"],
     "after the plan", "已在计划期"),
    (["respond", "labs", "--reason", "x", "--measures", "y", "--period", "2025-10", "--due",
      "someday"], "cannot read date", "无法识别日期"),
])
def test_bad_answers_are_one_line_and_change_nothing(ws, args, english, chinese):
    before = digest(ws)
    for lang, expected in (("en", english), ("zh", chinese)):
        result = run("--lang", lang, *args)
        assert result.exit_code == 1 and expected in result.stderr, result.stderr
        assert len(result.stderr.strip().splitlines()) == 1
    assert digest(ws) == before


def test_check_reads_the_answers(ws):
    folder = ws / "responses"
    folder.mkdir()
    (folder / "2025-10.toml").write_text(
        'schema = 1\n\n[[response]]\ntarget = "labs"\nperiod = "2025-10"\nreason = ""\n'
        'measures = "m"\ncolour = "red"\n', encoding="utf-8")
    result = run("--lang", "en", "check")
    assert result.exit_code == 1
    assert "responses/2025-10.toml:8: unknown field 'colour' in record" in result.stdout
    assert "responses/2025-10.toml:6: an answer needs its reason: it is empty" in result.stdout


def test_owners_ranks_the_units_and_adds_up(ws):
    data = json.loads(run("owners", "--format", "json").stdout)
    assert data["as_of"] == "2025-10"
    names = [o["owner"] for o in data["owners"]]
    # 发展改革局 all on track, 科技创新局 none of two, 文旅局 no data; 未指定 (null): parks
    assert names == ["发展改革局", None, "科技创新局", "文旅局"]
    by_name = {o["owner"]: o for o in data["owners"]}
    assert by_name["文旅局"]["on_track"] is None and by_name["文旅局"]["none"] == 1
    assert by_name["科技创新局"] == {"owner": "科技创新局", "blue": 0, "green": 0, "yellow": 0,
                                "red": 2, "none": 0, "total": 2, "on_track": 0.0, "rank": 3,
                                "missing": 0}
    summary = json.loads(run("status", "--format", "json").stdout)["summary"]
    for colour in summary:
        assert sum(o[colour] for o in data["owners"]) == summary[colour]
    assert sum(o["total"] for o in data["owners"]) == 5
    md = run("owners", "--format", "md").stdout
    assert "| 4 | 文旅局 | 0 | 0 | 0 | 0 | 1 | 1 |  |" in md
    assert "| 2 | 未指定 |" in md
    assert "Unassigned" in run("--lang", "en", "owners", "--format", "csv").stdout
    table = run("--no-color", "owners").stdout
    assert "科技创新局" in table and "正常推进率" in table


def test_notice_lists_one_units_items_and_asks_by_a_date(ws):
    result = run("notice", "--owner", "科技创新局")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    assert text.startswith("# 督办通知单：科技创新局")
    assert "请于2025年11月5日前反馈" in text
    assert "### （一）重点实验室" in text and "### （二）道路" in text
    assert "投资" not in text and "公园" not in text
    assert "需月均" in text and "未反馈" in text
    every = run("notice").stdout
    assert every.count("# 督办通知单：") == 2  # the units with red or yellow targets
    path = ws / "targets.toml"
    path.write_text(path.read_text(encoding="utf-8") + "\n[supervision]\nreply_days = 10\n",
                    encoding="utf-8")
    data = json.loads(run("notice", "--owner", "科技", "--format", "json").stdout)
    assert data["notices"][0]["reply_by"] == "2025-11-10"
    assert [r["id"] for r in data["notices"][0]["red"]] == ["labs", "roads"]
    english = run("--lang", "en", "notice", "--owner", "科技创新局").stdout
    assert "by 2025-11-10" in english and "no answer yet" in english


def test_notices_as_a_word_document_each_unit_on_a_new_page(ws):
    import docx

    assert run("notice", "-o", "notices.docx").exit_code == 0
    document = docx.Document(str(ws / "notices.docx"))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "督办通知单：科技创新局" in text and "督办通知单：未指定" in text
    # Each unit's notice and its reply form begin a page; no page-break paragraph (which
    # left a blank page when the page before was full).
    assert 'w:type="page"' not in document.element.xml
    titles = [p for p in document.paragraphs if p.text.startswith("督办通知单：")]
    assert [("pageBreakBefore" in p._p.xml) for p in titles] == [False, True]
    assert all(t.rows[0]._tr.xml.count("tblHeader") == 1 for t in document.tables)
    labs = next(t for t in document.tables if t.rows[1].cells[1].text.startswith("红色"))
    assert labs.rows[1].cells[1].text == "红色·滞后督办，持续督办（2个月）"
    assert 'w:fill="FF8B8B"' in labs.rows[1].cells[1]._tc.xml
    assert [r.cells[0].text for r in labs.rows][-1] == "情况说明与整改措施"


def test_the_report_as_a_word_document(ws):
    import docx

    assert run("respond", "labs", "--reason", "周期长", "--measures", "加快", "--period",
               "2025-10").exit_code == 0
    result = run("export", "-o", "report.docx")
    assert result.exit_code == 0 and "已导出 report.docx" in result.stderr
    document = docx.Document(str(ws / "report.docx"))
    section = document.sections[0]
    assert section.page_width > section.page_height  # A4 landscape
    assert round(section.page_width.mm) == 297
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings[:8] == ["一、红色滞后督办清单（2项）", "二、本月销号（1项）",
                            "三、颜色变化（较2025年9月，2项）", "四、逾期未报（0项）",
                            "五、未按时报送（1项）", "六、责任单位推进情况晾晒",
                            "七、分板块推进情况", "（一）未分组"]
    # no late report; 文旅局 has not reported the as-of month
    red, closed, changes, missing, league, section_table = document.tables[:6]
    assert [c.text for c in missing.rows[1].cells] == ["文旅局", "1", "图书馆"]
    assert [c.text for c in changes.rows[0].cells][:2] == ["指标", "责任单位"]
    assert [c.text for c in red.rows[0].cells][:3] == ["指标", "责任单位", "督办"]
    assert red.rows[1].cells[-1].text == "原因：周期长；措施：加快"
    assert closed.rows[1].cells[0].text == "投资"
    assert 'w:fill="FF8B8B"' in closed.rows[1].cells[2]._tc.xml  # last month: red
    assert closed.rows[1].cells[3].text == "绿色·推进正常"
    assert [c.text for c in league.rows[1].cells][:2] == ["1", "发展改革局"]
    statuses = [r.cells[0] for r in section_table.rows[1:]]
    assert all(c.text.endswith(("推进正常", "滞后督办", "超期预警", "超前示范", "未报送"))
               for c in statuses)
    assert all("w:shd" in c._tc.xml for c in statuses)
    assert all(t.rows[0]._tr.xml.count("tblHeader") == 1 for t in document.tables)


HOSTILE_ANSWER = "a | b [red]x[/] =cmd() <script>\nline two \x1b[31mred\x1b[0m"


def test_a_hostile_answer_stays_literal_in_every_format(ws):
    import docx
    from markdown_it import MarkdownIt

    assert run("respond", "labs", "--reason", HOSTILE_ANSWER, "--measures", HOSTILE_ANSWER,
               "--by", "=cmd()", "--period", "2025-10").exit_code == 0
    assert rows()["labs"]["answer"]["reason"] == HOSTILE_ANSWER.strip()
    md = run("export").stdout
    tables = md_tables(md)
    assert all(all(c == header for c in body) for header, body in tables)
    html = MarkdownIt().enable("table").render(md)
    assert "<script>" not in html and "\x1b" not in md
    notice = run("notice", "--owner", "科技创新局").stdout
    assert "\x1b" not in notice and "a \\| b \\[red\\]x\\[/\\] =cmd()" in notice
    assert run("export", "-o", "r.docx").exit_code == 0
    text = "".join(c.text for t in docx.Document(str(ws / "r.docx")).tables
                   for r in t.rows for c in r.cells)
    assert "a | b [red]x[/] =cmd() <script> line two red" in text
    terminal = run("--no-color", "respond", "roads", "--reason", HOSTILE_ANSWER, "--measures",
                   "m", "--period", "2025-10").stdout
    assert "\x1b" not in terminal and "[red]x[/]" in terminal


def test_on_a_copy_of_the_repository_a_corrected_target_is_closed(tmp_path, monkeypatch):
    root = tmp_path / "repo"
    root.mkdir()
    shutil.copy(REPO / "targets.toml", root)
    shutil.copytree(REPO / "actuals", root / "actuals")
    monkeypatch.chdir(root)
    red = next(r for r in rows(root).values() if r["status"] == "red"
               and r["kind"] == "cumulative" and r["period"] == "2025-10")
    assert red["supervision"] in ("new", "continuing")
    goal = red["target"]
    result = run("-C", str(root), "add", red["id"], str(goal * 0.84), "--period", "2025-10",
                 "--correct")
    assert result.exit_code == 0, result.stderr
    after = rows(root)
    assert after[red["id"]]["supervision"] == "closed"
    report = run("-C", str(root), "export").stdout
    closed = report.split("## 二、本月销号")[1].split("## 三、")[0]
    assert red["name"] in closed
    red_list = report.split("## 一、")[1].split("## 二、")[0]
    assert red["name"] not in red_list
    for row in after.values():
        if row["status"] == "red":
            assert row["supervision"] in ("new", "continuing")
            assert row["name"] in red_list
    owner = red["owner"]
    notice = run("-C", str(root), "notice", "--owner", owner).stdout
    others = {r["owner"] for r in after.values() if r["owner"] != owner}
    assert not any(f"# 督办通知单：{o}" in notice for o in others)
    data = json.loads(run("-C", str(root), "owners", "--format", "json").stdout)
    assert sum(o["total"] for o in data["owners"]) == len(after)


def test_the_word_report_reads_back_on_the_repository(tmp_path):
    import docx

    out = tmp_path / "r.docx"
    assert run("-C", str(REPO), "export", "-o", str(out)).exit_code == 0
    document = docx.Document(io.BytesIO(out.read_bytes()))
    # red list, changes, late reports, units not reported on time, league, six sections,
    # the legend's colours
    assert len(document.tables) == 5 + 6 + 1
