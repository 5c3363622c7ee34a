"""The monthly collection: each unit's sheet out, its figures back in, and who is late
(`kpitrack sheet`, `kpitrack import` of the filled sheet, `kpitrack remind`, the report's
未按时报送 list and the owners' count)."""

from __future__ import annotations

import json
import shutil
import subprocess
import tomllib
from pathlib import Path

import openpyxl
import pytest

from conftest import REPO, digest, record, run, write_ws
from kpitrack.i18n.reports import Say

UNIT = "科技创新局"
# The repository's 科技创新局 targets due for 2025-11, with a figure each could send.
FILLED = {"high_tech_enterprises": 698, "tech_smes": 3395, "tech_brokers": 27,
          "tech_transfer": 33}


@pytest.fixture()
def repo_ws(isolated: Path) -> Path:
    """A copy of the repository's workspace: its plan and its figures."""
    shutil.copy(REPO / "targets.toml", isolated / "targets.toml")
    shutil.copytree(REPO / "actuals", isolated / "actuals")
    return isolated


def header_row(sheet) -> list[str]:
    return [c.value for c in sheet[3]]


def fill(path: Path, values: dict[str, object], out: Path | None = None) -> Path:
    """What a unit does: type a figure into the value cell of each row it knows."""
    book = openpyxl.load_workbook(path)
    sheet = book.active
    heads = header_row(sheet)
    id_col, value_col = heads.index("指标编号") + 1, heads.index("数值") + 1
    for row in range(4, sheet.max_row + 1):
        key = sheet.cell(row=row, column=id_col).value
        if key in values:
            sheet.cell(row=row, column=value_col).value = values[key]
    book.save(out or path)
    return out or path


def test_the_repository_sheet_lists_the_units_targets_and_locks_all_but_the_open_cells(
        repo_ws):
    result = run("sheet", "--owner", UNIT, "--period", "2025-11", "-o", "s.xlsx")
    assert result.exit_code == 0, result.stderr
    assert "已写入报送表 s.xlsx：1个单位，4项指标" in result.stderr
    sheet = openpyxl.load_workbook(repo_ws / "s.xlsx").active
    assert sheet["A1"].value == "科技创新局 2025年11月 指标数据报送表"
    assert "2025年12月5日" in sheet["A2"].value  # the deadline, from report_day = 5
    heads = header_row(sheet)
    assert heads[:4] == ["指标编号", "指标名称", "计量单位", "类型"]
    rows = list(sheet.iter_rows(min_row=4, values_only=True))
    assert [r[0] for r in rows] == list(FILLED)
    assert {r[heads.index("期间")] for r in rows} == {"2025-11"}
    assert {r[heads.index("报送单位")] for r in rows} == {UNIT}
    assert rows[0][heads.index("上次报送数值")] == "690家"
    assert rows[0][heads.index("上次报送期间")] == "2025-10"

    assert sheet.protection.sheet and not sheet.protection.password
    open_columns = {heads.index(h) + 1 for h in ("数值", "完成日期", "备注")}
    for row in range(1, sheet.max_row + 1):
        for column in range(1, len(heads) + 1):
            locked = sheet.cell(row=row, column=column).protection.locked
            assert locked == (row < 4 or column not in open_columns), (row, column)
    # A4 landscape, one page wide, the header repeated on every page.
    assert sheet.page_setup.orientation == "landscape"
    assert int(sheet.page_setup.paperSize) == 9  # A4
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$3:$3"


def test_the_value_cells_refuse_text_by_the_sheets_own_validation(repo_ws):
    assert run("sheet", "--owner", UNIT, "--period", "2025-11", "-o", "s.xlsx").exit_code == 0
    sheet = openpyxl.load_workbook(repo_ws / "s.xlsx").active
    heads = header_row(sheet)
    value_letter = openpyxl.utils.get_column_letter(heads.index("数值") + 1)
    rules = sheet.data_validations.dataValidation
    numeric = [v for v in rules if f"{value_letter}6" in v.sqref]  # tech_brokers: 1—N月累计
    assert numeric, "the value cells carry a validation"
    rule = numeric[0]
    assert rule.type == "decimal" and rule.showErrorMessage and rule.errorStyle == "stop"
    assert rule.prompt == "填写1—11月累计数（人）"  # the hint says what to write


