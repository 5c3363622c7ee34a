"""Word papers as official documents (公文), and notices a unit can answer: the docx XML
(fonts, styles, footer, rows, widths), the office's details, no command line in any
notice; and, in the slow set, the papers converted by LibreOffice, page by page."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from conftest import REPO, record, run, write_ws
from kpitrack.app import reports
from kpitrack.core.supervision import notices
from kpitrack.render.notice_robot import notice_robot
from kpitrack.workspace.load import open_workspace

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OFFICE = '\n[office]\nname = "区委督查室"\ncontact = "张三"\nphone = "023-00000000"\n'
EMOJI = re.compile("[\U0001f300-\U0001faff\u26aa\u26ab]")


def repo_copy(root: Path, office: str = OFFICE) -> Path:
    root.mkdir(exist_ok=True)
    shutil.copy(REPO / "targets.toml", root)
    shutil.copytree(REPO / "actuals", root / "actuals")
    if (REPO / "responses").exists():
        shutil.copytree(REPO / "responses", root / "responses")
    with open(root / "targets.toml", "a", encoding="utf-8") as handle:
        handle.write(office)
    return root


def part(path: Path, name: str) -> str:
    return zipfile.ZipFile(path).read(name).decode("utf-8")


def texts(xml: str) -> str:
    """Every w:t of a part, one paragraph a line."""
    return "\n".join("".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))
                     for p in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S))


@pytest.fixture(scope="module")
def papers(tmp_path_factory):
    """The repository's report and notices as Word files, with [office] set."""
    root = repo_copy(tmp_path_factory.mktemp("word") / "ws")
    out = {}
    for name, args in (("report", ["export", "-o"]), ("notices", ["notice", "-o"])):
        path = root.parent / f"{name}.docx"
        result = run("-C", str(root), *args, str(path))
        assert result.exit_code == 0, result.stderr
        out[name] = path
    out["root"] = root
    return out


@pytest.mark.parametrize("name", ["report", "notices"])
def test_the_styles_are_an_official_papers_not_the_default_templates(papers, name):
    import docx

    document = docx.Document(str(papers[name]))
    styles = part(papers[name], "word/styles.xml")
    defaults = styles.split("<w:docDefaults>")[1].split("</w:docDefaults>")[0]
    assert "Theme" not in defaults and 'w:eastAsia="仿宋"' in defaults
    body = part(papers[name], "word/document.xml")
    used = set(re.findall(r'<w:pStyle w:val="([^"]+)"/>', body))
    assert {"Title", "Heading1", "Heading2"} <= used
    fonts = {"Normal": "仿宋", "Title": "方正小标宋简体", "Heading1": "黑体", "Heading2": "楷体"}
    for style_id in used | {"Normal"}:
        element = document.styles.element.get_by_id(style_id)
        xml = element.xml
        assert "Theme" not in xml and "themeColor" not in xml, style_id  # no theme font/blue
        assert "<w:pBdr>" not in xml  # the Title's rule
        rfonts = element.find(f"{W}rPr/{W}rFonts")
        assert rfonts.get(f"{W}ascii") == "Times New Roman", style_id  # not Cambria
        assert rfonts.get(f"{W}eastAsia") == fonts.get(style_id, rfonts.get(f"{W}eastAsia"))
        assert element.find(f"{W}rPr/{W}color").get(f"{W}val") == "000000"
    title = document.styles.element.get_by_id("Title")
    assert title.find(f"{W}pPr/{W}jc").get(f"{W}val") == "center"
    section = document.sections[0]
    assert round(min(section.page_width.mm, section.page_height.mm)) == 210  # A4
    assert round(max(section.page_width.mm, section.page_height.mm)) == 297
    assert (section.page_width > section.page_height) == (name == "report")


@pytest.mark.parametrize("name", ["report", "notices"])
def test_the_footer_numbers_the_pages_between_em_dashes(papers, name):
    footers = [n for n in zipfile.ZipFile(papers[name]).namelist()
               if n.startswith("word/footer")]
    assert footers
    xml = part(papers[name], footers[0])
    assert "<w:instrText xml:space=\"preserve\"> PAGE </w:instrText>" in xml
    assert texts(xml).strip() == "— 1 —"  # the field's cached value between the dashes
    assert 'w:fldCharType="begin"' in xml and 'w:fldCharType="end"' in xml
    assert "footerReference" in part(papers[name], "word/document.xml")


