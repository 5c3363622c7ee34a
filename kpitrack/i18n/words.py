"""Every fixed word a report prints (column headers, labels, notes), by id, in English
and Chinese; and the words for statuses, kinds and supervision states.

`word(key, lang)` looks a column's header up by its key (`"gap"` is `Word.GAP`). This
module, like the rest of `i18n`, imports nothing of kpitrack: a status or a kind is passed
as its value (`"red"`, `"cumulative"`).
"""

from __future__ import annotations

import datetime as dt

from .base import Catalogue, Message, MessageId


class Word(metaclass=Catalogue):
    """Every header, label and fixed word, by id."""

    STATUS = MessageId('Status', '状态')
    ID = MessageId('ID', '编号')
    NAME = MessageId('Target', '指标')
    SECTION = MessageId('Section', '板块')
    KIND = MessageId('Kind', '类型')
    TARGET = MessageId('Goal', '目标')
    UNIT = MessageId('Unit', '单位')
    ACTUAL = MessageId('Actual', '实际')
    PERIOD = MessageId('Period', '截至')
    COMPLETION = MessageId('Done %', '完成率')
    TIME_PROGRESS = MessageId('Time %', '时序进度')
    GAP = MessageId('Gap', '差距')
    FORECAST = MessageId('Forecast', '预计全年')
    NEEDED_PER_MONTH = MessageId('Needed/mo', '需月均')
    OWNER = MessageId('Owner', '责任单位')
    DUE = MessageId('Due', '期限')
    DIRECTION = MessageId('Direction', '方向')
    FREQUENCY = MessageId('Frequency', '报送频次')
    LAST_YEAR = MessageId('Last year', '上年')
    AS_OF = MessageId('As of', '截至')
    LEGEND = MessageId('Legend', '图例')
    COUNT = MessageId('Count', '合计')
    STALE_NOTE = MessageId('* figure is out of date (a late report)', '* 数据未按期更新（逾期未报）')
    STALE_CAPPED_NOTE = MessageId('* figure is out of date (a late report), shown at best {label}',
                                  '* 数据未按期更新（逾期未报），最高显示为{label}')
    MET_NOTE = MessageId("✓ the year's goal is met", '✓ 已完成全年目标')
    ASSUMED_NOTE = MessageId('† baseline taken from the first figure, time progress counted from its month',
                             '† 基数取首次报送值，时序进度自该月起算')
    LAST_YEAR_NOTE = MessageId("‡ baseline is last year's closing figure", '‡ 基数取上年数')
    NO_SECTION = MessageId('Ungrouped', '未分组')
    DONE = MessageId('done', '已完成')
    NOT_DONE = MessageId('not done', '未完成')
    TARGETS_TITLE = MessageId('Targets', '目标清单')
    NEEDED = MessageId('Needed/mo', '需月均')
    PREVIOUS = MessageId('Last month', '上月')
    CURRENT = MessageId('This month', '本月')
    CHART_TITLE = MessageId('Month by month (actual █ against plan │)', '逐月进度（实际 █ 与计划 │）')
    CHART_NOTE = MessageId(
        '█ completion  │ time progress (plan)  ● a red month  figures: completion / time progress, gap',
        '█ 完成率  │ 时序进度（计划）  ● 红色月份  右侧为完成率 / 时序进度、差距')
    CHART_NOTE_RATE = MessageId(
        '█ figure as a share of the target  │ the target  ● a red month  figures: actual / target, gap',
        '█ 实际值占目标的比例  │ 目标线  ● 红色月份  右侧为实际 / 目标、差距')
    FIGURES_TITLE = MessageId('Figures', '报送记录')
    VALUE = MessageId('Value', '数值')
    ROW = MessageId('Row', '行')
    ACTION = MessageId('Action', '操作')
    IMPORT_TITLE = MessageId('Import preview', '导入预览')
    PROBLEM = MessageId('problem, see below', '有问题，见下')
    IMPORT_DONE = MessageId('Import result', '导入结果')
    MONTH = MessageId('Period', '期间')
    RECORDED = MessageId('Recorded', '录入时间')
    BY = MessageId('By', '报送人')
    NOTE = MessageId('Note', '备注')
    SOURCE = MessageId('Source', '来源')
    WHERE = MessageId('Where', '位置')
    FLAGS = MessageId('Flags', '标记')
    NO_FIGURES = MessageId('no figures yet', '尚无报送记录')
    BASELINE = MessageId('Baseline', '基数')
    BASELINE_SET = MessageId('{value} (the baseline set)', '{value}（年初数）')
    BASELINE_LAST_YEAR = MessageId("{value} (last year's closing figure)", '{value}（上年数）')
    BASELINE_FIRST = MessageId('{value} (the first figure, {month}: assumed)',
                               '{value}（首次报送值，{month}；系假定）')
    QUOTE = MessageId('Source text', '原文')
    FREQ_MONTHLY = MessageId('monthly', '按月')
    FREQ_QUARTERLY = MessageId('quarterly', '按季')
    FREQ_YEARLY = MessageId('yearly', '按年')
    CORRECTION = MessageId('correction', '更正')
    SUPERSEDED = MessageId('superseded', '已被更正')
    WITHDRAWAL = MessageId('withdrawal', '撤回')
    TAKEN_BACK = MessageId('withdrawn', '已撤回')
    RED_LIST = MessageId('Red list: lagging targets', '红色滞后督办清单')
    SUPERVISION = MessageId('Supervision', '督办')
    ANSWER = MessageId('Reason and measures', '情况说明与整改措施')
    NO_ANSWER = MessageId('no answer yet', '未反馈')
    REASON = MessageId('Reason', '原因')
    MEASURES = MessageId('Measures', '措施')
    # The sheets (the CSV, the workbook): the unit's answer in two columns, the gap worded
    # with its sign, where a level target's baseline came from, the printed page's footer.
    ANSWER_REASON = MessageId('Reason given', '情况说明')
    ANSWER_MEASURES = MessageId('Measures taken', '整改措施')
    GAP_SIGNED = MessageId('Gap, signed', '差距（带符号）')
    # A word first, so no spreadsheet reads the sign as a number's or a formula's.
    GAP_POINTS = MessageId('gap {gap} points', '差距{gap}个百分点')
    GAP_IN_UNIT = MessageId('gap {gap} {unit}', '差距{gap}{unit}')
    BASELINE_NOTE = MessageId('Baseline note', '基数说明')
    PAGE_FOOTER = MessageId('Page &P of &N', '第 &P 页，共 &N 页')
    CLOSED_LIST = MessageId('Closed this month', '本月销号')
    LATE_LIST = MessageId('Late reports', '逾期未报')
    MISSING_LIST = MessageId('Not reported on time', '未按时报送')
    MISSING = MessageId('Missing', '缺报数')
    MISSING_TARGETS = MessageId('Targets not reported', '缺报指标')
    NO_MISSING = MessageId('Every figure due this month is in.', '本月应报数据均已报送。')
    RED_ITEMS = MessageId('Lagging targets (red)', '红色滞后督办事项')
    YELLOW_ITEMS = MessageId('Warnings (yellow)', '黄色预警提醒')
    NONE_ITEMS = MessageId('None.', '无。')
    ITEM = MessageId('Item', '事项')
    PACE_AXIS = MessageId(
        'The bar is the completion, │ the time progress. A growth or threshold target: '
        'the bar is the figure in its own unit, │ its target, each on its own scale.',
        '条形为完成率，│ 为时序进度；增速、保持类指标的条形为实际值（按其本身单位），│ 为目标，'
        '各自按比例绘制。')
    TREND_RATE = MessageId('figure as % of target', '实际值占目标的比例')
    CHART_COLOURS = MessageId('Colours', '四色分布')
    CHART_PACE = MessageId('Every target against the calendar', '挂图作战')
    CHART_UNITS = MessageId("Each unit's targets by colour", '各单位指标颜色构成')
    CHART_RED = MessageId('Red items month by month', '红色督办：逐月进度')
    CHART_DATA = MessageId('Chart data', '图表数据')
    CHART_DOT = MessageId("● the month's colour", '● 当月颜色')
    NO_CLOSED = MessageId('No item was closed this month.', '本月无销号事项。')
    NO_LATE = MessageId('Every figure is up to date.', '本月无逾期未报的指标。')
    LEAGUE = MessageId('Units side by side', '责任单位推进情况晾晒')
    UNASSIGNED = MessageId('Unassigned', '未指定')
    ROBOT_WECOM = MessageId('WeCom', '企业微信')
    ROBOT_DINGTALK = MessageId('DingTalk', '钉钉')
    RANK = MessageId('Rank', '排名')
    ON_TRACK = MessageId('On track %', '正常推进率')
    TOTAL = MessageId('Total', '合计')
    BLUE = MessageId('Blue', '蓝')
    GREEN = MessageId('Green', '绿')
    YELLOW = MessageId('Yellow', '黄')
    RED = MessageId('Red', '红')
    NONE = MessageId('No data', '灰')
    NO_RED = MessageId('No target is red this month.', '本月无红色滞后督办指标。')
    CHANGES = MessageId('Changed colour', '颜色变化')
    NO_CHANGES = MessageId('No target changed colour since last month.', '与上月相比，没有指标改变颜色。')
    BY_SECTION = MessageId('By section', '分板块推进情况')
    TREND = MessageId('Trend', '趋势')
    RED_MONTHS = MessageId('Months red', '连续红色月数')
    CHANGE = MessageId('Change', '变化')
    EXAMPLE = MessageId('example', '示例')
    EXAMPLE_NOTE = MessageId(
        'Note: this report includes illustrative figures, NOT official statistics.',
        '注意：本报告含示例数据（非官方统计），不得作为正式统计引用。')
    CHANGE_NOTE = MessageId(
        "Change: ↑ better, ↓ worse, ↕ to or from no data; then last month's colour",
        '变化：↑好转 ↓转差 ↕有无数据，箭头后为上月颜色')
    TREND_NOTE = MessageId(
        'Trend: completion over the last 6 months, ▁ 0% … █ ≥100%, · no data',
        '趋势：近6个月完成率，▁ 0% … █ ≥100%，· 无数据')

    # statuses
    STATUS_BLUE = MessageId("Ahead", "蓝色·超前示范")
    STATUS_GREEN = MessageId("On track", "绿色·推进正常")
    STATUS_YELLOW = MessageId("Warning", "黄色·超期预警")
    STATUS_RED = MessageId("Lagging", "红色·滞后督办")
    STATUS_NONE = MessageId("No data", "灰色·未报送")
    SHORT_BLUE = MessageId("ahead", "蓝")
    SHORT_GREEN = MessageId("on track", "绿")
    SHORT_YELLOW = MessageId("warning", "黄")
    SHORT_RED = MessageId("lagging", "红")
    SHORT_NONE = MessageId("no data", "未报送")
    # The one-character status of a narrow terminal table; the legend spells each one out.
    CELL_NONE = MessageId("No data", "灰")
    # kinds
    KIND_CUMULATIVE = MessageId("cumulative", "累计")
    KIND_LEVEL = MessageId("level", "存量")
    KIND_GROWTH = MessageId("growth", "增速")
    KIND_THRESHOLD = MessageId("threshold", "保持")
    KIND_MILESTONE = MessageId("milestone", "节点")
    # supervision states
    SUPERVISION_NEW = MessageId("new", "新增督办")
    SUPERVISION_CONTINUING = MessageId("continuing ({n} months)", "持续督办（{n}个月）")
    SUPERVISION_CLOSED = MessageId("closed", "销号")
    # a value typed on the command line, with the Chinese word that means it too
    VALUE_AND_WORD = MessageId("{value}", "{value} ({chinese_word})")
    # what a value in a file is
    VALUE_BOOL = MessageId("boolean (true or false)", "true/false（是非值）")
    VALUE_TEXT = MessageId("text", "文本")
    VALUE_DATE = MessageId("a date or time", "日期或时间")
    VALUE_LIST = MessageId("a list [ … ]", "列表 [ … ]")
    VALUE_TABLE = MessageId("a table", "表")
    VALUE_OTHER = MessageId("another kind of value", "其他类型的值")
    # line prefixes
    SEVERITY_ERROR = MessageId("error: ", "错误：")
    SEVERITY_WARNING = MessageId("warning: ", "警告：")
    SEVERITY_NOTE = MessageId("note: ", "提示：")
    ERROR_PREFIX = MessageId("Error: ", "错误：")
    # how headings, months and days are written; the English writes a number in digits
    # (`english_n`), the Chinese in Chinese numerals (`chinese_numeral`)
    MONTH_HEADING = MessageId("as of {year}-{month:02d}", "截至{year}年{month}月")
    MONTH_SHORT = MessageId("{year}-{month:02d}", "{year}年{month}月")
    # A month's label in a chart of a one-year plan: the Chinese leaves the year out.
    MONTH_OF_YEAR = MessageId("{english_year}-{month:02d}", "{month}月")
    DAY = MessageId("{year:04d}-{month:02d}-{day:02d}", "{year}年{month}月{day}日")
    SECTION_NUMBER = MessageId("{english_n}. ", "（{chinese_numeral}）")
    PART_NUMBER = MessageId("{english_n}. ", "{chinese_numeral}、")
    COUNT_ITEMS = MessageId(" ({n})", "（{n}项）")
    PAGE_NUMBER = MessageId('— {n} —', '— {n} —')
    ITEMS = MessageId("{n}", "{n}项")
    NOTES_JOIN = MessageId("; ", "；")
    INTERVIEW_MARK = MessageId(", interview", "·约谈")
    MONTH_ACTUAL = MessageId("Month done", "本月完成")
    NO_UNIT = MessageId("its unit", "原单位")
    FORM_TARGET = MessageId("Target id", "指标编号")
    FORM_NAME = MessageId("Target name", "指标名称")
    FORM_UNIT = MessageId("Unit", "计量单位")
    FORM_KIND = MessageId("Kind", "类型")
    FORM_GOAL = MessageId("Annual target", "全年目标")
    FORM_LAST = MessageId("Last figure", "上次报送数值")
    FORM_LAST_PERIOD = MessageId("Last period", "上次报送期间")
    FORM_PERIOD = MessageId("Period", "期间")
    FORM_VALUE = MessageId("Value", "数值")
    FORM_DATE = MessageId("Done date", "完成日期")
    FORM_NOTE = MessageId("Note", "备注")
    FORM_BY = MessageId("Reported by", "报送单位")
    # the collection sheet's cell styles, by the names Excel lists them under
    STYLE_TEXT = MessageId("Sheet text", "报送表文字")
    STYLE_TEXT_WRAPPED = MessageId("Sheet text, wrapped", "报送表文字（换行）")
    STYLE_INPUT = MessageId("Sheet input", "报送表填写")
    STYLE_INPUT_WRAPPED = MessageId("Sheet input, wrapped", "报送表填写（换行）")
    STYLE_INPUT_DATE = MessageId("Sheet input, date", "报送表填写（日期）")
    # the reply form (督办事项反馈表) a unit fills with its answers
    REPLY_STATUS = MessageId("Status", "督办状态")
    REPLY_REASON = MessageId("Reason", "情况说明")
    REPLY_MEASURES = MessageId("Measures", "整改措施")
    REPLY_DUE = MessageId("Done by", "完成时限")
    REPLY_OWNER = MessageId("Unit", "责任单位")
    MONTH_TASK = MessageId("Month task", "本月任务")
    RULES_OF_PLAN = MessageId("the plan's [bands]", "计划的 [bands]")
    RULES_OF_SECTION = MessageId('the section\'s [sections."{name}".bands]',
                                 '板块的 [sections."{name}".bands]')
    RULES_OF_TARGET = MessageId("the target's own bands", "指标自身的 bands")
    LIST_SEPARATOR = MessageId(", ", "，")
    LABELLED = MessageId("{label}: {value}", "{label}：{value}")
    # Layouts: how worded parts join, with no word of their own. Chinese sets a figure
    # and its unit, an arrow and a colour, a short status and its count, and the
    # sentences of a paragraph, without a space.
    WITH_UNIT = MessageId("{value} {unit}", "{value}{unit}")
    CHANGE_MARK = MessageId("{arrow} {status}", "{arrow}{status}")
    STATUS_COUNT = MessageId("{status} {n}", "{status}{n}")
    SENTENCE_SEPARATOR = MessageId(" ", "")
    FULL_STOP = MessageId(".", "。")
    POINTS = MessageId("{size} points", "{size}个百分点")
    ROW_NUMBER = MessageId("row {n}", "第{n}行")
    RATE_KINDS = MessageId("growth/threshold", "增速/保持类")
    SHEET_STATUS = MessageId("Status", "推进情况")
    # what `import` does with a row (the row's action, by its value in core.recording)
    ACTION_NEW = MessageId("new", "新增")
    ACTION_CORRECTION = MessageId("correction", "更正")
    ACTION_SAME = MessageId("already recorded, skipped", "已有相同数据，跳过")
    ACTION_ADDS_UP = MessageId("adds up", "累加")
    ACTION_TOTAL = MessageId("total row, skipped", "合计行，跳过")
    ACTION_BLANK = MessageId("blank row, skipped", "空行，跳过")
    ACTION_UNFILLED = MessageId("no figure filled in, skipped", "未填写数值，跳过")
    # what `import` does with a row of a reply form
    ACTION_ANSWER_NEW = MessageId("new answer", "新增答复")
    ACTION_ANSWER_SAME = MessageId("same answer on record, skipped", "已有相同答复，跳过")
    ACTION_ANSWER_UNFILLED = MessageId("not filled in, skipped", "未填写，跳过")