def test_every_value_cell_has_one_rule_with_its_own_targets_hint(repo_ws):
    # The value cells with the same hint share one rule (#29); each keeps its hint.
    assert run("sheet", "--period", "2025-12", "-o", "all.xlsx").exit_code == 0
    book = openpyxl.load_workbook(repo_ws / "all.xlsx")
    checked = 0
    for sheet in book:
        heads = header_row(sheet)
        value = openpyxl.utils.get_column_letter(heads.index("数值") + 1)
        rules: dict[str, list] = {}
        for rule in sheet.data_validations.dataValidation:
            for cells in rule.sqref.ranges:
                for (row, column) in cells.cells:
                    rules.setdefault(f"{openpyxl.utils.get_column_letter(column)}{row}",
                                     []).append(rule)
        for row in range(4, sheet.max_row + 1):
            kind = sheet.cell(row=row, column=heads.index("类型") + 1).value
            unit = sheet.cell(row=row, column=heads.index("计量单位") + 1).value or "原单位"
            [rule] = rules[f"{value}{row}"]
            assert rule.type == ("custom" if kind == "节点" else "decimal")
            assert rule.prompt in {
                "累计": {f"填写1—12月累计数（{unit}）", f"填写2025年12月当月数（{unit}）"},
                "存量": {f"填写2025年12月末数（{unit}）"},
                "增速": {"填写1—12月累计增速（%，如 4.8）"},
                "保持": {"填写2025年12月的比率（%，如 96.5）"},
                "节点": {Say.HINT_MILESTONE.text("zh")}}[kind], (sheet.title, row)
            if kind == "节点":  # its own rule, naming its own cell
                assert str(rule.sqref) == f"{value}{row}" and f"ISNUMBER({value}{row})" in \
                    rule.formula1
            checked += 1
    assert checked == 54 and len(book.sheetnames) == 18


def test_the_body_cells_styles_are_named_in_the_sheets_language(repo_ws):
    # Named styles make a large sheet quick to write (#29); Excel lists their names.
    assert run("sheet", "--owner", UNIT, "--period", "2025-11", "-o", "s.xlsx").exit_code == 0
    sheet = openpyxl.load_workbook(repo_ws / "s.xlsx").active
    assert [c.style for c in sheet[4]] == ["报送表文字", "报送表文字（换行）", *["报送表文字"] * 6,
                                           "报送表填写", "报送表填写（日期）", "报送表填写（换行）",
                                           "报送表文字"]
    assert run("--lang", "en", "sheet", "--owner", UNIT, "--period", "2025-11",
               "-o", "en.xlsx").exit_code == 0
    assert set(openpyxl.load_workbook(repo_ws / "en.xlsx").named_styles) == {
        "Normal", "Sheet text", "Sheet text, wrapped", "Sheet input", "Sheet input, wrapped",
        "Sheet input, date"}


def test_a_milestones_value_cell_takes_a_number_or_done(isolated):
    write_ws(isolated, """
        [targets.lab]
        name = "实验室投用"
        kind = "milestone"
        due = 2025-12-31
        owner = "科技局"
    """)
    assert run("sheet", "--period", "2025-11", "-o", "m.xlsx").exit_code == 0
    sheet = openpyxl.load_workbook(isolated / "m.xlsx").active
    rule = next(v for v in sheet.data_validations.dataValidation if v.type == "custom")
    assert "ISNUMBER" in rule.formula1 and '"完成"' in rule.formula1
    heads = header_row(sheet)
    sheet.cell(row=4, column=heads.index("数值") + 1).value = "完成"
    sheet.cell(row=4, column=heads.index("完成日期") + 1).value = "2025-11-20"
    sheet.parent.save(isolated / "m.xlsx")
    assert run("import", "m.xlsx").exit_code == 0
    data = json.loads(run("status", "--format", "json", "--as-of", "2025-11").stdout)
    assert data["targets"][0]["done"] is True


