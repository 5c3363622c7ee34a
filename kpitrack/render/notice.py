"""督办通知单: one notice per unit, as Markdown, JSON or (see docx_out) a Word document."""

from __future__ import annotations

import datetime as dt

from ..core.report import ReportRow, StatusReport
from ..core.supervision import Notice
from ..i18n.words import month_heading, status_label, word
from . import safe
from .cells import human_cells


def chinese_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def day_text(day: dt.date, lang: str) -> str:
    """2025年11月5日 in Chinese; 2025-11-05 in English."""
    return chinese_date(day) if lang == "zh" else day.isoformat()


def unit_name(notice: Notice, lang: str) -> str:
    return notice.owner or word("unassigned", lang)


def item_facts(row: ReportRow, lang: str) -> list[tuple[str, str]]:
    """(label, text) for one item: figure, completion, time progress, gap, months red, the
    pace needed and the answer on record."""
    cells = human_cells(row, lang)
    period = cells["period"]
    figure = f"{cells['actual']}（{period}）" if lang == "zh" and period else \
        f"{cells['actual']} ({period})" if period else cells["actual"]
    facts = [("status", f"{status_label(row.status, lang)}"
              + (f"，{cells['supervision']}" if lang == "zh" and cells["supervision"] else
                 f", {cells['supervision']}" if cells["supervision"] else "")),
             ("target", cells["target"]), ("actual", figure),
             ("completion", cells["completion"] and cells["completion"] + "%"),
             ("time_progress", cells["time_progress"] and cells["time_progress"] + "%"),
             ("gap", cells["gap"]), ("red_months", cells["red_months"]),
             ("needed", cells["needed"]),
             ("answer", cells["answer"] or word("no_answer", lang))]
    return [(word(key, lang), value) for key, value in facts if value]


def intro(notice: Notice, report: StatusReport, lang: str) -> str:
    as_of = month_heading(str(report.as_of.period), lang)
    by = day_text(notice.reply_by, lang)
    if lang == "zh":
        return (f"{as_of}，你单位负责的指标中有{len(notice.red)}项红色滞后、{len(notice.yellow)}项"
                f"黄色预警。请于{by}前反馈情况说明和整改措施"
                f"（`kpitrack respond 指标 --reason … --measures …`）。")
    return (f"{as_of.capitalize()}, {len(notice.red)} of your unit's targets are lagging (red) "
            f"and {len(notice.yellow)} are in warning (yellow). Please send the reason and "
            f"your measures by {by} (`kpitrack respond TARGET --reason … --measures …`).")


def notice_markdown(notices: list[Notice], report: StatusReport, lang: str) -> str:
    """Every notice, one after another, as Markdown."""
    zh = lang == "zh"
    out: list[str] = []
    for notice in notices:
        unit = safe.markdown(unit_name(notice, lang))
        out += [f"# 督办通知单：{unit}" if zh else f"# Supervision notice: {unit}", "",
                f"**{safe.markdown(report.plan.title)}**", "", intro(notice, report, lang), ""]
        groups = ((word("red_items", lang), notice.red), (word("yellow_items", lang),
                                                          notice.yellow))
        for number, (heading, rows) in enumerate(groups, start=1):
            count = f"（{len(rows)}项）" if zh else f" ({len(rows)})"
            out += [f"## {'一二'[number - 1]}、{heading}{count}" if zh else
                    f"## {number}. {heading}{count}", ""]
            if not rows:
                out += [word("none_items", lang), ""]
            for index, row in enumerate(rows, start=1):
                out += [f"### {index}. {safe.markdown(row.target.name)}", ""]
                out += [f"- {label}：{safe.markdown(value)}" if zh else
                        f"- {label}: {safe.markdown(value)}"
                        for label, value in item_facts(row, lang)]
                out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
