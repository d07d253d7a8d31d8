"""The Bloom filter that spares an import's duplicate-id check a look-up per id."""

from __future__ import annotations

from claimtrack.interchange.duplicates import Seen


def test_every_id_added_is_found_and_few_others_are() -> None:
    seen = Seen()
    added = [f"c-{n:012d}" for n in range(100_000)]
    for public_id in added:
        seen.add(public_id)
    assert all(public_id in seen for public_id in added)
    wrongly = sum(f"v-{n:012d}" in seen for n in range(100_000))
    assert wrongly < 100  # about 0.1 in 100,000 expected at this size; a look-up each
