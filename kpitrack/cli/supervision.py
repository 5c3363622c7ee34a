"""The commands of the 督办 cycle: a unit's answer, the league table, the notices."""

from __future__ import annotations

from pathlib import Path

import click

from ..app import answers, reports
from ..core.supervision import notices
from ..render.docx_out import notices_docx
from ..render.json_out import dumps, notice_json
from ..render.notice import notice_markdown
from ..render.owners import owners_text
from ..render.terminal.layout import available_width
from ..render.terminal.messages import notices_message, responded_message
from ..render.terminal.table import owners_table, print_table
from ..workspace.find import display_path
from .completion import complete_owner, complete_target
from .options import format_option, output_option, wide_option
from .settings import Settings, now, out, output_format, today, write_output


@click.command()
@click.argument("target", shell_complete=complete_target)
@click.option("--reason", required=True, help="情况说明: why the target is behind.")
@click.option("--measures", required=True, help="整改措施: what the unit will do.")
@click.option("--by", default="", help="The unit answering, e.g. 科技创新局.")
@click.option("--period", metavar="YYYY-MM",
              help="The month the answer is for: 2025-10, 2025年10月 (default: last month).")
@click.option("--due", metavar="YYYY-MM-DD", help="When the measures take effect (整改时限).")
@click.pass_obj
def respond(settings: Settings, target: str, reason: str, measures: str, by: str,
            period: str | None, due: str | None) -> None:
    """Record a unit's answer on a target it is supervised on (督办).

    Appends a [[response]] record to responses/YYYY-MM.toml, never rewrites.
    A newer answer for the same target and month replaces the older one in
    reports; both stay in the file. The red list shows the latest answer
    given while the target has been red, or 未反馈.

    \b
    Examples:
      kpitrack respond key_labs --reason 认定周期长 --measures 6月底前完成2家申报 --by 科技创新局
      kpitrack respond 市级以上重点实验室 --period 2025-10 --reason … --measures … --due 2025-12-31
    """

    ws = settings.load(strict=False)
    response, path = answers.respond(ws, target, reason=reason, measures=measures, by=by,
                                     period=period, due=due, now=now(), today=today())
    out(responded_message(ws.target(response.target), response, display_path(path),
                          settings.language(ws)))


@click.command()
@click.option("--as-of", "as_of", metavar="M",
              help="Judge as of this month (default: the latest month holding any figure).")
@format_option(("table", "json", "csv", "md"))
@wide_option
@click.pass_obj
def owners(settings: Settings, as_of: str | None, fmt: str, wide: bool) -> None:
    """Put the responsible units side by side (晾晒): colours per unit, ranked.

    For each unit: how many of its targets are blue, green, yellow, red and
    without data, the total, and the share on track (blue and green among
    those with data). Best first; a tie goes to fewer red, then the name.
    Targets with no owner are counted under 未指定.

    \b
    Examples:
      kpitrack owners
      kpitrack owners --as-of 2025-06 --format md > units.md
      kpitrack owners --format json
    """
    ws = settings.load()
    lang = settings.language(ws)
    report = reports.status_report(ws, as_of, today())
    if fmt == "table":

        console = settings.console()
        width = available_width(console, wide)
        print_table(console, owners_table(report, lang, width), width)
        return

    out(owners_text(report, fmt, lang))


NOTICE_SUFFIXES = {".md": "md", ".markdown": "md", ".json": "json", ".docx": "docx"}


@click.command()
@click.option("--owner", shell_complete=complete_owner,
              help="Only this unit (a part of its name will do); else every unit with red "
                   "or yellow targets.")
@click.option("--as-of", "as_of", metavar="M",
              help="Judge as of this month (default: the latest month holding any figure).")
@format_option(("md", "docx", "json"), None,
               "md (default), docx (a Word document, each unit on a new page) or json. "
               "Without it, the -o file's extension decides.")
@output_option
@click.pass_obj
def notice(settings: Settings, owner: str | None, as_of: str | None, fmt: str | None,
           output: Path | None) -> None:
    """Write the 督办通知单: one notice per unit, its red items then its yellow ones.

    Each item gives the target, its figure, completion, time progress, gap,
    months red, the pace needed per month and the answer on record. The notice
    asks for the unit's answer by the as-of month's end plus [supervision]
    reply_days in targets.toml (5 by default).

    \b
    Examples:
      kpitrack notice --owner 科技创新局
      kpitrack notice -o notices.docx
      kpitrack notice --owner 科技创新局 --format json
    """

    ws = settings.load()
    lang = settings.language(ws)
    chosen = output_format(fmt, output, NOTICE_SUFFIXES, lang)
    report = reports.status_report(ws, as_of, today(), owner=owner)
    found = notices(report, every_unit=owner is not None)
    if chosen == "docx":

        data = notices_docx(found, report, lang)
    elif chosen == "json":

        data = (dumps(notice_json(found, report)) + "\n").encode("utf-8")
    else:
        data = notice_markdown(found, report, lang).encode("utf-8")
    if write_output(settings, output, data, chosen, lang) and output is not None:
        settings.note(notices_message(display_path(output), len(found), lang))


COMMANDS = (respond, owners, notice)
