"""A file that gives one claim or verdict id twice: the second record is rejected as a
duplicate within the file (counted, written to --rejects, with a reason naming the id), the
first goes in, and nothing of the second is written. Ids already stored, or given by another
file of the same import, are updates as before. Through the real CLI."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import pytest

from claimtrack.interchange import duplicates, importing
from claimtrack.interchange.importer import Importer
from tests.helpers import Cli, query, summary, write

CLAIM = "c-dd0000000001"
OTHER = "c-dd0000000002"
VERDICT = "v-dd0000000001"


def claim(text: str, speaker: str, claim_id: str = CLAIM, page: str | None = None) -> dict:
    record: dict = {"id": claim_id, "text": text, "speaker": speaker}
    if page:
        record["appearances"] = [{"source": page}]
    return record


def verdict(rating: str, by: str, verdict_id: str = VERDICT, claim_id: str = CLAIM) -> dict:
    return {"id": verdict_id, "claim": claim_id, "rating": rating,
            "normalized": rating.lower(), "by": by}


def native(path: Path, claims: list[dict], verdicts: list[dict] = ()) -> str:  # type: ignore[assignment]
    return write(path, json.dumps({"format": "claimtrack", "version": 1, "claims": claims,
                                   "verdicts": list(verdicts)}))


def jsonl(path: Path, records: list[tuple[str, dict]]) -> str:
    return write(path, "".join(json.dumps({"type": kind, **record}) + "\n"
                               for kind, record in records))


def rejects(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def stored_claims(cli: Cli) -> list[tuple[str, str]]:
    return query(cli.url, "SELECT public_id, text FROM claims ORDER BY public_id")


def actor_names(cli: Cli) -> set[str]:
    return {name for name, in query(cli.url, "SELECT name FROM actors")}


def test_a_native_claim_given_twice_keeps_the_first(cli: Cli, tmp_path: Path) -> None:
    path = native(tmp_path / "d.json", [
        claim("a", "X"), claim("b", "Y", page="https://example.org/second")])
    dry = cli("import", path, "--dry-run", "--rejects", str(tmp_path / "dry.jsonl"))
    assert dry.exit_code == 3 and "added 2 (actors 1, claims 1)" in dry.stderr
    assert "rejected 1" in dry.stderr and stored_claims(cli) == []
    result = cli("import", path, "--rejects", str(tmp_path / "r.jsonl"))
    assert result.exit_code == 3, result.output
    assert "added 2 (actors 1, claims 1), updated 0, unchanged 0, rejected 1" in summary(result)
    (rejected,) = rejects(tmp_path / "r.jsonl")
    assert rejected["position"] == "claims[1]" and rejected["record"]["text"] == "b"
    assert CLAIM in rejected["reason"] and "earlier in this file (claims[0])" in rejected["reason"]
    assert "the first was kept" in rejected["reason"]
    assert stored_claims(cli) == [(CLAIM, "a")]
    # nothing of the second: neither its speaker nor its page
    assert actor_names(cli) == {"X"}
    assert query(cli.url, "SELECT count(*) FROM sources") == [(0,)]
    # Importing the same file again: the first is unchanged, the second rejected again.
    again = cli("import", path, "--rejects", str(tmp_path / "r2.jsonl"))
    assert "unchanged 1 (claims 1), rejected 1" in summary(again)
    assert stored_claims(cli) == [(CLAIM, "a")]


def test_a_whole_export_with_a_duplicate_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    path = native(tmp_path / "d.json", [claim("a", "X"), claim("b", "X")])
    result = cli.fails("import", path)
    assert f"claims[1]: claim {CLAIM} was given earlier" in result.stderr
    assert stored_claims(cli) == [] and actor_names(cli) == set()


def test_a_native_verdict_given_twice_keeps_the_first(cli: Cli, tmp_path: Path) -> None:
    path = native(tmp_path / "d.json", [claim("a", "X")],
                  [verdict("False", "Snopes"), verdict("True", "Other desk")])
    result = cli("import", path, "--rejects", str(tmp_path / "r.jsonl"))
    assert result.exit_code == 3, result.output
    assert "verdicts 1" in summary(result) and "rejected 1" in summary(result)
    (rejected,) = rejects(tmp_path / "r.jsonl")
    assert rejected["position"] == "verdicts[1]" and VERDICT in rejected["reason"]
    assert query(cli.url, "SELECT public_id, rating FROM verdicts") == [(VERDICT, "False")]
    assert "Other desk" not in actor_names(cli)


def test_jsonl_claims_and_verdicts_given_twice(cli: Cli, tmp_path: Path) -> None:
    path = jsonl(tmp_path / "d.jsonl", [
        ("claim", claim("a", "X")), ("verdict", verdict("False", "Snopes")),
        ("claim", claim("b", "Y")), ("verdict", verdict("True", "Snopes")),
        ("claim", claim("c", "X", OTHER))])
    result = cli("import", path, "--rejects", str(tmp_path / "r.jsonl"))
    assert result.exit_code == 3, result.output
    assert "rejected 2" in summary(result)
    assert [r["position"] for r in rejects(tmp_path / "r.jsonl")] == ["line 3", "line 4"]
    assert stored_claims(cli) == [(CLAIM, "a"), (OTHER, "c")]
    assert query(cli.url, "SELECT rating FROM verdicts") == [("False",)]
    assert "Y" not in actor_names(cli)


CSV_HEAD = "id,claim,speaker,source_url,verdict_id,verdict,reviewer\n"


def test_csv_rows_of_one_claim_gather_but_another_text_is_a_duplicate(
    cli: Cli, tmp_path: Path
) -> None:
    path = write(tmp_path / "d.csv", CSV_HEAD
                 + f"{CLAIM},a,X,https://example.org/1,{VERDICT},False,Snopes\n"
                 + f"{CLAIM},a,X,https://example.org/2,,,\n"  # one claim on two rows: fine
                 + f"{CLAIM},b,X,https://example.org/3,,,\n"  # another claim, same id
                 + f"{OTHER},c,X,,{VERDICT},True,Snopes\n")  # another verdict, same id
    result = cli("import", path, "--rejects", str(tmp_path / "r.jsonl"))
    assert result.exit_code == 3, result.output
    assert "rejected 2" in summary(result)
    first, second = rejects(tmp_path / "r.jsonl")
    assert first["position"] == "row 3 (line 4)" and CLAIM in first["reason"]
    assert "another text" in first["reason"] and "the first was kept" in first["reason"]
    assert second["position"] == "row 4 (line 5)" and VERDICT in second["reason"]
    assert "another claim and label" in second["reason"]
    assert stored_claims(cli) == [(CLAIM, "a")]
    assert sorted(url for url, in query(cli.url, "SELECT url FROM sources")) == [
        "https://example.org/1", "https://example.org/2"]
    assert query(cli.url, "SELECT rating FROM verdicts") == [("False",)]


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches of 2 records, and ids past the first 2 of a file remembered by row only (so a
    duplicate two batches on is found by a look-up)."""
    monkeypatch.setattr(importing, "Importer", functools.partial(Importer, batch_size=2))
    monkeypatch.setattr(duplicates, "CACHE_LIMIT", 2)


