"""Short messages for the commands that change things."""

from __future__ import annotations

from ...core.errors import Problem
from ...core.model import STATUS_ORDER, Actual, Evaluation, Response, Target
from ...core.report import StatusReport
from ...i18n.reports import Say
from ...i18n.words import Word, month_heading, severity, status_short, word
from .. import safe
from ..cells import one_decimal, record_text, signed, status_text


def recorded_message(target: Target, record: Actual, ev: Evaluation, replaced: Actual | None,
                     path: str, lang: str) -> str:
    """What `add` recorded (or `withdraw` took back: `replaced`), where, and the target's
    status `ev` after it."""
    parts = [status_text(ev, lang)]
    if ev.completion is not None:
        parts.append(f"{word('completion', lang)} {one_decimal(ev.completion)}%")
    if ev.time_progress is not None:
        parts.append(f"{word('time_progress', lang)} {one_decimal(ev.time_progress)}%")
    if ev.gap is not None:
        parts.append(f"{word('gap', lang)} {signed(ev.gap)}")
    if record.withdrawn:
        what = record_text(replaced, target, lang) if replaced else ""
        head = Say.WITHDREW
    else:
        what = record_text(record, target, lang)
        head = Say.RECORDED_CORRECTION if record.correction else Say.RECORDED
    line = head.text(lang, name=safe.plain(target.name), id=target.id, period=record.period,
                     figure=what, path=path)
    return f"{line}\n  {', '.join(parts)}"


def responded_message(target: Target, response: Response, path: str, lang: str) -> str:
    """What `respond` recorded, and where."""
    said = {"name": safe.plain(target.name), "id": target.id, "period": response.period,
            "path": path, "reason": safe.plain(response.reason),
            "measures": safe.plain(response.measures)}
    if response.by:
        return Say.RESPONDED_BY.text(lang, by=safe.plain(response.by), **said)
    return Say.RESPONDED.text(lang, **said)


def notices_message(path: str, count: int, lang: str) -> str:
    """What `notice -o` wrote."""
    return Say.EXPORTED_NOTICES.text(lang, path=path, n=count)


def exported_message(path: str, report: StatusReport, lang: str) -> str:
    """What `export -o` wrote: the file, how many targets, the as-of and the counts."""
    counts = " ".join(Word.STATUS_COUNT.text(lang, status=status_short(s, lang),
                                             n=report.summary.get(s, 0))
                      for s in STATUS_ORDER)
    return Say.EXPORTED.text(lang, path=path, n=len(report.rows), counts=counts,
                             as_of=month_heading(str(report.as_of.period), lang))


def created_message(path: str, lang: str) -> str:
    return Say.CREATED.text(lang, path=path)


def check_summary(targets: int, figures: int, errors: int, warnings: int, lang: str) -> str:
    return Say.CHECK_SUMMARY.text(lang, targets=targets, figures=figures, errors=errors,
                                  warnings=warnings)


def check_lines(problems: list[Problem], targets: int, figures: int, lang: str
                ) -> tuple[list[str], str]:
    """`check`: one line per problem, and the summary for stderr."""
    lines = [severity(p.severity, lang) + p.text(lang) for p in problems]
    errors = sum(1 for p in problems if p.severity == "error")
    return lines, check_summary(targets, figures, errors, len(problems) - errors, lang)


def problems_elsewhere(count: int, lang: str) -> str:
    return Say.PROBLEMS_ELSEWHERE.text(lang, n=count)
