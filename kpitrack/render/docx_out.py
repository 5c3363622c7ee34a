"""Word documents (python-docx, imported only in `docx_xml`'s functions): the meeting
report and the notices, in the style of an official paper (gongwen, GB/T 9704).

A4 (the report landscape, for its wide tables; the notices portrait), black text in the
fonts a Chinese office expects, a centred title, the page number `— 1 —` in the footer,
the issuing office and the day at the end. Headings are numbered as the Markdown's are.
Tables: columns as wide as their content and columns empty in every row
left out; each row whole on one page, the header row repeated, a table kept with its
heading; a status cell shaded in its colour and keeping its label, so the page still
reads in black and white; every mark explained under the table it appears in.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from typing import Any

from ..core.model import STATUS_ORDER, Status
from ..core.report import ReportRow, StatusReport
from ..core.supervision import Notice, league
from ..i18n.reports import Say
from ..i18n.words import (
    Word,
    count_items,
    joined,
    month_heading,
    month_name,
    numbered,
    section_number,
    status_label,
    word,
)
from .cells import headline, human_cells, mark_notes, missing_cells, owner_cells
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
    with_month,
)
from .docx_xml import Body, Column, Grid, Sizes, page_setup, set_styles
from .legend import legend_items
from .notice import (
    contact_text,
    day_text,
    intro,
    item_facts,
    notice_notes,
    notice_number,
    reply_text,
    signature,
    unit_name,
)

_WHOLE = frozenset({"status", "current", "previous", "period", "trend"})  # never broken
_WIDE = {"name": 3.0, "answer": 3.0, "missing_targets": 3.0, "value": 3.0}
_MARKED = ("status", "current", "previous", "actual")  # the cells marks travel in
_REPORT_SIZES = Sizes()
_NOTICE_SIZES = Sizes(table=24)  # 小四, 12 pt: a notice's tables are short


def _document(landscape: bool, sizes: Sizes) -> tuple[Any, Body]:
    from docx import Document

    doc = Document()
    set_styles(doc, sizes)
    width = page_setup(doc, landscape)
    return doc, Body(width, sizes.table / 2)


def _save(doc: Any, body: Body) -> bytes:
    return body.saved(doc)


def _grid(columns: Sequence[str], cells: Sequence[dict[str, str]], lang: str,
          statuses: Sequence[dict[str, Status]] = (), keep: bool = False) -> Grid:
    """A table of `columns` (keys), leaving out those empty in every row;
    `statuses[i][key]` shades row i's cell `key`."""
    shown = [key for key in columns if any(row.get(key, "") for row in cells)]
    rows = [[row.get(key, "") for key in shown] for row in cells]
    fills = [[FILLS[s[key]] if key in s else "" for key in shown]
             for s in (statuses or [{}] * len(cells))]
    return Grid([Column(word(key, lang), right=key in RIGHT, whole=key in _WHOLE,
                        share=_WIDE.get(key, 1.0)) for key in shown], rows, fills, keep=keep)


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


def _notes(report: StatusReport, rows: Sequence[ReportRow], grid: Grid, lang: str
           ) -> list[str]:
    """What each mark in the table means (`*`, `✓`, `†`, `‡`, the change and the
    trend), only for the marks it shows."""
    headers = {c.header: i for i, c in enumerate(grid.columns)}
    marked = [headers[word(k, lang)] for k in _MARKED if word(k, lang) in headers]
    shown = {ch for row in grid.rows for i in marked for ch in row[i]}
    subset = dataclasses.replace(report, rows=tuple(rows))
    notes = [n for n in mark_notes(subset, lang) if n[:1] in shown]
    for key, note in (("change", "change_note"), ("trend", "trend_note")):
        if word(key, lang) in headers:
            notes.append(word(note, lang))
    return notes


