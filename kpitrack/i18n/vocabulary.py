"""The vocabulary people type, in English and Chinese: not sentences kpitrack says, but the
words, spellings and characters it reads in what users write.

Plain data (frozensets, dicts, tuples and compiled patterns), used by the core (what a
typed period, date or figure means), the sheet reader (column names, a total row) and the
TOML reader (a Chinese keyboard's full-width punctuation); and the one name another
program knows only in Chinese (the Word document's font). Like the rest of `i18n`, this
module imports nothing of kpitrack.
"""

from __future__ import annotations

import re

# ── periods, dates and figures (core.typed) ────────────────────────────────────

# A month: 2025-03, 2025/3, 2025.3, 2025年3月 (or 3月份), 202503.
PERIOD_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^(\d{4})\s*[-/.]\s*(\d{1,2})$"),
    re.compile(r"^(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?$"),
    re.compile(r"^(\d{4})(\d{2})$"),
)
# A quarter: 2025Q1, 2025-q1, 2025年第一季度, 2025年1季; group 2 is its number.
QUARTER_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^(\d{4})\s*-?\s*[Qq]\s*([1-4])$"),
    re.compile(r"^(\d{4})\s*年\s*(?:第\s*)?([1-4一二三四])\s*季度?$"),
)
# What joins the months of a year-to-date span (1—12月): a hyphen or any dash, a tilde
# (full-width ones are folded before), 至 or 到.
SPAN_DASH = r"[-~\u2010-\u2015\u2212\u301c至到]"
# A year-to-date span with its year, 2025年1—12月 (累计 may follow): groups year, first
# month, last month.
DATED_SPAN_PATTERN = re.compile(
    rf"^(\d{{4}})\s*年\s*(\d{{1,2}})\s*{SPAN_DASH}\s*(\d{{1,2}})\s*月(?:份)?(?:累计)?$")
# A month written without its year, as sheets write it: 12月 (or 12月份), the span
# 1—12月, or a bare 12 (or 1-12) in a period cell. Group 1 is a span's first month (empty
# for one month), group 2 the month the figure runs to.
YEARLESS_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"^(?:(\d{{1,2}})\s*{SPAN_DASH}\s*)?(\d{{1,2}})\s*月(?:份)?(?:累计)?$"),
    re.compile(rf"^(?:(\d{{1,2}})\s*{SPAN_DASH}\s*)?(\d{{1,2}})$"),
)
# A quarter's number written as a Chinese numeral.
QUARTER_NUMERALS: dict[str, int] = {"一": 1, "二": 2, "三": 3, "四": 4}
# A date's year and month marks (2025年6月30日): each becomes a `-` after its digit.
DATE_MARKS = re.compile(r"(\d)\s*[年月]\s*")
# A date's day mark, dropped.
DATE_DAY_MARK = "日"
# What --as-of may say for the day the command runs (compared lower case).
TODAY_WORDS = frozenset({"today", "今天", "今日"})
# A figure's magnitude (3500万) or a unit's (亿元), longest first so that 万亿 is not 万.
MAGNITUDES: tuple[tuple[str, int], ...] = (
    ("万亿", 10**12), ("千万", 10**7), ("百万", 10**6), ("十万", 10**5),
    ("亿", 10**8), ("万", 10**4), ("千", 10**3), ("百", 10**2))

# ── a sheet's cells (core.recording) ───────────────────────────────────────────

# What a group robot's Markdown (WeCom's, DingTalk's) would read as markup in user text,
# each with its full-width twin: neither robot documents an escape, so a look-alike is what
# keeps a name like `[点此](http://…)` or `**` literal.
ROBOT_LOOKALIKES = {"*": "＊", "[": "［", "]": "］", "<": "＜", ">": "＞", "`": "｀", "#": "＃",
                    "\\": "＼", "~": "～"}
# What a milestone's value cell may say when it is done (compared lower case).
# What a collection sheet's value cell may hold for a milestone done (its check allows these).
DONE_CELLS = ("完成", "done")
DONE_WORDS = frozenset({"done", "yes", "true", "y", "完成", "已完成", "是", "√", "✓", "✔"})
# What an `example` cell may say for an illustrative figure (compared lower case).
YES_WORDS = frozenset({"yes", "true", "y", "1", "是", "√", "✓", "✔"})

# ── a sheet's header and rows (workspace.sheet) ────────────────────────────────

