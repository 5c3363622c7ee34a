"""Click commands: parse options, call the core, choose a renderer, map errors to exit codes."""

from __future__ import annotations

import datetime as dt
import gc
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import click

# Only what every command needs; the reader (store) and the model are imported where used.
from . import store
from .catalogue import Msg
from .model import KpiError, Status

FORMATS_STATUS = ("table", "json", "csv", "md")
EXIT_FAIL_ON = 3


@dataclass
class Settings:
    workspace: str | None
    lang: str | None
    color: bool | None

    def load(self) -> store.Workspace:
        """Find and read the workspace; stop on its first error."""
        ws = store.load_workspace(store.find_workspace(self.workspace))
        ws.raise_first_error()
        return ws

    def language(self, source=None) -> str:
        """--lang, else plan.lang; `source` is a workspace or a plan."""
        plan = getattr(source, "plan", source)
        return self.lang or (plan.lang if plan else "zh")

    def error_language(self) -> str:
        """--lang, else the workspace's plan.lang, else Chinese."""
        return self.lang or store.peek_lang(self.workspace)

    def console(self, stderr: bool = False):
        from .render.console import make_console

        return make_console(stderr=stderr, color=self.color)


class KpiFailure(click.ClickException):
    """Exit 1 with one line on stderr, prefixed in the reader's language."""

    def __init__(self, message: str, lang: str) -> None:
        super().__init__(message)
        self.lang = lang

    def show(self, file=None) -> None:
        prefix = "错误：" if self.lang == "zh" else "Error: "
        click.echo(prefix + self.format_message(), err=True, file=file)


