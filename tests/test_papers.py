"""The papers people open: the workbook prints on A4 landscape one page wide with its
header on every page; the CSV's figures are numbers, signed where a person must see the
sign, and user text never runs as a formula."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from conftest import REPO, record, run, write_ws

GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture
def fixture_ws(isolated):
    shutil.copytree(GOLDEN / "workspace", isolated, dirs_exist_ok=True)
    return isolated


def csv_rows(*args: str) -> list[dict[str, str]]:
    out = run(*args, "export", "--format", "csv").stdout
    assert out.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))


# ------------------------------------------------------------------ the workbook


def workbook(data: bytes):
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(data))


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_workbook_prints_a4_landscape_one_page_wide_with_its_header_on_every_page(
        fixture_ws, lang):
    from kpitrack.i18n.words import word
    from kpitrack.render.columns import XLSX_COLUMNS

    book = workbook(run("--lang", lang, "export", "--format", "xlsx").stdout_bytes)
    sheet = book.worksheets[0]
    setup = sheet.page_setup
    assert setup.orientation == "landscape" and int(setup.paperSize) == 9  # A4
    assert int(setup.fitToWidth) == 1 and int(setup.fitToHeight) == 0
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$4:$4"
    header = [c.value for c in sheet[4]]
    assert header == [word(key, lang) for key in XLSX_COLUMNS]
    assert header[0] == word("name", lang) and header[-1] == word("id", lang)
    assert sheet.freeze_panes == "B5"  # the header row and the name stay in view
    assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
    legend = book.worksheets[1]
    assert legend.page_setup.orientation == "landscape"


def test_workbook_shows_the_supervision_state_and_the_units_answer(fixture_ws):
    book = workbook(run("export", "--format", "xlsx").stdout_bytes)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[4]]
    rows = {r[header.index("编号")]: dict(zip(header, r, strict=True))
            for r in sheet.iter_rows(min_row=5, values_only=True)}
    labs = rows["labs"]
    assert labs["指标"] == "重点实验室" and labs["督办"] == "持续督办（2个月）"
    assert labs["情况说明"] == "新建实验室认定周期长，2家在评审中"  # the newest answer
    assert labs["整改措施"] == "6月底前完成2家申报 | 每月调度"
    assert rows["parks"]["督办"] == "销号"
    assert rows["inv"]["督办"] is None and rows["inv"]["情况说明"] is None


def test_workbook_figures_are_numbers_that_show_their_unit(fixture_ws):
    book = workbook(run("export", "--format", "xlsx").stdout_bytes)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[4]]
    by_id = {row[header.index("编号")].value: row for row in sheet.iter_rows(min_row=5)}
    goal, actual = (by_id["inv"][header.index(h)] for h in ("目标", "实际"))
    assert (goal.value, goal.data_type) == (620, "n") and goal.number_format == "General\\亿\\元"
    assert actual.value == 150
    retail = by_id["retail"][header.index("实际")]
    assert retail.value == 5.6 and retail.number_format == "General\\%"
    road = by_id["road"][header.index("目标")]  # a milestone's goal is its due date
    assert road.value == "2025-09-30" and road.data_type == "s"


def test_workbook_shares_one_style_per_look(fixture_ws):
    """Every status cell of a colour carries the same style; the header cells share one."""
    book = workbook(run("export", "--format", "xlsx").stdout_bytes)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[4]]
    status_at = header.index("状态")
    by_colour: dict[str, set[int]] = {}
    for row in sheet.iter_rows(min_row=5):
        cell = row[status_at]
        by_colour.setdefault(cell.fill.fgColor.rgb, set()).add(cell.style_id)
    assert all(len(ids) == 1 for ids in by_colour.values()), by_colour
    assert len({c.style_id for c in sheet[4]}) == 1


def test_workbook_column_widths_follow_the_content_and_stop_at_a_cap(isolated):
    from openpyxl.utils import get_column_letter

    long_name = "很长的指标名称" * 10
    write_ws(isolated, f'[targets.long]\nname = "{long_name}"\nkind = "cumulative"\n'
                         'target = 10\n', {"2025-02": record("long", "2025-02", 1)})
    sheet = workbook(run("export", "--format", "xlsx").stdout_bytes).worksheets[0]
    header = [c.value for c in sheet[4]]
    width = {h: sheet.column_dimensions[get_column_letter(i)].width
             for i, h in enumerate(header, start=1)}
    assert 20 < width["指标"] <= 32  # capped; the name wraps
    assert width["完成率"] < 10  # a number column stays narrow
    assert sheet.row_dimensions[5].height > 15  # the wrapped name's row is tall enough
    assert sheet["A5"].alignment.wrap_text


# ------------------------------------------------------------------ the CSV


def test_csv_figures_are_numbers_with_the_unit_in_its_own_column(fixture_ws):
    rows = {r["编号"]: r for r in csv_rows()}
    inv = rows["inv"]
    assert (inv["目标"], inv["上年"], inv["实际"], inv["单位"]) == ("620", "560", "150", "亿元")
    assert rows["retail"]["实际"] == "5.6" and rows["retail"]["单位"] == "%"
    data = {t["id"]: t for t in json.loads(run("status", "--format", "json").stdout)["targets"]}
    numeric = ("目标", "上年", "实际", "完成率", "时序进度", "差距", "预计全年", "需月均")
    for tid, row in rows.items():
        if data[tid]["kind"] == "milestone":
            continue
        for column in numeric:
            if row[column]:
                float(row[column])  # every figure parses as a number
        if data[tid]["gap"] is not None:
            assert float(row["差距"]) == pytest.approx(round(data[tid]["gap"], 1))


def test_csv_keeps_the_gap_sign_in_a_text_column(fixture_ws):
    rows = {r["编号"]: r for r in csv_rows()}
    assert rows["jobs"]["差距"] == "+0.7" and rows["jobs"]["差距（带符号）"] == "差距+0.7个百分点"
    assert rows["inv"]["差距（带符号）"] == "差距-9.1个百分点"
    english = {r["ID"]: r for r in csv_rows("--lang", "en")}
    assert english["jobs"]["Gap, signed"] == "gap +0.7 points"
    assert rows["library"]["差距（带符号）"] == ""


def test_csv_adds_columns_at_the_end_and_keeps_the_old_ones_in_place(fixture_ws):
    header = run("export", "--format", "csv").stdout.lstrip("\ufeff").splitlines()[0]
    assert header.startswith("编号,状态,板块,指标,类型,目标,上年,实际,截至,完成率,时序进度,差距,"
                             "预计全年,需月均,连续红色月数,变化,责任单位,示例,")
    assert header.endswith(",单位,差距（带符号）,督办,情况说明,整改措施,基数说明")


def test_csv_carries_the_supervision_state_and_the_answer(fixture_ws):
    rows = {r["编号"]: r for r in csv_rows()}
    assert rows["labs"]["督办"] == "持续督办（2个月）"
    assert rows["labs"]["情况说明"] == "新建实验室认定周期长，2家在评审中"
    assert rows["labs"]["整改措施"] == "6月底前完成2家申报 | 每月调度"


def test_a_negative_growth_is_a_plain_number_not_guarded(isolated):
    write_ws(isolated, '[targets.g]\nname = "生物医药产值增速"\nkind = "growth"\ntarget = 0\n',
             {"2025-02": record("g", "2025-02", -0.6)})
    row = csv_rows()[0]
    assert row["实际"] == "-0.6" and row["差距"] == "-0.6"
    assert row["差距（带符号）"] == "差距-0.6个百分点"
    assert float(row["实际"]) == -0.6


HOSTILE = ['=HYPERLINK("http://evil.example","点我")', "+cmd", "@SUM(A1:A9)", "-1+1",
           "=cmd|' /C calc'!A0", "-A1"]


@pytest.mark.parametrize("text", HOSTILE)
def test_the_formula_guard_still_neutralises_user_text(isolated, text):
    write_ws(isolated, f"""
