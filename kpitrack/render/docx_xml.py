"""Word's XML, written as text: the styles of an official paper (GB/T 9704), the
page-number footer, and the body's paragraphs and tables.

python-docx (imported only inside functions) gives the package, the styles, the page
set-up and the saving; the body is built as one XML string and written into
word/document.xml as text, since python-docx's per-cell calls cost about 0.2 ms a cell
(4.7 s for 1,700 targets' tables) and moving parsed elements into its tree another
1.3 s. Every piece of text passes through `text`, which keeps user text literal: control
and reordering characters removed (as `safe.plain` does everywhere), then XML-escaped.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from ..i18n.vocabulary import DOCX_FONTS
from . import safe

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_LATIN = DOCX_FONTS["latin"]

# Twentieths of a point per millimetre, and the page sizes.
TWIPS_PER_MM = 1440 / 25.4


def text(value: str) -> str:
    """User or catalogue text as XML character data: one line, literal."""
    return escape(safe.plain(value))


# A hyphen between digits (a date, 2025-04-30, or a period, 2025-10) as Word's
# non-breaking hyphen: LibreOffice broke "2025-/04-30" in a narrow cell.
_DIGIT_HYPHEN = re.compile(r"(?<=[0-9])-(?=[0-9])")
_NO_BREAK_HYPHEN = '</w:t><w:noBreakHyphen/><w:t xml:space="preserve">'


def cell_text(value: str) -> str:
    """A table cell's text as XML character data, a date kept on one line."""
    return _DIGIT_HYPHEN.sub(_NO_BREAK_HYPHEN, text(value))


def _fonts(east_asia: str, latin: str = _LATIN) -> str:
    return (f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:cs="{latin}" '
            f'w:eastAsia="{east_asia}"/>')


def _rpr(east_asia: str, half_points: int, bold: bool = False) -> str:
    weight = "<w:b/><w:bCs/>" if bold else "<w:b w:val=\"0\"/><w:bCs w:val=\"0\"/>"
    return (f"<w:rPr>{_fonts(east_asia)}{weight}<w:color w:val=\"000000\"/>"
            f'<w:sz w:val="{half_points}"/><w:szCs w:val="{half_points}"/></w:rPr>')


@dataclass(frozen=True)
class Sizes:
    """Font sizes in half-points: body 16 pt, title 22 pt (GB/T 9704), tables smaller."""

    body: int = 32
    title: int = 44
    table: int = 21  # 五号, 10.5 pt


def _style_xml(sizes: Sizes) -> dict[str, tuple[str, str]]:
    """Each style's pPr and rPr: black text, the fonts a Chinese office expects."""
    body, fixed = DOCX_FONTS["body"], f'w:line="{sizes.body * 18}" w:lineRule="exact"'
    indent = '<w:ind w:firstLineChars="200" w:firstLine="640"/>'
    no_indent = '<w:ind w:firstLineChars="0" w:firstLine="0"/>'
    return {
        "Normal": (f'<w:pPr><w:spacing w:before="0" w:after="0" {fixed}/>{indent}'
                   '<w:jc w:val="both"/></w:pPr>', _rpr(body, sizes.body)),
        "Title": ('<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="0" w:after="240" '
                  f'w:line="{sizes.title * 14}" w:lineRule="exact"/>{no_indent}'
                  '<w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>',
                  _rpr(DOCX_FONTS["title"], sizes.title)),
        "Heading1": (f'<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="240" w:after="0" '
                     f'{fixed}/>{indent}<w:outlineLvl w:val="0"/></w:pPr>',
                     _rpr(DOCX_FONTS["heading1"], sizes.body)),
        "Heading2": (f'<w:pPr><w:keepNext/><w:keepLines/><w:spacing w:before="120" w:after="0" '
                     f'{fixed}/>{indent}<w:outlineLvl w:val="1"/></w:pPr>',
                     _rpr(DOCX_FONTS["heading2"], sizes.body)),
        "Footer": ('<w:pPr><w:spacing w:before="0" w:after="0"/>'
                   f'{no_indent}<w:jc w:val="center"/></w:pPr>',
                   _rpr(DOCX_FONTS["page_number"], 28)),
    }


_TABLE_STYLES = (("KpiTable", False), ("KpiTableHead", True))


