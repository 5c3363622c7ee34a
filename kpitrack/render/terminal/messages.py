"""Short messages for the commands that change things."""

from __future__ import annotations

from ...core.errors import Problem
from ...core.model import STATUS_ORDER, Actual, Evaluation, Response, Target
from ...core.report import StatusReport
from ...i18n.words import month_heading, severity, status_label, status_short, word
from .. import safe
from ..cells import one_decimal, record_text, signed


def recorded_message(target: Target, record: Actual, ev: Evaluation, replaced: Actual | None,
                     path: str, lang: str) -> str:
    """What `add` recorded (or `withdraw` took back: `replaced`), where, and the target's
    status `ev` after it."""
    parts = [status_label(ev.status, lang)]
    if ev.completion is not None:
        parts.append(f"{word('completion', lang)} {one_decimal(ev.completion)}%")
    if ev.time_progress is not None:
        parts.append(f"{word('time_progress', lang)} {one_decimal(ev.time_progress)}%")
    if ev.gap is not None:
        parts.append(f"{word('gap', lang)} {signed(ev.gap)}")
    name = safe.plain(target.name)
    if record.withdrawn:
        what = record_text(replaced, target, lang) if replaced else ""
        head = "已撤回" if lang == "zh" else "withdrew"
    else:
        what = record_text(record, target, lang)
        head = "已记录" if lang == "zh" else "recorded"
        if record.correction:
            head += " (更正)" if lang == "zh" else " (correction)"
    return (f"{head} {name} [{target.id}] {record.period}: {what} → {path}\n"
            f"  {', '.join(parts)}")


def responded_message(target: Target, response: Response, path: str, lang: str) -> str:
    """What `respond` recorded, and where."""
    name = safe.plain(target.name)
    if lang == "zh":
        by = f"（{safe.plain(response.by)}）" if response.by else ""
        return (f"已记录答复 {name} [{target.id}] {response.period}{by} → {path}\n"
                f"  原因：{safe.plain(response.reason)}\n  措施：{safe.plain(response.measures)}")
    by = f" ({safe.plain(response.by)})" if response.by else ""
    return (f"recorded the answer on {name} [{target.id}] {response.period}{by} → {path}\n"
            f"  reason: {safe.plain(response.reason)}\n"
            f"  measures: {safe.plain(response.measures)}")


def notices_message(path: str, count: int, lang: str) -> str:
    """What `notice -o` wrote."""
    if lang == "zh":
        return f"已导出 {path}：{count}个单位的督办通知单"
    return f"exported {path}: notices to {count} unit(s)"


def exported_message(path: str, report: StatusReport, lang: str) -> str:
    """What `export -o` wrote: the file, how many targets, the as-of and the counts."""
    counts = " ".join(f"{status_short(s, lang)}{report.summary.get(s, 0)}" if lang == "zh"
                      else f"{status_short(s, lang)} {report.summary.get(s, 0)}"
                      for s in STATUS_ORDER)
    heading = month_heading(str(report.as_of.period), lang)
    if lang == "zh":
        return f"已导出 {path}：{len(report.rows)}项指标，{heading}（{counts}）"
    return f"exported {path}: {len(report.rows)} targets, {heading} ({counts})"


def created_message(path: str, lang: str) -> str:
    if lang == "zh":
        return f"已创建 {path}；编辑后运行 `kpitrack check`"
    return f"created {path}; edit it, then run `kpitrack check`"


def check_summary(targets: int, figures: int, errors: int, warnings: int, lang: str) -> str:
    if lang == "zh":
        return f"{targets}项指标，{figures}条数据：{errors}个错误，{warnings}个警告"
    return f"{targets} targets, {figures} figures: {errors} errors, {warnings} warnings"


def check_lines(problems: list[Problem], targets: int, figures: int, lang: str
                ) -> tuple[list[str], str]:
    """`check`: one line per problem, and the summary for stderr."""
    lines = [severity(p.severity, lang) + p.text(lang) for p in problems]
    errors = sum(1 for p in problems if p.severity == "error")
    return lines, check_summary(targets, figures, errors, len(problems) - errors, lang)


def problems_elsewhere(count: int, lang: str) -> str:
    if lang == "zh":
        return f"注意：工作区其他文件有{count}处问题；请运行 `kpitrack check`"
    return f"warning: the workspace has {count} problem(s) elsewhere; run `kpitrack check`"