class KpiGroup(click.Group):
    """Domain errors become one line on stderr and exit 1, never a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KpiError as exc:
            lang = _error_language(ctx)
            raise KpiFailure(exc.text(lang), lang) from None
        except OSError as exc:
            from .catalogue import OsReason
            from .model import located

            lang = _error_language(ctx)
            reason = OsReason(exc.strerror or exc).text(lang)
            raise KpiFailure(located(exc.filename, None, reason), lang) from None


def _error_language(ctx: click.Context) -> str:
    settings = ctx.obj
    return settings.error_language() if isinstance(settings, Settings) else "zh"


def _version() -> str:
    from importlib.metadata import version

    return version("kpitrack")


def _today() -> dt.date:
    return dt.date.today()


def _out(text: str) -> None:
    click.echo(text, nl=not text.endswith("\n"))


@click.group(cls=KpiGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-C", "--workspace", metavar="DIR",
              help="Workspace folder (default: $KPITRACK_WORKSPACE, else the nearest folder "
                   "with targets.toml).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None,
              help="Label language (default: plan.lang in targets.toml).")
@click.option("--color/--no-color", default=None,
              help="Force colour on or off (default: detect; NO_COLOR is honoured).")
@click.version_option(version=None, package_name="kpitrack", message="kpitrack %(version)s")
@click.pass_context
def cli(ctx: click.Context, workspace: str | None, lang: str | None,
        color: bool | None) -> None:
    """Track annual targets against the calendar (时间过半、任务过半).

    Targets live in targets.toml, monthly figures in actuals/YYYY-MM.toml.

    \b
    Examples:
      kpitrack status                    # four-colour table as of the latest month
      kpitrack status --only red,yellow  # what needs attention
      kpitrack show fixed_investment     # one target's story
      kpitrack export -o report.md       # the meeting report
      kpitrack add fixed_investment 138.6 --period 2025-03
      kpitrack import 科技局3月.xlsx --dry-run  # preview a department's sheet
      kpitrack check                     # validate every file
    """
    ctx.obj = Settings(workspace, lang, color)


# ---------------------------------------------------------------- shell completion
# Completion runs inside the user's shell on every Tab: it must be quick and must
# never print an error there, so any problem simply offers nothing.


def _completion_workspace(ctx: click.Context) -> store.Workspace | None:
    try:
        ws = store.load_workspace(store.find_workspace(ctx.find_root().params.get("workspace")))
    except Exception:
        return None
    return ws if ws.plan is not None else None


def _matching(values: dict[str, str], incomplete: str) -> list:
    """Values starting with what was typed, then those containing it (ids match names too)."""
    from click.shell_completion import CompletionItem

    typed = incomplete.casefold()
    first = [v for v in values if v.casefold().startswith(typed)]
    more = [v for v, help_text in values.items() if v not in first
            and (typed in v.casefold() or typed in help_text.casefold())]
    return [CompletionItem(v, help=values[v] or None) for v in first + more]


def complete_target(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
    ws = _completion_workspace(ctx)
    return _matching({t.id: t.name for t in ws.targets}, incomplete) if ws else []


def complete_section(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
    ws = _completion_workspace(ctx)
    return _matching({t.section: "" for t in ws.targets if t.section}, incomplete) if ws else []


def complete_owner(ctx: click.Context, param: click.Parameter, incomplete: str) -> list:
    ws = _completion_workspace(ctx)
    return _matching({t.owner: "" for t in ws.targets if t.owner}, incomplete) if ws else []


def _statuses(text: str | None) -> set[Status] | None:
    if not text:
        return None
    chosen = set()
    for part in text.replace("，", ",").split(","):
        part = part.strip().lower()
        if part not in {s.value for s in Status}:
            raise click.BadParameter(f"{part!r} is not one of blue, green, yellow, red, none",
                                     param_hint="--only")
        chosen.add(Status(part))
    return chosen


def selection_options(func):
    """--as-of, --section and --owner, shared by status and export."""
    func = click.option("--owner", shell_complete=complete_owner,
                        help="Only targets of this owner (a part of its name will do).")(func)
    func = click.option("--section", shell_complete=complete_section,
                        help="Only targets of this section (a part of its name will do).")(func)
    return click.option("--as-of", "as_of", metavar="M",
                        help="Judge as of this month: YYYY-MM, a date, or today (default: the "
                             "latest month holding any figure).")(func)


def _result(settings: Settings, as_of: str | None, section: str | None, owner: str | None,
            statuses: set[Status] | None = None):
    """The evaluated workspace, selected."""
    from .evaluate import evaluate, select

    ws = settings.load()
    result = evaluate(ws.plan, ws.targets, ws.actuals, _as_of(ws, as_of))
    return select(result, section=section, owner=owner, statuses=statuses)


@cli.command()
@selection_options
@click.option("--only", metavar="COLORS", help="Only these statuses, e.g. red,yellow.")
@click.option("--format", "fmt", type=click.Choice(FORMATS_STATUS), default="table",
              show_default=True, help="Output format.")
@click.option("--fail-on", type=click.Choice([s.value for s in Status]),
              help="Exit 3 if any target is this colour or worse (red > yellow > green > "
                   "blue; none matches only none).")
@click.pass_obj
def status(settings: Settings, as_of: str | None, section: str | None, owner: str | None,
           only: str | None, fmt: str, fail_on: str | None) -> None:
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
    result = _result(settings, as_of, section, owner, _statuses(only))
    lang = settings.language(result.plan)
    if fmt == "table":
        from .render.table import print_status

        print_status(settings.console(), result, lang)
    else:
        _out(_status_text(result, fmt, lang))
    _exit_if_failing(fail_on, [r.status for r in result.rows])


def _status_text(result, fmt: str, lang: str) -> str:
    if fmt == "json":
        from .render.rows import result_json

        return _json(result_json(result))
    if fmt == "csv":
        from .render.csv_out import status_csv

        return status_csv(result, lang)
    from .render.markdown import status_markdown

    return status_markdown(result, lang)


def _exit_if_failing(fail_on: str | None, statuses: list[Status]) -> None:
    """--fail-on: exit 3 if any status is that colour or worse."""
    if not fail_on:
        return
    from .evaluate import any_at_least

    if any_at_least(statuses, Status(fail_on)):
        sys.exit(EXIT_FAIL_ON)


@cli.command()
@click.argument("target", shell_complete=complete_target)
@click.option("--as-of", "as_of", metavar="M",
              help="Tell the story as of this month (default: the latest month holding any "
                   "figure).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")
@click.pass_obj
def show(settings: Settings, target: str, as_of: str | None, fmt: str) -> None:
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
    from .evaluate import detail

    ws = settings.load()
    lang = settings.language(ws)
    chosen = ws.target(target)
    story = detail(ws.plan, chosen, ws.actuals, _as_of(ws, as_of))
    if fmt == "json":
        from .render.show import show_json

        _out(_json(show_json(story, lang)))
        return
    from .render.show import show_renderable
    from .render.table import print_fitted

    print_fitted(settings.console(), show_renderable(story, lang))


EXPORT_SUFFIXES = {".md": "md", ".markdown": "md", ".csv": "csv", ".json": "json",
                   ".xlsx": "xlsx"}


def _export_format(fmt: str | None, output: Path | None) -> str:
    """--format wins; else the -o file's extension; else Markdown."""
    if fmt:
        return fmt
    if output is None:
        return "md"
    found = EXPORT_SUFFIXES.get(output.suffix.lower())
    if found is None:
        raise click.UsageError(f"cannot tell the format from {output.name!r}; use a .md, .csv, "
                               ".json or .xlsx file, or give --format")
    return found


