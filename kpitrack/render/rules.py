"""A rule set in words, from the configuration itself: every legend states the rule its
colours were judged by, and `kpitrack rules` prints it."""

from __future__ import annotations

from collections.abc import Sequence

from ..core.model import Bands, Basis, Measure, PaceBands, Plan, Status, Supervision, Target
from ..i18n.reports import Say
from ..i18n.words import Word, status_label, status_short
from .cells import one_decimal, signed

COLOURS = (Status.BLUE, Status.GREEN, Status.YELLOW, Status.RED)


def edge_texts(bands: PaceBands, unit: str = "") -> dict[Status, str]:
    """Each colour's range, as every legend writes it: `-5.0 ~ +10.0` (points, signed) or
    `50% ~ 100%` (with `unit` "%"). No blue edge: blue has no range."""
    def text(value: float) -> str:
        return f"{one_decimal(value)}{unit}" if unit else signed(value)

    top = bands.blue
    return {
        Status.BLUE: "" if top is None else f"≥ {text(top)}",
        Status.GREEN: f"≥ {text(bands.green)}" if top is None else
        f"{text(bands.green)} ~ {text(top)}",
        Status.YELLOW: f"{text(bands.yellow)} ~ {text(bands.green)}",
        Status.RED: f"< {text(bands.yellow)}",
        Status.NONE: "",
    }


def _month_edges(bands: PaceBands) -> PaceBands:
    """A month's edges as shares of its task: points are completion − 100."""
    if bands.measure is Measure.RATIO:
        return bands
    shift = 100.0
    return PaceBands(None if bands.blue is None else bands.blue + shift, bands.green + shift,
                     bands.yellow + shift)


def pace_edges(bands: Bands) -> dict[Status, str]:
    """The pace rule's ranges as its legend writes them: points of gap, or percentages of
    time progress or of the month's task."""
    if bands.basis is Basis.MONTH:
        return edge_texts(_month_edges(bands.pace), "%")
    if bands.pace.measure is Measure.RATIO:
        return edge_texts(bands.pace, "%")
    return edge_texts(bands.pace)


def colour_sentences(bands: Bands, lang: str) -> list[tuple[Status, str]]:
    """One sentence per colour: its range under the pace rule, and for growth and
    threshold targets."""
    difference = edge_texts(bands.difference)
    pace = pace_edges(bands)
    template = Say.LEGEND_MONTH if bands.basis is Basis.MONTH else \
        Say.LEGEND_RATIO if bands.pace.measure is Measure.RATIO else Say.LEGEND_BAND
    return [(status, template.text(lang, label=status_label(status, lang), range=pace[status],
                                   pace=pace[status], difference=difference[status]))
            for status in COLOURS if pace[status] or difference[status]]


def rule_notes(bands: Bands, supervision: Supervision, lang: str) -> list[str]:
    """The rules beyond the edges, each a sentence; none for the default scheme."""
    notes = []
    if bands.basis is Basis.MONTH:
        notes.append(Say.RULE_MONTH_BASIS.text(lang))
    if bands.pace.blue is None:
        notes.append(Say.RULE_THREE_COLOURS.text(lang))
    notes += [Say.RULE_ESCALATE.text(lang, source=status_short(rule.source, lang),
                                     months=rule.months, to=status_short(rule.to, lang))
              for rule in bands.escalate]
    if supervision.catch_up and bands.basis is Basis.MONTH:
        notes.append(Say.RULE_CATCH_UP.text(lang))
    if supervision.interview_after:
        notes.append(Say.RULE_INTERVIEW.text(lang, n=supervision.interview_after))
    if bands.milestone.warn_share is not None:
        notes.append(Say.RULE_WARN_SHARE.text(lang,
                                              share=one_decimal(bands.milestone.warn_share)))
    return notes


def rule_lines(bands: Bands, supervision: Supervision, lang: str) -> list[str]:
    """The whole rule set: the colours, then the other rules."""
    return [text for _, text in colour_sentences(bands, lang)] + \
        rule_notes(bands, supervision, lang)


