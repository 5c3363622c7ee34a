"""The commands that write the meeting's papers: the report, the league table, the
notices."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from ..app import reports
from ..core.errors import KpiError
from ..core.report import StatusReport
from ..core.supervision import Notice, notices
from ..i18n.help import Help
from ..i18n.messages import Msg
from ..i18n.reports import Say
from ..i18n.words import day_name
from ..render.docx_out import notices_docx
from ..render.exports import export_bytes
from ..render.formats import EXPORT_SUFFIXES
from ..render.html.page import RED_CHARTS
from ..render.json_out import dumps, notice_json
from ..render.notice import notice_markdown
from ..render.notice_robot import notice_robot
from ..render.owners import owners_text
from ..render.pdf_out import notices_pdf
from ..render.reply_xlsx import items, reply_form_xlsx
from ..render.terminal.layout import available_width
from ..render.terminal.messages import (
    exported_message,
    notices_message,
)
from ..render.terminal.table import (
    owners_table,
    print_table,
)
from ..workspace.find import display_path
from .completion import complete_owner
from .help import command, option
from .options import (
    as_of_option,
    format_option,
    output_option,
    robot_options,
    selection_options,
    wide_option,
)
from .robot import send_to_robot
from .settings import Settings, out, output_format, today, write_output

NOTICE_SUFFIXES = {".md": "md", ".markdown": "md", ".json": "json", ".docx": "docx",
                   ".xlsx": "xlsx", ".pdf": "pdf"}


@command(help=Help.EXPORT)
@selection_options
@format_option(("md", "html", "csv", "json", "xlsx", "docx", "pdf"), None, Help.EXPORT_FORMAT)
@output_option
@click.pass_obj
def export(settings: Settings, as_of: str | None, section: str | None, owner: str | None,
           fmt: str | None, output: Path | None) -> None:

    ws = settings.load()
    lang = settings.language(ws)
    chosen = output_format(fmt, output, EXPORT_SUFFIXES, lang)
    report = reports.status_report(ws, as_of, today(), section=section, owner=owner)
    histories = reports.red_histories(ws, report, RED_CHARTS) if chosen == "html" else None
    data = export_bytes(report, chosen, lang, histories, today())
    if write_output(settings, output, data, chosen, lang) and output is not None:
        settings.note(exported_message(display_path(output), report, lang))

@command(help=Help.OWNERS)
@as_of_option(Help.OWNERS_AS_OF)
@format_option(("table", "json", "csv", "md"))
@wide_option
@click.pass_obj
def owners(settings: Settings, as_of: str | None, fmt: str, wide: bool) -> None:
    ws = settings.load()
    lang = settings.language(ws)
    report = reports.status_report(ws, as_of, today())
    if fmt == "table":

        console = settings.console()
        width = available_width(console, wide)
        print_table(console, owners_table(report, lang, width), width)
        return

    out(owners_text(report, fmt, lang))

@command(help=Help.NOTICE)
@option("--owner", shell_complete=complete_owner, help=Help.NOTICE_OWNER)
@as_of_option(Help.OWNERS_AS_OF)
@format_option(("md", "docx", "json", "xlsx", "pdf"), None, Help.NOTICE_FORMAT)
@output_option
@robot_options
@click.pass_obj
def notice(settings: Settings, owner: str | None, as_of: str | None, fmt: str | None,
           output: Path | None, webhook: str | None, robot_kind: str | None,
           secret: str | None) -> None:

    ws = settings.load()
    lang = settings.language(ws)
    chosen = output_format(fmt, output, NOTICE_SUFFIXES, lang)
    report = reports.status_report(ws, as_of, today(), owner=owner)
    found = notices(report)  # a unit with nothing red or yellow gets no notice
    issued = today()
    _deliver(settings, found, report, chosen, output, (webhook, robot_kind, secret), owner,
             lang, issued)
    if found and found[0].reply_by < issued:  # signed after the day it asks for answers
        settings.note(Say.NOTICE_PAST_DUE.text(lang, by=day_name(found[0].reply_by, lang),
                                               today=day_name(issued, lang)))


def _deliver(settings: Settings, found: list[Notice], report: StatusReport, chosen: str,
             output: Path | None, robot: tuple[str | None, str | None, str | None],
             owner: str | None, lang: str, issued: dt.date) -> None:
    """The notices to the group robot (`robot`: webhook, kind, secret), then to the -o
    file or stdout in the `chosen` format."""
    webhook, robot_kind, secret = robot
    if webhook is not None:
        title, blocks = notice_robot(found, report, lang)
        send_to_robot(settings, webhook, robot_kind, secret, title, blocks, lang)
        if output is None:
            return
    if chosen == "xlsx":
        _reply_forms(settings, found, report, output, lang, owner)
        return
    if chosen == "docx":
        data = notices_docx(found, report, lang, issued)
    elif chosen == "pdf":
        data = notices_pdf(found, report, lang, issued)
    elif chosen == "json":
        data = (dumps(notice_json(found, report, lang)) + "\n").encode("utf-8")
    else:
        data = notice_markdown(found, report, lang, issued).encode("utf-8")
    if write_output(settings, output, data, chosen, lang) and output is not None:
        settings.note(notices_message(display_path(output), len(found), lang))


def _reply_forms(settings: Settings, found: list[Notice], report: StatusReport,
                 output: Path | None, lang: str, owner: str | None) -> None:
    """Each unit's reply form, one worksheet per unit (`owner`: --owner, for the error)."""
    found = [n for n in found if items(n)]
    if not found:
        raise KpiError(Msg.NO_REPLY_ITEMS(owner=owner or Msg.ANY_UNIT(),
                                          period=report.as_of.period))
    data = reply_form_xlsx(found, report, lang)
    if write_output(settings, output, data, "xlsx", lang) and output is not None:
        settings.note(Msg.REPLY_FORM_WRITTEN.text(lang, path=display_path(output),
                                                  units=len(found),
                                                  n=sum(len(items(n)) for n in found)))
