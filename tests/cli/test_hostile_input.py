"""Hostile input, generated with hypothesis: every free-text option and every importer.

The only outcomes allowed: success with the value stored as documented (verbatim for texts),
or exit 1 with one ``Error:`` line, no traceback, and the database exactly as it was.
Examples are bounded so the whole file runs in well under a minute per backend.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.helpers import Cli, snapshot
from tests.helpers.hostile import DAMAGE, IMPORTERS, OPTIONS, Importer, Option, Sample, hostile_text

# Validation is the same on both backends: the PostgreSQL pass runs fewer generated examples
# (the explicit @example cases always run).
BOUNDED = settings(
    max_examples=4 if os.environ.get("CLAIMTRACK_TEST_DATABASE_URL") else 8,
    deadline=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
    ],
)


@pytest.fixture
def ready(cli: Cli) -> Cli:
    """A CLI whose database already has its (empty) schema, so snapshots can compare."""
    cli.ok("init")
    return cli


FORMATS = ["table", "markdown", "csv"]


def assert_clean_failure(result: Any, cli: Cli, before: dict[str, Any], context: object) -> None:
    assert result.exit_code == 1, (context, result.exit_code, result.output[-2000:])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        context,
        result.exception,
    )
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), (context, result.stderr[-2000:])
    assert snapshot(cli.url) == before, context


@pytest.mark.parametrize("option", OPTIONS, ids=[o.name for o in OPTIONS])
@BOUNDED
@given(value=hostile_text())
@example(value="\u202eevil\u202c \x1b[31m =SUM(A1) | <script>")
@example(value="\udcff\udcfe")  # undecodable bytes in argv arrive as lone surrogates
@example(value="nul\x00byte")
@example(value="")
def test_free_text_options(ready: Cli, option: Option, value: str) -> None:
    cli = ready
    made = option.prepare(cli)  # new records for every example: nothing collides
    before = snapshot(cli.url)
    result = cli(*option.args(made, value))
    if result.exit_code != 0:
        assert_clean_failure(result, cli, before, (option.name, value[:200]))
        return
    assert "Traceback" not in result.output
    if option.read is None:
        assert snapshot(cli.url) == before  # read-only commands never write
        return
    stored = option.read(cli, made, result.stdout, value)
    assert stored == option.expect(value), (option.name, value[:200], stored)
    # ...and the change renders without crashing (a different format each time).
    cli.ok("history", "--limit", "2", "-f", FORMATS[len(value) % len(FORMATS)])


records = st.lists(
    st.builds(Sample, text=hostile_text(), speaker=hostile_text(), tag=hostile_text()),
    min_size=1,
    max_size=4,
)


@pytest.mark.parametrize("importer", IMPORTERS, ids=[i.name for i in IMPORTERS])
@BOUNDED
@given(samples=records, how=st.sampled_from(DAMAGE), where=st.floats(0, 1))
@example(samples=[Sample("ok \u202eclaim", "Speaker", "tag")], how="intact", where=0.5)
def test_importers(
    ready: Cli, tmp_path: Path, importer: Importer, samples: list[Sample], how: str, where: float
) -> None:
    cli = ready
    from tests.helpers.hostile import damage

    file = tmp_path / f"{importer.name}.input"
    file.write_bytes(damage(importer.write(samples), how, where))
    before = snapshot(cli.url)
    known = {
        c["text"] for c in json.loads(cli.ok("claim", "list", "--limit", "0", "-f", "json").stdout)
    }
    result = cli(*importer.args(file))
    if result.exit_code not in (0, 3):  # 3: partly imported, some records rejected
        assert_clean_failure(result, cli, before, (importer.name, how, samples))
        return
    assert result.exception is None or result.exit_code == 3, result.exception
    assert (result.exit_code == 3) == ("Partly imported" in result.stderr), result.stderr
    claims = json.loads(cli.ok("claim", "list", "--limit", "0", "-f", "json").stdout)
    if how in ("intact", "bom"):
        new = {claim["text"] for claim in claims} - known
        sent = {importer.stored(sample.text) for sample in samples}
        assert new <= sent  # nothing invented or altered
        if "rejected 0" in result.stderr:  # and nothing lost without a word
            assert {text for text in sent if text.strip()} <= {c["text"] for c in claims}
    cli.ok("db", "check")  # whatever got in, the database is whole
