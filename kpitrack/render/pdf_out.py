"""PDF (reportlab, imported only here and in pdf_fonts): the meeting report and the notices.

The report is A4 landscape, the notices A4 portrait; the title is centred and every page
has its number, `— 1 —`, in the footer. The sections, headings and cells are the Markdown
report's and the Word document's (`render.cells`, `render.columns`, `i18n`). Every
table's header row repeats on each page and a row is never split across pages (a row
taller than half a page, which only a very long text makes, is continued in rows of its
own). A status cell is shaded in its colour and keeps its label, and the marks a table
shows are explained under it.

User text is drawn as plain text, never parsed: reportlab's Paragraph reads markup, so
nothing here uses it; the text is wrapped by this module, character by character (a
Chinese line breaks anywhere, a Latin one at a space where it can).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
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
from .cells import baseline_mark, headline, human_cells, missing_cells, owner_cells
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
from .legend import legend_items
from .notice import (
    contact_text,
    intro,
    item_facts,
    notice_number,
    reply_text,
    signature,
    unit_name,
)
from .pdf_fonts import Font, find_fonts

_MM = 72 / 25.4
_MARGIN = 15 * _MM
_FOOTER = 9 * _MM
_TITLE, _H1, _H2, _BODY, _CELL, _NOTE = 16.0, 12.5, 11.0, 10.0, 8.5, 8.0
_PAD = 2.5
_HEADER_FILL = "#E7E6E6"
# Columns that take the room left over, and may wrap: user text.
_FLEXIBLE = ("name", "answer", "missing_targets", "owner", "supervision", "section", "value")
# A table of this many rows or fewer is kept on one page with its heading and its notes;
# a longer one runs on, its header repeated.
_KEPT_ROWS = 15
# Columns shown even when every cell in them is empty.
_KEPT = frozenset({"status", "name", "item", "value", "owner"})


class _Fonts:
    """The font and the width of each character in it, measured once."""

    def __init__(self, font: Font) -> None:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        self.font = font
        self._width = stringWidth
        self._chars: dict[tuple[str, float], float] = {}

    def width(self, text: str, size: float) -> float:
        return float(self._width(text, self.font.name, size))

    def wrap(self, text: str, size: float, room: float) -> list[str]:
        """`text` in lines no wider than `room`: at a space if the line has one, else
        before the character that overflows."""
        if not text or self.width(text, size) <= room:
            return [text]
        lines: list[str] = []
        line, used, space = "", 0.0, -1
        for char in text:
            w = self._chars.get((char, size))
            if w is None:
                w = self._chars[(char, size)] = self.width(char, size)
            if used + w > room and line:
                if char == " ":  # the line ends at this space, which is dropped
                    lines.append(line)
                    line, used, space = "", 0.0, -1
                    continue
                if space > 0:  # the line ends at its last space
                    lines.append(line[:space])
                    line = line[space + 1:]
                    used = self.width(line, size)
                if used + w > room and line:  # or where it is full
                    lines.append(line)
                    line, used = "", 0.0
                space = -1
            if char == " ":
                space = len(line)
            line += char
            used += w
        lines.append(line)
        return lines


def _text_flowable(fonts: _Fonts, text: str, size: float, *, centred: bool = False,
                   before: float = 0.0, after: float = 3.0) -> Any:
    """Plain text, wrapped to the frame, split across pages between lines."""
    from reportlab.platypus import Flowable

    class Lines(Flowable):  # type: ignore[misc]
        def __init__(self, lines: list[str] | None = None) -> None:
            super().__init__()
            self.lines = lines
            self.leading = size * 1.35
            self.spaceBefore, self.spaceAfter = before, after

        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            self.width = avail_width
            if self.lines is None:
                self.lines = fonts.wrap(text, size, avail_width)
            return avail_width, self.leading * len(self.lines)

        def split(self, avail_width: float, avail_height: float) -> list[Any]:
            self.wrap(avail_width, avail_height)
            lines = self.lines or []
            fit = int(avail_height // self.leading)
            if fit < 1 or fit >= len(lines):
                return []
            return [Lines(lines[:fit]), Lines(lines[fit:])]

        def draw(self) -> None:
            canvas = self.canv
            canvas.setFont(fonts.font.name, size)
            y = self.leading * len(self.lines or []) - size
            for line in self.lines or []:
                if centred:
                    canvas.drawCentredString(self.width / 2, y, line)
                else:
                    canvas.drawString(0, y, line)
                y -= self.leading

    return Lines()


class _Page:
    """What goes on one document: its fonts, its width, and the flowables."""

    def __init__(self, fonts: _Fonts, lang: str, landscape: bool,
                 headings: _Fonts | None = None) -> None:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.pagesizes import landscape as turned

        self.fonts, self.lang = fonts, lang
        self.headings = headings or fonts
        self.size = turned(A4) if landscape else A4
        self.room = self.size[0] - 2 * _MARGIN
        self.height = self.size[1] - 2 * _MARGIN - _FOOTER
        self.story: list[Any] = []

    def text(self, value: str, size: float = _BODY, heading: bool = False, **how: Any) -> None:
        fonts = self.headings if heading else self.fonts
        self.story.append(_text_flowable(fonts, fonts.font.text(value), size, **how))

    def title(self, value: str) -> None:
        self.text(value, _TITLE, heading=True, centred=True, after=8.0)

    def heading(self, value: str, size: float = _H1, room: float = 28 * _MM) -> None:
        """A heading, on a new page unless `room` is left below it for what it heads (a
        table runs on across pages; keeping it whole with its heading would leave a page
        empty)."""
        from reportlab.platypus import CondPageBreak

        if room:
            self.story.append(CondPageBreak(room))
        self.text(value, size, heading=True, before=6.0, after=4.0)

    def note(self, value: str) -> None:
        self.text(value, _NOTE, after=2.0)

    def table(self, columns: Sequence[str], cells: Sequence[dict[str, str]],
              shades: Sequence[dict[str, Status]] = (),
              headers: dict[str, str] | None = None, header_row: bool = False) -> None:
        """A table; `shades[i][key]` shades row i's cell `key` (with `header_row`,
        `shades[0]` shades the header row's)."""
        self.story.append(_table(self, columns, cells, shades, headers or {}, header_row))
        self.story[-1].spaceAfter = 4.0

    def build(self, numbering: Callable[[Any, Any], None]) -> bytes:
        """The PDF; `numbering` draws each page's footer once its content is drawn."""
        from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

        out = io.BytesIO()
        doc = BaseDocTemplate(out, pagesize=self.size, leftMargin=_MARGIN,
                              rightMargin=_MARGIN, topMargin=_MARGIN,
                              bottomMargin=_MARGIN + _FOOTER, title="", author="",
                              creator="", producer="", subject="",
                              initialFontName=self.fonts.font.name, initialFontSize=_BODY)
        frame = Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
        doc.addPageTemplates([PageTemplate("page", [frame], onPageEnd=numbering)])
        doc.build(self.story)
        return out.getvalue()