@pytest.mark.parametrize("name", ["report", "notices"])
def test_rows_never_split_and_headers_repeat(papers, name):
    import docx

    document = docx.Document(str(papers[name]))
    assert document.tables
    for table in document.tables:
        rows = table._tbl.findall(f"{W}tr")
        assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)
        assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None
        assert all(r.find(f"{W}trPr/{W}tblHeader") is None for r in rows[1:])
        # fixed widths that add up
        grid = [int(c.get(f"{W}w")) for c in table._tbl.findall(f"{W}tblGrid/{W}gridCol")]
        assert len(grid) == len(table.columns)
    # headings stay with what follows them
    body = part(papers[name], "word/document.xml")
    assert 'w:type="page"' not in body  # no break paragraph: it made a blank page
    assert not EMOJI.search(texts(body))


def test_the_report_keeps_the_markdowns_counts_and_numbering(papers):
    import docx

    md = run("-C", str(papers["root"]), "export").stdout
    document = docx.Document(str(papers["report"]))
    paragraphs = [p.text for p in document.paragraphs]
    headings = [line.lstrip("#").strip() for line in md.splitlines()
                if line.startswith(("## ", "### "))]
    word_headings = [p.text for p in document.paragraphs
                     if p.style.style_id in ("Heading1", "Heading2")]
    assert word_headings == headings  # 一、…（9项）, 三、颜色变化（较2025年9月，4项）, （一）…
    assert any("较2025年9月" in h for h in word_headings)
    examples = re.search(r"（57项指标中\d+项使用示例数据）", md)
    assert examples and any(examples.group(0) in p for p in paragraphs)
    assert paragraphs[-1].startswith("区委督查室\n")  # signed, with the day


def test_every_mark_is_explained_under_its_table(papers):
    import docx

    document = docx.Document(str(papers["report"]))
    body = document.element.body
    checked = 0
    for table in document.tables:
        shown = {m for row in table.rows for c in row.cells for m in "*✓†‡" if m in c.text}
        if not shown:
            continue
        note = table._tbl.getnext()
        text = "".join(t.text or "" for t in note.iter(f"{W}t"))
        assert text.startswith("注："), text
        assert all(f"{mark} " in text for mark in shown), (shown, text)
        checked += 1
    assert checked >= 3 and body is not None
    notices_text = texts(part(papers["notices"], "word/document.xml"))
    if "†" in notices_text:
        assert "注：† 基数取首次报送值" in notices_text


def test_columns_follow_their_content_and_empty_ones_are_left_out(isolated):
    write_ws(isolated, """
[targets.a]
name = "一个名称相当长的指标，用来看它的列是否比标志列宽得多"
kind = "cumulative"
target = 100
unit = "亿元"
owner = "局"

[targets.b]
name = "短"
kind = "cumulative"
target = 100
owner = "局"
""", {"2025-03": record("a", "2025-03", 10) + record("b", "2025-03", 30)})
    assert run("export", "-o", "r.docx").exit_code == 0
    import docx

    document = docx.Document(str(isolated / "r.docx"))
    section = document.tables[-2]  # the section table; the legend's is last
    headers = [c.text for c in section.rows[0].cells]
    assert "上年" not in headers and "趋势" in headers  # no row has last year's figure
    grid = [int(c.get(f"{W}w")) for c in section._tbl.findall(f"{W}tblGrid/{W}gridCol")]
    widths = dict(zip(headers, grid, strict=True))
    assert widths["指标"] > 2 * widths["差距"]
    assert widths["状态"] >= widths["差距"]  # 红色·滞后督办 is never broken
    page = document.sections[0]
    text_width = (page.page_width - page.left_margin - page.right_margin) / 635  # twips
    assert abs(sum(grid) - text_width) < len(grid) + 2


NOTICE_TARGETS = """
[targets.labs]
name = "重点实验室"
kind = "cumulative"
target = 120
unit = "家"
owner = "科技创新局"
"""


