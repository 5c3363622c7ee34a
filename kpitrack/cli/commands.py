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
from .options import (
    as_of_option,
    figure_options,
    format_option,
    output_option,
    selection_options,
    statuses,
    wide_option,
)
from .settings import Settings, now, out, output_format, today, write_output

EXIT_FAIL_ON = 3

@click.command()
@selection_options
@click.option("--only", metavar="COLORS", help="Only these statuses, e.g. red,yellow.")
@format_option(("table", "json", "csv", "md"))
@wide_option
@click.option("--fail-on", type=click.Choice([s.value for s in Status]),
              help="Exit 3 if any target is this colour or worse (red > yellow > green > "
                   "blue; none matches only none).")
@click.pass_obj
def status(settings: Settings, as_of: str | None, section: str | None, owner: str | None,
           only: str | None, fmt: str, wide: bool, fail_on: str | None) -> None:
    """Show each target's completion, time progress, gap and colour.

    The table also shows the change since last month (↓黄: worse, it was
    yellow), a six-month trend of completion and how many months in a row a
    target has been red.

    \b
    Examples:
      kpitrack status
      kpitrack status --as-of 2025-06 --section 科技
      kpitrack status --only red --format md > red.md
      kpitrack status --format json --fail-on red   # exit 3 if anything is red
    """
    ws = settings.load()
    lang = settings.language(ws)
    report = reports.status_report(ws, as_of, today(), section=section, owner=owner,
                                   statuses=statuses(only, lang))
    if fmt == "table":

        print_status(settings.console(), report, lang, wide)
    else:

        out(status_text(report, fmt, lang))
    if fail_on and any_at_least([r.status for r in report.rows], Status(fail_on)):
        sys.exit(EXIT_FAIL_ON)


@click.command()
@click.argument("target", shell_complete=complete_target)
@as_of_option("Tell the story as of this month (default: the latest month holding any "
              "figure).")
@format_option(("table", "json"))
@wide_option
@click.pass_obj
def show(settings: Settings, target: str, as_of: str | None, fmt: str, wide: bool) -> None:
    """Tell one target's story: definition, figures, colour history and forecast.

    TARGET is a target id or its exact name. Corrections and the figures they
    replaced are marked; the chart draws completion (█) against the plan (│)
    month by month.

    \b
    Examples:
      kpitrack show fixed_investment
      kpitrack show 市级以上重点实验室 --as-of 2025-06
      kpitrack show key_labs --format json
    """
    ws = settings.load()
    lang = settings.language(ws)
    story = reports.target_detail(ws, target, as_of, today())
    if fmt == "json":

        out(dumps(show_json(story, lang)))
        return

    print_show(settings.console(), story, lang, wide)


@click.command()
@selection_options
@format_option(("md", "html", "csv", "json", "xlsx", "docx"), None,
               "md (default), html (one self-contained page with charts, to look at or "
               "print), csv (UTF-8 with a BOM, for Excel), json, xlsx (an Excel workbook, "
               "status cells filled in their colour) or docx (a Word document, A4 "
               "landscape). Without it, the -o file's extension decides.")
@output_option
@click.pass_obj
def export(settings: Settings, as_of: str | None, section: str | None, owner: str | None,
           fmt: str | None, output: Path | None) -> None:
    """Write the meeting report: Markdown, an HTML page, Word, CSV, Excel, or JSON.

    The Markdown and the Word document have a headline with the colour counts,
    the red list (红色滞后督办清单) with each item's supervision state and its
    unit's answer, the items closed (销号), the targets that changed colour,
    the units side by side (晾晒), one table per section and the legend. The
    workbook has one row per target, each status cell filled in its colour and
    keeping its label, and the legend on a second sheet. The HTML page adds
    four charts (the colours, every target against the calendar, the units,
    each red item month by month) and prints on A4 landscape.

    \b
    Examples:
      kpitrack export -o report.md
      kpitrack export -o report.html
      kpitrack export -o report.docx
      kpitrack export -o report.xlsx
      kpitrack export -o report.csv --as-of 2025-09
      kpitrack export --format json --section 产业 > industry.json
    """

    ws = settings.load()
    lang = settings.language(ws)
    chosen = output_format(fmt, output, EXPORT_SUFFIXES, lang)
    report = reports.status_report(ws, as_of, today(), section=section, owner=owner)
    histories = reports.red_histories(ws, report, RED_CHARTS) if chosen == "html" else None
    data = export_bytes(report, chosen, lang, histories)
    if write_output(settings, output, data, chosen, lang) and output is not None:
        settings.note(exported_message(display_path(output), report, lang))


