"""The one place consoles are made, and the status colours of the terminal; rich decides
whether to use colour (NO_COLOR, FORCE_COLOR, a terminal or not)."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from ...core.model import Status

STATUS_STYLE = {Status.BLUE: "bold blue", Status.GREEN: "green", Status.YELLOW: "yellow",
                Status.RED: "bold red", Status.NONE: "bright_black"}


def make_console(stderr: bool = False, color: bool | None = None) -> Console:
    """`color` None lets rich detect; True forces colour; False turns it off."""
    kwargs: dict[str, Any] = {"stderr": stderr, "highlight": False, "markup": False,
                              "emoji": False}
    if color is True:
        kwargs["force_terminal"] = True
    elif color is False:
        kwargs["no_color"] = True
    return Console(**kwargs)
