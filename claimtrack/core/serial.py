"""Values as JSON: dataclasses, dates, enums and tuples made JSON-ready.

Used for what is stored (the edit history's snapshots, backups) and for what is shown (JSON
output), so it lives below both: a change made for display never changes a stored format
by accident (tests/store/test_history.py pins the stored shape).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
from collections.abc import Mapping
from typing import Any

_SCALARS = frozenset({str, int, float, bool})


def plain(value: Any) -> Any:
    """Dataclasses, dates, enums and tuples as JSON-ready values."""
    if value is None or type(value) in _SCALARS:  # most values: skip the checks below
        return value
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def compact_json(value: Any) -> str:
    """How claimtrack writes the JSON it stores (history snapshots, kept originals): compact,
    Unicode as is. orjson writes it (several times faster than the json module; the same
    text but for a float's exponent: 1e-8, not 1e-08); what orjson refuses (integers beyond 64 bits,
    lone surrogates, keys that are not text) goes through the json module as before. A float
    that is not a number is written null (PostgreSQL's JSON has no NaN)."""
    import orjson  # here, so that `claimtrack --help` does not load it

    try:
        return orjson.dumps(value).decode()
    except TypeError:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def to_json(value: Any) -> str:
    """Pretty JSON, Unicode kept as is."""
    return json.dumps(plain(value), ensure_ascii=False, indent=2)