@cli.command()
@selection_options
@click.option("--format", "fmt", type=click.Choice(["md", "csv", "json", "xlsx"]), default=None,
              help="md (default), csv (UTF-8 with a BOM, for Excel), json, or xlsx (an Excel "
                   "workbook, status cells filled in their colour). Without it, the -o "
                   "file's extension decides.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write to this file instead of stdout (replaced whole, atomically).")
@click.pass_obj
def export(settings: Settings, as_of: str | None, section: str | None, owner: str | None,
           fmt: str | None, output: Path | None) -> None:
    """Write the meeting report: Markdown, CSV or an Excel workbook, or JSON.

    The Markdown has a headline with the colour counts, the red list
    (红色滞后督办清单) with owners, gaps and the pace needed, the targets that
    changed colour since last month, one table per section and the legend.
    The workbook has one row per target, each status cell filled in its
    colour and keeping its label, and the legend on a second sheet.

    \b
    Examples:
      kpitrack export -o report.md
      kpitrack export -o report.xlsx
      kpitrack export -o report.csv --as-of 2025-09
      kpitrack export --format json --section 产业 > industry.json
    """

    chosen = _export_format(fmt, output)
    result = _result(settings, as_of, section, owner)
    lang = settings.language(result.plan)
    if chosen == "xlsx" and output is None and sys.stdout.isatty():
        raise click.UsageError("a workbook is not text: give -o report.xlsx, or redirect "
                               "stdout to a file")
    data = _export_bytes(result, chosen, lang)
    if output is None:
        if chosen == "xlsx":
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        else:
            _out(data.decode("utf-8"))
        return
    store.write_report(store.find_workspace(settings.workspace), output, data)
    from .render.messages import exported_message

    click.echo(exported_message(store.display_path(output), result, lang), err=True)


def _export_bytes(result, chosen: str, lang: str) -> bytes:
    if chosen == "xlsx":
        from .render.xlsx_out import status_xlsx

        return status_xlsx(result, lang)
    if chosen == "json":
        from .render.rows import result_json

        text = _json(result_json(result)) + "\n"
    elif chosen == "csv":
        from .render.csv_out import status_csv

        text = status_csv(result, lang, bom=True)
    else:
        from .render.markdown import report_markdown

        text = report_markdown(result, lang)
    return text.encode("utf-8")


def _json(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)


def _as_of(ws: store.Workspace, text: str | None):
    from .evaluate import resolve_as_of
    from .parse import parse_month_or_date

    assert ws.plan is not None
    if text is None:
        return resolve_as_of(ws.plan, ws.actuals)
    period, day = parse_month_or_date(text, _today())
    if period < ws.plan.first_period:
        raise KpiError(Msg.AS_OF_BEFORE_PLAN(period=period, first=ws.plan.first_period))
    return resolve_as_of(ws.plan, ws.actuals, period, day)


# Negative figures (a growth of -0.6) must not be taken for options.
@cli.command(context_settings={"ignore_unknown_options": True})
@click.argument("target", shell_complete=complete_target)
@click.argument("value", required=False)
@click.option("--period", metavar="YYYY-MM",
              help="The month the figure runs to: 2025-03, 2025/3, 2025年3月 or 2025Q1 "
                   "(default: last month).")