# The language tag (BCP 47) a document declares, for each language kpitrack writes.
LANGUAGE_TAGS = {"zh": "zh-CN", "en": "en"}


def word(key: str, lang: str) -> str:
    """A header or label by its key: `word("gap", "zh")` is 差距."""
    return Word.get(key).text(lang)


def status_label(status: str, lang: str) -> str:
    """蓝色·超前示范 … 灰色·未报送, or Ahead … No data."""
    return Word.get(f"status_{status}").text(lang)


def status_short(status: str, lang: str) -> str:
    """蓝 … 未报送, or ahead … no data: a status inside a sentence or a count."""
    return Word.get(f"short_{status}").text(lang)


def status_cell(status: str, lang: str) -> str:
    """The one-character status of a narrow table (灰 for no data); English spells it."""
    if lang != "zh":
        return status_label(status, lang)
    return Word.CELL_NONE.text(lang) if status == "none" else status_short(status, lang)


def status_term(status: str) -> Message:
    """A status as a word in a sentence (蓝, ahead), worded in the reader's language."""
    return Word.get(f"short_{status}")()


def kind_term(kind: str) -> Message:
    """A target's kind as a word, worded in the reader's language when shown."""
    return Word.get(f"kind_{kind}")()


def kind_name(kind: str, lang: str) -> str:
    return kind_term(kind).text(lang)


