"""`kpitrack import`: a department's CSV or XLSX sheet, all rows or none."""

from __future__ import annotations

import datetime as dt
import json
import re
import tomllib

import pytest

from conftest import digest, record, run, write_ws
from kpitrack.workspace import journal

TARGETS = """
[targets.inv]
name = "年度投资"
section = "需求"
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

[targets.calls]
name = "来电办结"
kind = "cumulative"
report = "increment"
target = 1200
unit = "件"

[targets.lab]
name = "实验室挂牌"
kind = "milestone"
due = 2025-12-31
"""


CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def ws(isolated):
    return write_ws(isolated, TARGETS, {
        "2025-03": record("inv", "2025-03", 138.6, recorded="2025-04-12T09:30:00+08:00"),
    })


def records(root, month: str) -> list[dict]:
    path = root / "actuals" / f"{month}.toml"
    if not path.exists():
        return []
    return tomllib.loads(path.read_text(encoding="utf-8")).get("actual", [])


def write_csv(root, name: str, text: str, encoding: str = "utf-8"):
    path = root / name
    path.write_bytes(text.encode(encoding))
    return path


def write_xlsx(root, name: str, rows: list[list], title: str = "Sheet1", extra: dict | None = None):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for other, other_rows in (extra or {}).items():
        more = book.create_sheet(other)
        for row in other_rows:
            more.append(row)
    path = root / name
    book.save(path)
    return path


CHINESE_CSV = "指标,期间,数值,备注\ninv,2025-04,180.2,1—4月累计\n科技型企业,2025年4月,1200,\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16"])
def test_csv_in_every_office_encoding_is_recorded(ws, encoding):
    write_csv(ws, "dept.csv", CHINESE_CSV, encoding)
    result = run("import", "dept.csv")
    assert result.exit_code == 0, result.stderr
    got = records(ws, "2025-04")
    assert [(r["target"], r["value"], r.get("note", "")) for r in got] == [
        ("inv", 180.2, "1—4月累计"), ("smes", 1200, "")]
    assert all(r["source"] == "dept.csv" for r in got)
    assert "已导入 dept.csv：新增2条 → actuals/2025-04.toml" in result.stderr
    assert run("check").exit_code == 0


def test_english_headers_and_every_optional_column(ws):
    write_csv(ws, "dept.csv", "target,period,value,note,by,source\n"
                              "retail,2025-04,4.8,Jan-Apr,Commerce,bureau report\n")
    result = run("import", "dept.csv")
    assert result.exit_code == 0, result.stderr
    (got,) = records(ws, "2025-04")
    assert (got["target"], got["value"], got["note"], got["by"], got["source"]) == (
        "retail", 4.8, "Jan-Apr", "Commerce", "bureau report")


def test_xlsx_with_a_title_row_date_cells_and_unit_in_the_header(ws):
    write_xlsx(ws, "dept.xlsx", [
        ["高新区2025年4月指标报送表"],
        [],
        ["序号", "指标名称", "期间", "数值（亿元）", "报送单位"],
        [1, "年度投资", dt.datetime(2025, 4, 1), 180.2, "发改局"],
        [2, "lab", "2025-04", "完成", None],
        [3, "smes", "2025Q2", 1500.0, None],
    ])
    result = run("import", "dept.xlsx")
    assert result.exit_code == 0, result.stderr
    april = records(ws, "2025-04")
    assert [(r["target"], r.get("value"), r.get("done")) for r in april] == [
        ("inv", 180.2, None), ("lab", None, True)]
    assert april[0]["by"] == "发改局"
    assert records(ws, "2025-06")[0]["value"] == 1500
    assert "actuals/2025-04.toml, actuals/2025-06.toml" in result.stderr


def test_xlsx_sheet_option_picks_a_worksheet(ws):
    write_xlsx(ws, "dept.xlsx", [["说明"]], extra={"四月": [["指标", "期间", "数值"],
                                                           ["inv", "2025-04", 200]]})
    # Without --sheet, the workbook's one worksheet of figures, named (说明 has no header).
    default = run("import", "dept.xlsx", "--dry-run")
    assert default.exit_code == 0, default.stderr
    assert "dept.xlsx 工作表“四月”" in default.stdout and "新增1条" in default.stderr
    assert run("import", "dept.xlsx", "--sheet", "Sheet1").exit_code == 1
    result = run("import", "dept.xlsx", "--sheet", "四月")
    assert result.exit_code == 0, result.stderr
    assert records(ws, "2025-04")[0]["value"] == 200
    missing = run("import", "dept.xlsx", "--sheet", "五月")
    assert missing.exit_code == 1
    assert "dept.xlsx：没有名为 '五月' 的工作表；现有 'Sheet1', '四月'" in missing.stderr