[targets.x]
name = {json.dumps(text)}
section = {json.dumps(text)}
owner = {json.dumps(text)}
kind = "cumulative"
target = 10
""", {"2025-02": record("x", "2025-02", 1)})
    (isolated / "responses").mkdir()
    (isolated / "responses" / "2025-02.toml").write_text(
        f'schema = 1\n\n[[response]]\ntarget = "x"\nperiod = "2025-02"\n'
        f"reason = {json.dumps(text)}\nmeasures = {json.dumps(text)}\n", encoding="utf-8")
    row = csv_rows()[0]
    for column in ("指标", "板块", "责任单位"):
        assert row[column] == "'" + text, column
    assert row["情况说明"] == row["整改措施"] == "'" + text
    status = list(csv.reader(io.StringIO(run("status", "--format", "csv").stdout)))
    assert status[1][3] == "'" + text


def test_the_guard_leaves_plain_signed_numbers_alone():
    from kpitrack.render.safe import csv_cell

    for number in ("-0.6", "+9.5", "-12%", "0", "-.5", "12.0"):
        assert csv_cell(number) == number
    for formula in ("-1+1", "+cmd", "=1", "@SUM(A1)", "-A1", "--1", "-1e3", "+9.5个百分点"):
        assert csv_cell(formula).startswith("'"), formula
    for hidden in ("\t=1", "\r=1", "\r\n+1"):  # the control character goes, then the guard
        assert not csv_cell(hidden).startswith(("=", "+", "-", "@", "\t", "\r")), hidden


# ------------------------------------------------------------------ in LibreOffice

SOFFICE = shutil.which("soffice")


def to_pdf(path: Path, *extra: str) -> Path:
    out = path.parent / "pdf"
    subprocess.run([SOFFICE, "--headless", *extra, "--convert-to", "pdf", "--outdir",
                    str(out), str(path)], check=True, capture_output=True, timeout=180,
                   env={"HOME": str(path.parent), "PATH": "/usr/bin:/bin"})
    return out / (path.stem + ".pdf")


def pdf_pages(pdf: Path) -> list[str]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout
    return [page for page in text.split("\f") if page.strip()]


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None or shutil.which("pdftotext") is None,
                    reason="needs LibreOffice (soffice) and poppler (pdftotext)")
def test_the_repository_workbook_prints_on_few_pages_each_with_its_header(tmp_path):
    path = tmp_path / "report.xlsx"
    assert run("-C", str(REPO), "export", "-o", str(path)).exit_code == 0
    pages = pdf_pages(to_pdf(path))
    status_pages = [p for p in pages if "蓝色·超前示范：" not in p]  # not the legend
    assert 1 <= len(pages) <= 3, len(pages)
    for page in status_pages:
        head = page.split("\n")[:8]
        assert any("指标" in line and "状态" in line and "督办" in line for line in head), head
        assert "页" in page.splitlines()[-1]  # 第 1 页，共 N 页
    first = status_pages[0]
    assert first.index("指标") < first.index("编号")  # the name first, the id at the end
    for name in ("市级以上重点实验室", "促进科技成果转化"):
        assert name in "".join(pages)


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None or shutil.which("pdftotext") is None,
                    reason="needs LibreOffice (soffice) and poppler (pdftotext)")
def test_the_csv_opens_in_libreoffice_with_utf8_chosen(tmp_path, fixture_ws):
    """LibreOffice's default import of a CSV ignores the BOM (it reads Windows-1252);
    chosen as UTF-8 (what docs/reports.md says to pick), the Chinese reads right and
    the figures are numbers."""
    path = tmp_path / "report.csv"
    assert run("export", "-o", str(path)).exit_code == 0
    text = "".join(pdf_pages(to_pdf(path, "--infilter=CSV:44,34,76,1")))
    assert "固定资产投资" in text and "差距-9.1个百分点" in text and "差距+0.7个百分点" in text
    assert "'-" not in text and "'+" not in text  # no number is guarded as a formula


@pytest.mark.slow
@pytest.mark.skipif(SOFFICE is None or shutil.which("pdftotext") is None,
                    reason="needs LibreOffice (soffice) and poppler (pdftotext)")
def test_a_long_workbook_repeats_its_header_on_every_printed_page(isolated):
    targets = "".join(f'[targets.t{i}]\nname = "第{i}项指标"\nkind = "cumulative"\n'
                      f'target = 100\nunit = "个"\nowner = "单位{i % 7}"\n' for i in range(150))
    write_ws(isolated, targets, {"2025-03": "".join(record(f"t{i}", "2025-03", i % 40)
                                                    for i in range(150))})
    path = isolated / "long.xlsx"
    assert run("export", "-o", str(path)).exit_code == 0
    pages = [p for p in pdf_pages(to_pdf(path)) if "第" in p and "项指标" in p]
    assert len(pages) >= 2
    for page in pages:
        assert any("指标" in line and "状态" in line and "完成率" in line
                   for line in page.splitlines()[:8]), page[:300]
    assert "第149项指标" in "".join(pages)


def test_dash_for_output_is_standard_output_not_a_file(isolated, monkeypatch):
    monkeypatch.chdir(isolated)
    result = run("-C", str(REPO), "export", "-o", "-")
    assert result.exit_code == 0 and result.stdout.startswith("# ")
    data = json.loads(run("-C", str(REPO), "notice", "--format", "json", "-o", "-").stdout)
    assert data["notices"]
    assert not (isolated / "-").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_pipe_or_device_is_never_replaced_by_a_paper(isolated):
    pipe = isolated / "paper.md"
    os.mkfifo(pipe)
    for lang, said in (("zh", "不是普通文件"), ("en", "is not a plain file")):
        result = run("--lang", lang, "-C", str(REPO), "export", "-o", str(pipe))
        assert result.exit_code == 1 and said in result.stderr, result.stderr
        assert result.stderr.count("\n") == 1
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


@pytest.mark.parametrize("where", ["mkstemp", "fsync"])
def test_a_write_error_names_the_file_asked_for_not_a_temporary_one(isolated, monkeypatch,
                                                                    where):
    import errno
    import tempfile

    def fail(*args, **kwargs):
        raise OSError(errno.EROFS if where == "mkstemp" else errno.ENOSPC,
                      "no", "/elsewhere/.r.md.x.tmp" if where == "mkstemp" else None)

    monkeypatch.setattr(tempfile if where == "mkstemp" else os, where, fail)
    result = run("-C", str(REPO), "export", "-o", str(isolated / "r.md"))
    assert result.exit_code == 1
    assert "r.md" in result.stderr and ".tmp" not in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1
    assert [p.name for p in isolated.iterdir()] == []
