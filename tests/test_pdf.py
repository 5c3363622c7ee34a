"""The PDF report and notices: what pdftotext reads back from them, page by page."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import REPO, record, run, write_ws
from kpitrack.render import pdf_fonts
from kpitrack.render.pdf_out import _Fonts

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="pdftotext (poppler-utils) is not installed")


def pages(path: Path) -> list[str]:
    """Each page's text, as pdftotext reads it (pages end with a form feed)."""
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True).stdout.decode("utf-8")
    return text.split("\f")[:-1]


def squeezed(text: str) -> str:
    """Text without white space: a name wrapped inside its cell reads back whole."""
    return re.sub(r"\s+", "", text)


def numbered_pages(found: list[str]) -> None:
    """Every page carries its number, `— N —`, and something besides."""
    assert found
    for number, text in enumerate(found, start=1):
        assert f"—{number}—" in squeezed(text), (number, text[-80:])
        assert squeezed(text).replace(f"—{number}—", ""), f"page {number} is blank"


@pytest.fixture(autouse=True)
def _fresh_font_search():
    pdf_fonts._find.cache_clear()
    pdf_fonts._load.cache_clear()
    yield
    pdf_fonts._find.cache_clear()
    pdf_fonts._load.cache_clear()


@needs_poppler
def test_the_report_holds_the_title_the_month_and_the_red_list(isolated):
    out = isolated / "report.pdf"
    result = run("-C", str(REPO), "export", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF-")
    found = pages(out)
    numbered_pages(found)
    status = json.loads(run("-C", str(REPO), "status", "--format", "json").stdout)
    title = status["plan"]["title"]
    whole = squeezed("".join(found))
    first = squeezed(found[0])
    assert title in first and "截至2025年10月" in first and "一、红色滞后督办清单" in first
    red = [t["name"] for t in status["targets"] if t["status"] == "red"]
    assert red
    for name in red:
        assert squeezed(name) in whole
    for heading in ("五、未按时报送", "六、责任单位推进情况晾晒", "七、分板块推进情况", "八、图例"):
        assert heading in whole


@needs_poppler
def test_the_english_report_and_format_pdf(isolated):
    out = isolated / "r.bin"
    result = run("-C", str(REPO), "--lang", "en", "export", "--format", "pdf", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    found = pages(out)
    numbered_pages(found)
    assert "as of 2025-10" in found[0] and "Red list" in "".join(found)


@needs_poppler
def test_notices_have_one_unit_per_page_group_and_add_no_command(isolated):
    out = isolated / "notices.pdf"
    result = run("-C", str(REPO), "notice", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    found = pages(out)
    assert all(re.sub("—[0-9]+—", "", squeezed(t)) for t in found), "a blank page"
    starts = [i for i, text in enumerate(found) if "督办通知单" in text]
    units = json.loads(run("-C", str(REPO), "notice", "--format", "json").stdout)
    assert len(starts) == len(units["notices"]) and starts[0] == 0
    # Each unit's pages are numbered from 1.
    for start, end in zip(starts, [*starts[1:], len(found)], strict=True):
        for number, text in enumerate(found[start:end], start=1):
            assert f"—{number}—" in squeezed(text)
    # A unit never sees a terminal: no notice names a command.
    text = squeezed("".join(found))
    assert "kpitrack" not in text and "--" not in text
    assert "督办〔2025〕10号" in text and "《督办事项反馈表》" in text


@needs_poppler
def test_the_office_numbers_and_signs_the_pdf_papers(isolated, monkeypatch):
    from test_word import _notice_ws

    monkeypatch.setenv("KPITRACK_TODAY", "2025-11-03")
    _notice_ws(isolated, '\n[office]\nname = "区委督查室"\ncontact = "张三"\nphone = "023-1"\n'
               'prefix = "高新督办"\n')
    assert run("notice", "-o", "n.pdf").exit_code == 0
    notice = squeezed("".join(pages(isolated / "n.pdf")))
    for piece in ("高新督办〔2025〕10号", "科技创新局：", "联系人：张三，联系电话：023-1。",
                  "区委督查室2025年11月3日", "（一）"):
        assert piece in notice, piece
    assert run("export", "-o", "r.pdf").exit_code == 0
    assert "区委督查室2025年11月3日" in squeezed(pages(isolated / "r.pdf")[-1])
    # With no [office], nothing of it is printed and the paper still ends with the day.
    _notice_ws(isolated, "")
    assert run("notice", "-o", "n.pdf").exit_code == 0
    notice = squeezed("".join(pages(isolated / "n.pdf")))
    assert "联系人" not in notice and "区委督查室" not in notice
    assert "2025年11月3日" in notice


@pytest.mark.slow
@needs_poppler
def test_rows_are_never_split_and_headers_repeat(isolated):
    targets = "".join(f"""
[targets.t{i:03d}]
name = "第{i:03d}号指标{'很长的名称需要在单元格里换行' * (i % 4)}"
section = "板块"
owner = "单位{i % 7}"
kind = "cumulative"
target = 100
""" for i in range(220))
    figures = "".join(record(f"t{i:03d}", "2025-06", i % 90) for i in range(220))
    write_ws(isolated, targets, {"2025-06": figures})
    assert run("export", "-o", "big.pdf").exit_code == 0
    found = pages(isolated / "big.pdf")
    numbered_pages(found)
    assert len(found) > 5
    for i in range(220):
        name = f"第{i:03d}号指标" + "很长的名称需要在单元格里换行" * (i % 4)
        holding = [n for n, text in enumerate(found) if name in squeezed(text)]
        assert holding, name  # the whole name on one page, in some table
    table_pages = [t for t in found if "号指标" in t]
    for text in table_pages:
        assert "责任单位" in text  # the header row (every table with names has 责任单位)


HOSTILE = [
    "<b>粗</b><font color=red>红</font>",
    "<para>&amp; &lt;</para>",
    "a\x00b\x07c\x1b[31md",
    "\u202e右到左\u202c\u200f标记",
    "名🔴称\U0001F600尾",
    "长" * 3000,
    "word " * 800,
]


@needs_poppler
@pytest.mark.parametrize("text", HOSTILE)
def test_user_text_comes_through_literally(isolated, text):
    write_ws(isolated, f"""
[targets.x]
name = {json.dumps(text, ensure_ascii=False)}
section = {json.dumps(text, ensure_ascii=False)}
owner = {json.dumps(text, ensure_ascii=False)}
kind = "cumulative"
target = 10
""", {"2025-02": record("x", "2025-02", 1)})
    for args in (["export", "-o", "r.pdf"], ["notice", "-o", "n.pdf"]):
        result = run(*args)
        assert result.exit_code == 0, result.stderr
    found = pages(isolated / "r.pdf")
    numbered_pages(found)
    whole = squeezed("".join(found))
    if text.startswith("<"):
        assert squeezed(text) in whole
    if "\u202e" in text:
        assert "右到左标记" in whole and "\u202e" not in whole
    if "\x1b" in text:
        assert "abcd" in whole and "[31m" not in whole  # as in every format
    if text.startswith("名"):
        assert "名" in whole and "尾" in whole
    if text.startswith("长"):
        assert whole.count("长") >= 3000 * 3  # the name, the section and the owner
    numbered_pages(pages(isolated / "n.pdf"))


def test_an_unusable_font_is_one_line_in_the_readers_language(isolated, monkeypatch):
    write_ws(isolated, """
[targets.x]
name = "指标"
kind = "cumulative"
target = 10
""", {"2025-02": record("x", "2025-02", 1)})
    bad = isolated / "not-a-font.ttf"
    bad.write_text("hello", encoding="utf-8")
    monkeypatch.setenv("KPITRACK_PDF_FONT", str(bad))
    result = run("export", "-o", "r.pdf")
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "KPITRACK_PDF_FONT" in result.stderr
    assert "不是含中文的 TrueType 字体" in result.stderr
    assert not (isolated / "r.pdf").exists()
    result = run("--lang", "en", "notice", "-o", "n.pdf")
    assert result.exit_code == 1 and "is not a TrueType font" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_font_without_chinese_is_refused(monkeypatch):
    latin = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    if not latin.is_file():
        pytest.skip("no DejaVu font here")
    monkeypatch.setenv("KPITRACK_PDF_FONT", str(latin))
    with pytest.raises(pdf_fonts.KpiError):
        pdf_fonts.find_font()


def test_with_no_system_font_the_built_in_one_is_used(monkeypatch, tmp_path):
    monkeypatch.delenv("KPITRACK_PDF_FONT", raising=False)
    monkeypatch.setattr(pdf_fonts, "candidates", lambda: [tmp_path / "missing.ttc"])
    font = pdf_fonts.find_font()
    assert font.built_in and font.name == pdf_fonts.BUILT_IN
    # Its look-alikes, and nothing beyond the Basic Multilingual Plane.
    assert font.text("红色·滞后督办 ✓ 🔴x") == "红色・滞后督办 √ □x"


def test_the_search_order_is_documented():
    docs = (REPO / "docs" / "reports.md").read_text(encoding="utf-8")
    assert "KPITRACK_PDF_FONT" in docs and "STSong-Light" in docs
    names = [p.name for p in pdf_fonts.candidates()]
    assert names[0] == "simsun.ttc"


@pytest.mark.parametrize("text", ["", "短", "截至2025年10月" * 20, "a few words " * 30,
                                  "x" * 500, "混合 mixed 文字 text" * 15])
def test_wrapping_keeps_every_character_and_the_width(text):
    fonts = _Fonts(pdf_fonts._built_in())
    room = 120.0
    lines = fonts.wrap(text, 8.5, room)
    assert all(fonts.width(line, 8.5) <= room or len(line) == 1 for line in lines)
    assert squeezed("".join(lines)) == squeezed(text)


@needs_poppler
def test_a_truetype_font_is_embedded_and_reads_back(isolated, monkeypatch):
    usable = next((p for p in pdf_fonts.candidates() if p.is_file() and pdf_fonts._load(p)),
                  None)
    if usable is None or shutil.which("pdffonts") is None:
        pytest.skip("no TrueType Chinese font (or no pdffonts) on this computer")
    monkeypatch.setenv("KPITRACK_PDF_FONT", str(usable))
    write_ws(isolated, """
[targets.x]
name = "规上工业企业研发机构覆盖率"
kind = "cumulative"
target = 10
""", {"2025-02": record("x", "2025-02", 1)})
    assert run("export", "-o", "r.pdf").exit_code == 0
    fonts = subprocess.run(["pdffonts", "r.pdf"], capture_output=True, text=True,
                           check=True).stdout.splitlines()[2:]
    chinese = [line for line in fonts if "TrueType" in line]
    assert chinese and all(" yes yes yes " in line for line in chinese)
    found = pages(isolated / "r.pdf")
    numbered_pages(found)
    assert "规上工业企业研发机构覆盖率" in squeezed("".join(found))
    assert "红色·滞后督办" in "".join(found)


def test_headings_take_a_hei_face_when_there_is_one(monkeypatch, tmp_path):
    monkeypatch.delenv("KPITRACK_PDF_FONT", raising=False)
    usable = next((p for p in pdf_fonts.heading_candidates()
                   if p.is_file() and pdf_fonts._load(p)), None)
    if usable is None:
        pytest.skip("no TrueType Hei font on this computer")
    monkeypatch.setattr(pdf_fonts, "candidates", lambda: [])
    body, heading = pdf_fonts.find_fonts()
    assert body.built_in and heading.path == str(usable)
    # A font named in the variable is used for everything.
    monkeypatch.setenv("KPITRACK_PDF_FONT", str(usable))
    body, heading = pdf_fonts.find_fonts()
    assert body == heading and body.path == str(usable)


@pytest.mark.slow
@needs_poppler
def test_the_benchmarks_1700_targets_report_and_notices(isolated):
    import sys

    sys.path.insert(0, str(REPO / "bench"))
    try:
        from run import generate
    finally:
        sys.path.remove(str(REPO / "bench"))
    generate(isolated / "ws", 1700)
    for args in (["export", "-o", "r.pdf"], ["notice", "-o", "n.pdf"]):
        result = run("-C", str(isolated / "ws"), *args)
        assert result.exit_code == 0, result.stderr
    report = pages(isolated / "r.pdf")
    numbered_pages(report)
    assert len(report) > 50
    notices = pages(isolated / "n.pdf")
    assert all(re.sub("—[0-9]+—", "", squeezed(t)) for t in notices), "a blank page"
    assert all(re.search("—[0-9]+—", squeezed(t)) for t in notices)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="截至红色 ab12.-W", max_size=200), st.floats(10, 200))
def test_wrapped_lines_fit_and_keep_the_text(text, room):
    fonts = _Fonts(pdf_fonts._built_in())
    lines = fonts.wrap(text, 8.5, room)
    assert all(fonts.width(line, 8.5) <= room + 1e-9 or len(line) == 1 for line in lines)
    assert squeezed("".join(lines)) == squeezed(text)


def test_a_broken_system_font_is_passed_over(monkeypatch, tmp_path):
    monkeypatch.delenv("KPITRACK_PDF_FONT", raising=False)
    broken = tmp_path / "Fonts" / "simsun.ttc"
    broken.parent.mkdir()
    broken.write_bytes(b"not a font")
    monkeypatch.setenv("WINDIR", str(tmp_path))
    assert pdf_fonts.candidates()[0] == broken
    monkeypatch.setattr(pdf_fonts, "candidates", lambda: [broken])
    assert pdf_fonts.find_font().built_in


ZENHEI = Path("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc")
# Emoji, CJK Extension B, a letter with three combining acutes and one with four marks.
UNCOVERED = "重点实验室🔬🧪 𠀀𠀁𪚥 e\u0301\u0301\u0301 Z\u0353\u0354\u0351\u0352"


@needs_poppler
def test_a_truetype_font_draws_a_box_for_each_character_it_lacks(isolated, monkeypatch):
    if not ZENHEI.is_file():
        pytest.skip("WenQuanYi Zen Hei is not installed")
    monkeypatch.setenv("KPITRACK_PDF_FONT", str(ZENHEI))
    write_ws(isolated, f"""
[targets.x]
name = {json.dumps(UNCOVERED, ensure_ascii=False)}
owner = "科技局"
kind = "cumulative"
target = 10
""", {"2025-02": record("x", "2025-02", 1)})
    # The emoji and the Extension B characters are boxes, one each; the combining marks
    # are composed (é) or dropped, the letters kept.
    drawn = "重点实验室□□□□□éZ"
    for args, out in ((["export", "-o", "r.pdf"], "r.pdf"), (["notice", "-o", "n.pdf"], "n.pdf")):
        result = run(*args)
        assert result.exit_code == 0, result.stderr
        whole = squeezed("".join(pages(isolated / out)))
        assert drawn in whole, (out, whole[:300])
    font = pdf_fonts._load(ZENHEI)
    assert font is not None
    assert font.text(UNCOVERED) == "重点实验室□□ □□□ é Z"
    # Covered text is unchanged, look-alikes are kept.
    assert font.text("规上工业企业 R&D 经费") == "规上工业企业 R&D 经费"
    assert font.text("完成 ✓") == "完成 √"


def _font_message(isolated, monkeypatch, path: str) -> tuple[str, str]:
    write_ws(isolated, """
[targets.x]
name = "指标"
kind = "cumulative"
target = 10
""", {"2025-02": record("x", "2025-02", 1)})
    monkeypatch.setenv("KPITRACK_PDF_FONT", path)
    said = []
    for args in (["export", "-o", "r.pdf"], ["--lang", "en", "notice", "-o", "n.pdf"]):
        result = run(*args)
        assert result.exit_code == 1
        assert result.stderr.count("\n") == 1 and path in result.stderr
        assert "Traceback" not in result.stderr
        said.append(result.stderr)
    assert not (isolated / "r.pdf").exists() and not (isolated / "n.pdf").exists()
    return said[0], said[1]


def test_a_font_that_does_not_exist_is_said_so(isolated, monkeypatch):
    chinese, english = _font_message(isolated, monkeypatch, str(isolated / "nonexistent.ttf"))
    assert "不存在" in chinese and "不是含中文" not in chinese
    assert "does not exist" in english


def test_a_folder_for_a_font_is_said_so(isolated, monkeypatch):
    chinese, english = _font_message(isolated, monkeypatch, str(isolated))
    assert "是文件夹" in chinese and "不是含中文" not in chinese
    assert "is a folder" in english


def test_a_postscript_outline_font_is_said_so(isolated, monkeypatch):
    noto = Path("/usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc")
    if noto.is_file():
        path = str(noto)
    else:  # an OpenType collection whose first font has CFF outlines, as Noto CJK's
        fake = isolated / "cff.otf"
        fake.write_bytes(b"ttcf\x00\x01\x00\x00\x00\x00\x00\x01\x00\x00\x00\x10OTTO" + bytes(64))
        path = str(fake)
    chinese, english = _font_message(isolated, monkeypatch, path)
    assert "PostScript" in chinese and "TrueType" in chinese and "不是含中文" not in chinese
    assert "PostScript" in english and "cannot embed" in english and "TrueType" in english
