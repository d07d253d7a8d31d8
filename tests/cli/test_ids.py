"""Ids as people type them: unique prefixes for claims and verdicts alike, ambiguous prefixes
counted, a deleted claim's prefix as helpful as its whole id."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from claimtrack.core.errors import InvalidInput
from claimtrack.services import claims, verdicts
from tests.helpers import Cli, snapshot


def test_a_verdict_is_found_by_a_unique_prefix(cli: Cli) -> None:
    claim = cli.add("A claim")
    verdict = cli.ok("verdict", "add", claim, "--rating", "False", "--by", "X").stdout.strip()
    cli.ok("verdict", "status", "in-review", verdict[:6])
    assert "Removed verdict " + verdict in cli.ok("verdict", "rm", verdict[:6]).stderr
    assert f"Verdict {verdict} was deleted on" in cli.fails("verdict", "rm", verdict[:6]).stderr


def test_an_ambiguous_prefix_says_how_many_ids_it_starts(seeded: Cli) -> None:
    before = snapshot(seeded.url)
    error = seeded.fails("claim", "show", "c-seed").stderr
    assert "13 claims start with c-seed (first 5: c-seed00000001," in error
    assert "give more characters" in error
    assert "13 claims start with c-seed" in seeded.fails("claim", "rm", "c-seed").stderr
    assert snapshot(seeded.url) == before


def test_an_ambiguous_verdict_prefix_is_counted_too(session: Session) -> None:
    claim = claims.add_claim(session, text="A claim")
    for public_id, rating in (("v-aaaa00000001", "False"), ("v-aaaa00000002", "True")):
        verdicts.add_verdict(session, claim, rating=rating, by="X", public_id=public_id)
    with pytest.raises(InvalidInput, match="2 verdicts start with v-aaaa "
                       r"\(v-aaaa00000001, v-aaaa00000002\); give more characters"):
        verdicts.get_verdict(session, "v-aaaa")
    assert verdicts.get_verdict(session, "v-aaaa00000002").public_id == "v-aaaa00000002"


def test_a_deleted_claims_prefix_says_how_to_bring_it_back(cli: Cli) -> None:
    claim = cli.add("Soon gone")
    cli.ok("claim", "rm", claim)
    error = cli.fails("claim", "show", claim[:7]).stderr
    assert f"Claim {claim} was deleted on" in error
    assert f"claimtrack claim restore {claim} --at TIME" in error


def test_too_short_a_prefix_says_characters_after_the_c(cli: Cli) -> None:
    error = cli.fails("claim", "show", "c-t8").stderr
    assert "give at least 4 characters after c-" in error
