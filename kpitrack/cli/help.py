"""click, in the reader's language: help from the catalogue, wrapped by terminal cells,
and click's own usage errors worded as one line.

Every command and option names its help by id (`Help.STATUS`); the text is looked up
when the help is drawn, in the language of `language.for_help`. A help text is wrapped
counting a CJK character as two cells and breaking between CJK characters, so no line is
wider than the terminal (80 cells at least). A usage error (exit 2) is one line on
stderr, in the language errors use, saying what to type instead where it can.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import IO, Any, TypeVar

import click
from click.shell_completion import CompletionItem
from rich.cells import cell_len

from ..i18n.base import MessageId, closest
from ..i18n.help import Help
from ..i18n.messages import Msg
from ..i18n.vocabulary import HEADING_COLON, LIST_SEPARATORS, NO_LINE_START, SENTENCE_END
from ..i18n.words import Word
from ..render import safe
from . import language

HELP_WIDTH = 80
FC = TypeVar("FC", bound=Callable[..., Any] | click.Command)


def _root_params(ctx: click.Context | None) -> dict[str, Any]:
    return ctx.find_root().params if ctx is not None else {}


def help_language(ctx: click.Context | None) -> str:
    params = _root_params(ctx)
    return language.for_help(params.get("lang"), params.get("workspace"))


def error_language(ctx: click.Context | None) -> str:
    params = _root_params(ctx)
    return language.for_errors(params.get("lang"), params.get("workspace"))


# ── wrapping by cells ───────────────────────────────────────────────────────────



def _wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _tokens(text: str) -> list[str]:
    """Words, single wide (CJK) characters and single spaces: where a line may break.
    (A regular expression over the CJK ranges would cost 5 ms to compile at every start.)"""
    out: list[str] = []
    word = ""
    for char in text:
        if char.isspace() or _wide(char):
            if word:
                out.append(word)
                word = ""
            if not char.isspace():
                out.append(char)
            elif out and out[-1] != " ":
                out.append(" ")
        else:
            word += char
    if word:
        out.append(word)
    return out


def _joined(lines: Iterable[str]) -> str:
    """A paragraph's lines as one: a space between words, none between CJK characters."""
    out = ""
    for line in (line.strip() for line in lines):
        if not line:
            continue
        if out and not (_wide(out[-1]) or _wide(line[0])):
            out += " "
        out += line
    return out


def wrap_cells(text: str, width: int, indent: str = "", subsequent: str | None = None
               ) -> list[str]:
    """`text` as lines of at most `width` cells (with their indent); a line may break at
    a space or between CJK characters, never before closing punctuation."""
    subsequent = indent if subsequent is None else subsequent
    lines: list[str] = []
    words: list[str] = []  # the tokens of the line being filled, spaces included
    lead = indent

    def used() -> int:
        return cell_len(lead) + sum(cell_len(w) for w in words)

    for token in _tokens(text):
        if token.isspace():
            if words and not words[-1].isspace():
                words.append(" ")
            continue
        if words and used() + cell_len(token) > width:
            carried: list[str] = []
            # Closing punctuation keeps the word before it: carry words until the next
            # line no longer starts with one.
            while (carried[0] if carried else token)[0] in NO_LINE_START and len(words) > 1:
                carried.insert(0, words.pop())
            lines.append((lead + "".join(words)).rstrip())
            lead, words = subsequent, [w for w in carried if not w.isspace()]
        words.append(token)
    if words:
        lines.append((lead + "".join(words)).rstrip())
    return lines


def paragraphs(text: str) -> list[tuple[bool, list[str]]]:
    """(keep as written, lines) per paragraph: `\\b` marks one to keep as written."""
    out = []
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        lines = block.split("\n")
        if lines and lines[0].strip() == "\b":
            out.append((True, lines[1:]))
        else:
            out.append((False, lines))
    return out


