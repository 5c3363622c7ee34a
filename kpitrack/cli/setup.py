"""The commands that look after the workspace: check, init, the merge driver, Tab
completion."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.shell_completion import get_completion_class

from ..app import setup as upkeep
from ..i18n.help import Help
from ..i18n.messages import Msg
from ..render.json_out import check_json
from ..render.terminal.messages import (
    check_lines,
    created_message,
)
from ..render.terminal.table import (
    print_lines,
)
from ..workspace.find import display_path
from ..workspace.git import run_merge_driver
from .help import Words, command, option
from .options import (
    format_option,
)
from .settings import Settings, out, today

SHELLS = ("bash", "zsh", "fish")


@command(help=Help.CHECK)
@format_option(("text", "json"), "text", Help.CHECK_FORMAT)
@click.pass_obj
def check(settings: Settings, fmt: str) -> None:

    found = upkeep.check(settings.workspace, today())
    lang, problems = settings.language(found.lang), found.problems
    if fmt == "json":
        out(check_json(problems, lang))
    else:
        lines, summary = check_lines(problems, found.targets, found.figures, lang)
        print_lines(settings.console(), lines)
        settings.note(summary)
    if any(p.severity == "error" for p in problems):
        sys.exit(1)

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
    path = upkeep.init(directory, today(), source, year, lang)
    settings.note(created_message(display_path(path), lang))

@command("merge-driver", help=Help.MERGE_DRIVER)
@click.argument("base", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("ours", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("theirs", type=click.Path(dir_okay=False, path_type=Path))
@click.argument("name", default="month file")
def merge_driver(base: Path, ours: Path, theirs: Path, name: str) -> None:

    sys.exit(run_merge_driver(base, ours, theirs, name))

@command(help=Help.COMPLETION)
@click.argument("shell", type=Words(SHELLS, {}))
def completion(shell: str) -> None:
    shell_class = get_completion_class(shell)
    assert shell_class is not None
    out(shell_class(click.get_current_context().find_root().command, {}, "kpitrack",
                    "_KPITRACK_COMPLETE").source())
