"""The `kpitrack` command group: global options, every command, and the one place a
domain error becomes one line on stderr (exit 1); usage errors exit 2."""

from __future__ import annotations

import gc
import importlib
from typing import Any

import click

from ..core.errors import KpiError, located
from ..i18n.base import LANGS
from ..i18n.help import Help
from ..i18n.reasons import os_reason
from . import completion as _completion  # noqa: F401  (registers the quoted bash completion)
from .help import KpiGroup, KpiOption, Words, error_language, option
from .settings import KpiFailure, Settings

# Every command, by name: the module that defines it. A command's module (and what it
# needs) is imported only when that command runs or its help is drawn, so `status` does
# not load what `import`, `export` or git need. This is the command line's one import
# by name; every other import sits at the top of its module.
COMMANDS = {
    "status": "reports", "show": "reports", "targets": "reports", "rules": "reports",
    "export": "papers", "owners": "papers", "notice": "papers",
    "remind": "collection", "sheet": "collection",
    "add": "records", "withdraw": "records", "import": "records", "respond": "records",
    "check": "setup", "init": "setup", "merge-driver": "setup", "completion": "setup",
}


class Kpitrack(KpiGroup):
    """Domain errors become one line on stderr and exit 1, never a traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def resolve_command(self, ctx: click.Context, args: list[str]
                        ) -> tuple[str | None, click.Command | None, list[str]]:
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as exc:  # suggest from every command's name
            raise click.exceptions.NoSuchCommand(exc.command_name, possibilities=COMMANDS,
                                                 ctx=ctx) from None

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = COMMANDS.get(cmd_name)
        if module is None:
            return None
        found = getattr(importlib.import_module(f"{__package__}.{module}"),
                        cmd_name.replace("-", "_").replace("import", "import_"), None)
        return found if isinstance(found, click.Command) else None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except KpiError as exc:
            lang = error_language(ctx)
            raise KpiFailure(exc.text(lang), lang) from None
        except OSError as exc:
            lang = error_language(ctx)
            reason = os_reason(exc).text(lang)
            filename = str(exc.filename) if exc.filename is not None else None
            raise KpiFailure(located(filename, None, reason), lang) from None


@click.group(cls=Kpitrack, context_settings={"help_option_names": ["-h", "--help"]})
@option("-C", "--workspace", metavar="DIR", is_eager=True, help=Help.OPT_WORKSPACE)
# Eager, as -C is: `kpitrack --lang en --help` already knows its language.
@option("--lang", type=Words(LANGS, {}), default=None, is_eager=True, help=Help.OPT_LANG)
@option("--color/--no-color", default=None, help=Help.OPT_COLOR)
@click.version_option(None, "--version", package_name="kpitrack",
                      message="kpitrack %(version)s", cls=KpiOption, help_id=Help.OPT_VERSION)
@click.pass_context
def cli(ctx: click.Context, workspace: str | None, lang: str | None,
        color: bool | None) -> None:
    ctx.obj = Settings(workspace, lang, color)


cli.help_id = Help.GROUP
cli.help = Help.GROUP.english


# Reading 100,000 figures creates millions of small objects and almost no cycles; with
# the default thresholds the cycle collector ran ~900 times and took 0.3 s of a first
# `status` on the benchmark's largest workspace. A run is short, so collect seldom.
GC_THRESHOLD = (100_000, 50, 1_000)


def main() -> None:
    gc.set_threshold(*GC_THRESHOLD)
    cli(prog_name="kpitrack")
