"""The legend's sentences, shared by the Markdown report and the workbook."""

from __future__ import annotations

from ..core.evaluate import plan_time_progress
from ..core.model import Status
from ..core.report import StatusReport
from ..i18n.reports import Say
from ..i18n.words import Word, status_label, word
from .cells import mark_notes, one_decimal
from .rules import colour_sentences, own_rules, rule_notes


def legend_items(report: StatusReport, lang: str) -> list[tuple[Status | None, str]]:
    """(status or None, sentence): the band edges, the milestone rule and the keys."""
    plan, as_of = report.plan, report.as_of
    items: list[tuple[Status | None, str]] = list(colour_sentences(plan.bands, lang))
    milestone = plan.bands.milestone
    calendar = one_decimal(plan_time_progress(plan, as_of.period))
    items += [
        (Status.NONE, Say.LEGEND_NONE.text(lang, label=status_label(Status.NONE, lang))),
        (None, Say.LEGEND_GAP.text(lang, calendar=calendar)),
        (None, Say.LEGEND_MILESTONE.text(lang, warn_days=milestone.warn_days,
                                         early_days=milestone.early_days)),
        (None, word("change_note", lang)),
        (None, word("trend_note", lang)),
    ]
    items[-2:-2] = [(None, note) for note in rule_notes(plan.bands, plan.supervision, lang)]
    items[-2:-2] = [(None, text)
                    for text in own_rules(plan, [r.target for r in report.rows], lang)]
    notes = mark_notes(report, lang)
    if notes:
        items.append((None, Word.NOTES_JOIN.text(lang).join(notes)))
    return items
