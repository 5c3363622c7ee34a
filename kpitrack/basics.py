"""The smallest shared pieces: the error type and the colours.

Apart from the model's dataclasses, so that a command served from the cache
starts without building them (see the Speed section of the README).
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    BLUE = "blue"
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"
    NONE = "none"

    @property
    def severity(self) -> int:
        """Higher is worse; `none` sits apart from the colour scale."""
        return {"blue": 0, "green": 1, "yellow": 2, "red": 3, "none": -1}[self.value]


STATUS_ORDER = (Status.BLUE, Status.GREEN, Status.YELLOW, Status.RED, Status.NONE)


def located(file: str | None, line: int | None, message: str) -> str:
    """`file:line: message`, `file: message` or the message alone."""
    if not file:
        return message
    return f"{file}:{line}: {message}" if line else f"{file}: {message}"


class KpiError(Exception):
    """A problem with the user's data or input; the CLI turns it into exit 1."""

    def __init__(self, message: str, file: str | None = None, line: int | None = None,
                 target: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line
        self.target = target

    def __str__(self) -> str:
        return located(self.file, self.line, self.message)
