"""What the commands share: settings from the global options, the exit-1 error, shell
completion, and the option decorators several commands stack."""

from __future__ import annotations

from dataclasses import dataclass

import click

from . import app, store
from .model import Status


@dataclass
class Settings:
    workspace: str | None
    lang: str | None
    color: bool | None

    def load(self, strict: bool = True) -> store.Workspace:
        """Find and read the workspace; see `app.open_workspace`."""
        return app.open_workspace(self.workspace, strict)

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

    def note(self, text: str) -> None:
        """A message on stderr: one line in a pipe, wrapped to the width of a terminal."""
        from .render.table import print_lines

        print_lines(self.console(stderr=True), [text])


class KpiFailure(click.ClickException):
    """Exit 1 with one line on stderr, prefixed in the reader's language."""

    def __init__(self, message: str, lang: str) -> None:
        super().__init__(message)
        self.lang = lang

    def show(self, file=None) -> None:
        prefix = "错误：" if self.lang == "zh" else "Error: "
        click.echo(prefix + self.format_message(), err=True, file=file)


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


def statuses(text: str | None) -> set[Status] | None:
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
    return as_of_option("Judge as of this month: YYYY-MM, a date, or today (default: the "
                        "latest month holding any figure).")(func)


def as_of_option(help_text: str):
    return click.option("--as-of", "as_of", metavar="M", help=help_text)


def format_option(choices: tuple[str, ...], default: str | None = "table",
                  help_text: str = "Output format."):
    return click.option("--format", "fmt", type=click.Choice(choices), default=default,
                        show_default=default is not None, help=help_text)


def figure_options(func):
    """--period, --by, --correct and --strict, shared by add and import."""
    func = click.option("--strict", is_flag=True,
                        help="Refuse a figure that looks wrong (a fraction for a percentage, "
                             "a slip of magnitude, a growth beyond ±100%, a year-to-date "
                             "figure that falls) instead of recording it with a warning: "
                             "exit 1, nothing written.")(func)
    func = click.option("--correct", is_flag=True,
                        help="Replace the recorded figure for the period; the old record "
                             "stays as history.")(func)
    func = click.option("--by", default="", help="Who reports the figure(s), e.g. 统计局.")(func)
    return click.option("--period", metavar="YYYY-MM",
                        help="The month the figures run to: 2025-03, 2025/3, 2025年3月 or "
                             "2025Q1 (add: default last month; import: for rows whose period "
                             "cell is empty).")(func)


def wide_option(func):
    """--wide, for every command that draws a table."""
    return click.option("--wide", is_flag=True,
                        help="Every column, however wide the terminal (scroll, or pipe to "
                             "`less -S`). Without it a table fits the terminal: the least "
                             "needed columns go first and long names end in …")(func)