def _notice_ws(root: Path, office: str) -> Path:
    plan = 'schema = 1\n\n[plan]\ntitle = "测试计划"\nyear = 2025\n' + office
    return write_ws(root, NOTICE_TARGETS, {"2025-10": record("labs", "2025-10", 10)},
                    plan=plan)


def test_the_office_signs_the_notice_with_its_contact(isolated, monkeypatch):
    import docx

    monkeypatch.setenv("KPITRACK_TODAY", "2025-11-03")
    _notice_ws(isolated, '\n[office]\nname = "区委督查室"\ncontact = "张三"\nphone = "023-1"\n'
               'prefix = "高新督办"\n')
    md = run("notice").stdout
    assert "高新督办〔2025〕10号" in md and "科技创新局：" in md
    assert "联系人：张三，联系电话：023-1。" in md
    assert md.rstrip().endswith("区委督查室  \n2025年11月3日")
    assert run("notice", "-o", "n.docx").exit_code == 0
    text = texts(part(isolated / "n.docx", "word/document.xml"))
    for piece in ("高新督办〔2025〕10号", "联系人：张三，联系电话：023-1。", "区委督查室",
                  "2025年11月3日", "附件：督办事项反馈表", "科技创新局 2025年10月 督办事项反馈表"):
        assert piece in text, piece
    data = json.loads(run("notice", "--format", "json").stdout)
    assert data["number"] == "高新督办〔2025〕10号"
    assert data["office"] == {"name": "区委督查室", "contact": "张三", "phone": "023-1"}
    english = run("--lang", "en", "notice").stdout
    assert "高新督办 No. 2025-10" in english and "Contact: 张三, tel. 023-1." in english
    document = docx.Document(str(isolated / "n.docx"))
    form = document.tables[-1]  # the reply form to fill
    assert [c.text for c in form.rows[0].cells] == ["指标名称", "督办状态", "情况说明", "整改措施",
                                                    "完成时限"]
    assert [c.text for c in form.rows[1].cells][2:] == ["", "", ""]


@pytest.mark.parametrize("office, absent", [
    ("", ("联系人", "联系电话", "区委督查室")),
    ('\n[office]\nphone = "023-1"\n', ("联系人：",)),
    ('\n[office]\ncontact = "张三"\n', ("联系电话",)),
])
def test_absent_office_keys_are_left_out(isolated, office, absent):
    _notice_ws(isolated, office)
    md = run("notice").stdout
    left_out = {key for key, value in
                json.loads(run("notice", "--format", "json").stdout)["office"].items()
                if value is None}
    assert left_out == {"name", "contact", "phone"} - {key for key in ("name", "contact", "phone")
                                                      if f"{key} =" in office}
    assert "督办〔2025〕10号" in md
    assert all(word not in md for word in absent)
    assert run("notice", "-o", "n.docx").exit_code == 0
    text = texts(part(isolated / "n.docx", "word/document.xml"))
    assert all(word not in text for word in absent)
    if "phone" in office:
        assert "联系电话：023-1。" in md


@pytest.mark.parametrize("office, message", [
    ('\n[office]\nphone = 23000000\n', "targets.toml:8: office.phone 必须是带引号的文本"),
    ('\n[office]\nnmae = "x"\n', "targets.toml:8: 未知字段 'nmae'（是否想写 'name'？）"),
    ('', "targets.toml:2: [office] 必须是表"),
    ('\n[office]\ncontact = "\\u0007\\u200b "\n', "targets.toml:8: office.contact 没有可见的文字"),
])
def test_a_wrong_office_table_is_one_line_naming_its_place(isolated, office, message):
    _notice_ws(isolated, office)
    if not office:  # office = "x" before [plan]: not a table
        path = isolated / "targets.toml"
        path.write_text(path.read_text(encoding="utf-8").replace(
            "schema = 1\n", 'schema = 1\noffice = "x"\n', 1), encoding="utf-8")
    for args in (["check"], ["notice"]):
        result = run(*args)
        assert result.exit_code == 1
        lines = (result.stdout + result.stderr).strip().splitlines()
        assert any(message in line for line in lines), (args, result.stdout, result.stderr)
        assert "Traceback" not in result.stderr
    assert len(run("notice").stderr.strip().splitlines()) == 1


