"""Word documents (python-docx, imported only here): the meeting report and the notices.

A4 landscape; every table's header row repeats on each page; each status cell is shaded
in its colour and keeps its label, so the page still reads in black and white. User text
is set as text (python-docx escapes it); control characters, which XML cannot hold, are
removed first.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from ..core.model import STATUS_ORDER, Status
from ..core.report import ReportRow, StatusReport
from ..core.supervision import Notice, league
from ..i18n.reports import Say
from ..i18n.vocabulary import DOCX_EAST_ASIAN_FONT
from ..i18n.words import (
    Word,
    joined,
    month_heading,
    numbered,
    section_number,
    status_label,
    word,
)
from . import safe
from .cells import headline, human_cells, missing_cells, owner_cells
from .columns import (
    CHANGE_COLUMNS,
    CLOSED_COLUMNS,
    FILLS,
    LATE_COLUMNS,
    MD_COLUMNS,
    MISSING_COLUMNS,
    OWNER_COLUMNS,
    RED_COLUMNS,
    RIGHT,
    STATUS_EMOJI,
    with_month,
)
from .legend import legend_items
from .notice import intro, item_facts, unit_name

_FONT = DOCX_EAST_ASIAN_FONT  # SimSun: in every Chinese Windows and WPS


def _document() -> Any:
    from docx import Document
    from docx.enum.section import WD_ORIENT
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(15))
    style = doc.styles["Normal"]
    style.font.size = Pt(10)
    style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), _FONT)
    return doc


def _text(value: str) -> str:
    return safe.plain(value)


def _shade(cell: Any, fill: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row: Any) -> None:
    """The header row is repeated at the top of each page the table runs onto."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)
    cant_split = OxmlElement("w:cantSplit")
    properties.append(cant_split)


def _table(doc: Any, columns: Sequence[str], cells: Sequence[dict[str, str]], lang: str,
           statuses: Sequence[dict[str, Status]] = ()) -> None:
    """A table with a repeated header; `statuses[i][key]` shades row i's cell `key`."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    table = doc.add_table(rows=1, cols=len(columns))
    table.style = "Table Grid"
    for cell, key in zip(table.rows[0].cells, columns, strict=True):
        cell.text = word(key, lang)
        cell.paragraphs[0].runs[0].bold = True
    _repeat_header(table.rows[0])
    for index, row_cells in enumerate(cells):
        row = table.add_row()
        for cell, key in zip(row.cells, columns, strict=True):
            cell.text = _text(row_cells.get(key, ""))
            if key in RIGHT:
                cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            status = statuses[index].get(key) if index < len(statuses) else None
            if status is not None:
                _shade(cell, FILLS[status])


def _status_cells(rows: Sequence[ReportRow], lang: str
                  ) -> tuple[list[dict[str, str]], list[dict[str, Status]]]:
    cells, shades = [], []
    for row in rows:
        human = human_cells(row, lang)
        human["current"] = human["status"]
        if row.previous is not None:
            human["previous"] = status_label(row.previous, lang)
        cells.append(human)
        shade = {"status": row.status, "current": row.status}
        if row.previous is not None:
            shade["previous"] = row.previous
        shades.append(shade)
    return cells, shades


def _rows_table(doc: Any, rows: Sequence[ReportRow], columns: Sequence[str], lang: str) -> None:
    cells, shades = _status_cells(rows, lang)
    _table(doc, with_month(tuple(columns), rows), cells, lang, shades)


def _save(doc: Any) -> bytes:
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def report_docx(report: StatusReport, lang: str) -> bytes:
    """The meeting report: the Markdown report's sections, as a Word document."""
    doc = _document()
    heading = month_heading(str(report.as_of.period), lang)
    title = _text(report.plan.title)
    doc.add_heading(Say.REPORT_TITLE.text(lang, title=title, as_of=heading), 0)
    if report.has_examples:
        doc.add_paragraph().add_run(word("example_note", lang)).bold = True
    counts = joined([f"{status_label(s, lang)} "
                     + Word.ITEMS.text(lang, n=report.summary.get(s, 0))
                     for s in STATUS_ORDER], lang)
    doc.add_paragraph().add_run(headline(report, counts, lang)).bold = True
    rows = list(report.rows)
    red = sorted((r for r in rows if r.status is Status.RED), key=lambda r: r.ev.gap or 0.0)
    parts = [(word("red_list", lang), red, RED_COLUMNS, word("no_red", lang)),
             (word("closed_list", lang), [r for r in rows if r.supervision == "closed"],
              CLOSED_COLUMNS, word("no_closed", lang)),
             (word("changes", lang), [r for r in rows if r.change], CHANGE_COLUMNS,
              word("no_changes", lang)),
             (word("late_list", lang), report.late(), LATE_COLUMNS, word("no_late", lang))]
    for number, (name, members, columns, empty) in enumerate(parts, start=1):
        doc.add_heading(numbered(number, name, lang), 1)
        if members:
            _rows_table(doc, members, columns, lang)
        else:
            doc.add_paragraph(empty)
    missing = missing_cells(report, lang)
    doc.add_heading(numbered(len(parts) + 1, word("missing_list", lang), lang), 1)
    if missing:
        _table(doc, MISSING_COLUMNS, missing, lang)
    else:
        doc.add_paragraph(word("no_missing", lang))
    doc.add_heading(numbered(len(parts) + 2, word("league", lang), lang), 1)
    _table(doc, OWNER_COLUMNS, [owner_cells(r, lang) for r in league(report)], lang)
    doc.add_heading(numbered(len(parts) + 3, word("by_section", lang), lang), 1)
    for index, (section, members) in enumerate(report.by_section().items(), start=1):
        name = _text(section or word("no_section", lang))
        doc.add_heading(f"{section_number(index, lang)}{name}", 2)
        _rows_table(doc, members, MD_COLUMNS, lang)
    doc.add_heading(numbered(len(parts) + 4, word("legend", lang), lang), 1)
    for status, text in legend_items(report, lang):
        paragraph = doc.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{STATUS_EMOJI[status]} " if status else "")
        paragraph.add_run(text)
    return _save(doc)


def notices_docx(notices: Sequence[Notice], report: StatusReport, lang: str) -> bytes:
    """Every notice, each unit's starting on a new page."""
    from docx.enum.text import WD_BREAK

    doc = _document()
    for position, notice in enumerate(notices):
        if position:
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        unit = _text(unit_name(notice, lang))
        doc.add_heading(Say.NOTICE_TITLE.text(lang, unit=unit), 0)
        doc.add_paragraph().add_run(_text(report.plan.title)).bold = True
        doc.add_paragraph(intro(notice, report, lang))
        groups = ((word("red_items", lang), notice.red), (word("yellow_items", lang),
                                                          notice.yellow))
        for number, (heading, rows) in enumerate(groups, start=1):
            doc.add_heading(numbered(number, heading, lang), 1)
            if not rows:
                doc.add_paragraph(word("none_items", lang))
            for index, row in enumerate(rows, start=1):
                doc.add_heading(f"{index}. {_text(row.target.name)}", 2)
                facts = item_facts(row, lang)
                _table(doc, ("item", "value"), [{"item": k, "value": v} for k, v in facts],
                       lang, [{"value": row.status} if i == 0 else {}
                              for i in range(len(facts))])
    return _save(doc)
