"""Every fixed word the renderers print, in Chinese and English."""

from __future__ import annotations

from .model import Status

STATUS_LABELS = {
    "zh": {Status.BLUE: "蓝色·超前示范", Status.GREEN: "绿色·推进正常",
           Status.YELLOW: "黄色·超期预警", Status.RED: "红色·滞后督办",
           Status.NONE: "灰色·未报送"},
    "en": {Status.BLUE: "Ahead", Status.GREEN: "On track", Status.YELLOW: "Warning",
           Status.RED: "Lagging", Status.NONE: "No data"},
}
STATUS_SHORT = {
    "zh": {Status.BLUE: "蓝", Status.GREEN: "绿", Status.YELLOW: "黄", Status.RED: "红",
           Status.NONE: "未报送"},
    "en": {Status.BLUE: "ahead", Status.GREEN: "on track", Status.YELLOW: "warning",
           Status.RED: "lagging", Status.NONE: "no data"},
}
# The one-character status of a narrow terminal table; the legend spells each one out.
TABLE_SHORT = {
    "zh": {Status.BLUE: "蓝", Status.GREEN: "绿", Status.YELLOW: "黄", Status.RED: "红",
           Status.NONE: "灰"},
    "en": STATUS_LABELS["en"],
}
STATUS_EMOJI = {Status.BLUE: "🔵", Status.GREEN: "🟢", Status.YELLOW: "🟡", Status.RED: "🔴",
                Status.NONE: "⚪"}
STATUS_STYLE = {Status.BLUE: "bold blue", Status.GREEN: "green", Status.YELLOW: "yellow",
                Status.RED: "bold red", Status.NONE: "bright_black"}

