"""The reply form (督办事项反馈表): `notice -o FILE.xlsx` writes each unit's form, and
`import` reads a filled one back as the units' answers, all or nothing."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import tomllib

import pytest

from conftest import digest, record, run, write_ws

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
FORM_COLUMNS = ["指标编号", "指标名称", "督办状态", "期间", "责任单位", "情况说明", "整改措施",
                "完成时限"]
REASON, MEASURES, DUE = "F", "G", "H"


@pytest.fixture
def ws(isolated):
    figures = {
        "2025-09": record("labs", "2025-09", 20) + record("inv", "2025-09", 20)
        + record("roads", "2025-09", 90) + record("parks", "2025-09", 80),
        "2025-10": record("labs", "2025-10", 20) + record("inv", "2025-10", 100)
        + record("roads", "2025-10", 80) + record("parks", "2025-10", 90),
    }
    return write_ws(isolated, TARGETS, figures)


def form(ws, *args: str, name: str = "回复.xlsx"):
    from openpyxl import load_workbook

    result = run("notice", *args, "-o", name)
    assert result.exit_code == 0, result.stderr
    return load_workbook(ws / name)


def fill(book, sheet: str, row: int, reason=None, measures=None, due=None,
         name: str = "filled.xlsx"):
    """Fill one row as a unit would, and save the workbook as `name`."""
    cells = book[sheet]
    for column, value in ((REASON, reason), (MEASURES, measures), (DUE, due)):
        if value is not None:
            cells[f"{column}{row}"] = value
            if isinstance(value, str):
                cells[f"{column}{row}"].data_type = "s"  # text typed into a text cell
    return name


def responses(ws, month: str = "2025-10") -> list[dict]:
    path = ws / "responses" / f"{month}.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))["response"] if path.exists() else []


def test_notice_writes_each_units_reply_form(ws):
    book = form(ws)
    assert book.sheetnames == ["未指定", "科技创新局"]  # the notices' order, red or yellow only
    sheet = book["科技创新局"]
    assert sheet["A1"].value == "科技创新局 2025年10月 督办事项反馈表"
    assert "情况说明" in sheet["A2"].value and "2025年11月5日前" in sheet["A2"].value
    assert [c.value for c in sheet[3]] == FORM_COLUMNS
    assert [[c.value for c in row] for row in sheet.iter_rows(min_row=4)] == [
        ["labs", "重点实验室", "红色·滞后督办，持续督办（2个月）", "2025-10", "科技创新局",
         None, None, None],
        ["roads", "道路", "红色·滞后督办，新增督办", "2025-10", "科技创新局", None, None, None]]
    assert [c.value for c in book["未指定"]["A"][3:]] == ["parks"]  # a yellow item
    # It reaches a department: no command line anywhere in it.
    texts = [str(c.value) for s in book for row in s.iter_rows() for c in row if c.value]
    prompts = [dv.prompt or "" for s in book for dv in s.data_validations.dataValidation]
    assert not [t for t in texts + prompts if "kpitrack" in t or "--" in t]


def test_only_the_answer_cells_are_open_and_checked(ws):
    sheet = form(ws, "--owner", "科技")["科技创新局"]
    assert sheet.protection.sheet and not sheet.protection.password
    for row in (4, 5):
        for column in "ABCDE":
            assert sheet[f"{column}{row}"].protection.locked
        for column in (REASON, MEASURES, DUE):
            cell = sheet[f"{column}{row}"]
            assert not cell.protection.locked
            assert cell.fill.fgColor.rgb.endswith("FFF2CC")  # yellow: to fill
        assert sheet[f"{REASON}{row}"].number_format == "@"  # `=…` stays text
        assert sheet[f"{DUE}{row}"].number_format == "yyyy-mm-dd"
    for cell in sheet[3]:
        assert cell.protection.locked
    checks = {str(dv.sqref): dv for dv in sheet.data_validations.dataValidation}
    assert set(checks) == {f"{REASON}4:{REASON}5", f"{MEASURES}4:{MEASURES}5",
                           f"{DUE}4:{DUE}5"}
    assert checks[f"{DUE}4:{DUE}5"].type == "date"
    assert checks[f"{DUE}4:{DUE}5"].showErrorMessage
    assert all(dv.showInputMessage and dv.prompt for dv in checks.values())
    assert "滞后的原因" in checks[f"{REASON}4:{REASON}5"].prompt
    assert str(sheet.page_setup.paperSize) == sheet.PAPERSIZE_A4
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$3:$3"


def test_a_unit_with_nothing_red_or_yellow_gets_no_form(ws):
    result = run("notice", "--owner", "文旅局", "-o", "x.xlsx")
    assert result.exit_code == 1
    assert "文旅局没有红色或黄色督办事项" in result.stderr
    assert not (ws / "x.xlsx").exists()


def test_the_english_form(ws):
    result = run("--lang", "en", "notice", "--owner", "科技", "-o", "reply.xlsx")
    assert result.exit_code == 0 and "wrote the reply form reply.xlsx" in result.stderr
    from openpyxl import load_workbook

    sheet = load_workbook(ws / "reply.xlsx").active
    assert sheet["A1"].value == "科技创新局: supervision items to answer, 2025-10"
    assert "by 2025-11-05" in sheet["A2"].value
    assert [c.value for c in sheet[3]][-3:] == ["Reason", "Measures", "Done by"]
    book = load_workbook(ws / "reply.xlsx")
    fill(book, "科技创新局", 4, "slow approvals", "two by June", dt.date(2025, 12, 31))
    book.save(ws / "filled.xlsx")
    assert run("import", "filled.xlsx").exit_code == 0  # the English headers read too
    assert responses(ws)[0]["reason"] == "slow approvals"


def test_a_filled_form_is_recorded_as_respond_would_and_reaches_the_report(ws):
    book = form(ws)
    fill(book, "科技创新局", 4, "认定周期长", "6月底前完成2家申报", dt.date(2025, 12, 31))
    book.save(ws / "filled.xlsx")
    preview = run("import", "filled.xlsx", "--dry-run", "--sheet", "科技创新局")
    assert preview.exit_code == 0, preview.stderr
    assert "新增答复" in preview.stdout and "未填写，跳过" in preview.stdout  # roads, row 5
    assert "新增答复1条，未填写1行，跳过" in preview.stderr
    assert not (ws / "responses").exists()
    result = run("import", "filled.xlsx", "--sheet", "科技创新局")
    assert result.exit_code == 0, result.stderr
    assert "已导入 filled.xlsx：新增答复1条，未填写1行，跳过 → responses/2025-10.toml" in \
        result.stderr
    [answer] = responses(ws)
    assert run("respond", "roads", "--reason", "r", "--measures", "m", "--by", "科技创新局",
               "--period", "2025-10", "--due", "2025-12-31").exit_code == 0
    by_hand = responses(ws)[1]
    assert answer.keys() == by_hand.keys()  # the same fields as respond writes
    assert {k: answer[k] for k in ("target", "period", "reason", "measures", "by", "due")} == {
        "target": "labs", "period": "2025-10", "reason": "认定周期长",
        "measures": "6月底前完成2家申报", "by": "科技创新局", "due": dt.date(2025, 12, 31)}
    assert run("check").exit_code == 0
    assert run("export", "-o", "r.md").exit_code == 0
    red_list = (ws / "r.md").read_text(encoding="utf-8").split("## 一、")[1].split("## 二、")[0]
    assert "原因：认定周期长；措施：6月底前完成2家申报（科技创新局）" in red_list
    # imported again: the same answer is on record, nothing is written
    kept = digest(ws)
    again = run("import", "filled.xlsx", "--sheet", "科技创新局")
    assert again.exit_code == 0 and "已有相同答复，跳过1条" in again.stderr
    assert digest(ws) == kept


def test_a_changed_answer_is_recorded_and_the_newest_counts(ws):
    book = form(ws, "--owner", "科技")
    fill(book, "科技创新局", 4, "第一次", "措施一")
    book.save(ws / "filled.xlsx")
    assert run("import", "filled.xlsx").exit_code == 0
    fill(book, "科技创新局", 4, "第二次", "措施二")
    book.save(ws / "filled.xlsx")
    assert run("import", "filled.xlsx").exit_code == 0
    assert [a["reason"] for a in responses(ws)] == ["第一次", "第二次"]
    assert "原因：第二次；措施：措施二" in run("export").stdout


@pytest.mark.parametrize(("reason", "measures", "due", "chinese", "english"), [
    ("原因", None, None, "已填写情况说明，但未填写整改措施：请补填整改措施",
     "the reason is filled in but not the measures"),
    (None, "措施", None, "已填写整改措施，但未填写情况说明", "the measures are filled in but not"),
    (None, None, dt.date(2025, 12, 31), "只填写了完成时限", "only the date is filled in"),
    ("原因", "措施", "明年", "无法识别日期", "cannot read date"),
])
def test_a_half_filled_row_is_refused_by_its_number_and_nothing_is_written(
        ws, reason, measures, due, chinese, english):
    book = form(ws, "--owner", "科技")
    fill(book, "科技创新局", 4, "好的原因", "好的措施")  # a good row does not go in alone
    fill(book, "科技创新局", 5, reason, measures, due)
    book.save(ws / "filled.xlsx")
    before = digest(ws)
    result = run("import", "filled.xlsx")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"错误：filled.xlsx 第5行：{chinese}")
    assert "未导入任何数据" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    english_result = run("--lang", "en", "import", "filled.xlsx")
    assert "filled.xlsx row 5: " + english in english_result.stderr
    assert digest(ws) == before
    preview = run("import", "filled.xlsx", "--dry-run")
    assert preview.exit_code == 1 and "第5行" in preview.stdout and chinese in preview.stdout
    assert digest(ws) == before


def test_a_form_left_empty_records_nothing(ws):
    form(ws, "--owner", "科技")
    result = run("import", "回复.xlsx")
    assert result.exit_code == 0
    assert "未填写2行，跳过；没有需要写入的新数据" in result.stderr
    assert not (ws / "responses").exists()


def test_an_answer_on_a_target_no_longer_behind_is_recorded_with_a_note(ws):
    book = form(ws, "--owner", "科技")
    fill(book, "科技创新局", 4, "原因", "措施")
    book.save(ws / "filled.xlsx")
    assert run("add", "labs", "100", "--period", "2025-10", "--correct").exit_code == 0
    result = run("import", "filled.xlsx")
    assert result.exit_code == 0
    by_hand = run("respond", "labs", "--reason", "x", "--measures", "y", "--period", "2025-10")
    note = by_hand.stderr.strip().removeprefix("提示：")
    assert "不是红色或黄色：情况说明已记录" in note
    assert note in result.stdout.replace("\n", "")
    assert responses(ws)[0]["reason"] == "原因"


HOSTILE = '=HYPERLINK("http://evil","点我") <script>alert(1)</script>'


def test_hostile_text_is_stored_as_text(ws):
    book = form(ws, "--owner", "科技")
    fill(book, "科技创新局", 4, HOSTILE, "第一行\n第二行\r\n第三行")
    fill(book, "科技创新局", 5, "+1", "@SUM(A1)")
    book.save(ws / "filled.xlsx")
    result = run("import", "filled.xlsx")
    assert result.exit_code == 0, result.stderr
    first, second = responses(ws)
    assert first["reason"] == HOSTILE and first["measures"] == "第一行\n第二行\n第三行"
    assert (second["reason"], second["measures"]) == ("+1", "@SUM(A1)")
    assert run("check").exit_code == 0
    report = run("export").stdout
    assert "<script>" not in report and "&lt;script&gt;" in report
    assert "第一行 第二行 第三行" in report


def test_a_csv_reply_form_reads_too(ws):
    (ws / "reply.csv").write_text(
        "指标编号,期间,情况说明,整改措施,责任单位\nlabs,2025-10,原因,措施,科技创新局\n"
        "roads,2025-10,,,科技创新局\n", encoding="utf-8")
    result = run("import", "reply.csv")
    assert result.exit_code == 0, result.stderr
    assert [(a["target"], a["by"]) for a in responses(ws)] == [("labs", "科技创新局")]


def test_a_sheet_of_figures_with_reason_columns_is_refused_not_taken_for_a_form(ws):
    (ws / "m.csv").write_text("指标,期间,数值,情况说明,整改措施\n"
                              "labs,2025-10,30,认定周期长,加快申报\ninv,2025-10,96,,\n",
                              encoding="utf-8")
    before = digest(ws)
    result = run("import", "m.csv")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith("错误：m.csv 第1行：表头既有数值列“数值”，又有反馈表的"
                                    "“情况说明”“整改措施”列")
    assert "请拆成两张表分别导入" in result.stderr and "未导入任何数据" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    english = run("--lang", "en", "import", "m.csv", "--dry-run")
    assert english.exit_code == 1 and "Traceback" not in english.stderr
    assert english.stderr.startswith("Error: m.csv row 1: the header has a value column (数值)")
    assert "holds both figures and answers" in english.stderr
    assert digest(ws) == before


def two_units_filled(ws):
    """The workbook of every unit's form, with an answer on each of its two worksheets."""
    book = form(ws)
    fill(book, "未指定", 4, "无责任单位", "明确责任单位")
    fill(book, "科技创新局", 4, "认定周期长", "6月底前完成2家申报")
    book.save(ws / "filled.xlsx")
    return book