class KpiFormatter(click.HelpFormatter):
    """click's formatter, in a language, measuring text in terminal cells."""

    lang = "en"

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        prefix = Help.USAGE.text(self.lang) if prefix is None else prefix
        head = f"{prefix:>{self.current_indent}}{prog} "
        lines = wrap_cells(args, self.width, head, " " * cell_len(head))
        self.write("\n".join(lines or [head.rstrip()]) + "\n")

    def write_heading(self, heading: str) -> None:
        worded = _HEADINGS.get(heading)
        text = worded.text(self.lang) if worded else heading
        self.write(f"{'':>{self.current_indent}}{text}{HEADING_COLON[self.lang]}\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        out = []
        for keep, lines in paragraphs(text):
            if keep:
                out += [indent + line for line in lines]
            else:
                out += wrap_cells(_joined(lines), self.width, indent)
            out.append("")
        self.write("\n".join(out[:-1]) + "\n")

    def write_dl(self, rows: Iterable[tuple[str, str]], col_max: int = 30,
                 col_spacing: int = 2) -> None:
        rows = list(rows)
        first = min(max((cell_len(name) for name, _ in rows), default=0), col_max)
        column = self.current_indent + first + col_spacing
        for name, text in rows:
            head = " " * self.current_indent + name
            if not text:
                self.write(head + "\n")
                continue
            if cell_len(name) <= first:
                head += " " * (column - cell_len(head))
                lines = wrap_cells(_joined([text]), self.width, head, " " * column)
            else:
                self.write(head + "\n")
                lines = wrap_cells(_joined([text]), self.width, " " * column)
            self.write("\n".join(lines) + "\n")


_HEADINGS = {"Options": Help.OPTIONS, "Commands": Help.COMMANDS, "Arguments": Help.ARGUMENTS}


class KpiContext(click.Context):
    formatter_class = KpiFormatter

    def make_formatter(self) -> click.HelpFormatter:
        width = min(self.terminal_width or HELP_WIDTH, self.max_content_width or HELP_WIDTH)
        formatter = KpiFormatter(width=max(width, HELP_WIDTH))
        formatter.lang = help_language(self)
        return formatter


# ── commands and options that word their help when it is drawn ──────────────────


class KpiOption(click.Option):
    """An option whose help is a catalogue id (with its parameters)."""

    def __init__(self, *args: Any, help_id: MessageId | None = None,
                 help_params: dict[str, Any] | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("help", help_id.english if help_id else None)
        super().__init__(*args, **kwargs)
        self.help_id, self.help_params = help_id, help_params or {}

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        if self.hidden:
            return None
        lang = help_language(ctx)
        text = self.help_id.text(lang, **self.help_params) if self.help_id else self.help or ""
        extra = self.get_help_extra(ctx)
        items = []
        if "default" in extra:
            items.append(Help.DEFAULT.text(lang, value=extra["default"]))
        if "required" in extra:
            items.append(Help.REQUIRED.text(lang))
        if items:
            text = f"{text}  [{'; '.join(items)}]" if text else f"[{'; '.join(items)}]"
        return self.get_help_spec(ctx), text


def option(*decls: str, help: MessageId, help_params: dict[str, Any] | None = None,
           **kwargs: Any) -> Callable[[FC], FC]:
    """`click.option` with its help by id."""
    return click.option(*decls, cls=KpiOption, help_id=help, help_params=help_params,
                        **kwargs)


def word_help(command: click.Command, ctx: click.Context) -> None:
    """Set a command's help (and its help option's) in the reader's language."""
    help_id = getattr(command, "help_id", None)
    if isinstance(help_id, MessageId):
        command.help = help_id.text(help_language(ctx))
    found = click.Command.get_help_option(command, ctx)
    if found is not None:
        found.help = Help.OPT_HELP.text(help_language(ctx))


def short_help(text: str, limit: int) -> str:
    """The first sentence of a help text, cut to `limit` cells with …"""
    first = text.strip().split("\n\n")[0].replace("\n", " ")
    match = SENTENCE_END.match(first)
    sentence = (match.group(1) if match else first).rstrip(".")
    if cell_len(sentence) <= limit:
        return sentence
    out = ""
    for char in sentence:
        if cell_len(out + char + "…") > limit:
            break
        out += char
    return out.rstrip() + "…"


class KpiCommand(click.Command):
    """A command whose help is drawn in the reader's language, and whose extra arguments
    are one clear line (an unquoted figure and unit, `95 yi`, are two arguments)."""

    context_class = KpiContext
    help_id: MessageId | None = None

    def get_help(self, ctx: click.Context) -> str:
        word_help(self, ctx)
        return super().get_help(ctx)

    def get_short_help_str(self, limit: int = 45) -> str:
        return short_help(self.help or "", limit)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        refuse_undecodable(ctx, args)
        allowed, ctx.allow_extra_args = ctx.allow_extra_args, True
        try:
            rest = super().parse_args(ctx, args)
        except click.UsageError as exc:
            exc.ctx = exc.ctx or ctx  # the parser raises some without the command's context
            raise
        finally:
            ctx.allow_extra_args = allowed
        if rest and not allowed and not ctx.resilient_parsing:
            raise click.UsageError(Msg.USAGE_EXTRA_ARGUMENTS.text(
                error_language(ctx), args=" ".join(rest)), ctx)
        return rest


def refuse_undecodable(ctx: click.Context, args: list[str]) -> None:
    """An argument holding bytes the computer's encoding cannot read (they arrive as lone
    surrogates) would break every file it reached: a usage error, before anything."""
    for arg in args:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            raise click.UsageError(Msg.ARGUMENT_NOT_TEXT.text(
                error_language(ctx), arg=arg.encode("utf-8", "replace").decode()), ctx) from None


def command(name: str | None = None, *, help: MessageId, **kwargs: Any
            ) -> Callable[[Callable[..., Any]], KpiCommand]:
    """`click.command` with its help by id."""
    def decorate(func: Callable[..., Any]) -> KpiCommand:
        made: KpiCommand = click.command(name, cls=KpiCommand, help=help.english,
                                         **kwargs)(func)
        made.help_id = help
        return made
    return decorate


class KpiGroup(click.Group):
    """The group: its help and its commands' short help in the reader's language, and
    every usage error as one line."""

    context_class = KpiContext
    help_id: MessageId | None = None

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        refuse_undecodable(ctx, args)
        return super().parse_args(ctx, args)

    def get_help(self, ctx: click.Context) -> str:
        word_help(self, ctx)
        for name in self.list_commands(ctx):
            found = self.get_command(ctx, name)
            if found is not None:
                word_help(found, ctx)
        return super().get_help(ctx)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        kwargs["standalone_mode"] = False
        try:
            return super().main(*args, **kwargs)
        except click.exceptions.NoArgsIsHelpError as exc:
            click.echo(exc.format_message(), err=True)
            raise SystemExit(2) from None
        except click.UsageError as exc:
            show_usage_error(exc)
            raise SystemExit(2) from None
        except click.ClickException as exc:
            exc.show()
            raise SystemExit(exc.exit_code) from None
        except click.exceptions.Abort:
            click.echo(Msg.ABORTED.text(error_language(None)), err=True)
            raise SystemExit(1) from None
        except click.exceptions.Exit as exc:
            raise SystemExit(exc.exit_code) from None


def _hint(possibilities: Iterable[str] | None, lang: str) -> str:
    found = list(possibilities or [])
    return Msg.DID_YOU_MEAN(close=found[0]).text(lang) if found else ""


def usage_text(exc: click.UsageError, lang: str) -> str:
    """click's own usage errors, worded from the catalogue."""
    if isinstance(exc, click.exceptions.NoSuchCommand):
        return Msg.USAGE_NO_SUCH_COMMAND.text(lang, name=exc.command_name,
                                              hint=_hint(exc.possibilities, lang))
    if isinstance(exc, click.NoSuchOption):
        return Msg.USAGE_NO_SUCH_OPTION.text(lang, name=exc.option_name,
                                             hint=_hint(exc.possibilities, lang))
    if isinstance(exc, click.MissingParameter):
        param = exc.param
        if isinstance(param, click.Argument):
            return Msg.USAGE_MISSING_ARGUMENT.text(lang, name=param.make_metavar(exc.ctx)
                                                   if exc.ctx else param.name)
        name = param.opts[0] if param is not None and param.opts else "?"
        return Msg.USAGE_MISSING_OPTION.text(lang, name=name)
    if isinstance(exc, click.BadOptionUsage):
        if "does not take a value" in exc.format_message():
            return Msg.USAGE_OPTION_TAKES_NO_VALUE.text(lang, name=exc.option_name)
        return Msg.USAGE_OPTION_NEEDS_VALUE.text(lang, name=exc.option_name)
    if isinstance(exc, click.BadParameter):
        param = exc.param
        name = param.opts[0] if param is not None and getattr(param, "opts", None) else \
            exc.param_hint if isinstance(exc.param_hint, str) else "?"
        return Msg.USAGE_BAD_VALUE.text(lang, name=name, detail=exc.message)
    return exc.format_message()


def show_usage_error(exc: click.UsageError, file: IO[Any] | None = None) -> None:
    """One line: the error, and where the help is."""
    lang = error_language(exc.ctx)
    command_path = exc.ctx.command_path if exc.ctx is not None else "kpitrack"
    line = Msg.USAGE_LINE.text(lang, message=usage_text(exc, lang), command=command_path)
    click.echo(Word.ERROR_PREFIX.text(lang) + safe.plain(line), err=True, file=file)


# ── the words a user types for a colour or a format ─────────────────────────────


class Words(click.ParamType):  # type: ignore[type-arg]  # click 8.5 types it generic, 8.2 not
    """One of `values`, typed as the value or as any word of `words` (either language)."""

    name = "choice"

    def __init__(self, values: Sequence[str], words: dict[str, str],
                 shown: dict[str, str] | None = None) -> None:
        self.values, self.shown = tuple(values), shown or {}
        self.words = {k: v for k, v in words.items() if v in self.values}
        self.words.update({v: v for v in self.values})

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "[" + "|".join(self.values) + "]"

    def read(self, text: str) -> str | None:
        return self.words.get(text.strip().lower())

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> str:
        found = self.read(str(value))
        if found is None:
            lang = error_language(ctx)
            close = closest(str(value), list(self.words))
            self.fail(Msg.NOT_ONE_OF.text(lang, value=str(value), choices=self.listed(lang),
                                          hint=Msg.DID_YOU_MEAN(close=close).text(lang)
                                          if close else ""), param, ctx)
        return found

    def listed(self, lang: str) -> str:
        """The values, each with its Chinese word when the reader reads Chinese."""
        return ", ".join(Word.VALUE_AND_WORD.text(lang, value=v, chinese_word=self.shown[v])
                         if v in self.shown else v for v in self.values)

    def shell_complete(self, ctx: click.Context, param: click.Parameter,
                       incomplete: str) -> list[CompletionItem]:
        typed = incomplete.lower()
        return [CompletionItem(word) for word in sorted(self.words, key=len)
                if word.startswith(typed)]


class ListOf(Words):
    """A comma-separated list of `Words` (a full-width comma too): `red,yellow`."""

    name = "list"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> Any:
        if isinstance(value, tuple):
            return value
        parts = [p for p in re.split(f"[{LIST_SEPARATORS}]", str(value)) if p.strip()]
        return tuple(dict.fromkeys(super(ListOf, self).convert(p, param, ctx) for p in parts))

    def shell_complete(self, ctx: click.Context, param: click.Parameter,
                       incomplete: str) -> list[CompletionItem]:
        done, _, typed = re.sub(f"[{LIST_SEPARATORS}]", ",", incomplete).rpartition(",")
        prefix = done + "," if done else ""
        return [CompletionItem(prefix + item.value)
                for item in super().shell_complete(ctx, param, typed)]
