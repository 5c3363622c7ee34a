"""The commands of the 督办 cycle: a unit's answer, the league table, the notices."""

from __future__ import annotations

from pathlib import Path

import click

from . import app, store
from .options import (
    Settings,
    complete_owner,
    complete_target,
    format_option,
    now,
    out,
    output_format,
    output_option,
    today,
    wide_option,
    write_output,
)


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
    from .render.messages import responded_message

    ws = settings.load(strict=False)
    response, path = app.respond(ws, target, reason=reason, measures=measures, by=by,
                                 period=period, due=due, now=now(), today=today())
    out(responded_message(ws.target(response.target), response, store.display_path(path),
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
    report = app.status_report(settings.load(), as_of, today())
    lang = settings.language(report.plan)
    if fmt == "table":
        from .render.layout import available_width
        from .render.owners import owners_table
        from .render.table import print_table

        console = settings.console()
        width = available_width(console, wide)
        print_table(console, owners_table(report, lang, width), width)
        return
    from .render.owners import owners_text

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
    from .render.messages import notices_message
    from .render.notice import notice_json, notice_markdown
    from .report import notices

    chosen = output_format(fmt, output, NOTICE_SUFFIXES)
    report = app.status_report(settings.load(), as_of, today(), owner=owner)
    lang = settings.language(report.plan)
    found = notices(report, every_unit=owner is not None)
    if chosen == "docx":
        from .render.docx_out import notices_docx

        data = notices_docx(found, report, lang)
    elif chosen == "json":
        from .render.formats import dumps

        data = (dumps(notice_json(found, report)) + "\n").encode("utf-8")
    else:
        data = notice_markdown(found, report, lang).encode("utf-8")
    if write_output(settings, output, data, chosen):
        settings.note(notices_message(store.display_path(output), len(found), lang))


COMMANDS = (respond, owners, notice)