def test_every_worksheet_of_a_workbook_of_forms_is_imported(ws):
    two_units_filled(ws)
    preview = run("import", "filled.xlsx", "--dry-run")
    assert preview.exit_code == 0, preview.stderr
    assert "filled.xlsx 工作表“未指定”" in preview.stdout
    assert "filled.xlsx 工作表“科技创新局”" in preview.stdout
    assert "预览 filled.xlsx（2张工作表）：新增答复2条，未填写1行，跳过" in preview.stderr
    assert not (ws / "responses").exists()
    result = run("import", "filled.xlsx")
    assert result.exit_code == 0, result.stderr
    assert ("已导入 filled.xlsx（2张工作表）：新增答复2条，未填写1行，跳过 → "
            "responses/2025-10.toml") in result.stderr
    assert [(a["target"], a["reason"], a.get("by")) for a in responses(ws)] == [
        ("parks", "无责任单位", None), ("labs", "认定周期长", "科技创新局")]
    kept = digest(ws)
    again = run("import", "filled.xlsx")
    assert again.exit_code == 0 and "已有相同答复，跳过2条" in again.stderr
    assert digest(ws) == kept
    # --sheet still takes one worksheet alone
    one = run("import", "filled.xlsx", "--sheet", "科技创新局", "--dry-run")
    assert one.exit_code == 0 and "预览 filled.xlsx：已有相同答复，跳过1条" in one.stderr


