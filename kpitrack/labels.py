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
}
KIND_NAMES = {
    "cumulative": ("累计", "cumulative"), "level": ("存量", "level"),
    "growth": ("增速", "growth"), "threshold": ("保持", "threshold"),
    "milestone": ("节点", "milestone"),
}


def word(key: str, lang: str) -> str:
    zh, en = _WORDS[key]
    return zh if lang == "zh" else en


def kind_name(kind: str, lang: str) -> str:
    zh, en = KIND_NAMES[kind]
    return zh if lang == "zh" else en


def status_label(status: Status, lang: str) -> str:
    return STATUS_LABELS[lang][status]


def month_heading(period: str, lang: str) -> str:
    """`2025-10` as 截至2025年10月 or as of 2025-10."""
    year, month = period.split("-")
    return f"截至{year}年{int(month)}月" if lang == "zh" else f"as of {period}"
