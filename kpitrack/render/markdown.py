"""Markdown a person can paste into a meeting paper."""

from __future__ import annotations

from ..labels import STATUS_EMOJI, month_heading, section_number, status_label, word
from ..model import STATUS_ORDER, Result, Status
from . import text as safe
from .legend import legend_items
from .rows import by_section, human_cells, result_json

MD_COLUMNS = ("status", "change", "name", "target", "last_year", "actual", "period",
              "completion", "time_progress", "gap", "trend", "owner")
RED_COLUMNS = ("name", "owner", "completion", "time_progress", "gap", "red_months", "needed")
CHANGE_COLUMNS = ("name", "owner", "previous", "current", "gap")
_RIGHT = {"target", "last_year", "actual", "completion", "time_progress", "gap", "forecast",
          "red_months", "needed"}


def _status_cell(status: str, lang: str) -> str:
    return f"{STATUS_EMOJI[Status(status)]} {status_label(Status(status), lang)}"


def md_table(rows: list[dict], lang: str, columns: tuple[str, ...] = MD_COLUMNS) -> list[str]:
    head = "| " + " | ".join(word(c, lang) for c in columns) + " |"
    rule = "|" + "|".join("---:" if c in _RIGHT else "---" for c in columns) + "|"
    lines = [head, rule]
    for row in rows:
        cells = human_cells(row, lang)
        cells["status"] = _status_cell(row["status"], lang)
        cells["current"] = cells["status"]
        if row.get("previous_status"):
            cells["previous"] = _status_cell(row["previous_status"], lang)
        lines.append("| " + " | ".join(safe.markdown(cells.get(c, "")) for c in columns) + " |")
    return lines


def status_markdown(result: Result, lang: str) -> str:
    """`status --format md`: the heading and one table."""
    data = result_json(result)
    lines = [f"## {safe.markdown(result.plan.title)} {month_heading(data['as_of'], lang)}", ""]
    lines += md_table(data["targets"], lang)
    return "\n".join(lines) + "\n"


def report_markdown(result: Result, lang: str) -> str:
    """`export`: headline, red list, colour changes, one table per section, legend."""
    data = result_json(result)
    rows = data["targets"]
    zh = lang == "zh"
    title = safe.markdown(result.plan.title)
    heading = month_heading(data["as_of"], lang)
    out = [f"# {title}推进情况（{heading}）" if zh else f"# {title}: progress {heading}", ""]
    examples = sum(1 for r in rows if r["example"])
    if examples:
        out += [f"> **{word('example_note', lang)}** "
                + (f"（{len(rows)}项指标中{examples}项使用示例数据）" if zh else
                   f"({examples} of {len(rows)} targets use illustrative figures.)"), ""]
    out += [_headline(data, lang), ""]

    red = sorted((r for r in rows if r["status"] == "red"), key=lambda r: r["gap"] or 0.0)
    out += [f"## {_numbered(1, word('red_list', lang), lang)}（{len(red)}项）" if zh else
            f"## 1. {word('red_list', lang)} ({len(red)})", ""]
    out += md_table(red, lang, RED_COLUMNS) if red else [word("no_red", lang)]
    out.append("")

    before = _previous_month(data["as_of"])
    changed = [r for r in rows if r.get("change")]
    since = month_heading(before, lang).removeprefix("截至").removeprefix("as of ")
    out += [f"## {_numbered(2, word('changes', lang), lang)}（较{since}，{len(changed)}项）"
            if zh else f"## 2. {word('changes', lang)} (since {since}: {len(changed)})", ""]
    out += md_table(changed, lang, CHANGE_COLUMNS) if changed else [word("no_changes", lang)]
    out.append("")

    out += [f"## {_numbered(3, word('by_section', lang), lang)}", ""]
    for index, (section, members) in enumerate(by_section(rows).items(), start=1):
        name = safe.markdown(section or word("no_section", lang))
        out += [f"### {section_number(index, lang)}{name}", ""]
        out += md_table(members, lang)
        out.append("")

    out += [f"## {_numbered(4, word('legend', lang), lang)}", ""]
    out += _legend(result, lang)
    return "\n".join(out) + "\n"


def _numbered(n: int, text: str, lang: str) -> str:
    return f"{'一二三四五六七八九十'[n - 1]}、{text}" if lang == "zh" else f"{n}. {text}"


def _previous_month(as_of: str) -> str:
    year, month = (int(p) for p in as_of.split("-"))
    year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return f"{year:04d}-{month:02d}"


def _headline(data: dict, lang: str) -> str:
    summary = data["summary"]
    total = len(data["targets"])
    parts = [f"{STATUS_EMOJI[s]} {status_label(s, lang)} {summary[s.value]}"
             + ("项" if lang == "zh" else "") for s in STATUS_ORDER]
    if lang == "zh":
        return f"**共{total}项指标：" + "，".join(parts) + "。**"
    return f"**{total} targets: " + ", ".join(parts) + ".**"


def _legend(result: Result, lang: str) -> list[str]:
    lines = []
    for status, text in legend_items(result, lang):
        label = f"{STATUS_EMOJI[status]} " if status else ""
        # A leading `*` would open a nested list.
        lines.append(f"- {label}{text}" if not text.startswith("*") else f"- \\{text}")
    return lines