def test_a_bad_row_on_any_worksheet_stops_the_whole_workbook(ws):
    book = two_units_filled(ws)
    fill(book, "科技创新局", 5, "只有原因")
    book.save(ws / "filled.xlsx")
    before = digest(ws)
    result = run("import", "filled.xlsx")
    assert result.exit_code == 1
    assert result.stderr.startswith("错误：filled.xlsx 工作表“科技创新局” 第5行：已填写情况说明，"
                                    "但未填写整改措施")
    assert len(result.stderr.strip().splitlines()) == 1 and "未导入任何数据" in result.stderr
    english = run("--lang", "en", "import", "filled.xlsx")
    assert "filled.xlsx, sheet 科技创新局 row 5: the reason is filled in" in english.stderr
    preview = run("import", "filled.xlsx", "--dry-run")
    assert preview.exit_code == 1 and "有问题1行" in preview.stderr
    assert digest(ws) == before


def test_one_item_answered_on_two_worksheets_is_refused(ws):
    book = two_units_filled(ws)
    sheet = book["未指定"]
    sheet["A4"], sheet["B4"] = "labs", "重点实验室"  # the same item as 科技创新局's row 4
    book.save(ws / "filled.xlsx")
    before = digest(ws)
    result = run("import", "filled.xlsx")
    assert result.exit_code == 1
    assert result.stderr.startswith("错误：filled.xlsx 工作表“科技创新局” 第4行："
                                    "工作表“未指定”第4行已答复 labs 在 2025-10 的督办事项；"
                                    "两行只保留一行")
    assert digest(ws) == before


