"""The commands that record: a figure, a withdrawal, a sheet, a unit's answer."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..app import answers, figures
from ..core.errors import KpiError
from ..i18n.base import Message
from ..i18n.help import Help
from ..i18n.messages import Msg
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
    found = answers.read_upload(file, sheet)
    if found.forms:
        _import_answers(settings, ws, found.forms, dry_run=dry_run, period=period, by=by)
        return
    lang, shown = settings.language(ws), display_path(file)
    outcome = figures.import_sheets(ws, file, found.sheets, dry_run=dry_run, correct=correct,
                                    strict=strict, period=period, by=by, now=now(),
                                    today=today())
    if outcome.bad and not dry_run:
        raise KpiError(_first_figure_error(shown, outcome))
    several = len(found.sheets) > 1
    for data, done in outcome.sheets:
        if several and not any(row.error or row.record for row in done.rows):
            continue  # a unit's worksheet left empty: counted in the summary
        imports.print_import(settings.console(),
                             imports.import_title(_in_sheet(shown, data.sheet, lang), dry_run,
                                                  lang),
                             done.rows, done.after, done.warnings, lang)
    if several:
        shown = Msg.WORKBOOK_SHEETS.text(lang, file=shown, n=len(found.sheets))
    paths = [display_path(p) for p in outcome.paths]
    settings.note(imports.import_message(shown, outcome.rows, paths, dry_run, lang))
    if outcome.bad:
        sys.exit(1)


def _in_sheet(shown: str, sheet: str | None, lang: str) -> str:
    return shown if sheet is None else Msg.IN_SHEET.text(lang, file=shown, sheet=sheet)


def _first_figure_error(shown: str, outcome: figures.SheetsImported) -> Message:
    """The first bad row, named by its worksheet, and how many more the sheets have."""
    bad = [(data, done.rows) for data, done in outcome.sheets if done.bad]
    data, rows = bad[0]
    elsewhere = sum(1 for _, others in bad[1:] for row in others if row.error)
    where = shown if data.sheet is None else Msg.IN_SHEET(file=shown, sheet=data.sheet)
    return imports.first_error(where, rows, elsewhere)


def _import_answers(settings: Settings, ws: Workspace, forms: tuple[ReplyForm, ...], *,
                    dry_run: bool, period: str | None, by: str) -> None:
    """Filled reply forms (a workbook's every one): each row's answer recorded as
    `respond` records one, all or none."""
    lang = settings.language(ws)
    outcome = answers.import_answers(ws, forms, dry_run=dry_run, period=period, by=by,
                                     now=now(), today=today())
    if outcome.bad and not dry_run:
        raise KpiError(_first_error(outcome))
    several = len(forms) > 1
    for form, rows in outcome.forms:
        if several and not any(row.error or row.response for row in rows):
            continue  # a unit's worksheet left empty: counted in the summary
        title = imports.import_title(_in_sheet(form.file, form.sheet, lang), dry_run, lang)
        replies.print_answers(settings.console(), title, rows, lang)
    shown = Msg.WORKBOOK_SHEETS.text(lang, file=forms[0].file, n=len(forms)) if several \
        else forms[0].file
    paths = [display_path(p) for p in outcome.paths]
    settings.note(replies.answers_message(shown, outcome.rows, paths, dry_run, lang))
    if outcome.bad:
        sys.exit(1)


def _first_error(outcome: answers.AnswersImported) -> Message:
    """The first bad row, named by its worksheet, and how many more the forms have."""
    bad = [(form, rows) for form, rows in outcome.forms if any(row.error for row in rows)]
    form, rows = bad[0]
    elsewhere = sum(1 for _, others in bad[1:] for row in others if row.error)
    return replies.first_error(form.where, rows, elsewhere)

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
