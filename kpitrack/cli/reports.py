"""The commands that judge the workspace: status, show, targets."""

from __future__ import annotations

import sys

import click

from ..app import reports
from ..core.evaluate import any_at_least
from ..core.model import Status
from ..i18n.help import Help
from ..render.formats import status_text
from ..render.json_out import dumps, show_json, target_json
from ..render.rules import rules_report
from ..render.terminal.show import print_show
from ..render.terminal.table import (
    print_lines,
    print_status,
    print_targets,
)
from .completion import complete_target
from .help import command, option
from .options import (
    as_of_option,
    colour_type,
    colours_type,
    format_option,
    selection_options,
    statuses,
    wide_option,
)
from .settings import Settings, out, today

EXIT_FAIL_ON = 3


@command(help=Help.STATUS)
@selection_options
@option("--only", metavar="COLORS", type=colours_type(), help=Help.STATUS_ONLY)
@format_option(("table", "json", "csv", "md"))
@wide_option
@option("--fail-on", type=colour_type(), help=Help.STATUS_FAIL_ON)
@click.pass_obj
def status(settings: Settings, as_of: str | None, section: str | None, owner: str | None,
           only: tuple[str, ...] | None, fmt: str, wide: bool, fail_on: str | None) -> None:
    ws = settings.load()
    lang = settings.language(ws)
    report = reports.status_report(ws, as_of, today(), section=section, owner=owner,
                                   statuses=statuses(only))
    if fmt == "table":

        print_status(settings.console(), report, lang, wide)
    else:

        out(status_text(report, fmt, lang))
    if fail_on and any_at_least([r.status for r in report.rows], Status(fail_on)):
        sys.exit(EXIT_FAIL_ON)

@command(help=Help.SHOW)
@click.argument("target", shell_complete=complete_target)
@as_of_option(Help.SHOW_AS_OF)
@format_option(("table", "json"))
@wide_option
@click.pass_obj
def show(settings: Settings, target: str, as_of: str | None, fmt: str, wide: bool) -> None:
    ws = settings.load()
    lang = settings.language(ws)
    story = reports.target_detail(ws, target, as_of, today())
    if fmt == "json":

        out(dumps(show_json(story, lang)))
        return

    print_show(settings.console(), story, lang, wide)

@command(help=Help.TARGETS)
@format_option(("table", "json"))
@wide_option
@click.pass_obj
def targets(settings: Settings, fmt: str, wide: bool) -> None:
    ws = settings.load()
    if fmt == "json":

        out(dumps({"schema": 1, "targets": [target_json(t) for t in ws.targets]}))
        return

    print_targets(settings.console(), ws.plan, ws.targets, settings.language(ws), wide)


@command(help=Help.RULES)
@click.argument("target", required=False, shell_complete=complete_target)
@option("--section", help=Help.RULES_SECTION)
@click.pass_obj
def rules(settings: Settings, target: str | None, section: str | None) -> None:
    ws = settings.load()
    found = ws.target(target) if target is not None else None
    print_lines(settings.console(), rules_report(ws.plan, ws.targets, settings.language(ws),
                                                 found, section))
