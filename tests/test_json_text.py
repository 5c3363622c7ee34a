"""kpitrack's JSON writer gives exactly what json.dumps gives, or refuses what it refuses."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kpitrack.render.json_text import dumps

_keys = st.one_of(st.text(), st.sampled_from(["id", "名称", "a\"b", "\\", "\x00", "\ud800"]),
                  st.integers(), st.floats(), st.booleans(), st.none())
_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(-2**70, 2**70),
                     st.floats(), st.floats(allow_nan=False, allow_infinity=False),
                     st.text(), st.sampled_from(["", "红色·滞后督办", "\u2028", "\x1b[31m",
                                                  "<script>", "\ud83d", "😀", "\t\n\r"]))
_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.tuples(inner, inner),
                            st.dictionaries(_keys, inner, max_size=4),
                            st.dictionaries(st.text(max_size=3), inner, max_size=4)),
    max_leaves=30)


def _expected(value):
    try:
        return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False), None
    except Exception as error:  # the kind of error is what is compared
        return None, type(error)


@settings(max_examples=600, deadline=None)
@given(_values)
def test_dumps_is_json_dumps(value):
    text, error = _expected(value)
    if error is None:
        assert dumps(value) == text
    else:
        with pytest.raises(error):
            dumps(value)


def test_a_report_is_written_the_quick_way():
    """The types a report holds never need the fallback (it would be slow, not wrong)."""
    from kpitrack.render import json_text

    report = {"schema": 1, "targets": [{"id": "gq", "gap": -2.5, "done": None, "ok": True,
                                        "trend": [1.0, 2], "summary": {}}],
              "x": [], "months": ("2025-01",)}
    out: list[str] = []
    json_text._encode(report, out, "\n")
    assert "".join(out) == json.dumps(report, ensure_ascii=False, indent=2)


def test_other_types_and_cycles_go_to_json_dumps():
    class Other:
        pass

    with pytest.raises(TypeError):
        dumps({"x": Other()})
    with pytest.raises(ValueError, match="Out of range"):
        dumps([float("nan")])
    cycle: list = []
    cycle.append(cycle)
    with pytest.raises(ValueError, match="Circular"):
        dumps(cycle)
    assert dumps({1: "a", None: [True]}) == json.dumps({1: "a", None: [True]}, indent=2)