def test_a_row_without_a_period_needs_the_option(ws):
    (ws / "reply.csv").write_text("指标,情况说明,整改措施\n重点实验室,原因,措施\n",
                                  encoding="utf-8")
    refused = run("import", "reply.csv")
    assert refused.exit_code == 1 and "第2行：缺少期间" in refused.stderr
    assert run("import", "reply.csv", "--period", "2025-10", "--by", "科技创新局").exit_code == 0
    assert responses(ws)[0]["by"] == "科技创新局"


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_form_saved_by_libreoffice_imports(ws, tmp_path):
    book = form(ws, "--owner", "科技")
    fill(book, "科技创新局", 4, HOSTILE, "第一行\n第二行", dt.date(2025, 12, 31))
    book.save(ws / "filled.xlsx")
    out = tmp_path / "out"
    profile = tmp_path / "profile"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(ws / "filled.xlsx")],
                   check=True, capture_output=True, timeout=180)
    saved = out / "filled.xlsx"
    from openpyxl import load_workbook

    sheet = load_workbook(saved)["科技创新局"]
    assert sheet.protection.sheet and not sheet[f"{REASON}4"].protection.locked
    assert sheet["A4"].protection.locked
    result = run("import", str(saved))
    assert result.exit_code == 0, result.stderr
    [answer] = responses(ws)
    assert (answer["reason"], answer["measures"], answer["due"], answer["by"]) == (
        HOSTILE, "第一行\n第二行", dt.date(2025, 12, 31), "科技创新局")