HEADER = ["指标", "期间", "数值"]


def units_workbook(ws, second: list[list]):
    """A workbook of two units' worksheets of figures, and a note between them."""
    return write_xlsx(ws, "units.xlsx", [HEADER, ["inv", "2025-04", 200]], title="发改",
                      extra={"说明": [["填表说明：只填数值"]],
                             "科技": [HEADER, *second]})


def test_every_worksheet_of_a_workbook_of_figures_is_imported(ws):
    units_workbook(ws, [["smes", "2025-04", 1200], ["retail", "2025-04", None]])
    preview = run("import", "units.xlsx", "--dry-run")
    assert preview.exit_code == 0, preview.stderr
    assert "units.xlsx 工作表“发改”" in preview.stdout
    assert "units.xlsx 工作表“科技”" in preview.stdout
    assert "预览 units.xlsx（2张工作表）：新增2条" in preview.stderr
    assert records(ws, "2025-04") == []
    result = run("import", "units.xlsx")
    assert result.exit_code == 0, result.stderr
    assert "已导入 units.xlsx（2张工作表）：新增2条" in result.stderr
    assert [(r["target"], r["value"]) for r in records(ws, "2025-04")] == [
        ("inv", 200), ("smes", 1200)]
    again = run("import", "units.xlsx")
    assert again.exit_code == 0 and "没有需要写入的新数据" in again.stderr


def test_a_bad_row_on_any_worksheet_of_figures_stops_the_whole_workbook(ws):
    units_workbook(ws, [["smes", "2025-04", 1200], ["retail", "2025-04", "lots"]])
    before = digest(ws)
    result = run("import", "units.xlsx")
    assert result.exit_code == 1
    assert result.stderr.startswith("错误：units.xlsx 工作表“科技” 第3行：")
    assert len(result.stderr.strip().splitlines()) == 1 and "未导入任何数据" in result.stderr
    english = run("--lang", "en", "import", "units.xlsx")
    assert english.stderr.startswith("Error: units.xlsx, sheet 科技 row 3: ")
    preview = run("import", "units.xlsx", "--dry-run")
    assert preview.exit_code == 1 and "有问题1行" in preview.stderr
    assert digest(ws) == before


def test_a_figure_given_on_two_worksheets_is_refused(ws):
    units_workbook(ws, [["inv", "2025-04", 210]])
    before = digest(ws)
    result = run("import", "units.xlsx")
    assert result.exit_code == 1
    assert result.stderr.startswith("错误：units.xlsx 工作表“科技” 第2行：工作表“发改”第2行已给出 "
                                    "inv 在 2025-04 的数值")
    assert digest(ws) == before


def test_a_workbook_of_figures_and_reply_forms_is_refused_naming_them(ws):
    write_xlsx(ws, "mixed.xlsx", [HEADER, ["inv", "2025-04", 200]], title="发改",
               extra={"反馈": [["指标", "期间", "情况说明", "整改措施"],
                               ["inv", "2025-04", "慢", "快"]]})
    before = digest(ws)
    result = run("import", "mixed.xlsx")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        "错误：mixed.xlsx：工作表 '反馈' 是督办事项反馈表，'发改' 是数值报送表，不能一起导入；"
        "请用 --sheet 工作表名 逐张导入；未导入任何数据")
    assert digest(ws) == before
    assert run("import", "mixed.xlsx", "--sheet", "发改").exit_code == 0


