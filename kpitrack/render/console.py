"""The one place consoles are made; rich decides colour (NO_COLOR, FORCE_COLOR, TTY)."""

from __future__ import annotations

import os
from pathlib import Path

import rich
from rich.console import Console

# A pipe or a file has no width of its own; tables get the room they need.
PIPE_WIDTH = 250
# Windows consoles lose text in writes over 32 KB (python/cpython#82052): rich writes
# in pieces below that, and so does `write_drawn`. 8,192 characters of up to 4 bytes.
_MAX_WRITE = 32 * 1024 // 4


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


def profile(console: Console) -> tuple | None:
    """What rich decided about this output, on which drawn text depends.

    It keys the cache of a drawn table, so the same table is replayed only to an
    output rich would draw it for in the same way: the same width, colours,
    encoding and terminal-ness, from the same rich code. None where drawn text
    cannot simply be replayed: the legacy Windows console is drawn through its API.
    """
    if console.legacy_windows or console.is_jupyter:
        return None
    fit(console)
    options = console.options
    return (_rich_code(), console.width, console.color_system, console.is_terminal,
            console.no_color, console.is_dumb_terminal, options.encoding, options.ascii_only)


def _rich_code() -> tuple:
    """The installed rich's files, so an upgrade draws afresh."""
    folder = Path(rich.__file__).parent
    stamps = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.name.endswith(".py"):
            stat = entry.stat()
            stamps.append((entry.name, stat.st_mtime_ns, stat.st_size))
    return str(folder), tuple(stamps)


def write_drawn(console: Console, text: str) -> None:
    """Write text that `console` drew earlier (see `profile`), as rich writes it."""
    write = console.file.write
    try:
        if len(text) <= _MAX_WRITE:
            write(text)
        else:
            batch: list[str] = []
            size = 0
            for line in text.splitlines(True):
                if size + len(line) > _MAX_WRITE and batch:
                    write("".join(batch))
                    batch, size = [], 0
                batch.append(line)
                size += len(line)
            write("".join(batch))
    finally:
        console.file.flush()