# Column names a sheet may use for each field, compared after normalising (lower case,
# full-width forms folded, a bracketed unit dropped). Either the target or the name
# column may give a target's id or its exact name; with both, they must agree. The first
# name of each field is the one an error message lists.
SHEET_COLUMNS: dict[str, tuple[str, ...]] = {
    "target": ("target", "id", "target id", "指标", "指标编号", "编号", "指标id"),
    "name": ("name", "target name", "指标名称", "名称"),
    "period": ("period", "month", "期间", "月份", "统计期间", "所属期", "期次", "截至"),
    "value": ("value", "figure", "actual", "数值", "完成值", "实际", "实际值", "完成数",
              "累计完成", "完成情况"),
    "note": ("note", "notes", "remark", "备注", "说明"),
    "by": ("by", "reported by", "reporter", "报送人", "报送单位", "填报人", "填报单位"),
    "source": ("source", "来源", "数据来源"),
    "date": ("date", "done date", "完成日期", "日期", "完成时间"),
    "example": ("example", "示例", "示例数据"),
}
# The columns of a reply form (督办事项反馈表): a sheet whose header names both a reason
# and a measures column is read as the units' answers, not as figures.
REPLY_COLUMNS: dict[str, tuple[str, ...]] = {
    "target": SHEET_COLUMNS["target"],
    "name": SHEET_COLUMNS["name"],
    "period": SHEET_COLUMNS["period"],
    "by": (*SHEET_COLUMNS["by"], "unit", "owner", "责任单位", "反馈单位"),
    "reason": ("reason", "情况说明", "原因", "滞后原因", "原因说明"),
    "measures": ("measures", "整改措施", "措施", "下一步措施"),
    "due": ("due", "done by", "完成时限", "时限", "整改时限"),
}
# What a sheet's total row says in its target cell, spaces and case ignored.
TOTAL_WORDS = frozenset({"合计", "总计", "小计", "总合计", "合计数", "total", "subtotal",
                         "grandtotal"})
# Colons a header or a total cell may end with: ASCII and full-width.
COLONS = ":："

# ── TOML typed on a Chinese keyboard (workspace.toml) ──────────────────────────

# Full-width characters a Chinese keyboard types where TOML wants ASCII, and that ASCII.
FULL_WIDTH: dict[str, str] = {
    "，": ",", "：": ":", "；": ";", "＝": "=", "（": "(", "）": ")", "［": "[", "］": "]",
    "｛": "{", "｝": "}", "。": ".", "＃": "#", "　": " "}
# Curly quotes, which TOML does not read as quotes.
CURLY_QUOTES = "“”‘’"

# ── names other programs look up ───────────────────────────────────────────────

# The fonts of an official paper (公文, GB/T 9704), as Windows and WPS name them: the title
# in 方正小标宋简体 (where it is missing, Word and WPS substitute a Song face), first-level
# headings in 黑体, second-level in 楷体, the body in 仿宋, the page number in 宋体; Latin
# letters and digits in Times New Roman (not the template's Cambria).
DOCX_FONTS = {"title": "方正小标宋简体", "heading1": "黑体", "heading2": "楷体", "body": "仿宋",
              "page_number": "宋体", "latin": "Times New Roman"}

# ── the command line (cli) ─────────────────────────────────────────────────────

# What separates the items of a list typed on the command line: `red,yellow`, `红，黄`.
LIST_SEPARATORS = ",，"
# Punctuation that must not begin a line of help: it stays with the character before it.
NO_LINE_START = frozenset("，。、；：？！）》」』】”’,.;:?!)]}…")
# The colon after a help heading, by language.
HEADING_COLON = {"zh": "：", "en": ":"}
# Where a help text's first sentence ends, in either language.
SENTENCE_END = re.compile(r"(.+?[。！？]|.+?[.!?](?=\s|$))")
# A PDF font is usable when it draws these: the report's own words and its figures.
PDF_FONT_PROBE = "截至红色指标0123456789%-+.A"
# Marks that reportlab's built-in STSong-Light (and some TrueType fonts) lack, each with
# a look-alike it has: 红色・滞后督办 reads back from the PDF as 红色·滞后督办.
PDF_LOOKALIKES = {"·": "・", "✓": "√", "†": "※", "‡": "§", "−": "－", "↕": "↑↓"}
