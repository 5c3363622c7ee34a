"""The commands of the monthly collection: each unit's sheet and the reminder."""

from __future__ import annotations

from pathlib import Path

import click

from ..app import collection
from ..app.workspace import export
from ..core.collection import deadline
from ..i18n.help import Help
from ..i18n.messages import Msg
from ..render.collect_xlsx import collection_xlsx
from ..render.json_out import dumps
from ..render.remind import remind_json, remind_markdown, remind_robot, remind_text
from ..workspace.find import display_path
from .completion import complete_owner
from .help import command, option
from .options import format_option, robot_options
from .robot import send_to_robot
from .settings import Settings, out, today, write_output


@command(help=Help.REMIND)
@option("--period", metavar="YYYY-MM", help=Help.REMIND_PERIOD)
@option("--owner", shell_complete=complete_owner, help=Help.REMIND_OWNER)
@format_option(("text", "md", "json"), "text", Help.REMIND_FORMAT)
@robot_options
@click.pass_obj
def remind(settings: Settings, period: str | None, owner: str | None, fmt: str,
           webhook: str | None, robot_kind: str | None, secret: str | None) -> None:
    ws = settings.load(answers=False)  # a sheet and a reminder are about figures only
    lang = settings.language(ws)
    found = collection.remind(ws, period, owner, today())
    if webhook is not None:
        title, blocks = remind_robot(found, lang)
        send_to_robot(settings, webhook, robot_kind, secret, title, blocks, lang)
        return
    if fmt == "json":
        out(dumps(remind_json(found)))
    elif fmt == "md":
        out(remind_markdown(found, lang))
    else:
        out(remind_text(found, lang))


@command(help=Help.SHEET)
@option("--owner", shell_complete=complete_owner, help=Help.SHEET_OWNER)
@option("--period", metavar="YYYY-MM", help=Help.REMIND_PERIOD)
@option("-o", "--output", "raw_output", type=click.Path(), help=Help.SHEET_OUTPUT)
@click.pass_obj
def sheet(settings: Settings, owner: str | None, period: str | None,
          raw_output: str | None) -> None:
    ws = settings.load(answers=False)  # a sheet and a reminder are about figures only
    lang = settings.language(ws)
    chosen, found = collection.sheets(ws, period, owner, today())
    due = deadline(chosen, ws.plan.supervision.report_day)
    first = ws.plan.start.month
    output = Path(raw_output) if raw_output is not None else None
    if raw_output is not None and output is not None and (
            output.is_dir() or raw_output.endswith(("/", "\\"))):
        collection.make_folder(output)
        names = []
        for unit in found:
            name = collection.sheet_file_name(unit.owner, chosen)
            export(settings.workspace, output / name, collection_xlsx([unit], lang, due, first))
            names.append(name)
        settings.note(Msg.SHEETS_WRITTEN.text(lang, n=len(names),
                                              folder=display_path(output),
                                              names=", ".join(names)))
        return
    data = collection_xlsx(found, lang, due, first)
    if write_output(settings, output, data, "xlsx", lang) and output is not None:
        settings.note(Msg.SHEET_WRITTEN.text(lang, path=display_path(output),
                                             n=sum(len(u.rows) for u in found),
                                             units=len(found)))
