"""The one place consoles are made, and the status colours of the terminal; rich decides
whether to use colour (NO_COLOR, FORCE_COLOR, a terminal or not)."""

from __future__ import annotations

import os
import sys
from typing import Any

from rich.console import Console

from ...core.model import Status

STATUS_STYLE = {Status.BLUE: "bold blue", Status.GREEN: "green", Status.YELLOW: "yellow",
                Status.RED: "bold red", Status.NONE: "bright_black"}


# Narrower than this, a COLUMNS setting is a mistake (COLUMNS=0 would draw nothing).
MIN_COLUMNS = 20


def columns_setting() -> int | None:
    """COLUMNS when it is a usable width; None when it is unset, not a number or too small."""
    text = os.environ.get("COLUMNS", "").strip()
    return int(text) if text.isdigit() and int(text) >= MIN_COLUMNS else None


def _terminal_width(stream: Any) -> int:
    try:
        return max(os.get_terminal_size(stream.fileno()).columns, MIN_COLUMNS)
    except (OSError, ValueError, AttributeError):
        return 80


def make_console(stderr: bool = False, color: bool | None = None) -> Console:
    """`color` None lets rich detect; True forces colour; False turns it off."""
    kwargs: dict[str, Any] = {"stderr": stderr, "highlight": False, "markup": False,
                              "emoji": False}
    if "COLUMNS" in os.environ and columns_setting() is None:
        # rich would take an unusable COLUMNS as it is: use the terminal's own width.
        kwargs["width"] = _terminal_width(sys.stderr if stderr else sys.stdout)
    if color is True:
        kwargs["force_terminal"] = True
    elif color is False:
        kwargs["no_color"] = True
    return Console(**kwargs)
