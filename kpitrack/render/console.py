"""The one place consoles are made; rich decides colour (NO_COLOR, FORCE_COLOR, TTY)."""

from __future__ import annotations

from rich.console import Console

# A pipe or a file has no width of its own; tables get the room they need.
PIPE_WIDTH = 250


def make_console(stderr: bool = False, color: bool | None = None) -> Console:
    """`color` None lets rich detect; True forces colour; False turns it off."""
    kwargs: dict = {"stderr": stderr, "highlight": False, "markup": False, "emoji": False}
    if color is True:
        kwargs["force_terminal"] = True
    elif color is False:
        kwargs["no_color"] = True
    return Console(**kwargs)


def fit(console: Console) -> None:
    """Give a console writing to a pipe or file the width a wide table needs."""
    if not console.is_terminal:
        # Tables do not expand, so a wide console costs nothing but a measuring pass.
        console.width = max(console.width, PIPE_WIDTH)
