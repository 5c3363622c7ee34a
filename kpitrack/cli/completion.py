"""Shell completion of target ids, sections and owners from the current workspace.

Completion runs inside the user's shell on every Tab: it must be quick and must never
print an error there, so any problem simply offers nothing.
"""

from __future__ import annotations

import re
import shlex

import click
from click.shell_completion import BashComplete, CompletionItem, add_completion_class

from ..workspace.find import find_workspace
from ..workspace.load import Workspace, load_workspace


def _completion_workspace(ctx: click.Context) -> Workspace | None:
    try:
        ws = load_workspace(find_workspace(ctx.find_root().params.get("workspace")))
    except Exception:  # a Tab must never print an error in the shell
        return None
    return ws if isinstance(ws, Workspace) else None


def _matching(values: dict[str, str], incomplete: str) -> list[CompletionItem]:
    """Values starting with what was typed, then those containing it (ids match names too)."""
    typed = incomplete.casefold()
    first = [v for v in values if v.casefold().startswith(typed)]
    more = [v for v, help_text in values.items() if v not in first
            and (typed in v.casefold() or typed in help_text.casefold())]
    return [CompletionItem(v, help=values[v] or None) for v in first + more]


def complete_target(ctx: click.Context, param: click.Parameter,
                    incomplete: str) -> list[CompletionItem]:
    ws = _completion_workspace(ctx)
    return _matching({t.id: t.name for t in ws.targets}, incomplete) if ws else []


def complete_section(ctx: click.Context, param: click.Parameter,
                     incomplete: str) -> list[CompletionItem]:
    ws = _completion_workspace(ctx)
    return _matching({t.section: "" for t in ws.targets if t.section}, incomplete) if ws else []


def complete_owner(ctx: click.Context, param: click.Parameter,
                   incomplete: str) -> list[CompletionItem]:
    ws = _completion_workspace(ctx)
    return _matching({t.owner: "" for t in ws.targets if t.owner}, incomplete) if ws else []


# Words bash reads as themselves (letters of any script, digits and a few marks).
_SHELL_SAFE = re.compile(r"[\w@%+=:,./-]+")


class QuotedBashComplete(BashComplete):
    """bash inserts what a completion gives as it is, so an owner named `$(rm -rf ~)`
    would be run when the line is entered: give every value shell-quoted. (zsh's compadd
    and fish quote what they insert themselves.)"""

    def format_completion(self, item: CompletionItem) -> str:
        value = item.value
        if item.type == "plain" and not _SHELL_SAFE.fullmatch(value):
            value = shlex.quote(value)
        return f"{item.type},{value}"


add_completion_class(QuotedBashComplete, "bash")