@pytest.mark.usefixtures("small_batches")
def test_an_id_repeated_batches_later_is_a_duplicate(cli: Cli, tmp_path: Path) -> None:
    others = [claim(f"other {n}", "X", f"c-dd00000001{n:02d}") for n in range(6)]
    path = native(tmp_path / "d.json", [claim("a", "X"), *others, claim("b", "Y")],
                  [verdict("False", "Snopes"), verdict("Mixed", "Snopes", "v-dd0000000002"),
                   verdict("Mixed", "Snopes", "v-dd0000000003"),
                   verdict("True", "Other desk")])
    result = cli("import", path, "--rejects", str(tmp_path / "r.jsonl"))
    assert result.exit_code == 3, result.output
    assert "claims 7" in summary(result) and "verdicts 3" in summary(result)
    assert [r["position"] for r in rejects(tmp_path / "r.jsonl")] == [
        "claims[7]", "verdicts[3]"]
    assert (CLAIM, "a") in stored_claims(cli) and len(stored_claims(cli)) == 7
    assert query(cli.url, "SELECT rating FROM verdicts WHERE public_id = :v", v=VERDICT) == [
        ("False",)]
    assert actor_names(cli) == {"X", "Snopes"}
    # The same file again: every record that went in is unchanged.
    again = cli("import", path, "--rejects", str(tmp_path / "r2.jsonl"))
    assert "added 0, updated 0, unchanged 10 (claims 7, verdicts 3), rejected 2" in summary(
        again)


@pytest.mark.usefixtures("small_batches")
def test_a_csv_claim_on_rows_batches_apart_still_gathers(cli: Cli, tmp_path: Path) -> None:
    rows = [f"{CLAIM},a,X,https://example.org/{n},,," for n in range(5)]
    rows.append(f"{CLAIM},b,X,https://example.org/9,,,")
    path = write(tmp_path / "d.csv", CSV_HEAD + "\n".join(rows) + "\n")
    result = cli("import", path, "--rejects", str(tmp_path / "r.jsonl"))
    assert result.exit_code == 3, result.output
    (rejected,) = rejects(tmp_path / "r.jsonl")
    assert rejected["position"] == "row 6 (line 7)" and "another text" in rejected["reason"]
    assert stored_claims(cli) == [(CLAIM, "a")]
    assert query(cli.url, "SELECT count(*) FROM appearances") == [(5,)]


def test_an_id_stored_before_or_in_another_file_is_an_update(cli: Cli, tmp_path: Path) -> None:
    first = native(tmp_path / "1.json", [claim("a", "X")])
    second = native(tmp_path / "2.json", [claim("b", "X")])
    result = cli.ok("import", first, second)
    assert "rejected 0" in summary(result)  # the later file's record goes over the first
    assert stored_claims(cli) == [(CLAIM, "b")]
    # the same file twice in one command: two files, not a duplicate within one
    twice = cli.ok("import", first, first)
    assert "rejected 0" in summary(twice) and stored_claims(cli) == [(CLAIM, "a")]
