"""The legend's sentences, shared by the Markdown report and the workbook."""

from __future__ import annotations

from ..core.evaluate import plan_time_progress
from ..core.model import PaceBands, Status
from ..core.report import StatusReport
from ..i18n.reports import Say
from ..i18n.words import Word, status_label, word
from .cells import mark_notes, one_decimal, signed


def band_edges(bands: PaceBands) -> dict[Status, str]:
    """Each colour's range of the gap, as every legend writes it: `-5.0 ~ +10.0`."""
    return {
        Status.BLUE: f"≥ {signed(bands.blue)}",
        Status.GREEN: f"{signed(bands.green)} ~ {signed(bands.blue)}",
        Status.YELLOW: f"{signed(bands.yellow)} ~ {signed(bands.green)}",
        Status.RED: f"< {signed(bands.yellow)}",
        Status.NONE: "",
    }


def legend_items(report: StatusReport, lang: str) -> list[tuple[Status | None, str]]:
    """(status or None, sentence): the band edges, the milestone rule and the keys."""
    plan, as_of = report.plan, report.as_of
    by_pace, by_diff = band_edges(plan.bands.pace), band_edges(plan.bands.difference)
    items: list[tuple[Status | None, str]] = [
        (status, Say.LEGEND_BAND.text(lang, label=status_label(status, lang),
                                      pace=by_pace[status], difference=by_diff[status]))
        for status in (Status.BLUE, Status.GREEN, Status.YELLOW, Status.RED)]
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
    notes = mark_notes(report, lang)
    if notes:
        items.append((None, Word.NOTES_JOIN.text(lang).join(notes)))
    return items