def supervision_label(state: str | None, months: int, lang: str) -> str:
    """新增督办, 持续督办（3个月）or 销号; empty when the target is not on the list."""
    return Word.get(f"supervision_{state}").text(lang, n=months) if state else ""


def severity(kind: str, lang: str) -> str:
    """错误： / 警告： before a line of `check`."""
    return Word.get(f"severity_{kind}").text(lang)


_CN_NUMERALS = "一二三四五六七八九十"


def chinese_numeral(n: int) -> str:
    """一 … 十, 十一 … 十九, then digits."""
    if 1 <= n <= 10:
        return _CN_NUMERALS[n - 1]
    if n < 20:
        return "十" + _CN_NUMERALS[n - 11]
    return str(n)


def section_number(n: int, lang: str) -> str:
    """（一）… in Chinese, 1. in English: how the source numbers its sections."""
    return Word.SECTION_NUMBER.text(lang, english_n=n, chinese_numeral=chinese_numeral(n))


def numbered(n: int, text: str, lang: str) -> str:
    """A report's part heading: 一、红色滞后督办清单 or 1. Red list."""
    return Word.PART_NUMBER.text(lang, english_n=n, chinese_numeral=chinese_numeral(n)) + text


def month_heading(period: str, lang: str) -> str:
    """`2025-10` as 截至2025年10月 or as of 2025-10."""
    year, month = period.split("-")
    return Word.MONTH_HEADING.text(lang, year=year, month=int(month))


def month_name(period: str, lang: str) -> str:
    """`2025-10` as 2025年10月 or 2025-10."""
    year, month = period.split("-")
    return Word.MONTH_SHORT.text(lang, year=year, month=int(month))


def month_of_year(period: str, lang: str) -> str:
    """`2025-10` as 10月 or 2025-10: a month in a chart of a one-year plan."""
    year, month = period.split("-")
    return Word.MONTH_OF_YEAR.text(lang, english_year=year, month=int(month))


def day_name(day: dt.date, lang: str) -> str:
    """A day as 2025年11月5日 or 2025-11-05."""
    return Word.DAY.text(lang, year=day.year, month=day.month, day=day.day)


def count_items(n: int, lang: str) -> str:
    """（11项） or  (11) after a heading."""
    return Word.COUNT_ITEMS.text(lang, n=n)


def joined(parts: list[str], lang: str) -> str:
    """Parts of a sentence: 甲，乙 or a, b."""
    return Word.LIST_SEPARATOR.text(lang).join(parts)