@click.option("--by", default="", help="Who reports the figure.")
@click.option("--note", default="", help="A note, e.g. 1—3月累计.")
@click.option("--source", default="", help="Where the figure comes from.")
@click.option("--correct", is_flag=True,
              help="Replace this period's figure; the old record stays as history.")
@click.option("--done", is_flag=True, help="Mark a milestone as done.")
@click.option("--date", "done_date", metavar="YYYY-MM-DD", help="When a milestone was done.")
@click.pass_obj
def add(settings: Settings, target: str, value: str | None, period: str | None, by: str,
        note: str, source: str, correct: bool, done: bool, done_date: str | None) -> None:
    """Record a figure: appends to actuals/YYYY-MM.toml, never rewrites.

    VALUE may carry a magnitude or unit that converts to the target's unit:
    3500万 for a target in 亿元 is recorded as 0.35.

    \b
    Examples:
      kpitrack add fixed_investment 138.6 --period 2025-03 --note 1—3月累计
      kpitrack add fixed_investment 3500万 --period 2025年3月 --correct
      kpitrack add jialingjiang_lab --done --date 2025-06-18
    """
    from .entry import build_actual, default_period
    from .evaluate import status_after
    from .parse import parse_date, parse_period
    from .vcs import register_merge_driver

    ws = store.load_workspace(store.find_workspace(settings.workspace))
    # A broken month file elsewhere must not stop a department recording its figure.
    ws.raise_first_error(only_targets_file=True)
    lang = settings.language(ws)
    chosen = ws.target(target)
    today = _today()
    record = build_actual(
        ws.plan, chosen, value=value,
        period=parse_period(period) if period else default_period(today),
        done=done, date=parse_date(done_date) if done_date else None, by=by, note=note,
        source=source, correct=correct, now=dt.datetime.now().astimezone().replace(microsecond=0),
        today=today)
    path = store.append_actual(ws, record, correct)
    register_merge_driver(ws.root)
    records = [a for a in ws.actuals if a.target == chosen.id] + [record]
    ev = status_after(ws.plan, chosen, records, record.period)
    from .render.messages import recorded_message

    _out(recorded_message(chosen, record, ev, store.display_path(path), lang))
    if ws.errors:
        from .render.messages import problems_elsewhere

        click.echo(problems_elsewhere(len(ws.errors), lang), err=True)


@cli.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--dry-run", is_flag=True, help="Show what would be recorded; write nothing.")
@click.option("--correct", is_flag=True,
              help="Rows that differ from a recorded figure replace it (as corrections).")
@click.option("--period", metavar="YYYY-MM",
              help="The period for rows whose period cell is empty or missing.")
@click.option("--by", default="", help="Who reports the figures, for rows without a by column.")
@click.option("--sheet", metavar="NAME", help="The worksheet of an .xlsx file (default: the "
              "first).")
