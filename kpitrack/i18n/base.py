"""How a sentence is held and worded: an id with its English and Chinese side by side.

A catalogue (`Msg`, `Word`, `Help`) is a class whose attributes are `MessageId`s. Calling
one with its parameters gives a `Message`, worded in the reader's language only when it is
shown (`message.text(lang)`). A parameter is user data (an id, a file, a figure) and is
copied as it is, except a `Message`, which is worded in the same language. This module
imports nothing of kpitrack: every layer may use it.
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Iterator, Mapping, MutableMapping
from typing import Any, NamedTuple

LANGS = ("zh", "en")


class MessageId:
    """One sentence or word: its id (the attribute name in its catalogue), its English and
    its Chinese. Call it with its parameters to get a `Message`."""

    __slots__ = ("chinese", "english", "name")

    def __init__(self, english: str, chinese: str) -> None:
        self.english, self.chinese, self.name = english, chinese, ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __call__(self, **params: Any) -> Message:
        return Message(self, params)

    def text(self, lang: str, **params: Any) -> str:
        """Worded at once, in `lang`."""
        return Message(self, params).text(lang)

    def __repr__(self) -> str:
        return f"<{self.name}>"


class _Entries(dict[str, Any]):
    """A catalogue's class body: an id given twice is an error, not a silent override
    (two sentences under one name would show one where the other was meant)."""

    def __setitem__(self, key: str, value: Any) -> None:
        if key in self and isinstance(value, MessageId):
            raise TypeError(f"the catalogue names {key} twice")
        super().__setitem__(key, value)


class Catalogue(type):
    """A class of `MessageId`s that can be iterated, counted and looked up by id."""

    @classmethod
    def __prepare__(mcs, name: str, bases: tuple[type, ...], /,
                    **kwargs: Any) -> MutableMapping[str, object]:
        return _Entries()

    def __iter__(cls) -> Iterator[MessageId]:
        return (v for v in vars(cls).values() if isinstance(v, MessageId))

    def __len__(cls) -> int:
        return sum(1 for _ in cls)

    def get(cls, name: str) -> MessageId:
        """The entry named `name` (upper case), or a KeyError naming it."""
        found = vars(cls).get(name.upper())
        if not isinstance(found, MessageId):
            raise KeyError(f"{cls.__name__} has no entry {name!r}")
        return found


class Message(NamedTuple):
    """A message id and its parameters, worded when it reaches a reader."""

    id: MessageId
    params: Mapping[str, Any]

    def text(self, lang: str = "en") -> str:
        template = self.id.chinese if lang == "zh" else self.id.english
        return template.format(**{k: _worded(v, lang) for k, v in self.params.items()})

    def __str__(self) -> str:
        return self.text("en")


def _worded(value: Any, lang: str) -> Any:
    if isinstance(value, Message):
        return value.text(lang)
    if isinstance(value, list | tuple) and value and all(isinstance(v, Message)
                                                         for v in value):
        joiner = "、" if lang == "zh" else ", "
        return joiner.join(v.text(lang) for v in value)
    return value


def placeholders(template: str) -> set[str]:
    """The parameter names a template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def closest(key: str, choices: list[str]) -> str | None:
    """The choice a mistyped `key` most likely meant, or None."""
    found = difflib.get_close_matches(key, choices, n=1, cutoff=0.6)
    return found[0] if found else None