def test_no_notice_in_any_format_names_a_command(tmp_path):
    root = repo_copy(tmp_path / "ws")
    for lang in ("zh", "en"):
        md = run("-C", str(root), "--lang", lang, "notice").stdout
        as_json = run("-C", str(root), "--lang", lang, "notice", "--format", "json").stdout
        assert run("-C", str(root), "--lang", lang, "notice", "-o",
                   str(tmp_path / "n.docx")).exit_code == 0
        docx_text = "\n".join(texts(part(tmp_path / "n.docx", name)) for name in
                              zipfile.ZipFile(tmp_path / "n.docx").namelist()
                              if name.startswith(("word/document", "word/footer",
                                                  "word/header")))
        ws = open_workspace(root)
        report = reports.status_report(ws, None, dt.date(2025, 11, 3))
        title, blocks = notice_robot(notices(report), report, lang)
        robot = "\n".join([title, *blocks])
        assert md.count("督办") or lang == "en"
        for name, text in (("md", md), ("json", as_json), ("docx", docx_text),
                           ("robot", robot)):
            assert text.strip(), name
            assert "kpitrack" not in text.lower(), name
            assert "--" not in text, name
        assert json.loads(as_json)["notices"]


def test_hostile_text_stays_literal_in_the_word_files(isolated):
    import docx

    name = "<b>&amp;</b>]]><!-- \x01名\u202e称 --> \"'"
    write_ws(isolated, f"""
[targets.x]
name = {json.dumps(name)}
kind = "cumulative"
target = 100
owner = {json.dumps(name)}
""", {"2025-03": record("x", "2025-03", 1)})
    for args in (["export", "-o", "r.docx"], ["notice", "-o", "n.docx"]):
        result = run(*args)
        assert result.exit_code == 0, result.stderr
    literal = "<b>&amp;</b>]]><!-- 名称 --> \"'"
    for file in ("r.docx", "n.docx"):
        document = docx.Document(str(isolated / file))  # well-formed XML
        cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
        paragraphs = [p.text for p in document.paragraphs]
        assert any(literal in t for t in cells + paragraphs), file


# ── as it is used: LibreOffice, page by page ─────────────────────────────────────


def _pages(pdf: Path) -> list[str]:
    count = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout).group(1))
    return [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
            for n in range(1, count + 1)]


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdftotext") is None,
                    reason="needs LibreOffice and poppler")
def test_the_word_papers_printed_by_libreoffice(papers, tmp_path):
    import docx

    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path),
                    str(papers["report"]), str(papers["notices"])], check=True,
                   capture_output=True, timeout=300)
    for name in ("report", "notices"):
        pages = _pages(tmp_path / f"{name}.pdf")
        assert len(pages) > 1
        for number, page in enumerate(pages, start=1):
            squeezed = _squeezed(page)  # pdftotext gives — 1 — as —1—
            assert f"—{number}—" in squeezed, (name, number)
            assert len(squeezed) > 20 + len(f"—{number}—"), (name, number)  # not blank
        squeezed = [_squeezed(p) for p in pages]
        document = docx.Document(str(papers[name]))
        checked = 0
        for table in document.tables:
            headers = [c.text for c in table.rows[0].cells]
            if "指标" not in headers or "状态" not in headers:
                continue
            at, status_at = headers.index("指标"), headers.index("状态")
            for row in table.rows[1:]:
                cells = [c.text for c in row.cells]
                target, status = _squeezed(cells[at]), _squeezed(cells[status_at])
                # A wrapped name's lines come out apart, between other cells' text: its
                # first line (eight characters or more) on one page with the row's status.
                head = target[:6]
                assert any(head in p and status in p for p in squeezed), (name, target, status)
                checked += 1
        if name == "notices":  # each item's table is on its heading's page, whole
            for paragraph in document.paragraphs:
                if paragraph.style.style_id == "Heading2":
                    heading = _squeezed(paragraph.text)
                    rows = paragraph._p.getnext().findall(f"{W}tr")
                    cells = [_squeezed("".join(t.text or "" for t in cell.iter(f"{W}t")))
                             for row in (rows[1], rows[-1]) for cell in row.findall(f"{W}tc")]
                    assert any(heading in p and all(c in p for c in cells)
                               for p in squeezed), heading
                    checked += 1
        assert checked > 10, name


