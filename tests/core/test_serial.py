"""The JSON claimtrack stores: compact, Unicode as is, the same text whichever encoder wrote it."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.core.serial import compact_json

_SCALARS = st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text()
_FLOATS = st.floats(allow_nan=False, allow_infinity=False)


def _documents(leaves: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.recursive(leaves, lambda children: st.lists(children, max_size=4)
                        | st.dictionaries(st.text(), children, max_size=4), max_leaves=12)


def _reference(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


@given(_documents(_SCALARS))
def test_stored_json_is_the_json_modules_compact_text(value: object) -> None:
    assert compact_json(value) == _reference(value)


@given(_documents(_SCALARS | _FLOATS))
def test_stored_json_reads_back_as_written(value: object) -> None:
    """Floats may be spelled otherwise (1e-8, not 1e-08): the same number."""
    assert json.loads(compact_json(value)) == value


def test_what_the_fast_encoder_refuses_is_still_written() -> None:
    for value in [{"n": 2**70}, {"text": "lone \ud800 surrogate"}, {1: "number key"}]:
        assert compact_json(value) == _reference(value)
    assert json.loads(compact_json({"rating": float("nan")})) == {"rating": None}
