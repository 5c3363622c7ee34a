"""The monthly reminder as a message to paste into a WeCom or DingTalk group, as
Markdown (which group robots render) and as JSON."""

from __future__ import annotations

from collections.abc import Callable

from ..core.collection import Owed, Reminder, UnitReminder
from ..i18n.reports import Say
from ..i18n.words import day_name, month_name, word
from . import safe
from .json_out import Json


def _late(reminder: Reminder, lang: str) -> str:
    days = reminder.days_late
    return Say.REMIND_LATE.text(lang, days=days) if days else ""


def _same(text: str) -> str:
    return text


def _unit(unit: UnitReminder, lang: str) -> str:
    return unit.owner or word("unassigned", lang)


def _item(index: int, item: Owed, lang: str, esc: Callable[[str], str]) -> str:
    t = item.target
    if item.last is None:
        return Say.REMIND_ITEM_NEVER.text(lang, n=index, name=esc(t.name), id=esc(t.id))
    return Say.REMIND_ITEM.text(lang, n=index, name=esc(t.name), id=esc(t.id),
                                last=month_name(str(item.last), lang))


def unit_lines(reminder: Reminder, unit: UnitReminder, lang: str,
               esc: Callable[[str], str] = _same) -> list[str]:
    """One unit's block: who, for which month, by when, and each missing figure; `esc`
    makes the user's text (names, ids) literal in the message's format."""
    head = Say.REMIND_HEAD.text(lang, unit=esc(_unit(unit, lang)),
                                month=month_name(str(reminder.period), lang),
                                due=day_name(reminder.due, lang), late=_late(reminder, lang),
                                n=len(unit.owed))
    return [head, *(_item(i, item, lang, esc) for i, item in enumerate(unit.owed, start=1)),
            Say.REMIND_ASK.text(lang)]


def remind_text(reminder: Reminder, lang: str) -> str:
    """Plain text, one block per unit, ready to paste into a group."""
    if not reminder.units:
        return Say.REMIND_NONE.text(lang, month=month_name(str(reminder.period), lang)) + "\n"
    blocks = ["\n".join(unit_lines(reminder, unit, lang)) for unit in reminder.units]
    return "\n\n".join(blocks) + "\n"


def summary(reminder: Reminder, lang: str) -> str:
    return Say.REMIND_SUMMARY.text(lang, units=len(reminder.units), n=reminder.count,
                                   month=month_name(str(reminder.period), lang),
                                   due=day_name(reminder.due, lang), late=_late(reminder, lang))


def remind_markdown(reminder: Reminder, lang: str) -> str:
    """Markdown: a heading, the summary, then each unit's block (user text escaped)."""
    month = month_name(str(reminder.period), lang)
    out = [f"### {Say.REMIND_TITLE.text(lang, month=month)}", ""]
    if not reminder.units:
        return "\n".join([*out, Say.REMIND_NONE.text(lang, month=month)]) + "\n"
    out += [summary(reminder, lang), ""]
    for unit in reminder.units:
        head, *items, ask = unit_lines(reminder, unit, lang)
        out += [f"**{safe.markdown(head)}**", "",
                *(safe.markdown(line) for line in items), "", ask, ""]
    return "\n".join(out).rstrip("\n") + "\n"


def remind_robot(reminder: Reminder, lang: str) -> tuple[str, list[str]]:
    """For a group robot: the message's title, and its blocks (the heading and summary,
    then one per unit) to be packed into as few messages as the robot takes."""
    month = month_name(str(reminder.period), lang)
    title = Say.REMIND_TITLE.text(lang, month=month)
    if not reminder.units:
        return title, [f"### {title}\n{Say.REMIND_NONE.text(lang, month=month)}"]
    blocks = [f"### {title}\n{summary(reminder, lang)}"]
    for unit in reminder.units:
        head, *items, ask = unit_lines(reminder, unit, lang, safe.robot)
        blocks.append("\n".join([f"**{head}**", *items, ask]))
    return title, blocks


def remind_json(reminder: Reminder) -> Json:
    return {
        "schema": 1, "period": str(reminder.period), "due": reminder.due.isoformat(),
        "today": reminder.today.isoformat(), "days_late": reminder.days_late,
        "units": [{"owner": unit.owner,
                   "missing": [{"id": o.target.id, "name": o.target.name,
                                "last_period": str(o.last) if o.last else None,
                                "never": o.last is None} for o in unit.owed]}
                  for unit in reminder.units],
    }


