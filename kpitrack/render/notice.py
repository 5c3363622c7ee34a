"""The supervision notice (dūbàn tōngzhīdān): one notice per unit, as Markdown, JSON or
(see docx_out) a Word document."""

from __future__ import annotations

import dataclasses
import datetime as dt

from ..core.model import Office
from ..core.report import ReportRow, StatusReport
from ..core.supervision import Notice
from ..i18n.reports import Say
from ..i18n.words import (
    Word,
    count_items,
    day_name,
    joined,
    month_name,
    numbered,
    section_number,
    word,
)
from . import safe
from .cells import human_cells, mark_notes


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
                                 red=len(notice.red), yellow=len(notice.yellow))


def reply_text(notice: Notice, lang: str) -> str:
    """What to send back, by when and how: the reply form, or in writing."""
    return Say.NOTICE_REPLY.text(lang, by=day_text(notice.reply_by, lang))


def notice_number(report: StatusReport, lang: str) -> str:
    """The notice's number: the prefix, the as-of month's year and month, so the same
    month's notices keep their number."""
    period = report.as_of.period
    prefix = report.plan.office.prefix or Say.NOTICE_PREFIX.text(lang)
    return Say.NOTICE_NUMBER.text(lang, prefix=prefix, year=period.year, month=period.month)


def contact_text(office: Office, lang: str) -> str:
    """The contact person and phone `[office]` gives, as a sentence; "" with neither."""
    if office.contact and office.phone:
        return Say.NOTICE_CONTACT_PHONE.text(lang, who=office.contact, phone=office.phone)
    if office.contact:
        return Say.NOTICE_CONTACT.text(lang, who=office.contact)
    return Say.NOTICE_PHONE.text(lang, phone=office.phone) if office.phone else ""


def signature(office: Office, issued: dt.date, lang: str) -> list[str]:
    """The issuing office (when `[office] name` gives it) and the day, under the notice."""
    return [line for line in (office.name, day_text(issued, lang)) if line]


def notice_notes(notice: Notice, report: StatusReport, lang: str) -> str:
    """A note on the marks the notice's items show (`*`, `✓`, `†`, `‡`); "" with none."""
    notes = mark_notes(dataclasses.replace(report, rows=(*notice.red, *notice.yellow)), lang)
    return Say.TABLE_NOTE.text(lang, notes=Word.NOTES_JOIN.text(lang).join(notes)) \
        if notes else ""


def notice_markdown(notices: list[Notice], report: StatusReport, lang: str,
                    issued: dt.date) -> str:
    """Every notice, one after another, as Markdown."""
    out: list[str] = []
    office = report.plan.office
    for notice in notices:
        unit = safe.markdown(unit_name(notice, lang))
        out += ["# " + Say.NOTICE_TITLE.text(lang, unit=unit), "",
                safe.markdown(notice_number(report, lang)), "",
                f"**{safe.markdown(report.plan.title)}**", "",
                Say.NOTICE_TO.text(lang, unit=unit), "", intro(notice, report, lang), "",
                reply_text(notice, lang), ""]
        contact = contact_text(office, lang)
        out += [safe.markdown(contact), ""] if contact else []
        groups = ((word("red_items", lang), notice.red), (word("yellow_items", lang),
                                                          notice.yellow))
        for number, (heading, rows) in enumerate(groups, start=1):
            out += [f"## {numbered(number, heading, lang)}{count_items(len(rows), lang)}", ""]
            if not rows:
                out += [word("none_items", lang), ""]
            for index, row in enumerate(rows, start=1):
                out += [f"### {section_number(index, lang)}{safe.markdown(row.target.name)}",
                        ""]
                out += ["- " + Word.LABELLED.text(lang, label=label, value=safe.markdown(value))
                        for label, value in item_facts(row, lang)]
                out.append("")
        notes = notice_notes(notice, report, lang)
        out += [safe.markdown(notes), ""] if notes else []
        out += ["  \n".join(safe.markdown(line) for line in signature(office, issued, lang)),
                ""]
    if not notices:  # a line that says so, as the Word and PDF notices do
        out = [Say.NOTICE_ROBOT_NONE.text(lang, month=month_name(str(report.as_of.period),
                                                                  lang))]
    return "\n".join(out).rstrip("\n") + "\n"
