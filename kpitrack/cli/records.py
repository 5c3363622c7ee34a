"""The commands that record: a figure, a withdrawal, a sheet, a unit's answer."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..app import answers, figures
from ..core.errors import KpiError
from ..i18n.help import Help
from ..i18n.words import severity
from ..render.terminal import answers as replies
from ..render.terminal import imports
from ..render.terminal.messages import (
    problems_elsewhere,
    recorded_message,
    responded_message,
)
from ..workspace.find import display_path
from ..workspace.load import Workspace
from ..workspace.reply_form import ReplyForm
from .completion import complete_target
from .help import command, option
from .options import (
    figure_options,
)
from .settings import Settings, now, out, today


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
    found = answers.read_upload(file, sheet)
    if isinstance(found, ReplyForm):
        _import_answers(settings, ws, found, dry_run=dry_run, period=period, by=by)
        return
    outcome = figures.import_sheet(ws, file, sheet=sheet, dry_run=dry_run, correct=correct,
                                   strict=strict, period=period, by=by, now=now(),
                                   today=today(), data=found)
    if outcome.bad and not dry_run:
        raise KpiError(imports.first_error(shown, outcome.rows))
    imports.print_import(settings.console(), imports.import_title(shown, dry_run, lang),
                         outcome.rows, outcome.after, outcome.warnings, lang)
    paths = [display_path(p) for p in outcome.paths]
    settings.note(imports.import_message(shown, outcome.rows, paths, dry_run, lang))
    if outcome.bad:
        sys.exit(1)

def _import_answers(settings: Settings, ws: Workspace, form: ReplyForm, *, dry_run: bool,
                    period: str | None, by: str) -> None:
    """A filled reply form: each row's answer recorded as `respond` records one."""
    lang = settings.language(ws)
    outcome = answers.import_answers(ws, form, dry_run=dry_run, period=period, by=by,
                                     now=now(), today=today())
    if outcome.bad and not dry_run:
        raise KpiError(replies.first_error(form.file, outcome.rows))
    replies.print_answers(settings.console(), imports.import_title(form.file, dry_run, lang),
                          outcome.rows, lang)
    paths = [display_path(p) for p in outcome.paths]
    settings.note(replies.answers_message(form.file, outcome.rows, paths, dry_run, lang))
    if outcome.bad:
        sys.exit(1)

@command(help=Help.RESPOND)
@click.argument("target", shell_complete=complete_target)
@option("--reason", required=True, help=Help.RESPOND_REASON)
@option("--measures", required=True, help=Help.RESPOND_MEASURES)
@option("--by", default="", help=Help.RESPOND_BY)
@option("--period", metavar="YYYY-MM", help=Help.RESPOND_PERIOD)
@option("--due", metavar="YYYY-MM-DD", help=Help.RESPOND_DUE)
@click.pass_obj
def respond(settings: Settings, target: str, reason: str, measures: str, by: str,
            period: str | None, due: str | None) -> None:

    ws = settings.load(strict=False)
    done = answers.respond(ws, target, reason=reason, measures=measures, by=by,
                           period=period, due=due, now=now(), today=today())
    lang = settings.language(ws)
    out(responded_message(ws.target(done.response.target), done.response,
                          display_path(done.path), lang))
    if done.not_behind is not None:
        settings.note(severity("note", lang) + done.not_behind.text(lang))