def _rows_table(body: Body, report: StatusReport, rows: Sequence[ReportRow],
                columns: Sequence[str], lang: str) -> None:
    cells, shades = _status_cells(rows, lang)
    grid = _grid(with_month(tuple(columns), rows), cells, lang, shades)
    body.table(grid)
    notes = _notes(report, rows, grid, lang)
    if notes:
        body.paragraph(Say.TABLE_NOTE.text(lang, notes=Word.NOTES_JOIN.text(lang).join(notes)),
                       "KpiTable")


def _headline(body: Body, report: StatusReport, lang: str) -> None:
    """The example note with its count, and the headline with every colour's count."""
    rows = report.rows
    examples = sum(1 for r in rows if r.ev.example)
    if examples:
        body.paragraph(word("example_note", lang) + Say.EXAMPLES_COUNT.text(
            lang, examples=examples, total=len(rows)), bold=True)
    counts = joined([f"{status_label(s, lang)} "
                     + Word.ITEMS.text(lang, n=report.summary.get(s, 0))
                     for s in STATUS_ORDER], lang)
    body.paragraph(headline(report, counts, lang), bold=True)


def _parts(report: StatusReport, lang: str
           ) -> list[tuple[str, str, list[ReportRow], tuple[str, ...], str]]:
    """The report's first four parts: heading, count, rows, columns, the sentence when
    there are none."""
    rows = list(report.rows)
    red = sorted((r for r in rows if r.status is Status.RED), key=lambda r: r.ev.gap or 0.0)
    closed = [r for r in rows if r.supervision == "closed"]
    changed = [r for r in rows if r.change]
    late = report.late()
    since = month_name(str(report.as_of.period.shifted(-1)), lang)
    return [(word("red_list", lang), count_items(len(red), lang), red, RED_COLUMNS,
             word("no_red", lang)),
            (word("closed_list", lang), count_items(len(closed), lang), closed,
             CLOSED_COLUMNS, word("no_closed", lang)),
            (word("changes", lang), Say.CHANGES_COUNT.text(lang, since=since, n=len(changed)),
             changed, CHANGE_COLUMNS, word("no_changes", lang)),
            (word("late_list", lang), count_items(len(late), lang), late, LATE_COLUMNS,
             word("no_late", lang))]


def _legend(body: Body, report: StatusReport, lang: str) -> None:
    """The colours as shaded cells with their labels beside their rule; then the notes."""
    items = legend_items(report, lang)
    coloured = [(s, t) for s, t in items if s is not None]
    body.table(Grid([Column(word("status", lang), whole=True), Column(word("item", lang),
                                                                       share=3.0)],
                    [[status_label(s, lang), t] for s, t in coloured],
                    [[FILLS[s], ""] for s, _ in coloured]))
    for _, sentence in (item for item in items if item[0] is None):
        body.paragraph(sentence, "KpiTable")


def report_docx(report: StatusReport, lang: str, issued: dt.date | None = None) -> bytes:
    """The meeting report: the Markdown report's sections, as an official paper."""
    doc, body = _document(True, _REPORT_SIZES)
    heading = month_heading(str(report.as_of.period), lang)
    body.paragraph(Say.REPORT_TITLE.text(lang, title=report.plan.title, as_of=heading), "Title")
    _headline(body, report, lang)
    parts = _parts(report, lang)
    for number, (name, count, members, columns, empty) in enumerate(parts, start=1):
        body.paragraph(numbered(number, name, lang) + count, "Heading1")
        if members:
            _rows_table(body, report, members, columns, lang)
        else:
            body.paragraph(empty)
    missing = missing_cells(report, lang)
    owed = sum(len(rows) for rows in report.missing().values())
    body.paragraph(numbered(5, word("missing_list", lang), lang) + count_items(owed, lang),
                   "Heading1")
    if missing:
        body.table(_grid(MISSING_COLUMNS, missing, lang))
    else:
        body.paragraph(word("no_missing", lang))
    body.paragraph(numbered(6, word("league", lang), lang), "Heading1")
    body.table(_grid(OWNER_COLUMNS, [owner_cells(r, lang) for r in league(report)], lang))
    body.paragraph(numbered(7, word("by_section", lang), lang), "Heading1")
    for index, (section, members) in enumerate(report.by_section().items(), start=1):
        name = section or word("no_section", lang)
        body.paragraph(f"{section_number(index, lang)}{name}", "Heading2")
        _rows_table(body, report, members, MD_COLUMNS, lang)
    body.paragraph(numbered(8, word("legend", lang), lang), "Heading1")
    _legend(body, report, lang)
    body.glue()
    body.lines(signature(report.plan.office, issued or report.as_of.day, lang))
    return _save(doc, body)