def _widths(page: _Page, columns: Sequence[str], header: list[str],
            body: list[list[str]]) -> list[float]:
    """Each column as wide as its widest cell and its header (a long header may wrap),
    the flexible ones (names, answers) taking what is left, or giving it up, down to
    22 mm, when the table is too wide."""
    fonts = page.fonts
    natural, full = [], []
    for index, key in enumerate(columns):
        texts = {row[index] for row in body}
        widest = max([fonts.width(t, _CELL) for t in texts] + [0.0]) + 2 * _PAD
        head = fonts.width(header[index], _CELL) + 2 * _PAD
        cap = float("inf") if key in _FLEXIBLE else 32 * _MM
        natural.append(min(max(widest, min(head, 4 * _CELL + 2 * _PAD)), cap))
        full.append(min(max(widest, head), cap))
    flexible = [i for i, key in enumerate(columns) if key in _FLEXIBLE] or [len(columns) - 1]
    fixed = [i for i in range(len(columns)) if i not in flexible]
    spare = page.room - sum(natural)
    if spare >= 0:
        out = list(natural)
        for i in fixed:  # first, headers on one line where there is room
            grow = min(full[i] - out[i], spare)
            out[i] += grow
            spare -= grow
        for i in flexible:
            out[i] += spare / len(flexible)
        return out
    room = page.room - sum(natural[i] for i in fixed)
    floor = [min(natural[i], 22 * _MM) for i in flexible]
    if room >= sum(floor):
        out = list(natural)
        # The flexible columns share the room in proportion to their text, none below
        # its floor.
        over = [natural[i] - f for i, f in zip(flexible, floor, strict=True)]
        left = room - sum(floor)
        for i, f, extra in zip(flexible, floor, over, strict=True):
            out[i] = f + left * extra / (sum(over) or 1.0)
        return out
    scale = page.room / sum(natural)
    return [w * scale for w in natural]


