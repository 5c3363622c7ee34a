"""Merging two clones' versions of one month file, record by record: text in, text out.

A month file (of figures, or of units' answers) is a short head (comments and
`schema = 1`) followed by `[[actual]]` or `[[response]]` blocks, and kpitrack only ever
appends blocks. So when each side holds the common
ancestor's blocks unchanged, in order, the merge is the ours side as it is, followed
by each block the other side appended that ours does not already hold. Anything else
(a block edited or deleted, a head that differs) is a true conflict, left to git's own
line merge with conflict markers.

git's built-in `union` driver is not used: it merges line by line, and two records
appended on both sides that share a line (`period = "2025-03"`, the same `by`) come out
interleaved into one broken record.
"""

from __future__ import annotations

import re
from collections import Counter

from .positions import Lines


def split_records(text: str) -> tuple[str, list[str]]:
    """The head before the first record, and each record's block of lines (a header
    inside a multi-line string is text, not a record)."""
    starts = Lines(text).record_starts()
    if not starts:
        return text, []
    ends = [*starts[1:], len(text)]
    return text[:starts[0]], [text[a:b] for a, b in zip(starts, ends, strict=True)]


def _same(block: str) -> str:
    """A block as compared: line ends and trailing blank lines do not matter."""
    return block.replace("\r\n", "\n").rstrip()


_ID = re.compile(r'^[ \t]*id[ \t]*=[ \t]*"([^"\n]+)"', re.MULTILINE)


def identity(block: str) -> str:
    """What makes a record itself: its `id` when it has one (every record kpitrack writes
    does), else its text. Two records with equal text and no id are two records, and
    are kept as many times as either side holds them."""
    found = _ID.search(block)
    return f"id:{found.group(1)}" if found else "text:" + _same(block)


def merge_months(base: str, ours: str, theirs: str) -> str | None:
    """`ours` with the records only `theirs` appended, or None for a true conflict."""
    if theirs in (base, ours):
        return ours
    if ours == base:
        return theirs
    base_blocks = split_records(base)[1]
    ours_head, ours_blocks = split_records(ours)
    theirs_head, theirs_blocks = split_records(theirs)
    kept = [_same(b) for b in base_blocks]
    if [_same(b) for b in ours_blocks[:len(kept)]] != kept or \
            [_same(b) for b in theirs_blocks[:len(kept)]] != kept:
        return None  # a side edited or dropped a record the other may rely on
    if _same(ours_head) != _same(theirs_head):
        return None  # the comments or schema above the records differ
    # A record both sides appended (the same commit reached both) is kept once; a record
    # appended twice on one side (two deliveries of 5 on one day) is kept twice.
    held = Counter(identity(b) for b in ours_blocks[len(kept):])
    newline = "\r\n" if "\r\n" in ours else "\n"
    merged = ours if ours.endswith("\n") or not ours else ours + newline
    for block in theirs_blocks[len(kept):]:
        key = identity(block)
        if held[key]:
            held[key] -= 1
            continue
        merged += newline + _same(block).replace("\n", newline) + newline
    return merged
