"""The supervision notice (dūbàn tōngzhīdān): one notice per unit, as Markdown, JSON or
(see docx_out) a Word document."""

from __future__ import annotations

import datetime as dt

from ..core.report import ReportRow, StatusReport
from ..core.supervision import Notice
from ..i18n.reports import Say
from ..i18n.words import (
    Word,
    count_items,
    day_name,
    joined,
    numbered,
    word,
)
from . import safe
from .cells import human_cells


def day_text(day: dt.date, lang: str) -> str:
    """A day as the notice writes it: year, month and day in Chinese; 2025-11-05 in
    English."""
    return day_name(day, lang)


def unit_name(notice: Notice, lang: str) -> str:
    return notice.owner or word("unassigned", lang)


def item_facts(row: ReportRow, lang: str) -> list[tuple[str, str]]:
    """(label, text) for one item: figure, completion, time progress, gap, months red, the
    pace needed and the answer on record."""
    cells = human_cells(row, lang)
    period = cells["period"]
    figure = Say.FIGURE_FOR.text(lang, value=cells["actual"], period=period) if period \
        else cells["actual"]
    status = joined([cells["status"], cells["supervision"]], lang) \
        if cells["supervision"] else cells["status"]
    facts = [("status", status),
             ("target", cells["target"]), ("actual", figure),
             ("completion", cells["completion"] and cells["completion"] + "%"),
             ("time_progress", cells["time_progress"] and cells["time_progress"] + "%"),
             ("gap", cells["gap"]), ("red_months", cells["red_months"]),
             ("needed", cells["needed"]),
             ("answer", cells["answer"] or word("no_answer", lang))]
    return [(word(key, lang), value) for key, value in facts if value]


def intro(notice: Notice, report: StatusReport, lang: str) -> str:
    period = report.as_of.period
    return Say.NOTICE_INTRO.text(lang, year=period.year, month=period.month,
                                 red=len(notice.red), yellow=len(notice.yellow),
                                 by=day_text(notice.reply_by, lang))


def notice_markdown(notices: list[Notice], report: StatusReport, lang: str) -> str:
    """Every notice, one after another, as Markdown."""
    out: list[str] = []
    for notice in notices:
        unit = safe.markdown(unit_name(notice, lang))
        out += ["# " + Say.NOTICE_TITLE.text(lang, unit=unit), "",
                f"**{safe.markdown(report.plan.title)}**", "", intro(notice, report, lang), ""]
        groups = ((word("red_items", lang), notice.red), (word("yellow_items", lang),
                                                          notice.yellow))
        for number, (heading, rows) in enumerate(groups, start=1):
            out += [f"## {numbered(number, heading, lang)}{count_items(len(rows), lang)}", ""]
            if not rows:
                out += [word("none_items", lang), ""]
            for index, row in enumerate(rows, start=1):
                out += [f"### {index}. {safe.markdown(row.target.name)}", ""]
                out += ["- " + Word.LABELLED.text(lang, label=label, value=safe.markdown(value))
                        for label, value in item_facts(row, lang)]
                out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