@pytest.mark.parametrize("column, formula, header", [
    (REASON, "=\"原因\"", "情况说明"), (DUE, "=DATE(2025,12,31)", "完成时限")])
def test_a_formula_saved_without_its_result_is_refused(ws, column, formula, header):
    book = form(ws, "--owner", "科技")
    name = fill(book, "科技创新局", 4, "原因", "措施")
    book["科技创新局"][f"{column}4"] = formula
    book.save(ws / name)
    before = digest(ws)
    result = run("import", name)
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip().splitlines() == [
        f"错误：filled.xlsx 第4行 {header}：公式没有计算结果（文件保存时未重新计算）；"
        "请在 Excel/WPS 中打开并保存后再导入，或直接填写内容"]
    assert digest(ws) == before


def test_a_row_whose_name_was_edited_is_answered_by_its_id_with_a_warning(ws):
    book = form(ws, "--owner", "科技")
    name = fill(book, "科技创新局", 4, "认定周期长", "加快申报")
    book["科技创新局"]["B4"] = "别的名字"  # edited, or the target renamed since the form
    book.save(ws / name)
    preview = run("import", name, "--dry-run")
    assert preview.exit_code == 0, preview.stderr
    assert "编号 labs 的指标名称是“重点实验室”，表中写的是“别的名字”；按编号导入" in preview.stdout
    result = run("import", name)
    assert result.exit_code == 0, result.stderr
    assert [(a["target"], a["reason"]) for a in responses(ws)] == [("labs", "认定周期长")]


def test_a_name_that_is_another_targets_is_still_refused(ws):
    book = form(ws, "--owner", "科技")
    name = fill(book, "科技创新局", 4, "认定周期长", "加快申报")
    book["科技创新局"]["B4"] = "道路"
    book.save(ws / name)
    before = digest(ws)
    result = run("import", name)
    assert result.exit_code == 1
    assert "第4行：指标列为 labs，但指标名称列为 roads" in result.stderr
    assert digest(ws) == before


def test_a_name_with_a_tab_or_line_break_round_trips_through_the_form(isolated):
    ws = write_ws(isolated, TARGETS.replace('name = "重点实验室"', 'name = "重点\\t实验\\n室"'),
                  {"2025-10": record("labs", "2025-10", 20)})
    book = form(ws, "--owner", "科技")
    assert book["科技创新局"]["B4"].value == "重点 实验 室"
    book.save(ws / fill(book, "科技创新局", 4, "认定周期长", "加快申报"))
    result = run("import", "filled.xlsx", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert "按编号导入" not in result.stdout
    (ws / "by-name.csv").write_text(
        "指标名称,期间,情况说明,整改措施\n重点 实验 室,2025-10,原因,措施\n", encoding="utf-8")
    result = run("import", "by-name.csv")
    assert result.exit_code == 0, result.stderr
    assert [a["target"] for a in responses(ws)] == ["labs"]