@click.pass_obj
def import_(settings: Settings, file: Path, dry_run: bool, correct: bool, period: str | None,
            by: str, sheet: str | None) -> None:
    """Record a department's sheet of figures: .csv or .xlsx, all rows or none.

    The columns are target (the id or the exact name), period and value, and
    optionally note, by, source and date; the Chinese headers 指标, 期间,
    数值, 备注, 报送单位, 来源 and 完成日期 work too, and other columns are
    ignored. CSV may be UTF-8 (with or without a BOM) or GB18030. Any bad row
    stops the import, naming its row number, and nothing is written. A row
    that repeats a recorded figure is skipped; one that differs needs
    --correct. A milestone's value may be 完成 / done.

    \b
    Examples:
      kpitrack import 科技局2025-03.xlsx --dry-run
      kpitrack import 科技局2025-03.xlsx
      kpitrack import figures.csv --period 2025-03 --by 统计局
      kpitrack import revised.csv --correct
    """
    from .entry import plan_import, statuses_after_import
    from .parse import parse_period
    from .render import imports
    from .render.table import print_fitted
    from .vcs import register_merge_driver

    ws = store.load_workspace(store.find_workspace(settings.workspace))
    ws.raise_first_error(only_targets_file=True)
    lang = settings.language(ws)
    shown = store.display_path(file)
    data = store.read_sheet(file, sheet)
    if not data.rows:
        raise KpiError(Msg.NO_ROWS(file=shown, row=data.header_row))
    rows = plan_import(ws.plan, ws.targets, ws.actuals, data.rows, file=file.name,
                       correct=correct, period=parse_period(period) if period else None, by=by,
                       source=file.name, now=dt.datetime.now().astimezone().replace(microsecond=0),
                       today=_today())
    bad = any(row.error for row in rows)
    if bad and not dry_run:
        raise KpiError(imports.first_error(shown, rows))
    written = [row.record for row in rows if row.writes and row.record]
    after = statuses_after_import(ws.plan, ws.actuals, rows)
    paths = [] if dry_run or bad else store.append_actuals(ws, written)
    if paths:
        register_merge_driver(ws.root)
    title = imports.import_title(shown, dry_run, lang)
    print_fitted(settings.console(), imports.import_table(title, rows, after, lang))
    click.echo(imports.import_message(shown, rows, [store.display_path(p) for p in paths],
                                      dry_run, lang), err=True)
    if bad:
        sys.exit(1)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True,
              help="text: one line per problem; json: {errors, warnings} with file, line, "
                   "target and message.")
@click.pass_obj
def check(settings: Settings, fmt: str) -> None:
    """Validate targets.toml and every month file; exit 1 if there is an error.

    Every problem names its file and line.

    \b
    Examples:
      kpitrack check
      kpitrack check --format json
    """
    from .checks import plausibility
    from .labels import SEVERITY
    from .render.messages import check_summary, problem_json
    ws = store.load_workspace(store.find_workspace(settings.workspace))
    lang = settings.language(ws)
    problems = list(ws.problems)
    if ws.plan is not None:
        problems += plausibility(ws.targets, ws.actuals, _today())
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    if fmt == "json":
        _out(json.dumps({"errors": [problem_json(p, lang) for p in errors],
                         "warnings": [problem_json(p, lang) for p in warnings]},
                        ensure_ascii=False, indent=2))
    else:
        for problem in problems:
            click.echo(SEVERITY[lang][problem.severity] + problem.text(lang))
        click.echo(check_summary(len(ws.targets), len(ws.actuals), len(errors), len(warnings),
                                 lang), err=True)
    if errors:
        sys.exit(1)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")
@click.pass_obj
def targets(settings: Settings, fmt: str) -> None:
    """List the targets defined in targets.toml.

    \b
    Examples:
      kpitrack targets
      kpitrack targets --format json
    """
    from .render.rows import target_json

    ws = settings.load()
    if fmt == "json":
        _out(json.dumps({"schema": 1, "targets": [target_json(t) for t in ws.targets]},
                        ensure_ascii=False, indent=2))
        return
    from .render.table import print_fitted, targets_table

    print_fitted(settings.console(), targets_table(ws.plan, ws.targets, settings.language(ws)))


@cli.command()
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
        raise click.UsageError("--year moves a copied plan; give --from FILE too")
    from .workspace_init import init_workspace

    path = init_workspace(directory, _today().year, source, year)
    from .render.messages import created_message

    click.echo(created_message(store.display_path(path), settings.lang or "zh"), err=True)


@cli.command("merge-driver")
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
    from .vcs import run_merge_driver

    sys.exit(run_merge_driver(base, ours, theirs, name))


SHELLS = ("bash", "zsh", "fish")


@cli.command()
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
    from click.shell_completion import get_completion_class

    shell_class = get_completion_class(shell)
    assert shell_class is not None
    _out(shell_class(cli, {}, "kpitrack", "_KPITRACK_COMPLETE").source())


# Reading 100,000 figures creates millions of small objects and almost no cycles; with
# the default thresholds the cycle collector ran ~900 times and took 0.3 s of a first
# `status` on the benchmark's largest workspace. A run is short, so collect seldom.
GC_THRESHOLD = (100_000, 50, 1_000)


def main() -> None:
    gc.set_threshold(*GC_THRESHOLD)
    cli(prog_name="kpitrack")
