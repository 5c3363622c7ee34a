"""Short messages for the commands that change things."""

from __future__ import annotations

from ..labels import STATUS_SHORT, month_heading, status_label, word
from ..model import STATUS_ORDER, Actual, Evaluation, Problem, Result, Target
from . import text as safe
from .rows import json_row, one_decimal, signed, with_unit


def recorded_message(target: Target, record: Actual, ev: Evaluation, path: str,
                     lang: str) -> str:
    """What `add` recorded, where, and the target's new status."""
    if record.done:
        what = word("done", lang) + (f" {record.date}" if record.date else "")
    elif target.kind.value == "milestone":
        what = f"{one_decimal(record.value)}%"
    else:
        what = with_unit(record.value, target.unit, lang)
    row = json_row(ev)
    parts = [status_label(ev.status, lang)]
    if row["completion"] is not None:
        parts.append(f"{word('completion', lang)} {one_decimal(row['completion'])}%")
    if row["time_progress"] is not None:
        parts.append(f"{word('time_progress', lang)} {one_decimal(row['time_progress'])}%")
    if row["gap"] is not None:
        parts.append(f"{word('gap', lang)} {signed(row['gap'])}")
    correction = (" (更正)" if lang == "zh" else " (correction)") if record.correction else ""
    head = "已记录" if lang == "zh" else "recorded"
    name = safe.plain(target.name)
    return (f"{head}{correction} {name} [{target.id}] {record.period}: {what} → {path}\n"
            f"  {', '.join(parts)}")


def exported_message(path: str, result: Result, lang: str) -> str:
    """What `export -o` wrote: the file, how many targets, the as-of and the counts."""
    counts = " ".join(f"{STATUS_SHORT[lang][s]}{result.summary.get(s, 0)}" if lang == "zh"
                      else f"{STATUS_SHORT[lang][s]} {result.summary.get(s, 0)}"
                      for s in STATUS_ORDER)
    heading = month_heading(str(result.as_of.period), lang)
    if lang == "zh":
        return f"已导出 {path}：{len(result.rows)}项指标，{heading}（{counts}）"
    return f"exported {path}: {len(result.rows)} targets, {heading} ({counts})"


def created_message(path: str, lang: str) -> str:
    if lang == "zh":
        return f"已创建 {path}；编辑后运行 `kpitrack check`"
    return f"created {path}; edit it, then run `kpitrack check`"


def check_summary(targets: int, figures: int, errors: int, warnings: int, lang: str) -> str:
    if lang == "zh":
        return f"{targets}项指标，{figures}条数据：{errors}个错误，{warnings}个警告"
    return f"{targets} targets, {figures} figures: {errors} errors, {warnings} warnings"


def problem_json(problem: Problem, lang: str) -> dict:
    """`check --format json`: file, line, target, and the message in `lang`."""
    return problem.as_dict(lang)


def problems_elsewhere(count: int, lang: str) -> str:
    if lang == "zh":
        return f"注意：工作区其他文件有{count}处问题；请运行 `kpitrack check`"
    return f"warning: the workspace has {count} problem(s) elsewhere; run `kpitrack check`"
