"""JSON is written as the standard library writes it, whichever writer writes it."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpitrack.render import json_out

SCALARS = st.one_of(st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70),
                    st.floats(allow_nan=True, allow_infinity=True),
                    st.floats(min_value=-1e-3, max_value=1e-3),
                    st.text(alphabet=st.characters(exclude_categories=("Cs",))))
DOCS = st.recursive(SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=5), st.dictionaries(st.text(max_size=8), inner, max_size=5)),
    max_leaves=40)


def stdlib(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)


@settings(max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # the fixture holds
@given(st.dictionaries(st.text(max_size=8), DOCS, max_size=6))
def test_orjson_writes_exactly_the_standard_librarys_text(monkeypatch_rows, data):
    try:
        expected = stdlib(data)
    except ValueError:  # NaN or infinity: the standard library refuses, and so must we
        with pytest.raises(ValueError):
            json_out.dumps(data)
        return
    assert json_out.dumps(data) == expected


@pytest.fixture
def monkeypatch_rows():
    """Every document goes the orjson way when it can, however few its rows."""
    saved = json_out._MANY_ROWS
    json_out._MANY_ROWS = 0
    yield
    json_out._MANY_ROWS = saved


@pytest.mark.parametrize("value", [1e-05, 5e-06, 9.99e-05, 1.1e-09, float("nan"), 2**64])
def test_the_values_orjson_writes_otherwise_go_to_the_standard_library(monkeypatch_rows,
                                                                       value):
    assert not json_out._same_in_orjson({"targets": [{"gap": value}]})


def test_a_large_report_takes_the_orjson_way(monkeypatch):
    orjson = pytest.importorskip("orjson")
    calls = []
    real = orjson.dumps
    monkeypatch.setattr(orjson, "dumps", lambda *a, **k: calls.append(1) or real(*a, **k))
    data = {"targets": [{"id": f"t{i}", "gap": -2.5 + i / 7} for i in range(600)]}
    assert json_out.dumps(data) == stdlib(data) and calls == [1]
    small = {"targets": data["targets"][:10]}
    assert json_out.dumps(small) == stdlib(small) and calls == [1]


@pytest.mark.parametrize("data", [{"targets": [{1: "a"}]}, {"targets": [{"n": -2**64}]},
                                  {"targets": [{"x": {None: 1.5}}]}])
def test_what_orjson_refuses_is_written_by_the_standard_library(monkeypatch_rows, data):
    assert json_out.dumps(data) == stdlib(data)