_WORDS = {
    "status": ("状态", "Status"),
    "id": ("编号", "ID"),
    "name": ("指标", "Target"),
    "section": ("板块", "Section"),
    "kind": ("类型", "Kind"),
    "target": ("目标", "Goal"),
    "unit": ("单位", "Unit"),
    "actual": ("实际", "Actual"),
    "period": ("截至", "Period"),
    "completion": ("完成率", "Done %"),
    "time_progress": ("时序进度", "Time %"),
    "gap": ("差距", "Gap"),
    "forecast": ("预计全年", "Forecast"),
    "needed_per_month": ("需月均", "Needed/mo"),
    "owner": ("责任单位", "Owner"),
    "due": ("期限", "Due"),
    "direction": ("方向", "Direction"),
    "frequency": ("报送频次", "Frequency"),
    "last_year": ("上年", "Last year"),
    "as_of": ("截至", "As of"),
    "legend": ("图例", "Legend"),
    "count": ("合计", "Count"),
    "stale_note": ("* 数据未按期更新", "* figure is out of date"),
    "assumed_note": ("† 基数取首次报送值", "† baseline taken from the first figure"),
    "no_section": ("未分组", "Ungrouped"),
    "done": ("已完成", "done"),
    "not_done": ("未完成", "not done"),
    "targets_title": ("目标清单", "Targets"),
    "needed": ("需月均", "Needed/mo"),
    "previous": ("上月", "Last month"),
    "current": ("本月", "This month"),
    "chart_title": ("逐月进度（实际 █ 与计划 │）", "Month by month (actual █ against plan │)"),
    "chart_note": ("█ 完成率  │ 时序进度（计划）  ● 红色月份  右侧为完成率 / 时序进度、差距",
                   "█ completion  │ time progress (plan)  ● a red month  figures: completion / "
                   "time progress, gap"),
    "chart_note_rate": ("█ 实际值占目标的比例  │ 目标线  ● 红色月份  右侧为实际 / 目标、差距",
                        "█ figure as a share of the target  │ the target  ● a red month  "
                        "figures: actual / target, gap"),
    "figures_title": ("报送记录", "Figures"),
    "value": ("数值", "Value"),
    "row": ("行", "Row"),
    "action": ("操作", "Action"),
    "import_title": ("导入预览", "Import preview"),
    "problem": ("有问题，见下", "problem, see below"),
    "import_done": ("导入结果", "Import result"),
    "month": ("期间", "Period"),
    "recorded": ("录入时间", "Recorded"),
    "by": ("报送人", "By"),
    "note": ("备注", "Note"),
    "source": ("来源", "Source"),
    "where": ("位置", "Where"),
    "flags": ("标记", "Flags"),
    "no_figures": ("尚无报送记录", "no figures yet"),
    "baseline": ("基数", "Baseline"),
    "quote": ("原文", "Source text"),
    "freq_monthly": ("按月", "monthly"),
    "freq_quarterly": ("按季", "quarterly"),
    "freq_yearly": ("按年", "yearly"),
    "correction": ("更正", "correction"),
    "superseded": ("已被更正", "superseded"),
    "withdrawal": ("撤回", "withdrawal"),
    "taken_back": ("已撤回", "withdrawn"),
    "red_list": ("红色滞后督办清单", "Red list: lagging targets"),
    "supervision": ("督办", "Supervision"),
    "answer": ("情况说明与整改措施", "Reason and measures"),
    "no_answer": ("未反馈", "no answer yet"),
    "reason": ("原因", "Reason"),
    "measures": ("措施", "Measures"),
    "closed_list": ("本月销号", "Closed this month"),
    "red_items": ("红色滞后督办事项", "Lagging targets (red)"),
    "yellow_items": ("黄色预警提醒", "Warnings (yellow)"),
    "none_items": ("无。", "None."),
    "item": ("事项", "Item"),
    "pace_axis": ("完成率（%）；│ 为时序进度。增速、保持类为实际值占目标的比例，│ 为目标",
                  "Completion (%); │ is time progress. Growth and threshold targets: the "
                  "figure as a % of the target, │ the target"),
    "trend_rate": ("实际值占目标的比例", "figure as % of target"),
    "chart_colours": ("四色分布", "Colours"),
    "chart_pace": ("挂图作战", "Every target against the calendar"),
    "chart_units": ("责任单位", "Units"),
    "chart_red": ("红色督办：逐月进度", "Red items month by month"),
    "chart_data": ("图表数据", "Chart data"),
    "no_closed": ("本月无销号事项。", "No item was closed this month."),
    "league": ("责任单位推进情况晾晒", "Units side by side"),
    "unassigned": ("未指定", "Unassigned"),
    "rank": ("排名", "Rank"),
    "on_track": ("正常推进率", "On track %"),
    "total": ("合计", "Total"),
    "blue": ("蓝", "Blue"), "green": ("绿", "Green"), "yellow": ("黄", "Yellow"),
    "red": ("红", "Red"), "none": ("灰", "No data"),
    "no_red": ("本月无红色滞后督办指标。", "No target is red this month."),
    "changes": ("颜色变化", "Changed colour"),
    "no_changes": ("与上月相比，没有指标改变颜色。", "No target changed colour since last month."),
    "by_section": ("分板块推进情况", "By section"),
    "trend": ("趋势", "Trend"),
    "red_months": ("连续红色月数", "Months red"),
    "change": ("变化", "Change"),
    "example": ("示例", "example"),
    "example_note": ("注意：本报告含示例数据（非官方统计），不得作为正式统计引用。",
                     "Note: this report includes illustrative figures, NOT official statistics."),
    "change_note": ("变化：↑好转 ↓转差 ↕有无数据，箭头后为上月颜色",
                    "Change: ↑ better, ↓ worse, ↕ to or from no data; then last month's colour"),
    "trend_note": ("趋势：近6个月完成率，▁ 0% … █ ≥100%，· 无数据",
                   "Trend: completion over the last 6 months, ▁ 0% … █ ≥100%, · no data"),
}
KIND_NAMES = {
    "cumulative": ("累计", "cumulative"), "level": ("存量", "level"),
    "growth": ("增速", "growth"), "threshold": ("保持", "threshold"),
    "milestone": ("节点", "milestone"),
}


SUPERVISION = {
    "zh": {"new": "新增督办", "continuing": "持续督办（{n}个月）", "closed": "销号"},
    "en": {"new": "new", "continuing": "continuing ({n} months)", "closed": "closed"},
}


def supervision_label(state: str | None, months: int, lang: str) -> str:
    """新增督办, 持续督办（3个月）or 销号; empty when the target is not on the list."""
    return SUPERVISION[lang][state].format(n=months) if state else ""


def word(key: str, lang: str) -> str:
    zh, en = _WORDS[key]
    return zh if lang == "zh" else en


def kind_name(kind: str, lang: str) -> str:
    zh, en = KIND_NAMES[kind]
    return zh if lang == "zh" else en


def status_label(status: Status, lang: str) -> str:
    return STATUS_LABELS[lang][status]


_CN_NUMERALS = "一二三四五六七八九十"


def section_number(n: int, lang: str) -> str:
    """（一）… in Chinese, 1. in English: how the source numbers its sections."""
    if lang != "zh":
        return f"{n}. "
    if n <= 10:
        text = _CN_NUMERALS[n - 1]
    elif n < 20:
        text = "十" + _CN_NUMERALS[n - 11]
    else:
        text = str(n)
    return f"（{text}）"


def month_heading(period: str, lang: str) -> str:
    """`2025-10` as 截至2025年10月 or as of 2025-10."""
    year, month = period.split("-")
    return f"截至{year}年{int(month)}月" if lang == "zh" else f"as of {period}"


SEVERITY = {"zh": {"error": "错误：", "warning": "警告："},
            "en": {"error": "error: ", "warning": "warning: "}}