def _shown(columns: Sequence[str], cells: Sequence[dict[str, str]]) -> list[str]:
    """The columns with something to show: one empty in every row is left out."""
    return [c for c in columns if c in _KEPT or any(row.get(c) for row in cells)]


def _table(page: _Page, columns: Sequence[str], cells: Sequence[dict[str, str]],
           shades: Sequence[dict[str, Status]], headers: dict[str, str],
           header_row: bool = False) -> Any:
    from reportlab.lib.colors import HexColor
    from reportlab.platypus import Table

    fills = {status: HexColor("#" + fill) for status, fill in FILLS.items()}
    fonts, lang = page.fonts, page.lang
    columns = _shown(columns, cells)
    header = [fonts.font.text(headers.get(k) or word(k, lang)) for k in columns]
    body = [[fonts.font.text(row.get(k, "")) for k in columns] for row in cells]
    widths = _widths(page, columns, header, body)
    leading = _CELL * 1.3
    most = max(1, int(page.height / 2 // leading))
    data = [["\n".join(fonts.wrap(h, _CELL, w - 2 * _PAD)) for h, w in zip(header, widths,
                                                                            strict=True)]]
    style: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.font.name, _CELL, leading),
        ("GRID", (0, 0), (-1, -1), 0.5, "#000000"),
        ("BACKGROUND", (0, 0), (-1, 0), _HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        *((side, (0, 0), (-1, -1), _PAD) for side in ("LEFTPADDING", "RIGHTPADDING")),
        *((side, (0, 0), (-1, -1), 1.5) for side in ("TOPPADDING", "BOTTOMPADDING")),
        *(("ALIGN", (i, 1), (i, -1), "RIGHT") for i, k in enumerate(columns) if k in RIGHT),
    ]
    if header_row:
        style += [("BACKGROUND", (columns.index(k), 0), (columns.index(k), 0), fills[v])
                  for k, v in shades[0].items() if k in columns]
        shades = ()
    for index, row in enumerate(body):
        wrapped = [fonts.wrap(text, _CELL, w - 2 * _PAD) for text, w in zip(row, widths,
                                                                             strict=True)]
        first = len(data)
        height = max(len(lines) for lines in wrapped)
        for start in range(0, height, most):  # a row taller than half a page continues
            data.append(["\n".join(lines[start:start + most]) for lines in wrapped])
        shade = shades[index] if index < len(shades) else {}
        for key, status in shade.items():
            if key in columns:
                at = columns.index(key)
                style.append(("BACKGROUND", (at, first), (at, len(data) - 1), fills[status]))
    return Table(data, colWidths=widths, repeatRows=1, style=style, hAlign="LEFT")


def _status_cells(rows: Sequence[ReportRow], lang: str
                  ) -> tuple[list[dict[str, str]], list[dict[str, Status]]]:
    """Each row's cells, and which of them are shaded in which colour (as in Word)."""
    cells, shades = [], []
    for row in rows:
        human = human_cells(row, lang)
        human["current"] = human["status"]
        shade = {"status": row.status, "current": row.status}
        if row.previous is not None:
            human["previous"] = status_label(row.previous, lang)
            shade["previous"] = row.previous
        cells.append(human)
        shades.append(shade)
    return cells, shades


def _mark_notes(report: StatusReport, rows: Sequence[ReportRow], columns: Sequence[str],
                lang: str) -> list[str]:
    """What each mark in this table means: `*`, `✓`, `†`, `‡`, the change arrows, the trend."""
    notes = []
    if {"status", "current"} & set(columns):
        if any(r.ev.stale for r in rows):
            cap = report.plan.bands.stale
            notes.append(Word.STALE_CAPPED_NOTE.text(lang, label=status_label(cap, lang))
                         if cap else word("stale_note", lang))
        if any(r.ev.met for r in rows):
            notes.append(word("met_note", lang))
    if "actual" in columns:
        marks = {baseline_mark(r.ev) for r in rows}
        notes += [word(key, lang) for mark, key in (("†", "assumed_note"),
                                                    ("‡", "last_year_note")) if mark in marks]
    return notes


def _rows_table(page: _Page, report: StatusReport, rows: Sequence[ReportRow],
                columns: Sequence[str]) -> None:
    from reportlab.platypus import KeepTogether

    lang = page.lang
    cells, shades = _status_cells(rows, lang)
    shown = _shown(with_month(tuple(columns), rows), cells)
    heading = len(page.story) - 1  # the heading just added
    page.table(shown, cells, shades)
    notes = _mark_notes(report, rows, shown, lang)
    if "change" in shown:
        notes.append(word("change_note", lang))
    if "trend" in shown:
        notes.append(word("trend_note", lang))
    for note in notes:
        page.note(note)
    if len(rows) <= _KEPT_ROWS:  # a short table stays on one page with its heading and notes
        page.story[heading:] = [KeepTogether(page.story[heading:])]


def _footer(fonts: _Fonts, lang: str, first_page: Callable[[], int] = lambda: 1
            ) -> Callable[[Any, Any], None]:
    """`— 1 —` centred under each page, counted from `first_page()`."""
    def draw(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(fonts.font.name, 10.5)
        number = canvas.getPageNumber() - first_page() + 1
        canvas.drawCentredString(doc.pagesize[0] / 2, _MARGIN,
                                 fonts.font.text(Word.PAGE_NUMBER.text(lang, n=number)))
        canvas.restoreState()
    return draw


def _counts(report: StatusReport, lang: str) -> str:
    return joined([f"{status_label(s, lang)} " + Word.ITEMS.text(lang, n=report.summary.get(s, 0))
                   for s in STATUS_ORDER], lang)


def _opening(page: _Page, report: StatusReport) -> None:
    lang = page.lang
    heading = month_heading(str(report.as_of.period), lang)
    page.title(Say.REPORT_TITLE.text(lang, title=report.plan.title, as_of=heading))
    examples = sum(1 for r in report.rows if r.ev.example)
    if examples:
        page.text(word("example_note", lang) + " "
                  + Say.EXAMPLES_COUNT.text(lang, examples=examples, total=len(report.rows)))
    page.text(headline(report, _counts(report, lang), lang), after=4.0)


def _parts(page: _Page, report: StatusReport) -> int:
    """Parts 1 to 6: the red list, closed, changes, late, missing, the units; their count."""
    lang = page.lang
    rows = list(report.rows)
    red = sorted((r for r in rows if r.status is Status.RED), key=lambda r: r.ev.gap or 0.0)
    closed = [r for r in rows if r.supervision == "closed"]
    changed = [r for r in rows if r.change]
    late = report.late()
    since = month_name(str(report.as_of.period.shifted(-1)), lang)
    lists = [("red_list", count_items(len(red), lang), red, RED_COLUMNS, "no_red"),
             ("closed_list", count_items(len(closed), lang), closed, CLOSED_COLUMNS,
              "no_closed"),
             ("changes", Say.CHANGES_COUNT.text(lang, since=since, n=len(changed)), changed,
              CHANGE_COLUMNS, "no_changes"),
             ("late_list", count_items(len(late), lang), late, LATE_COLUMNS, "no_late")]
    for number, (name, count, members, columns, empty) in enumerate(lists, start=1):
        page.heading(numbered(number, word(name, lang), lang) + count)
        if members:
            _rows_table(page, report, members, columns)
        else:
            page.text(word(empty, lang))
    missing = missing_cells(report, lang)
    owed = sum(len(r) for r in report.missing().values())
    page.heading(numbered(len(lists) + 1, word("missing_list", lang), lang)
                 + count_items(owed, lang))
    if missing:
        page.table(MISSING_COLUMNS, missing)
    else:
        page.text(word("no_missing", lang))
    page.heading(numbered(len(lists) + 2, word("league", lang), lang))
    # The colour counts' headers are shaded in their colour.
    page.table(OWNER_COLUMNS, [owner_cells(r, lang) for r in league(report)],
               [{s.value: s for s in STATUS_ORDER}], header_row=True)
    return len(lists) + 2


def _legend(page: _Page, report: StatusReport, number: int) -> None:
    from reportlab.platypus import KeepTogether

    lang = page.lang
    page.heading(numbered(number, word("legend", lang), lang))
    start = len(page.story) - 1
    items = legend_items(report, lang)
    chips = [(status, text) for status, text in items if status is not None]
    page.table(("item", "value"),
               [{"item": status_label(s, lang), "value": text} for s, text in chips],
               [{"item": s} for s, _ in chips],
               headers={"item": word("status", lang), "value": word("legend", lang)})
    for status, text in items:
        if status is None:
            page.note(text)
    page.story[start:] = [KeepTogether(page.story[start:])]  # the legend on one page


def _signature(page: _Page, report: StatusReport, issued: dt.date) -> None:
    """The issuing office (`[office] name`) and the day, kept together, as the Word paper
    ends."""
    from reportlab.platypus import KeepTogether

    lines = signature(report.plan.office, issued, page.lang)
    page.story.append(KeepTogether([
        _text_flowable(page.fonts, page.fonts.font.text(line), _BODY,
                       before=6.0 if index == 0 else 0.0)
        for index, line in enumerate(lines)]))


def report_pdf(report: StatusReport, lang: str, issued: dt.date | None = None) -> bytes:
    """The meeting report: the Markdown report's sections, as a PDF, ending as the Word
    paper does with the issuing office and the day (`issued`, else the as-of day)."""
    fonts, headings = (_Fonts(f) for f in find_fonts())
    page = _Page(fonts, lang, landscape=True, headings=headings)
    _opening(page, report)
    number = _parts(page, report)
    page.heading(numbered(number + 1, word("by_section", lang), lang), room=42 * _MM)
    for index, (section, members) in enumerate(report.by_section().items(), start=1):
        name = section or word("no_section", lang)
        page.heading(f"{section_number(index, lang)}{name}", _H2)
        _rows_table(page, report, members, MD_COLUMNS)
    _legend(page, report, number + 2)
    _signature(page, report, issued or report.as_of.day)
    return page.build(_footer(fonts, lang))


def _unit_start(pages: list[int]) -> Any:
    """A mark at the top of a unit's notice: its first page, for the numbering."""
    from reportlab.platypus import Flowable

    class Start(Flowable):  # type: ignore[misc]
        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            return 0.0, 0.0

        def draw(self) -> None:
            pages.append(self.canv.getPageNumber())

    return Start()


def _notice(page: _Page, notice: Notice, report: StatusReport, issued: dt.date) -> None:
    """One unit's notice, as the Markdown and Word notices have it: the title, the number,
    the plan, whom it is to, what it is about, how and by when to answer, the contact,
    the items, the marks explained, the office and the day."""
    from reportlab.platypus import KeepTogether

    lang = page.lang
    unit = unit_name(notice, lang)
    page.title(Say.NOTICE_TITLE.text(lang, unit=unit))
    page.text(notice_number(report, lang), centred=True, after=4.0)
    page.text(report.plan.title, _H2)
    page.text(Say.NOTICE_TO.text(lang, unit=unit), after=2.0)
    page.text(intro(notice, report, lang), after=2.0)
    page.text(reply_text(notice, lang), after=2.0)
    contact = contact_text(report.plan.office, lang)
    if contact:
        page.text(contact, after=4.0)
    groups = ((word("red_items", lang), notice.red), (word("yellow_items", lang),
                                                      notice.yellow))
    for number, (heading, rows) in enumerate(groups, start=1):
        page.heading(numbered(number, heading, lang) + count_items(len(rows), lang))
        if not rows:
            page.text(word("none_items", lang))
        for index, row in enumerate(rows, start=1):
            before = len(page.story)
            page.heading(section_number(index, lang) + row.target.name, _H2,
                         room=0)  # kept with its table
            facts = item_facts(row, lang)
            page.table(("item", "value"), [{"item": k, "value": v} for k, v in facts],
                       [{"value": row.status} if i == 0 else {} for i in range(len(facts))],
                       headers={"item": word("item", lang), "value": word("value", lang)})
            for note in _mark_notes(report, [row], ("status", "actual"), lang):
                page.note(note)
            item = page.story[before:]
            page.story[before:] = [KeepTogether(item)]
    _signature(page, report, issued)


def notices_pdf(notices: Sequence[Notice], report: StatusReport, lang: str,
                issued: dt.date) -> bytes:
    """Every notice, each unit's on pages of its own, numbered from its first."""
    from reportlab.platypus import PageBreakIfNotEmpty

    fonts, headings = (_Fonts(f) for f in find_fonts())
    page = _Page(fonts, lang, landscape=False, headings=headings)
    starts: list[int] = [1]
    for position, notice in enumerate(notices):
        if position:
            page.story.append(PageBreakIfNotEmpty())
        page.story.append(_unit_start(starts))
        _notice(page, notice, report, issued)
    if not notices:
        month = month_name(str(report.as_of.period), lang)
        page.title(Say.NOTICE_ROBOT_NONE.text(lang, month=month))
    return page.build(_footer(fonts, lang, lambda: starts[-1]))