# Negative figures (a growth of -0.6) must not be taken for options.
@click.command(context_settings={"ignore_unknown_options": True})
@click.argument("target", shell_complete=complete_target)
@click.argument("value", required=False)
@figure_options
@click.option("--note", default="", help="A note, e.g. 1—3月累计.")
@click.option("--source", default="", help="Where the figure comes from.")
@click.option("--done", is_flag=True, help="Mark a milestone as done.")
@click.option("--date", "done_date", metavar="YYYY-MM-DD", help="When a milestone was done.")
@click.pass_obj
def add(settings: Settings, target: str, value: str | None, period: str | None, by: str,
        correct: bool, strict: bool, note: str, source: str, done: bool,
        done_date: str | None) -> None:
    """Record a figure: appends to actuals/YYYY-MM.toml, never rewrites.

    VALUE may carry a magnitude or unit that converts to the target's unit:
    3500万 for a target in 亿元 is recorded as 0.35. A figure that looks
    wrong (0.048 for 4.8%, 6120 for 612) is recorded with a warning naming the
    likely figure; --strict refuses it. To take a figure back, see withdraw.

    \b
    Examples:
      kpitrack add fixed_investment 138.6 --period 2025-03 --note 1—3月累计
      kpitrack add fixed_investment 3500万 --period 2025年3月 --correct
      kpitrack add jialingjiang_lab --done --date 2025-06-18
    """
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


@click.command()
@click.argument("target", shell_complete=complete_target)
@click.option("--period", metavar="YYYY-MM", required=True,
              help="The month whose figure is taken back: 2025-03, 2025/3, 2025年3月.")
@click.option("--by", default="", help="Who takes it back, e.g. 统计局.")
@click.option("--note", default="", help="Why, e.g. 误录为本指标.")
@click.pass_obj
def withdraw(settings: Settings, target: str, period: str, by: str, note: str) -> None:
    """Take back the figure in force for a month (a figure recorded by mistake).

    Appends a record with withdrawn = true; nothing is deleted, and show lists
    it. Reports then use the figure in force before it (the one a correction
    replaced), or none, so the target goes back to its previous figure and
    colour. To replace a figure with another, use add --correct instead.

    \b
    Examples:
      kpitrack withdraw fixed_investment --period 2025-11 --note 误录
      kpitrack withdraw 年度投资 --period 2025年11月 --by 统计局
    """
    ws = settings.load(strict=False)
    done = figures.withdraw_figure(ws, target, period=period, by=by, note=note, now=now(),
                               today=today())
    _tell_recorded(settings, settings.language(ws), done)


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would be recorded; write nothing.")
@figure_options
@click.option("--sheet", metavar="NAME", help="The worksheet of an .xlsx file (default: the "
              "first).")
@click.pass_obj
def import_(settings: Settings, file: Path, dry_run: bool, period: str | None, by: str,
            correct: bool, strict: bool, sheet: str | None) -> None:
    """Record a department's sheet of figures: .csv or .xlsx, all rows or none.

    The columns are target (the id or the exact name), period and value, and
    optionally note, by, source and date; the Chinese headers 指标, 期间,
    数值, 备注, 报送单位, 来源 and 完成日期 work too, and other columns are
    ignored. CSV may be UTF-8 (with or without a BOM) or GB18030. Any bad row
    stops the import, naming its row number, and nothing is written. A row
    that repeats a recorded figure is skipped; one that differs needs
    --correct. A milestone's value may be 完成 / done. Cells are read as the
    sheet shows them (a 4.8% cell is 4.8; a cell formatted 0.00"亿元" is in
    亿元). Total rows (合计, 小计, Total) and blank rows are listed and skipped.
    A figure that looks wrong is imported with a warning; --strict refuses
    the whole sheet instead.

    \b
    Examples:
      kpitrack import 科技局2025-03.xlsx --dry-run
      kpitrack import 科技局2025-03.xlsx
      kpitrack import figures.csv --period 2025-03 --by 统计局
      kpitrack import revised.csv --correct
    """

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