def set_styles(doc: Any, sizes: Sizes) -> None:
    """Replace python-docx's default template look (blue Title with a rule, blue
    headings, theme fonts) with explicit styles; add the table cell styles."""
    from docx.enum.style import WD_STYLE_TYPE

    defaults = doc.styles.element.find(f"{{{W_NS}}}docDefaults")
    rpr = defaults.find(f"{{{W_NS}}}rPrDefault/{{{W_NS}}}rPr")
    for child in list(rpr):
        rpr.remove(child)
    for piece in (_fonts(DOCX_FONTS["body"]), '<w:lang w:val="en-US" w:eastAsia="zh-CN"/>'):
        rpr.append(_element(piece))
    wanted = _style_xml(sizes)
    for name, bold in _TABLE_STYLES:
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        wanted[name] = ('<w:pPr><w:spacing w:before="0" w:after="0" w:line="240" '
                        'w:lineRule="auto"/><w:ind w:firstLineChars="0" w:firstLine="0"/>'
                        '<w:jc w:val="left"/></w:pPr>',
                        _rpr(DOCX_FONTS["heading1" if bold else "body"], sizes.table))
    for style_id, (ppr, rpr_xml) in wanted.items():
        element = doc.styles.element.get_by_id(style_id)
        for tag in ("pPr", "rPr"):
            old = element.find(f"{{{W_NS}}}{tag}")
            if old is not None:
                element.remove(old)
        element.append(_element(ppr))
        element.append(_element(rpr_xml))


def _element(xml: str) -> Any:
    """One element from its XML text, the w: namespace declared around it."""
    from docx.oxml import parse_xml

    return parse_xml(f'<w:x xmlns:w="{W_NS}">{xml}</w:x>')[0]


def page_setup(doc: Any, landscape: bool) -> int:
    """A4 with GB/T 9704 margins (portrait: top 37 mm, bottom 35, left 28, right 26; landscape
    narrower so a table has room); the page number `— 1 —` centred in the footer, 7 mm
    below the text. The text's width in twips, for the tables."""
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section = doc.sections[0]
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        width, height, margins = 297, 210, (25, 25, 20, 20)
    else:
        width, height, margins = 210, 297, (37, 35, 28, 26)
    section.page_width, section.page_height = Mm(width), Mm(height)
    top, bottom, left, right = margins
    section.top_margin, section.bottom_margin = Mm(top), Mm(bottom)
    section.left_margin, section.right_margin = Mm(left), Mm(right)
    section.header_distance, section.footer_distance = Mm(15), Mm(bottom - 7 - 5)
    _page_number(section.footer)
    return round((width - left - right) * TWIPS_PER_MM)


def _page_number(footer: Any) -> None:
    """— PAGE — in the footer: a field Word, WPS and LibreOffice fill in."""
    from docx.oxml import parse_xml

    footer.is_linked_to_previous = False
    paragraph = footer.paragraphs[0]._p
    dash = '<w:r><w:t xml:space="preserve">— </w:t></w:r>'
    field = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
             '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
             '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
             '<w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>')
    new = parse_xml(f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="Footer"/></w:pPr>'
                    f'{dash}{field}<w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p>')
    paragraph.addnext(new)
    paragraph.getparent().remove(paragraph)


