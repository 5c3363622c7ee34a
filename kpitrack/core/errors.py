"""What goes wrong with a user's data or input: an error raised, or a problem found."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..i18n.base import Message

Severity = Literal["error", "warning"]


def place(file: str | None, line: int | None) -> str:
    """`file:line`, or the file alone: the one place a position is written."""
    return f"{file}:{line}" if file and line else file or ""


def located(file: str | None, line: int | None, message: str) -> str:
    """`file:line: message`, `file: message` or the message alone."""
    return f"{place(file, line)}: {message}" if file else message


class KpiError(Exception):
    """A problem with the user's data or input; the CLI turns it into exit 1."""

    def __init__(self, msg: Message, file: str | None = None, line: int | None = None,
                 target: str | None = None) -> None:
        super().__init__(msg.text())
        self.msg = msg
        self.file = file
        self.line = line
        self.target = target

    @property
    def message(self) -> str:
        """In English, as logs and scripts read it."""
        return self.msg.text()

    def text(self, lang: str = "en") -> str:
        """`file:line: message` in `lang`."""
        return located(self.file, self.line, self.msg.text(lang))

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding of `check`: an error blocks reports, a warning does not."""

    severity: Severity
    file: str | None
    line: int | None
    target: str | None
    msg: Message

    @property
    def message(self) -> str:
        """In English, as logs and scripts read it."""
        return self.msg.text()

    def text(self, lang: str = "en") -> str:
        """`file:line: message` in `lang`."""
        return located(self.file, self.line, self.msg.text(lang))

    def as_dict(self, lang: str = "en") -> dict[str, object]:
        """`check --format json`: file, line, target, and the message in `lang`."""
        return {"file": self.file, "line": self.line, "target": self.target,
                "message": self.msg.text(lang)}
