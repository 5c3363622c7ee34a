"""The one place consoles are made; rich decides colour (NO_COLOR, FORCE_COLOR, TTY)."""

from __future__ import annotations

from rich.console import Console


def make_console(stderr: bool = False, color: bool | None = None) -> Console:
    """`color` None lets rich detect; True forces colour; False turns it off."""
    kwargs: dict = {"stderr": stderr, "highlight": False, "markup": False, "emoji": False}
    if color is True:
        kwargs["force_terminal"] = True
    elif color is False:
        kwargs["no_color"] = True
    return Console(**kwargs)