def test_a_filled_repository_sheet_imports_every_figure_into_the_next_status(repo_ws):
    assert run("sheet", "--owner", UNIT, "--period", "2025-11", "-o", "s.xlsx").exit_code == 0
    fill(repo_ws / "s.xlsx", FILLED)
    before = digest(repo_ws)
    preview = run("import", "s.xlsx", "--dry-run")
    assert preview.exit_code == 0, preview.stderr
    assert digest(repo_ws) == before  # a preview writes nothing
    result = run("import", "s.xlsx")
    assert result.exit_code == 0, result.stderr
    written = (repo_ws / "actuals" / "2025-11.toml").read_text(encoding="utf-8")
    assert written.count('by = "科技创新局"') == len(FILLED)  # --by from the sheet
    rows = {r["id"]: r for r in json.loads(
        run("status", "--format", "json", "--as-of", "2025-11").stdout)["targets"]}
    for key, value in FILLED.items():
        assert rows[key]["period"] == "2025-11" and rows[key]["actual"] == value, key
    # Sent back again, nothing changes: every figure is already on record.
    again = run("import", "s.xlsx")
    assert again.exit_code == 0 and "跳过4条" in again.stderr


def test_rows_left_empty_are_skipped_and_listed(repo_ws):
    assert run("sheet", "--owner", UNIT, "--period", "2025-11", "-o", "s.xlsx").exit_code == 0
    fill(repo_ws / "s.xlsx", {"tech_smes": 3395})
    result = run("--no-color", "import", "s.xlsx", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count("未填写数值，跳过") == 3 and "未填写3行，跳过" in result.stderr


def test_a_text_value_is_refused_by_import_with_its_row_and_nothing_is_written(repo_ws):
    assert run("sheet", "--owner", UNIT, "--period", "2025-11", "-o", "s.xlsx").exit_code == 0
    fill(repo_ws / "s.xlsx", {**FILLED, "tech_brokers": "约二十"})
    before = digest(repo_ws)
    result = run("import", "s.xlsx")
    assert result.exit_code == 1
    line = result.stderr.strip()
    assert "\n" not in line and "s.xlsx 第6行" in line and "约二十" in line, line
    assert "Traceback" not in result.stderr and digest(repo_ws) == before


def test_one_sheet_per_unit_into_a_folder_or_worksheets_in_one_workbook(repo_ws):
    result = run("sheet", "--period", "2025-11", "-o", "sheets/")
    assert result.exit_code == 0, result.stderr
    files = sorted(p.name for p in (repo_ws / "sheets").iterdir())
    assert "科技创新局-2025-11.xlsx" in files or any(UNIT in f for f in files)
    book = run("sheet", "--period", "2025-11", "-o", "all.xlsx")
    assert book.exit_code == 0
    names = openpyxl.load_workbook(repo_ws / "all.xlsx").sheetnames
    assert UNIT in names and len(names) == len(files)
    # Each worksheet reads back on its own.
    fill_book = openpyxl.load_workbook(repo_ws / "all.xlsx")
    fill_book.active = names.index(UNIT)
    fill_book.save(repo_ws / "all.xlsx")
    preview = run("import", "all.xlsx", "--sheet", UNIT, "--dry-run")
    assert preview.exit_code == 0 and "未填写4行，跳过" in preview.stderr
    # Two units' worksheets filled: without --sheet, both are imported, in one go.
    fill_book = openpyxl.load_workbook(repo_ws / "all.xlsx")
    for sheet in (fill_book[UNIT], fill_book[names[-1]]):
        heads = header_row(sheet)
        sheet.cell(row=4, column=heads.index("数值") + 1).value = \
            "完成" if sheet.cell(row=4, column=heads.index("类型") + 1).value == "节点" else 1
    fill_book.save(repo_ws / "all.xlsx")
    result = run("import", "all.xlsx")
    assert result.exit_code == 0, result.stderr
    assert f"已导入 all.xlsx（{len(names)}张工作表）：新增2条" in result.stderr
    assert f"all.xlsx 工作表“{names[-1]}”" in result.stdout


def test_done_milestones_are_left_off_the_sheet(isolated):
    write_ws(isolated, """
        [targets.lab]
        name = "实验室投用"
        kind = "milestone"
        due = 2025-12-31
        owner = "科技局"

        [targets.inv]
        name = "投资"
        kind = "cumulative"
        target = 100
        unit = "亿元"
        owner = "科技局"
    """, {"2025-06": record("lab", "2025-06", done=True, date="2025-06-18")})
    assert run("sheet", "--period", "2025-11", "-o", "s.xlsx").exit_code == 0
    rows = list(openpyxl.load_workbook(isolated / "s.xlsx").active.iter_rows(
        min_row=4, values_only=True))
    assert [r[0] for r in rows] == ["inv"]
    reminder = json.loads(run("remind", "--period", "2025-11", "--format", "json").stdout)
    assert [m["id"] for u in reminder["units"] for m in u["missing"]] == ["inv"]


def test_remind_lists_every_unit_with_a_missing_figure_and_how_late(repo_ws, monkeypatch):
    monkeypatch.setenv("KPITRACK_TODAY", "2025-12-08")
    result = run("remind", "--period", "2025-11")
    assert result.exit_code == 0, result.stderr
    text = result.stdout
    data = json.loads(run("remind", "--period", "2025-11", "--format", "json").stdout)
    assert data["due"] == "2025-12-05" and data["days_late"] == 3
    owners = [u["owner"] for u in data["units"]]
    assert UNIT in owners and len(owners) == len(set(owners))
    for unit in data["units"]:  # one block per unit, with each of its missing targets
        assert f"【催报】{unit['owner']}：2025年11月指标数据应于2025年12月5日前报送（已逾期3天）" \
            in text
        for item in unit["missing"]:
            assert item["name"] in text
    assert text.count("【催报】") == len(owners)
    # No figure for 2025-11 is in the repository: every target due that month is listed,
    # that is every monthly one (the default) but the milestones already done.
    plan = tomllib.loads((repo_ws / "targets.toml").read_text(encoding="utf-8"))["targets"]
    status = json.loads(run("status", "--format", "json", "--as-of", "2025-11").stdout)
    done = {r["id"] for r in status["targets"] if r["kind"] == "milestone" and r.get("done")}
    due = [key for key, t in plan.items()
           if t.get("frequency", "monthly") == "monthly" and key not in done]
    assert sorted(m["id"] for u in data["units"] for m in u["missing"]) == sorted(due)


def test_remind_before_the_deadline_says_nothing_about_lateness(repo_ws, monkeypatch):
    monkeypatch.setenv("KPITRACK_TODAY", "2025-12-02")
    text = run("remind", "--period", "2025-11", "--owner", UNIT).stdout
    assert "应于2025年12月5日前报送，尚未报送（4项）" in text and "逾期" not in text


def test_remind_for_a_month_fully_reported_says_so(repo_ws):
    result = run("remind", "--period", "2025-09", "--owner", "财政局")
    assert result.exit_code == 0 and "已全部报送" in result.stdout


def test_a_withdrawn_figure_is_owed_again(isolated):
    write_ws(isolated, """
        [targets.inv]
        name = "投资"
        kind = "cumulative"
        target = 100
        unit = "亿元"
        owner = "科技局"
    """, {"2025-10": record("inv", "2025-10", 80)})
    assert "已全部报送" in run("remind", "--period", "2025-10").stdout
    assert run("withdraw", "inv", "--period", "2025-10").exit_code == 0
    again = json.loads(run("remind", "--period", "2025-10", "--format", "json").stdout)
    assert [m["id"] for u in again["units"] for m in u["missing"]] == ["inv"]


def test_the_report_lists_who_is_late_and_owners_count_it(repo_ws):
    md = run("export", "--as-of", "2025-11").stdout
    part = md.split("## 五、未按时报送")[1].split("## 六、")[0]
    assert f"| {UNIT} | 4 | 高新技术企业（高企）" in part
    owners = json.loads(run("owners", "--as-of", "2025-11", "--format", "json").stdout)
    by_unit = {o["owner"]: o["missing"] for o in owners["owners"]}
    assert by_unit[UNIT] == 4
    reminder = json.loads(run("remind", "--period", "2025-11", "--format", "json").stdout)
    assert {u["owner"]: len(u["missing"]) for u in reminder["units"]} == \
        {k: v for k, v in by_unit.items() if v}


def test_hostile_names_stay_text_in_the_sheet_and_the_reminder(isolated):
    write_ws(isolated, """
        [targets.inv]
        name = "=HYPERLINK(\\"http://x\\") [点此](http://x) **粗**"
        kind = "cumulative"
        target = 100
        owner = "\\u001b[31m红局"
    """)
    assert run("sheet", "--period", "2025-11", "-o", "s.xlsx").exit_code == 0
    sheet = openpyxl.load_workbook(isolated / "s.xlsx").active
    cell = sheet.cell(row=4, column=2)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK")
    text = run("remind", "--period", "2025-11").stdout
    assert "\x1b" not in text and "红局" in text


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_sheet_saved_by_libreoffice_imports_as_it_is(repo_ws, tmp_path_factory):
    assert run("sheet", "--owner", UNIT, "--period", "2025-11", "-o", "s.xlsx").exit_code == 0
    filled = fill(repo_ws / "s.xlsx", FILLED, repo_ws / "filled.xlsx")
    out = tmp_path_factory.mktemp("lo")
    profile = tmp_path_factory.mktemp("profile")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(filled)],
                   check=True, capture_output=True, timeout=180)
    saved = out / "filled.xlsx"
    assert saved.exists()
    kept = openpyxl.load_workbook(saved).active
    assert kept.protection.sheet  # LibreOffice keeps the protection
    shutil.copy(saved, repo_ws / "lo.xlsx")
    result = run("import", "lo.xlsx")
    assert result.exit_code == 0, result.stderr
    rows = {r["id"]: r for r in json.loads(
        run("status", "--format", "json", "--as-of", "2025-11").stdout)["targets"]}
    assert all(rows[k]["actual"] == v for k, v in FILLED.items())


def test_a_sheet_and_a_reminder_do_not_read_the_answers(repo_ws):
    """The answers (`responses/`) are not a sheet's or a reminder's business: a broken
    answers file stops neither (status and check still say where it is broken), and the
    sheet is the same with the answers as without them."""
    assert run("sheet", "--period", "2025-11", "-o", "before.xlsx").exit_code == 0
    broken = repo_ws / "responses" / "2025-10.toml"
    broken.parent.mkdir(exist_ok=True)
    broken.write_text("schema = 1\n[[response]]\ntarget = \n", encoding="utf-8")
    sheet = run("sheet", "--period", "2025-11", "-o", "after.xlsx")
    assert sheet.exit_code == 0, sheet.stderr
    remind = run("remind", "--period", "2025-11")
    assert remind.exit_code == 0, remind.stderr
    status = run("status")
    assert status.exit_code == 1 and "responses/2025-10.toml:3" in status.stderr
    check = run("check")
    assert check.exit_code == 1 and "responses/2025-10.toml:3" in check.stdout + check.stderr
    cells = [[[c.value for c in row] for row in openpyxl.load_workbook(repo_ws / name).active]
             for name in ("before.xlsx", "after.xlsx")]
    assert cells[0] == cells[1] and len(cells[0]) > 5