def _items(body: Body, notice: Notice, lang: str) -> None:
    groups = ((word("red_items", lang), notice.red), (word("yellow_items", lang),
                                                      notice.yellow))
    for number, (heading, rows) in enumerate(groups, start=1):
        body.paragraph(numbered(number, heading, lang) + count_items(len(rows), lang),
                       "Heading1")
        if not rows:
            body.paragraph(word("none_items", lang))
        for index, row in enumerate(rows, start=1):
            body.paragraph(f"{section_number(index, lang)}{row.target.name}", "Heading2")
            facts = item_facts(row, lang)
            body.table(_grid(("item", "value"), [{"item": k, "value": v} for k, v in facts],
                             lang, [{"value": row.status} if i == 0 else {}
                                    for i in range(len(facts))], keep=True))


def _reply_table(body: Body, notice: Notice, report: StatusReport, lang: str) -> None:
    """The attachment: the reply form as a table to fill, one row per item."""
    rows = [*notice.red, *notice.yellow]
    if not rows:
        return
    body.paragraph(Say.NOTICE_ATTACHMENT.text(lang), "Heading1", page_break=True, flush=True)
    month = month_name(str(report.as_of.period), lang)
    body.paragraph(Say.REPLY_FORM_TITLE.text(lang, unit=unit_name(notice, lang), month=month),
                   "Title")
    body.paragraph(Say.NOTICE_FORM_NOTE.text(lang, by=day_text(notice.reply_by, lang)),
                   flush=True)
    columns = [Column(word("form_name", lang), share=2.0),
               Column(word("reply_status", lang), whole=True),
               Column(word("reply_reason", lang), share=3.0, least=12),
               Column(word("reply_measures", lang), share=3.0, least=12),
               Column(word("reply_due", lang), least=10)]
    cells = []
    for row in rows:
        human = human_cells(row, lang)
        status = joined([human["status"], human["supervision"]], lang) \
            if human["supervision"] else human["status"]
        cells.append([row.target.name, status, "", "", ""])
    body.table(Grid(columns, cells, [[""] * len(columns) for _ in cells], height=1400))


def notices_docx(notices: Sequence[Notice], report: StatusReport, lang: str,
                 issued: dt.date | None = None) -> bytes:
    """Every notice, each unit's starting on a new page: number, unit, items, how to
    answer and by when, the contact, the office and the day; then the reply form to
    fill."""
    doc, body = _document(False, _NOTICE_SIZES)
    office = report.plan.office
    for position, notice in enumerate(notices):
        unit = unit_name(notice, lang)
        body.paragraph(Say.NOTICE_TITLE.text(lang, unit=unit), "Title", page_break=position > 0)
        body.paragraph(notice_number(report, lang), align="center", flush=True)
        body.paragraph(report.plan.title, align="center", flush=True)
        body.paragraph(Say.NOTICE_TO.text(lang, unit=unit), flush=True)
        body.paragraph(intro(notice, report, lang))
        body.paragraph(reply_text(notice, lang))
        contact = contact_text(office, lang)
        if contact:
            body.paragraph(contact)
        _items(body, notice, lang)
        notes = notice_notes(notice, report, lang)
        if notes:
            body.paragraph(notes, "KpiTable")
        body.glue()
        body.lines(signature(office, issued or report.as_of.day, lang))
        _reply_table(body, notice, report, lang)
    if not notices:  # a page that says so, not an empty document
        month = month_name(str(report.as_of.period), lang)
        body.paragraph(Say.NOTICE_ROBOT_NONE.text(lang, month=month), flush=True)
    return _save(doc, body)
