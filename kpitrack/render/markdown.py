"""Markdown a person can paste into a meeting paper."""

from __future__ import annotations

from ..labels import word
from ..model import Result
from . import text as safe
from .rows import human_cells, result_json

MD_COLUMNS = ("status", "name", "target", "actual", "period", "completion", "time_progress",
              "gap", "forecast", "owner")
_RIGHT = {"target", "actual", "completion", "time_progress", "gap", "forecast"}


def md_table(rows: list[dict], lang: str, columns: tuple[str, ...] = MD_COLUMNS) -> list[str]:
    head = "| " + " | ".join(word(c, lang) for c in columns) + " |"
    rule = "|" + "|".join("---:" if c in _RIGHT else "---" for c in columns) + "|"
    lines = [head, rule]
    for row in rows:
        cells = human_cells(row, lang)
        lines.append("| " + " | ".join(safe.markdown(cells[c]) for c in columns) + " |")
    return lines


def status_markdown(result: Result, lang: str) -> str:
    from ..labels import month_heading

    data = result_json(result)
    lines = [f"## {safe.markdown(result.plan.title)} {month_heading(data['as_of'], lang)}", ""]
    lines += md_table(data["targets"], lang)
    return "\n".join(lines) + "\n"
