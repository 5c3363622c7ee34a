"""The legend's sentences, shared by the Markdown report and the workbook."""

from __future__ import annotations

from ..core.evaluate import plan_time_progress
from ..core.model import AsOf, PaceBands, Plan, Status
from ..i18n.words import status_label, word
from .cells import one_decimal, signed


def band_edges(bands: PaceBands) -> dict[Status, str]:
    """Each colour's range of the gap, as every legend writes it: `-5.0 ~ +10.0`."""
    return {
        Status.BLUE: f"≥ {signed(bands.blue)}",
        Status.GREEN: f"{signed(bands.green)} ~ {signed(bands.blue)}",
        Status.YELLOW: f"{signed(bands.yellow)} ~ {signed(bands.green)}",
        Status.RED: f"< {signed(bands.yellow)}",
        Status.NONE: "",
    }


def legend_items(plan: Plan, as_of: AsOf, lang: str) -> list[tuple[Status | None, str]]:
    """(status or None, sentence): the band edges, the milestone rule and the keys."""
    pace = plan.bands.pace
    diff = plan.bands.difference
    zh = lang == "zh"
    pp = "个百分点" if zh else " points"
    by_pace, by_diff = band_edges(pace), band_edges(diff)
    items: list[tuple[Status | None, str]] = []
    for status in (Status.BLUE, Status.GREEN, Status.YELLOW, Status.RED):
        label = status_label(status, lang)
        items.append((status, f"{label}：差距 {by_pace[status]}{pp}（增速、保持类 "
                              f"{by_diff[status]}）" if zh else
                      f"{label}: gap {by_pace[status]}{pp} (growth/threshold: "
                      f"{by_diff[status]})"))
    milestone = plan.bands.milestone
    calendar = one_decimal(plan_time_progress(plan, as_of.period))
    items += [
        (Status.NONE, status_label(Status.NONE, lang) + (
            "：尚无数据，或目标无法按进度衡量" if zh else ": no figure yet, or not measurable")),
        (None, "差距 = 完成率 − 时序进度；增速、保持类为实际值 − 目标值。时序进度按整月计算"
               f"（截至本月 {calendar}%）。" if zh else
               "Gap = completion − time progress; for growth and threshold targets, figure − "
               f"target. Time progress counts whole months ({calendar}% this month)."),
        (None, f"节点类：到期前{milestone.warn_days}天内未完成为黄色，超期未完成为红色，"
               f"提前{milestone.early_days}天以上完成为蓝色。" if zh else
               f"Milestones: yellow within {milestone.warn_days} days of the due date, red "
               f"when overdue, blue when done {milestone.early_days}+ days early."),
        (None, word("change_note", lang)),
        (None, word("trend_note", lang)),
        (None, f"{word('stale_note', lang)}；{word('assumed_note', lang)}" if zh else
               f"{word('stale_note', lang)}; {word('assumed_note', lang)}"),
    ]
    return items
