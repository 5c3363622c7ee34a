"""The commands of the monthly routine: each parses its options, calls one use case in
`app`, and hands the result to a renderer."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.shell_completion import get_completion_class

from ..app import figures, reports
from ..app import workspace as setup
from ..core.errors import KpiError
from ..core.evaluate import any_at_least
from ..core.model import Status
from ..i18n.help import Help
from ..i18n.messages import Msg
from ..i18n.words import severity
from ..render.formats import EXPORT_SUFFIXES, export_bytes, status_text
from ..render.html.page import RED_CHARTS
from ..render.json_out import check_json, dumps, show_json, target_json
from ..render.terminal import imports
from ..render.terminal.messages import (
    check_lines,
    created_message,
    exported_message,
    problems_elsewhere,
    recorded_message,
)
from ..render.terminal.show import print_show
from ..render.terminal.table import print_lines, print_status, print_targets
from ..workspace.find import display_path
from ..workspace.git import run_merge_driver
from .completion import complete_target
from .help import Words, command, option
from .options import (
    as_of_option,
    colour_type,
    colours_type,
    figure_options,
    format_option,
    output_option,
    selection_options,
    statuses,
    wide_option,
)
from .settings import Settings, now, out, output_format, today, write_output

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


@command(help=Help.EXPORT)
@selection_options
@format_option(("md", "html", "csv", "json", "xlsx", "docx"), None, Help.EXPORT_FORMAT)
@output_option
@click.pass_obj
def export(settings: Settings, as_of: str | None, section: str | None, owner: str | None,
           fmt: str | None, output: Path | None) -> None:

    ws = settings.load()
    lang = settings.language(ws)
    chosen = output_format(fmt, output, EXPORT_SUFFIXES, lang)
    report = reports.status_report(ws, as_of, today(), section=section, owner=owner)
    histories = reports.red_histories(ws, report, RED_CHARTS) if chosen == "html" else None
    data = export_bytes(report, chosen, lang, histories)
    if write_output(settings, output, data, chosen, lang) and output is not None:
        settings.note(exported_message(display_path(output), report, lang))


# Negative figures (a growth of -0.6) must not be taken for options.
@command(help=Help.ADD, context_settings={"ignore_unknown_options": True})
@click.argument("target", shell_complete=complete_target)
@click.argument("value", required=False)
@figure_options
@option("--note", default="", help=Help.ADD_NOTE)
@option("--source", default="", help=Help.ADD_SOURCE)
@option("--done", is_flag=True, help=Help.ADD_DONE)
@option("--date", "done_date", metavar="YYYY-MM-DD", help=Help.ADD_DATE)
@click.pass_obj
def add(settings: Settings, target: str, value: str | None, period: str | None, by: str,
        correct: bool, strict: bool, note: str, source: str, done: bool,
        done_date: str | None) -> None:
    ws = settings.load(strict=False)
    done_ = figures.record_figure(ws, target, value, period=period, done=done, date=done_date,
                                  by=by, note=note, source=source, correct=correct,
                                  strict=strict, now=now(), today=today())
    _tell_recorded(settings, settings.language(ws), done_)


def _tell_recorded(settings: Settings, lang: str, done: figures.Recorded) -> None:

    for warning in done.warnings:
        settings.note(severity("warning", lang) + warning.text(lang))
    out(recorded_message(done.target, done.record, done.after, done.replaced,
                         display_path(done.path), lang))
    if done.problems_elsewhere:
        settings.note(problems_elsewhere(done.problems_elsewhere, lang))


@command(help=Help.WITHDRAW)
@click.argument("target", shell_complete=complete_target)
@option("--period", metavar="YYYY-MM", required=True, help=Help.WITHDRAW_PERIOD)
@option("--by", default="", help=Help.WITHDRAW_BY)
@option("--note", default="", help=Help.WITHDRAW_NOTE)
@click.pass_obj
def withdraw(settings: Settings, target: str, period: str, by: str, note: str) -> None:
    ws = settings.load(strict=False)
    done = figures.withdraw_figure(ws, target, period=period, by=by, note=note, now=now(),
                               today=today())
    _tell_recorded(settings, settings.language(ws), done)


@command("import", help=Help.IMPORT)
@click.argument("file", type=click.Path(path_type=Path))
@option("--dry-run", is_flag=True, help=Help.IMPORT_DRY_RUN)
@figure_options
@option("--sheet", metavar="NAME", help=Help.IMPORT_SHEET)
@click.pass_obj
def import_(settings: Settings, file: Path, dry_run: bool, period: str | None, by: str,
            correct: bool, strict: bool, sheet: str | None) -> None:

    ws = settings.load(strict=False)
    lang, shown = settings.language(ws), display_path(file)
    outcome = figures.import_sheet(ws, file, sheet=sheet, dry_run=dry_run, correct=correct,
                               strict=strict, period=period, by=by, now=now(), today=today())
    if outcome.bad and not dry_run:
        raise KpiError(imports.first_error(shown, outcome.rows))
    imports.print_import(settings.console(), imports.import_title(shown, dry_run, lang),
                         outcome.rows, outcome.after, outcome.warnings, lang)
    paths = [display_path(p) for p in outcome.paths]
    settings.note(imports.import_message(shown, outcome.rows, paths, dry_run, lang))
    if outcome.bad:
        sys.exit(1)


@command(help=Help.CHECK)
@format_option(("text", "json"), "text", Help.CHECK_FORMAT)
@click.pass_obj
def check(settings: Settings, fmt: str) -> None:

    found = setup.check(settings.workspace, today())
    lang, problems = settings.language(found.lang), found.problems
    if fmt == "json":
        out(check_json(problems, lang))
    else:
        lines, summary = check_lines(problems, found.targets, found.figures, lang)
        print_lines(settings.console(), lines)
        settings.note(summary)
    if any(p.severity == "error" for p in problems):
        sys.exit(1)


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


@command(help=Help.INIT)
@click.argument("directory", default=".", type=click.Path(path_type=Path))
@option("--from", "source", type=click.Path(path_type=Path), metavar="FILE",
        help=Help.INIT_FROM)
@option("--year", type=click.IntRange(1900, 2200), help=Help.INIT_YEAR)
@click.pass_obj
def init(settings: Settings, directory: Path, source: Path | None, year: int | None) -> None:
    lang = settings.language()
    if year is not None and source is None:
        raise click.UsageError(Msg.YEAR_NEEDS_FROM.text(lang))
    path = setup.init(directory, today(), source, year, lang)
    settings.note(created_message(display_path(path), lang))


@command("merge-driver", help=Help.MERGE_DRIVER)
@click.argument("base", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("ours", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("theirs", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("name", default="month file")
def merge_driver(base: Path, ours: Path, theirs: Path, name: str) -> None:

    sys.exit(run_merge_driver(base, ours, theirs, name))


SHELLS = ("bash", "zsh", "fish")


@command(help=Help.COMPLETION)
@click.argument("shell", type=Words(SHELLS, {}))
def completion(shell: str) -> None:
    shell_class = get_completion_class(shell)
    assert shell_class is not None
    out(shell_class(click.get_current_context().find_root().command, {}, "kpitrack",
                    "_KPITRACK_COMPLETE").source())


COMMANDS = (status, show, export, add, withdraw, import_, check, targets, init, merge_driver,
            completion)