def own_rules(plan: Plan, targets: Sequence[Target], lang: str) -> list[str]:
    """For a legend: the sections, then the targets, that follow rules other than the
    plan's, each group once with its rules."""
    sections = dict(plan.sections)
    present = {t.section for t in targets}
    groups: dict[Bands, list[str]] = {}
    for name, bands in plan.sections:
        if name in present:
            groups.setdefault(bands, []).append(name)
    own: dict[Bands, list[Target]] = {}
    for target in targets:
        if target.bands is not None and target.bands != sections.get(target.section):
            own.setdefault(target.bands, []).append(target)
    out = [_own(Word.NOTES_JOIN.text(lang).join(names), bands, plan, lang)
           for bands, names in groups.items()]
    for bands, members in own.items():
        names = [t.name for t in members[:3]]
        who = Word.NOTES_JOIN.text(lang).join(names) if len(members) <= 3 else \
            Say.RULE_TARGETS.text(lang, names=Word.NOTES_JOIN.text(lang).join(names),
                                  n=len(members))
        out.append(_own(who, bands, plan, lang))
    return out


def _own(who: str, bands: Bands, plan: Plan, lang: str) -> str:
    colours = Word.NOTES_JOIN.text(lang).join(text for _, text in colour_sentences(bands, lang))
    rules = Word.SENTENCE_SEPARATOR.text(lang).join(
        [colours + Word.FULL_STOP.text(lang), *rule_notes(bands, plan.supervision, lang)])
    return Say.RULE_OTHERS.text(lang, who=who, rules=rules)


def rules_report(plan: Plan, targets: Sequence[Target], lang: str,
                 target: Target | None = None, section: str | None = None) -> list[str]:
    """`kpitrack rules`: headed blocks of the rule sets asked for, one sentence a line."""
    own = dict(plan.sections)
    if target is not None:
        if target.bands is not None:
            source = Word.RULES_OF_TARGET.text(lang)
            if target.section in own and own[target.section] == target.bands:
                source = Word.RULES_OF_SECTION.text(lang, name=target.section)
        else:
            source = Word.RULES_OF_PLAN.text(lang)
        head = Say.RULES_TARGET.text(lang, name=target.name, id=target.id)
        return _block(head, source, target.bands or plan.bands, plan, lang)
    if section is not None:
        bands = own.get(section, plan.bands)
        source = Word.RULES_OF_SECTION.text(lang, name=section) if section in own else \
            Word.RULES_OF_PLAN.text(lang)
        return _block(Say.RULES_SECTION.text(lang, name=section), source, bands, plan, lang)
    out = _block(Say.RULES_PLAN.text(lang, title=plan.title), Word.RULES_OF_PLAN.text(lang),
                 plan.bands, plan, lang)
    for name, bands in plan.sections:
        out += ["", *_block(Say.RULES_SECTION.text(lang, name=name),
                            Word.RULES_OF_SECTION.text(lang, name=name), bands, plan, lang)]
    for t in targets:
        if t.bands is not None and own.get(t.section) != t.bands:
            out += ["", *_block(Say.RULES_TARGET.text(lang, name=t.name, id=t.id),
                                Word.RULES_OF_TARGET.text(lang), t.bands, plan, lang)]
    return out


def _block(head: str, source: str, bands: Bands, plan: Plan, lang: str) -> list[str]:
    milestone = bands.milestone
    lines = [*rule_lines(bands, plan.supervision, lang),
             Say.LEGEND_MILESTONE.text(lang, warn_days=milestone.warn_days,
                                       early_days=milestone.early_days)]
    if bands.stale is not None:
        lines.append(Word.STALE_CAPPED_NOTE.text(lang, label=status_label(bands.stale, lang)))
    return [head + Say.RULES_FROM.text(lang, source=source), *(f"  {x}" for x in lines)]