def test_dry_run_shows_every_row_and_writes_nothing(ws):
    write_csv(ws, "dept.csv", CHINESE_CSV)
    before = digest(ws)
    result = run("--no-color", "import", "dept.csv", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert digest(ws) == before
    lines = result.stdout.splitlines()
    assert "导入预览: dept.csv" in lines[0]
    row2 = next(line for line in lines if "年度投资" in line)
    assert "180.2亿元" in row2 and "新增" in row2 and "2025-04" in row2
    assert "1200家" in result.stdout
    assert "预览 dept.csv：新增2条；未写入任何数据" in result.stderr


def test_one_bad_row_stops_the_whole_import_and_names_its_row(ws):
    # Row 2 is good and in another month: it must not be written either.
    write_csv(ws, "dept.csv", "指标,期间,数值\ninv,2025-05,250\nsmes,2025-04,lots\n"
                              "nope,2025-04,1\n")
    before = digest(ws)
    result = run("import", "dept.csv")
    assert result.exit_code == 1
    assert digest(ws) == before
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "dept.csv 第3行：无法识别数值 'lots'：应为数字，如 138.6 或 3500万" in result.stderr
    assert "（另有1行有问题，用 --dry-run 查看全部）；未导入任何数据" in result.stderr


def test_dry_run_lists_every_bad_row_and_exits_1(ws):
    write_csv(ws, "dept.csv", "指标,期间,数值\ninv,2025-05,250\nsmes,2025-04,lots\n"
                              "nope,2025-04,1\n")
    result = run("--no-color", "import", "dept.csv", "--dry-run")
    assert result.exit_code == 1
    assert "✗ 无法识别数值 'lots'" in result.stdout
    assert "✗ 未知指标 'nope'" in result.stdout
    assert "新增1条，有问题2行" in result.stderr


@pytest.mark.parametrize(("row", "message"), [
    ("inv,2025-04,nan", "cannot read figure 'nan'"),
    ("inv,2025-04,inf", "cannot read figure 'inf'"),
    ("inv,2026-02,1", "outside the plan"),
    ("inv,2025-13,1", "cannot read period '2025-13'"),
    (",2025-04,1", "no target"),
    ("inv,2025-04,-3", "negative"),
    ("inv,2025-04,3500万元", "0.35"),  # converts: this row is fine
    ("inv,2025-04,12%", "is in '%'"),
    ("lab,2025-04,150", "0 to 100"),
    ("inv,2025-04,1e400", "out of range"),
])
def test_bad_cells_are_named_by_row(ws, row, message):
    write_csv(ws, "dept.csv", f"指标,期间,数值\n{row}\n")
    result = run("--lang", "en", "--no-color", "import", "dept.csv", "--dry-run")
    assert message in result.stdout + result.stderr
    if message != "0.35":
        assert result.exit_code == 1
        assert "dept.csv row 2: " in run("--lang", "en", "import", "dept.csv").stderr
        chinese = run("import", "dept.csv").stderr
        assert chinese.startswith("错误：dept.csv 第2行：")
        assert CJK.search(chinese.split("第2行：")[1].split("；未导入")[0]), chinese


def test_a_row_whose_figure_was_left_empty_is_listed_and_skipped(ws):
    """A unit that leaves a target's figure empty has not reported it: the rest of the
    sheet still imports, and the preview says which row was skipped."""
    write_csv(ws, "dept.csv", "指标,期间,数值\ninv,2025-04,\ninv,2025-05,250\n")
    preview = run("--no-color", "import", "dept.csv", "--dry-run")
    assert preview.exit_code == 0
    assert "未填写数值，跳过" in preview.stdout and "未填写1行，跳过" in preview.stderr
    assert run("import", "dept.csv").exit_code == 0
    rows = json.loads(run("status", "--format", "json").stdout)["targets"]
    assert next(r for r in rows if r["id"] == "inv")["period"] == "2025-05"


def test_period_option_fills_rows_without_one(ws):
    write_csv(ws, "dept.csv", "指标,数值\ninv,180\n")
    assert "缺少期间：请填写期间单元格，或用 --period 指定" in run("import", "dept.csv").stderr
    result = run("import", "dept.csv", "--period", "2025-04", "--by", "统计局")
    assert result.exit_code == 0, result.stderr
    assert records(ws, "2025-04")[0]["by"] == "统计局"


def test_a_repeated_figure_is_skipped_and_a_different_one_needs_correct(ws):
    write_csv(ws, "same.csv", "指标,期间,数值\ninv,2025-03,138.6\n")
    before = digest(ws)
    same = run("import", "same.csv")
    assert same.exit_code == 0 and digest(ws) == before
    assert "已有相同数据，跳过1条；没有需要写入的新数据" in same.stderr

    write_csv(ws, "new.csv", "指标,期间,数值\ninv,2025-03,140\n")
    before = digest(ws)
    refused = run("import", "new.csv")
    assert refused.exit_code == 1 and digest(ws) == before
    assert "new.csv 第2行：inv 在 2025-03 已有数值（138.6，actuals/2025-03.toml:2）；" \
           "如需替换请用 --correct" in refused.stderr

    fixed = run("import", "new.csv", "--correct")
    assert fixed.exit_code == 0, fixed.stderr
    assert records(ws, "2025-03")[-1]["correction"] is True
    assert "更正1条" in fixed.stderr
    status = run("status", "--format", "json")
    assert '"actual": 140' in status.stdout


def test_two_rows_for_one_target_and_month_are_refused(ws):
    write_csv(ws, "dept.csv", "指标,期间,数值\ninv,2025-04,1\nsmes,2025-04,2\ninv,2025-04,3\n")
    result = run("import", "dept.csv", "--correct")
    assert result.exit_code == 1
    assert "dept.csv 第4行：第2行已给出 inv 在 2025-04 的数值；两行只保留一行" in result.stderr


def test_increment_figures_add_up_as_with_add(ws):
    write_csv(ws, "dept.csv", "指标,期间,数值\ncalls,2025-04,100\ncalls,2025-04,50\n")
    assert run("import", "dept.csv").exit_code == 0
    again = run("--no-color", "import", "dept.csv", "--dry-run")
    assert again.stdout.count("累加") == 2
    data = run("status", "--format", "json").stdout
    assert '"actual": 150' in data


def test_target_and_name_columns_must_agree(ws):
    write_csv(ws, "dept.csv", "指标编号,指标名称,期间,数值\ninv,科技型企业,2025-04,1\n")
    result = run("--lang", "en", "import", "dept.csv")
    assert result.exit_code == 1
    assert "the target cell says inv but the name cell says smes" in result.stderr


@pytest.mark.parametrize(("name", "content", "message"), [
    ("dept.csv", b"", "no header row"),
    ("dept.csv", "序号,名称2\n1,2\n".encode(), "no header row with a target"),
    ("dept.csv", "指标,数值\n".encode(), "no figures under the header (row 1)"),
    ("dept.csv", b"\xff\xfeodd", "not valid UTF-16"),
    ("dept.csv", b"target,value\n\x80\x80\x80,1\n", "neither UTF-8 nor GB18030"),
    ("dept.csv", b"PK\x03\x04rest", "this is an Excel workbook"),
    ("dept.xlsx", b"not a zip at all", "not a readable .xlsx workbook"),
    ("dept.xls", b"\xd0\xcf\x11\xe0", "old .xls format"),
    ("dept.ods", b"x", "cannot tell the format"),
    ("dept.csv", "指标,数值,value\ninv,1,2\n".encode(), "are both the value column"),
])
def test_unreadable_sheets_are_one_line_errors(ws, name, content, message):
    (ws / name).write_bytes(content)
    before = digest(ws)
    result = run("--lang", "en", "import", name)
    assert result.exit_code == 1, result.stdout
    assert message in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    chinese = run("import", name)
    assert chinese.exit_code == 1 and chinese.stderr.count("\n") == 1
    assert CJK.search(chinese.stderr.removeprefix("错误：")), chinese.stderr
    assert digest(ws) == before


def test_a_missing_file_is_a_clear_error(ws):
    result = run("import", "nowhere.csv")
    assert result.exit_code == 1
    assert result.stderr == "错误：nowhere.csv: 文件或文件夹不存在\n"
    english = run("--lang", "en", "import", "nowhere.csv")
    assert english.stderr == "Error: nowhere.csv: No such file or directory\n"


def test_hostile_text_is_recorded_literally(ws):
    note = '[red]x[/red] | <script> =cmd() "q" \\ \x1b[31m'
    (ws / "dept.csv").write_text('指标,期间,数值,备注\ninv,2025-04,1,"' + note.replace('"', '""')
                                 + '"\n', encoding="utf-8")
    result = run("--no-color", "import", "dept.csv")
    assert result.exit_code == 0, result.stderr
    assert records(ws, "2025-04")[0]["note"] == note
    assert "[red]x[/red] | <script> =cmd()" in result.stdout
    assert "\x1b" not in result.stdout


def test_a_failed_write_part_way_changes_nothing(ws, monkeypatch):
    """The disk fills while the second month is written: no month file has changed, and
    no half-written file is left anywhere git would take it."""
    write_csv(ws, "dept.csv", "指标,期间,数值\ninv,2025-03,140\nsmes,2025-04,2\n")
    before = digest(ws)
    real = journal.staged_write
    calls = []

    def failing(folder, name, data, like=None):
        calls.append(name)
        if name == "2025-04.toml":
            raise OSError(28, "No space left on device")
        return real(folder, name, data, like)

    monkeypatch.setattr(journal, "staged_write", failing)
    result = run("--lang", "en", "import", "dept.csv", "--correct")
    assert result.exit_code == 1
    assert "No space left on device" in result.stderr
    assert calls == ["2025-03.toml", "2025-04.toml"]
    assert digest(ws) == before
    assert not [p for p in (ws / "actuals").iterdir() if p.suffix != ".toml"]
    assert not list((ws / ".kpitrack" / "tmp").iterdir())


def test_a_month_file_with_an_error_is_not_appended_to(ws):
    (ws / "actuals" / "2025-04.toml").write_text("schema = 1\n[[actual]]\nvalue = 1\n",
                                                 encoding="utf-8")
    write_csv(ws, "dept.csv", "指标,期间,数值\ninv,2025-05,1\nsmes,2025-04,2\n")
    before = digest(ws)
    result = run("import", "dept.csv")
    assert result.exit_code == 1
    assert "actuals/2025-04.toml:2: 记录缺少 target（指标编号）；请先修正此文件再添加" \
        in result.stderr
    assert digest(ws) == before


def test_english_messages(ws):
    write_csv(ws, "dept.csv", CHINESE_CSV)
    result = run("--lang", "en", "--no-color", "import", "dept.csv", "--dry-run")
    assert "preview of dept.csv: 2 new; nothing was written" in result.stderr
    assert "Import preview: dept.csv" in result.stdout
    write_csv(ws, "bad.csv", "target,period,value\nnope,2025-04,1\n")
    bad = run("--lang", "en", "import", "bad.csv")
    assert "bad.csv row 2: unknown target 'nope'" in bad.stderr
    assert "nothing was imported" in bad.stderr


def with_results(path, results: dict[str, str]):
    """The workbook at `path` as Excel saves it: each formula with its result (openpyxl
    writes a formula's result empty)."""
    import zipfile

    parts = {}
    with zipfile.ZipFile(path) as book:
        for info in book.infolist():
            parts[info.filename] = book.read(info)
    for name, data in parts.items():
        if name.startswith("xl/worksheets/"):
            for formula, value in results.items():
                data = data.replace(f"<f>{formula}</f><v></v>".encode(),
                                    f"<f>{formula}</f><v>{value}</v>".encode())
            parts[name] = data
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        for name, data in parts.items():
            book.writestr(name, data)
    return path


def test_a_formula_saved_without_its_result_is_refused_naming_its_cell(ws):
    write_xlsx(ws, "script.xlsx", [["指标", "期间", "数值", "备注"],
                                   ["inv", "2025-04", 180.2, ""],
                                   ["smes", "2025-04", "=1000+200", "=A3"]])
    before = digest(ws)
    result = run("import", "script.xlsx")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stderr.strip() == (
        "错误：script.xlsx 第3行 数值：公式没有计算结果（文件保存时未重新计算）；"
        "请在 Excel/WPS 中打开并保存后再导入，或直接填写内容")
    assert digest(ws) == before
    english = run("--lang", "en", "import", "script.xlsx", "--dry-run")
    assert english.exit_code == 1
    assert english.stderr.startswith("Error: script.xlsx row 3, column 数值: a formula with no "
                                      "saved result")


def test_a_formula_outside_the_columns_read_does_not_matter(ws):
    write_xlsx(ws, "script.xlsx", [["指标", "期间", "数值", "序号"],
                                   ["inv", "2025-04", 180.2, "=ROW()-1"]])
    result = run("import", "script.xlsx")
    assert result.exit_code == 0, result.stderr
    assert [r["value"] for r in records(ws, "2025-04")] == [180.2]


def test_formulas_with_their_results_saved_import_their_results(ws):
    path = write_xlsx(ws, "saved.xlsx", [["指标", "期间", "数值"],
                                         ["inv", "2025-04", "=100+80.2"]])
    with_results(path, {"100+80.2": "180.2"})
    result = run("import", "saved.xlsx")
    assert result.exit_code == 0, result.stderr
    assert [r["value"] for r in records(ws, "2025-04")] == [180.2]


def encrypted(path):
    """The workbook at `path` with its parts marked encrypted, as a zip tool's password
    leaves them."""
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        start = data.find(signature)
        while start >= 0:
            data[start + offset] |= 0x1
            start = data.find(signature, start + 4)
    path.write_bytes(bytes(data))
    return path


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504


@pytest.mark.parametrize("make", ["xls", "excel_password", "zip_password"])
def test_an_old_or_password_protected_workbook_says_how_to_save_it(ws, make):
    if make == "zip_password":
        encrypted(write_xlsx(ws, "dept.xlsx", [["指标", "期间", "数值"], ["inv", "2025-04", 1]]))
    else:  # an .xls renamed, and an Excel-encrypted .xlsx, are both OLE compound files
        (ws / "dept.xlsx").write_bytes(OLE)
    before = digest(ws)
    result = run("import", "dept.xlsx")
    assert result.exit_code == 1 and "Traceback" not in result.stderr
    assert result.stderr == (
        "错误：dept.xlsx：不是 .xlsx 工作簿，可能是旧的 .xls 文件或设了打开密码的工作簿；"
        "请在 Excel/WPS 中打开，如有密码先取消密码，再另存为 .xlsx（Excel 工作簿）后导入\n")
    english = run("--lang", "en", "import", "dept.xlsx")
    assert english.exit_code == 1 and english.stderr.count("\n") == 1
    assert "perhaps an old .xls file, or a workbook protected by a password" in english.stderr
    assert digest(ws) == before


@pytest.mark.parametrize("content", [b"not a zip at all", b"PK\x03\x04truncated"])
def test_a_damaged_workbook_is_one_chinese_line_with_what_to_do(ws, content):
    (ws / "dept.xlsx").write_bytes(content)
    result = run("import", "dept.xlsx")
    assert result.exit_code == 1
    assert result.stderr == (
        "错误：dept.xlsx：无法读取的 .xlsx 工作簿（文件已损坏，或不是 Excel 工作簿）；"
        "请在 Excel/WPS 中打开并另存为 .xlsx（Excel 工作簿），或重新获取该文件\n")


def test_a_known_id_decides_when_the_name_cell_differs(ws):
    write_csv(ws, "dept.csv", "指标编号,指标名称,期间,数值\ninv,年度投资（旧名）,2025-04,180.2\n")
    preview = run("import", "dept.csv", "--dry-run")
    assert preview.exit_code == 0, preview.stderr
    assert ("编号 inv 的指标名称是“年度投资”，表中写的是“年度投资（旧名）”；按编号导入"
            in preview.stdout)
    result = run("import", "dept.csv")
    assert result.exit_code == 0, result.stderr
    assert [(r["target"], r["value"]) for r in records(ws, "2025-04")] == [("inv", 180.2)]
    english = run("--lang", "en", "import", "dept.csv", "--dry-run")
    assert "target inv is named '年度投资', the sheet says '年度投资（旧名）'" in english.stdout


def test_a_formula_without_its_result_is_named_by_its_worksheet(ws):
    write_xlsx(ws, "two.xlsx", [["指标", "期间", "数值"], ["inv", "2025-04", 180.2]],
               title="发改局", extra={"科技局": [["指标", "期间", "数值"],
                                              ["smes", "2025-04", "=SUM(1,2)"]]})
    result = run("import", "two.xlsx")
    assert result.exit_code == 1
    assert result.stderr.startswith("错误：two.xlsx 工作表“科技局” 第2行 数值：公式没有计算结果")
    assert records(ws, "2025-04") == []


def test_a_formula_whose_saved_result_is_empty_text_is_an_empty_cell(ws):
    path = write_xlsx(ws, "saved.xlsx", [["指标", "期间", "数值", "备注"],
                                         ["inv", "2025-04", 180.2, '=IF(1,"","")']])
    import zipfile

    with zipfile.ZipFile(path) as book:
        parts = {info.filename: book.read(info) for info in book.infolist()}
    # As Excel saves a formula whose result is "": the type text, the value empty.
    parts["xl/worksheets/sheet1.xml"] = parts["xl/worksheets/sheet1.xml"].replace(
        b'<c r="D2"><f>', b'<c r="D2" t="str"><f>')
    with zipfile.ZipFile(path, "w") as book:
        for name, data in parts.items():
            book.writestr(name, data)
    result = run("import", "saved.xlsx")
    assert result.exit_code == 0, result.stderr
    assert [(r["value"], r.get("note", "")) for r in records(ws, "2025-04")] == [(180.2, "")]