@click.command()
@format_option(("text", "json"), "text",
               "text: one line per problem; json: {errors, warnings} with file, line, target "
               "and message.")
@click.pass_obj
def check(settings: Settings, fmt: str) -> None:
    """Validate targets.toml and every month file; exit 1 if there is an error.

    Every problem names its file and line.

    \b
    Examples:
      kpitrack check
      kpitrack check --format json
    """

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


@click.command()
@format_option(("table", "json"))
@wide_option
@click.pass_obj
def targets(settings: Settings, fmt: str, wide: bool) -> None:
    """List the targets defined in targets.toml.

    \b
    Examples:
      kpitrack targets
      kpitrack targets --format json
    """
    ws = settings.load()
    if fmt == "json":

        out(dumps({"schema": 1, "targets": [target_json(t) for t in ws.targets]}))
        return

    print_targets(settings.console(), ws.plan, ws.targets, settings.language(ws), wide)


@click.command()
@click.argument("directory", default=".", type=click.Path(file_okay=False, path_type=Path))
@click.option("--from", "source", type=click.Path(path_type=Path), metavar="FILE",
              help="Copy the plan and targets of this targets.toml (or workspace folder), "
                   "comments and all; no figures are copied.")
@click.option("--year", type=click.IntRange(1900, 2200),
              help="With --from: move the copy to this year (plan dates, milestone due "
                   "dates, the year in the title; last_year is dropped).")
@click.pass_obj
def init(settings: Settings, directory: Path, source: Path | None, year: int | None) -> None:
    """Create a workspace: targets.toml and an empty actuals/ folder.

    Without --from, targets.toml is a commented template that explains every
    field, with one example target of each kind. Nothing is ever overwritten.
    For git, it also writes .gitattributes (two clones' figures for one month
    merge record by record) and .gitignore (the lock in .kpitrack/).

    \b
    Examples:
      kpitrack init my-zone
      kpitrack -C my-zone check
      kpitrack init ../zone-2026 --from targets.toml --year 2026
    """

    if year is not None and source is None:
        raise click.UsageError(Msg.YEAR_NEEDS_FROM.text(settings.lang or "zh"))
    path = setup.init(directory, today(), source, year)
    settings.note(created_message(display_path(path), settings.lang or "zh"))


@click.command("merge-driver")
@click.argument("base", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("ours", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("theirs", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("name", default="month file")
def merge_driver(base: Path, ours: Path, theirs: Path, name: str) -> None:
    """Merge two clones' versions of a month file, record by record (git calls this).

    `kpitrack init` writes a .gitattributes naming this driver for
    actuals/*.toml, and every command that records figures registers it in the
    clone's git config. Records appended on both sides are all kept; the same
    record on both sides is kept once. A record edited or deleted on one side is
    a true conflict, marked by git as usual. Exit 0 when merged cleanly.

    \b
    Examples:
      kpitrack merge-driver base.toml ours.toml theirs.toml actuals/2025-03.toml
      git config merge.kpitrack.driver "kpitrack merge-driver %O %A %B %P"
    """

    sys.exit(run_merge_driver(base, ours, theirs, name))


SHELLS = ("bash", "zsh", "fish")


@click.command()
@click.argument("shell", type=click.Choice(SHELLS))
def completion(shell: str) -> None:
    """Print the script that turns on Tab completion in your shell.

    Target ids (and their names), sections and owners complete from the
    current workspace; commands and options complete everywhere.

    \b
    Examples:
      kpitrack completion bash >> ~/.bashrc
      kpitrack completion zsh >> ~/.zshrc
      kpitrack completion fish > ~/.config/fish/completions/kpitrack.fish
    """
    shell_class = get_completion_class(shell)
    assert shell_class is not None
    out(shell_class(click.get_current_context().find_root().command, {}, "kpitrack",
                    "_KPITRACK_COMPLETE").source())


COMMANDS = (status, show, export, add, withdraw, import_, check, targets, init, merge_driver,
            completion)