def test_no_notice_to_write_is_a_page_that_says_so(isolated):
    import docx

    write_ws(isolated, NOTICE_TARGETS)
    assert run("notice", "-o", "n.docx").exit_code == 0
    assert [p.text for p in docx.Document(str(isolated / "n.docx")).paragraphs] == \
        ["截至2025年1月，无红色、黄色指标。"]


@pytest.mark.parametrize("lang, said", [("zh", "截至2025年10月，无红色、黄色指标。"),
                                        ("en", "no target is red or yellow.")])
def test_with_nothing_to_supervise_every_notice_format_says_so(isolated, lang, said):
    # 100 of 120 by October (83.3% of the year gone) is on pace: no notice is due.
    plan = f'schema = 1\n\n[plan]\ntitle = "测试计划"\nyear = 2025\nlang = "{lang}"\n'
    write_ws(isolated, NOTICE_TARGETS, {"2025-10": record("labs", "2025-10", 100)}, plan=plan)
    assert said in run("notice").stdout
    assert json.loads(run("notice", "--format", "json").stdout)["notices"] == []
    assert run("notice", "-o", "n.docx").exit_code == 0
    assert said in texts(part(isolated / "n.docx", "word/document.xml"))


def test_a_date_in_a_table_is_not_broken_at_its_hyphens(isolated):
    import docx

    write_ws(isolated, NOTICE_TARGETS, {"2025-10": record("labs", "2025-10", 10)})
    assert run("export", "-o", "r.docx").exit_code == 0
    body = part(isolated / "r.docx", "word/document.xml")
    # 2025-10 in a cell is written 2025, a non-breaking hyphen, 10 …
    assert "2025</w:t><w:noBreakHyphen/>" in body
    # … and reads back, in Word and python-docx, as the date it is.
    cells = {c.text for t in docx.Document(str(isolated / "r.docx")).tables
             for r in t.rows for c in r.cells}
    assert "2025-10" in cells


def test_a_unit_with_nothing_red_or_yellow_is_asked_for_nothing(isolated):
    # 教育局's targets are all on pace: no notice asks it for a form that cannot be made.
    md = run("-C", str(REPO), "notice", "--owner", "教育局").stdout
    assert "无红色、黄色指标" in md and "反馈表" not in md and "请于" not in md
    assert json.loads(run("-C", str(REPO), "notice", "--owner", "教育局", "--format",
                          "json").stdout)["notices"] == []
    assert run("-C", str(REPO), "notice", "--owner", "教育局", "-o", "n.docx").exit_code == 0
    text = texts(part(isolated / "n.docx", "word/document.xml"))
    assert "无红色、黄色指标" in text and "反馈表" not in text


def test_a_notice_signed_after_its_reply_deadline_warns_the_office(isolated, monkeypatch):
    _notice_ws(isolated, "")
    monkeypatch.setenv("KPITRACK_TODAY", "2025-11-20")  # the answers were due on 11-05
    late = run("notice")
    assert late.exit_code == 0 and "2025年11月5日前反馈" in late.stdout
    assert "早于落款日期（今天，2025年11月20日）" in late.stderr
    assert late.stderr.count("\n") == 1
    monkeypatch.setenv("KPITRACK_TODAY", "2025-11-03")
    assert run("notice").stderr == ""


@pytest.mark.parametrize("name", ['"  "', '"\\u0007\\u202e"', '"\\u200b\\u2066\\t"'])
def test_a_name_that_shows_nothing_is_refused_at_its_line(isolated, name):
    # Every paper removes control, zero-width and direction marks: such a name would be blank.
    targets = NOTICE_TARGETS.replace('name = "重点实验室"', f"name = {name}")
    write_ws(isolated, targets, plan='schema = 1\n\n[plan]\ntitle = "测试计划"\nyear = 2025\n')
    result = run("check")
    assert result.exit_code == 1
    assert "targets.toml:8: name（指标名称）为空" in result.stdout, result.stdout