class Body:
    """The document's body as XML text, written into the document by `saved`."""

    def __init__(self, width: int, table_points: float) -> None:
        self.parts: list[str | Grid] = []
        self.width = width  # the text's width, in twips
        self.table_points = table_points

    def paragraph(self, value: str, style: str = "", *, bold: bool = False,
                  align: str = "", keep: bool = False, page_break: bool = False,
                  flush: bool = False) -> None:
        """A paragraph; `flush` without the first-line indent of body text."""
        props = (f'<w:pStyle w:val="{style}"/>' if style else "") \
            + ("<w:keepNext/>" if keep else "") \
            + ("<w:pageBreakBefore/>" if page_break else "") \
            + ('<w:ind w:firstLineChars="0" w:firstLine="0"/>' if flush else "") \
            + (f'<w:jc w:val="{align}"/>' if align else "")
        self.parts.append(f"<w:p><w:pPr>{props}</w:pPr>{run(value, bold)}</w:p>")

    def lines(self, values: Sequence[str], align: str = "right") -> None:
        """Lines of one paragraph (the signature: office and date)."""
        runs = '<w:r><w:br/></w:r>'.join(run(v) for v in values)
        self.parts.append(f'<w:p><w:pPr><w:keepLines/><w:spacing w:before="480"/>'
                          f'<w:jc w:val="{align}"/></w:pPr>{runs}</w:p>')

    def table(self, grid: Grid) -> None:
        self.parts.append(grid)

    def glue(self) -> None:
        """Keep what was added last on the page of what comes next (the signature: a page
        must not hold the signature alone)."""
        last = self.parts[-1]
        if isinstance(last, Grid):
            last.keep_end = True
        elif "<w:keepNext/>" not in last:
            at = last.index("<w:pPr>") + len("<w:pPr>")
            style = re.match(r'<w:pStyle w:val="[^"]*"/>', last[at:])
            at += style.end() if style else 0
            self.parts[-1] = last[:at] + "<w:keepNext/>" + last[at:]

    def xml(self) -> str:
        return "".join(p if isinstance(p, str) else p.xml(self.width, self.table_points)
                       for p in self.parts)

    def saved(self, doc: Any) -> bytes:
        """The .docx file: `doc` saved, with the body's pieces put into its
        word/document.xml before the section properties, as text: moving parsed elements
        into the document costs lxml more than a second for 1,700 targets."""
        out = io.BytesIO()
        doc.save(out)
        source = zipfile.ZipFile(io.BytesIO(out.getvalue()))
        result = io.BytesIO()
        with zipfile.ZipFile(result, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == "word/document.xml":
                    data = _with_body(data.decode("utf-8"), self.xml())
                target.writestr(info, data, zipfile.ZIP_DEFLATED)
        return result.getvalue()


def _with_body(document: str, body: str) -> bytes:
    at = document.rindex("<w:sectPr")
    return (document[:at] + body + document[at:]).encode("utf-8")


def run(value: str, bold: bool = False) -> str:
    props = "<w:rPr><w:b/><w:bCs/></w:rPr>" if bold else ""
    return f'<w:r>{props}<w:t xml:space="preserve">{text(value)}</w:t></w:r>'


def _wide(ch: str) -> bool:
    """A character as wide as a Chinese one: CJK, and the block elements of a trend
    (▁…█), which Chinese fonts draw full width."""
    return ord(ch) > 0x2E80 or 0x2580 <= ord(ch) <= 0x259F


def width_units(value: str) -> int:
    """Half-ems: a Chinese (or other wide) character counts two."""
    return sum(2 if _wide(ch) else 1 for ch in value)


def longest_word(value: str) -> int:
    """The widest piece that must not break: a run of Latin letters, digits and signs
    (a date, 2025-12-31, a figure's digits). Chinese breaks between characters."""
    best = current = 0
    for ch in value:
        if ch == " " or _wide(ch):
            current = 0
            best = max(best, 2 if ch != " " else 0)
            continue
        current += 1
        best = max(best, current)
    return best


_WIDE_LEAST = 16  # half-ems


@dataclass
class Column:
    header: str
    right: bool = False  # figures: aligned right
    whole: bool = False  # never broken (a status label, a date)
    share: float = 1.0  # how readily it takes the width left over (names, answers)
    least: int = 0  # half-ems it is given however empty (a cell to write in)


@dataclass
class Grid:
    """A table: columns, rows of cell texts, a fill per cell (or ""), each row kept whole
    on a page (w:cantSplit), the header row repeated; `keep` keeps the whole table on one
    page with what comes before it (a notice's item under its heading); `height` gives
    rows room to write in (twips, 0 for none)."""

    columns: list[Column]
    rows: list[list[str]]
    fills: list[list[str]]
    keep: bool = False
    height: int = 0
    keep_end: bool = False  # the last row kept with what follows the table

    def widths(self, width: int, points: float) -> list[int]:
        """Column widths from the content: each column gets at least its widest
        unbreakable piece; if every column fits on one line with its header, each gets
        that and a share of what is left; else the width beyond the least goes to the
        columns whose text would wrap, by how much more they want (names and answers
        most readily)."""
        unit = points * 10  # twips per half-em
        pad = 2 * 80 + 60  # the cell's side margins and a little air
        least, wanted = [], []
        for index, column in enumerate(self.columns):
            texts = [row[index] for row in self.rows]
            longest = max((width_units(t) for t in texts), default=0)
            floor = longest if column.whole else max((longest_word(t) for t in texts),
                                                     default=0)
            # a header of up to four characters stays on one line (three over a figure's
            # column, as 完成率; 时序进度 there goes on two)
            header = min(width_units(column.header), 6 if column.right else 8)
            floor = max(floor, header, longest_word(column.header), column.least)
            if column.share > 1:  # a name keeps eight characters a line, or its own length
                floor = max(floor, min(longest, _WIDE_LEAST))
            least.append(floor)
            wanted.append(max(longest, floor, width_units(column.header)))
        base = [round(u * unit) + pad for u in least]
        full = [round(u * unit) + pad for u in wanted]
        if sum(full) <= width:  # what is left goes to the wide columns, else to all
            spare = width - sum(full)
            takers = [f if c.share > 1 else 0 for f, c in zip(full, self.columns, strict=True)]
            takers = takers if sum(takers) else full
            return [round(f + spare * t / sum(takers)) for f, t in
                    zip(full, takers, strict=True)]
        # The narrow columns (figures, units, dates) first get all they want; the wide
        # ones (names, answers) share what is left.
        narrow = [b if c.share > 1 else f for b, f, c in
                  zip(base, full, self.columns, strict=True)]
        if sum(narrow) <= width:
            base = narrow
        room = width - sum(base)
        extra = [(f - b) * c.share for f, b, c in zip(full, base, self.columns, strict=True)]
        if room <= 0 or not sum(extra):
            return base
        return [round(b + room * e / sum(extra)) for b, e in zip(base, extra, strict=True)]

    def xml(self, width: int, points: float) -> str:
        widths = self.widths(width, points)
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
        border = '<w:{} w:val="single" w:sz="4" w:space="0" w:color="000000"/>'
        borders = "".join(border.format(side) for side in
                          ("top", "left", "bottom", "right", "insideH", "insideV"))
        head = f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
        out = [f'<w:tbl><w:tblPr>{head}<w:jc w:val="center"/><w:tblBorders>{borders}'
               '</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar>'
               '<w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>'
               f'</w:tblCellMar><w:tblLook w:val="0020"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>']
        starts = [f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>' for w in widths]
        aligns = ['<w:jc w:val="right"/>' if c.right else "" for c in self.columns]
        keep_all = "<w:keepNext/>" if self.keep else ""
        header = [text(c.header) for c in self.columns]
        out.append("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>" + "".join(
            f'{start}<w:vAlign w:val="center"/></w:tcPr><w:p><w:pPr>'
            f'<w:pStyle w:val="KpiTableHead"/><w:keepNext/><w:jc w:val="center"/></w:pPr>'
            f'<w:r><w:t xml:space="preserve">{cell}</w:t></w:r></w:p></w:tc>'
            for start, cell in zip(starts, header, strict=True)) + "</w:tr>")
        height = f'<w:trHeight w:val="{self.height}"/>' if self.height else ""
        last = len(self.rows) - 1
        for index, (row, fills) in enumerate(zip(self.rows, self.fills, strict=True)):
            # Keep-with-next on every row but the last keeps a table together; on the
            # first row alone, it keeps a long table's start with its header and heading.
            keep = keep_all if index < last or self.keep_end else ""
            keep = keep or ("<w:keepNext/>" if (index == 0 and last > 0) or
                            (index == last and self.keep_end) else "")
            cells = []
            for start, align, value, fill in zip(starts, aligns, row, fills, strict=True):
                shade = f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>' \
                    if fill else ""
                cells.append(f'{start}{shade}</w:tcPr><w:p><w:pPr><w:pStyle w:val="KpiTable"/>'
                             f'{keep}{align}</w:pPr><w:r><w:t xml:space="preserve">'
                             f'{cell_text(value)}</w:t></w:r></w:p></w:tc>')
            out.append(f"<w:tr><w:trPr><w:cantSplit/>{height}</w:trPr>{''.join(cells)}</w:tr>")
        out.append("</w:tbl>")
        return "".join(out)
