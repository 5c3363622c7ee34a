"""The notices' summary as a group robot's Markdown message (`notice --webhook`): the
month's count, then one line per unit with its red and yellow items by name."""

from __future__ import annotations

from ..core.report import StatusReport
from ..core.supervision import Notice
from ..i18n.reports import Say
from ..i18n.words import day_name, joined, month_name
from . import safe
from .notice import unit_name


def _unit_line(notice: Notice, lang: str) -> str:
    parts = []
    if notice.red:
        parts.append(Say.NOTICE_ROBOT_RED.text(lang, n=len(notice.red), names=joined(
            [safe.robot(r.target.name) for r in notice.red], lang)))
    if notice.yellow:
        parts.append(Say.NOTICE_ROBOT_YELLOW.text(lang, n=len(notice.yellow), names=joined(
            [safe.robot(r.target.name) for r in notice.yellow], lang)))
    return (f"**{safe.robot(unit_name(notice, lang))}**{Say.LEAD_COLON.text(lang)}"
            + Say.NOTICE_ROBOT_PARTS.text(lang).join(parts))


def notice_robot(notices: list[Notice], report: StatusReport, lang: str
                 ) -> tuple[str, list[str]]:
    """The message's title, and its blocks: the summary, then one line per unit."""
    month = month_name(str(report.as_of.period), lang)
    title = Say.NOTICE_ROBOT_TITLE.text(lang, month=month)
    listed = [n for n in notices if n.red or n.yellow]
    if not listed:
        return title, [f"### {title}\n{Say.NOTICE_ROBOT_NONE.text(lang, month=month)}"]
    summary = Say.NOTICE_ROBOT_SUMMARY.text(
        lang, month=month, units=len(listed), red=sum(len(n.red) for n in listed),
        yellow=sum(len(n.yellow) for n in listed), by=day_name(listed[0].reply_by, lang))
    return title, [f"### {title}\n{summary}", *(_unit_line(n, lang) for n in listed)]
