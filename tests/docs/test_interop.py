"""docs/interop.md stays in step with the code: every CSV column and built-in label is listed."""

from __future__ import annotations

from claimtrack.core.ratings import builtin_rows
from claimtrack.formats.csvio import COLUMNS
from tests.helpers import ROOT

DOCS = (ROOT / "docs" / "interop.md").read_text(encoding="utf-8")


def test_every_csv_column_and_alias_is_documented() -> None:
    for name, (aliases, _what) in COLUMNS.items():
        assert f"`{name}`" in DOCS, name
        for alias in aliases:
            assert f"`{alias}`" in DOCS, alias


def test_every_builtin_label_is_documented() -> None:
    missing = [label for label, _rating, _language in builtin_rows() if label not in DOCS]
    assert not missing
