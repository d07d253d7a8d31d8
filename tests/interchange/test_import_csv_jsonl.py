"""Spreadsheets and JSON Lines through `claimtrack import`, and what every import promises:
idempotent, bad records reported not fatal, --strict, --dry-run, stdin, directories."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Cli, claims, query, snapshot, summary, verdicts, write
from tests.helpers.claimreview import BYLINE_REVIEW

SHEET = (
    "\ufeffClaim Text,Claimant,Date Said,Tags,URL,Quote,Rating,Fact Checker,Verdict URL,Colour\r\n"
    '"He said ""no""\nthen yes",Jane Roe,2021-01-02,economy; jobs,https://news.example.com/a,'
    '"the words, verbatim",Pants on Fire!,Example Fact Desk,https://factdesk.example.org/1,red\r\n'
    "'=1+1 is two,John Doe,,,,,,,,blue\r\n"
    "Bad date,Jane Roe,2021-02-30,,,,,,,\r\n"
    "Verdict without reviewer,Jane Roe,,,,,False,,,\r\n"
)


def test_csv_with_bom_aliases_and_embedded_newlines(cli: Cli, tmp_path: Path) -> None:
    result = cli.fails("import", write(tmp_path / "sheet.csv", SHEET), code=3)
    assert summary(result).startswith("Partly imported") and "rejected 2" in summary(result)
    assert "row 3 (line 5): The date '2021-02-30' does not exist" in result.stderr
    assert "row 4 (line 6): A verdict needs its reviewer" in result.stderr
    assert "ignored the columns Colour" in result.stderr
    found = claims(cli)
    multi = found['He said "no"\nthen yes']
    assert (multi["speaker"], multi["date"], multi["tags"]) == (
        "Jane Roe",
        "2021-01-02",
        ["economy", "jobs"],
    )
    assert multi["sources"][0]["quote"] == "the words, verbatim"
    assert "=1+1 is two" in found  # the leading ' that kept a spreadsheet from running it
    (verdict,) = verdicts(cli).values()
    assert (verdict["rating"], verdict["normalized"], verdict["by"]) == (
        "Pants on Fire!",
        "false",
        "Example Fact Desk",
    )


def test_csv_reimport_adds_nothing_and_rows_of_one_claim_merge(cli: Cli, tmp_path: Path) -> None:
    sheet = write(
        tmp_path / "s.csv",
        "claim;speaker;date;source_url\n"
        "Taxes rose;Jane Roe;2020-05-05;https://a.example.com/1\n"
        "Taxes rose.;jane  ROE;2020-05-05;https://a.example.com/2\n",
    )
    first = cli.ok("import", sheet)
    assert "added 4 (actors 1, claims 1, sources 2)" in summary(first)
    # The second row adds a source to the claim the first row added: added, not updated.
    assert "updated 0," in summary(first)
    (claim,) = claims(cli).values()
    assert claim["text"] == "Taxes rose" and len(claim["sources"]) == 2
    before = snapshot(cli.url)
    again = cli.ok("import", sheet)
    assert "added 0, updated 0, unchanged 2 (claims 2)" in summary(again)
    assert snapshot(cli.url) == before


def test_csv_without_claim_column_is_an_error(cli: Cli, tmp_path: Path) -> None:
    result = cli.fails("import", write(tmp_path / "x.csv", "speaker,date\nA,2020-01-01\n"))
    assert "No claim text column" in result.stderr


def test_jsonl_native_records_and_forward_references(cli: Cli, tmp_path: Path) -> None:
    lines = [
        {"type": "link", "from": "c-000000000002", "relation": "denies", "to": "c-000000000001"},
        {"type": "actor", "name": "Jane Roe", "kind": "person", "aliases": ["J. Roe"]},
        {"type": "claim", "id": "c-000000000001", "text": "It happened.", "speaker": "J. Roe"},
        {"type": "claim", "id": "c-000000000002", "text": "It did not.", "speaker": "John Doe"},
        {"type": "claim", "text": "No id here.", "speaker": "John Doe", "date": "2020-01-01"},
        {
            "type": "verdict",
            "id": "v-000000000001",
            "claim": "c-000000000001",
            "rating": "True",
            "normalized": "true",
            "by": "Example Fact Desk",
        },
        {
            "type": "verdict",
            "id": "v-000000000002",
            "claim": "c-00000000000z",
            "rating": "True",
            "normalized": "true",
            "by": "Example Fact Desk",
        },
        {"type": "planet", "name": "Mars"},
    ]
    path = write(
        tmp_path / "records.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n\nnot json\n"
    )
    result = cli.fails("import", path, code=3)
    assert "rejected 3" in summary(result)
    assert "line 7: It is a verdict on claim c-00000000000z" in result.stderr
    assert 'line 8: "type" must be one of' in result.stderr
    assert "line 10: Not valid JSON" in result.stderr
    found = claims(cli)
    assert found["It happened."]["speaker"] == "Jane Roe"  # found by alias
    assert found["It happened."]["challenges"] == 1  # the link read before its claims
    assert found["No id here."]["id"].startswith("c-")
    again = cli.fails("import", path, code=3)
    assert summary(again).split(": ", 1)[1].startswith("added 0, updated 0")


def test_the_same_link_twice_beside_its_new_claims(cli: Cli, tmp_path: Path) -> None:
    link = {"type": "link", "from": "c-000000000002", "relation": "denies", "to": "c-000000000001"}
    lines = [
        {"type": "claim", "id": "c-000000000001", "text": "It happened."},
        {"type": "claim", "id": "c-000000000002", "text": "It did not."},
        link,
        {**link, "note": "said again"},
    ]
    path = write(tmp_path / "twice.jsonl", "\n".join(json.dumps(line) for line in lines))
    result = cli.ok("import", path)
    assert "links 1" in summary(result) and "updated 1 (links 1)" in summary(result)
    assert query(cli.url, "SELECT note FROM links") == [("said again",)]


def test_rejects_file_has_reason_and_position(cli: Cli, tmp_path: Path) -> None:
    rejects = tmp_path / "rejects.jsonl"
    cli.fails("import", write(tmp_path / "s.csv", SHEET), "--rejects", str(rejects), code=3)
    lines = [json.loads(line) for line in rejects.read_text().splitlines()]
    assert [(r["position"], r["record"]["claim"]) for r in lines] == [
        ("row 3 (line 5)", "Bad date"),
        ("row 4 (line 6)", "Verdict without reviewer"),
    ]
    assert all(r["file"].endswith("s.csv") and r["reason"] for r in lines)


def test_strict_aborts_on_the_first_bad_record_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    cli.add("Already here")
    before = snapshot(cli.url)
    result = cli.fails("import", "--strict", write(tmp_path / "s.csv", SHEET))
    assert "row 3 (line 5)" in result.stderr and "--strict" in result.stderr
    assert snapshot(cli.url) == before


def test_dry_run_reports_and_writes_nothing(cli: Cli, tmp_path: Path) -> None:
    cli.ok("claim", "list")  # creates the database
    before = snapshot(cli.url)
    result = cli.fails("import", "--dry-run", write(tmp_path / "s.csv", SHEET), code=3)
    assert "Dry run, nothing written" in summary(result) and "claims 2" in summary(result)
    assert snapshot(cli.url) == before


def test_stdin_directory_and_explicit_format(cli: Cli, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write(folder / "a.csv", "claim\nFrom a sheet\n")
    write(folder / "b.jsonl", json.dumps({"type": "claim", "text": "From lines"}) + "\n")
    write(folder / "notes.txt", "not imported")
    result = cli.ok("import", str(folder))
    assert "Imported 2 files" in summary(result)
    cli.ok("import", "-", "--format", "csv", input="text\nFrom stdin\n")
    assert set(claims(cli)) == {"From a sheet", "From lines", "From stdin"}


def test_unreadable_inputs_fail_cleanly(cli: Cli, tmp_path: Path) -> None:
    cli.fails("import", str(tmp_path / "missing.json"))
    (tmp_path / "empty").mkdir()
    assert "holds no" in cli.fails("import", str(tmp_path / "empty")).stderr
    truncated = write(tmp_path / "t.json", '[{"@type": "ClaimReview", "claimReviewed": "x",')
    cli.ok("claim", "list")
    before = snapshot(cli.url)
    assert "is not valid JSON" in cli.fails("import", truncated).stderr
    latin = tmp_path / "latin.csv"
    latin.write_bytes("claim\nCaf\xe9\n".encode("latin-1"))
    assert "not UTF-8" in cli.fails("import", str(latin)).stderr
    assert snapshot(cli.url) == before
    cli.fails("import", "--format", "yaml", truncated, code=2)


def test_json_with_a_byte_order_mark(cli: Cli, tmp_path: Path) -> None:
    from tests.helpers import FIXTURES

    for name, source in (("seed.json", FIXTURES / "seed.json"),
                         ("review.json", FIXTURES / "claimreview" / "graph.jsonld")):
        (tmp_path / name).write_bytes(b"\xef\xbb\xbf" + source.read_bytes())
    result = cli.ok("import", str(tmp_path / "seed.json"), str(tmp_path / "review.json"))
    assert "added 35 (actors 11, claims 14, links 7, sources 2, verdicts 1)" in summary(result)


def test_a_native_export_goes_in_whole_unless_rejects_are_kept(cli: Cli, tmp_path: Path) -> None:
    document = {"format": "claimtrack", "version": 1, "claims": [
        {"id": "c-000000000001", "text": "Good"},
        {"id": "c-000000000002", "text": "Bad date", "date": "2020-02-30"}]}
    path = write(tmp_path / "export.json", json.dumps(document))
    cli.ok("claim", "list")
    before = snapshot(cli.url)
    result = cli.fails("import", path)
    assert "claims[1]" in result.stderr and "goes in whole" in result.stderr
    assert snapshot(cli.url) == before
    kept = tmp_path / "bad.jsonl"
    result = cli.fails("import", path, "--rejects", str(kept), code=3)
    assert "added 1 (claims 1), updated 0, unchanged 0, rejected 1" in summary(result)
    assert json.loads(kept.read_text())["position"] == "claims[1]"


def test_counters_stay_right_after_bulk_import(cli: Cli, tmp_path: Path) -> None:
    claim = cli.add("The claim")
    lines = [
        {"type": "claim", "id": "c-00000000000a", "text": "Denial"},
        {"type": "link", "from": "c-00000000000a", "relation": "denies", "to": claim},
        {
            "type": "verdict",
            "id": "v-00000000000a",
            "claim": claim,
            "rating": "True",
            "normalized": "true",
            "by": "A",
        },
        {
            "type": "verdict",
            "id": "v-00000000000b",
            "claim": claim,
            "rating": "False",
            "normalized": "false",
            "by": "B",
        },
    ]
    cli.ok("import", write(tmp_path / "r.jsonl", "\n".join(map(json.dumps, lines))))
    assert query(
        cli.url,
        "SELECT challenge_count, verdicts_disagree FROM claims WHERE public_id = :id",
        id=claim,
    ) == [(1, True)]
    contested = json.loads(cli.ok("report", "contested", "-f", "json").stdout)
    assert [d["claim"]["id"] for d in contested] == [claim]


def test_an_interrupted_import_leaves_the_database_as_it_was(cli: Cli, engine: Any) -> None:
    """Ctrl-C after a batch was written: the one transaction rolls back."""
    from sqlalchemy import text

    from claimtrack.formats.native import ClaimRecord
    from claimtrack.formats.records import Parsed
    from claimtrack.interchange.importer import Importer
    from claimtrack.store.db import session_scope

    cli.add("Already here")
    before = snapshot(cli.url)
    records = (Parsed(f"line {n}", item=ClaimRecord(id=None, text=f"Claim {n}")) for n in range(10))

    written: list[int] = []

    with pytest.raises(KeyboardInterrupt), session_scope(engine) as session:

        def interrupt() -> None:
            written.append(session.execute(text("SELECT count(*) FROM claims")).scalar_one())
            raise KeyboardInterrupt

        importer = Importer(session, batch_size=3, on_batch=interrupt)
        importer.feed(records, "big.jsonl")
    assert written == [4]  # the first batch was in the database when Ctrl-C came
    assert snapshot(cli.url) == before


def test_a_claim_on_rows_across_a_batch_boundary_is_added_once(
    cli: Cli, tmp_path: Path
) -> None:
    """Rows of one claim are adjacent; wherever a batch ends, a fresh import adds every claim
    and updates none."""
    from claimtrack.interchange.importer import BATCH

    lines = ["claim;speaker;source_url", "A claim on one row;Speaker;https://a.example.com/0"]
    for n in range(BATCH + 6):  # then claims on two rows: one pair straddles each batch end
        lines += [f"Claim {n};Speaker;https://a.example.com/{n}/1",
                  f"Claim {n};Speaker;https://a.example.com/{n}/2"]
    sheet = write(tmp_path / "many.csv", "\n".join(lines) + "\n")
    result = summary(cli.ok("import", sheet))
    assert f"claims {BATCH + 7}," in result and "updated 0," in result


def test_rows_of_one_claim_join_before_it_is_written(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A claimtrack CSV export has a row per page of a claim: rows that only add pages and tags
    join the first row's claim, which is written once (no update of a claim just added); a row
    naming a page already named (in another spelling) still fills in what the first left out,
    and one that says more of the claim (a summary) still adds it."""
    from claimtrack.interchange import claims as claim_phase

    updated: list[int] = []
    real_update = claim_phase.update_rows

    def counting(session: Any, table: Any, rows: list[dict[str, Any]]) -> None:
        if table.name == "claims":
            updated.extend(row["id"] for row in rows)
        real_update(session, table, rows)

    monkeypatch.setattr(claim_phase, "update_rows", counting)
    sheet = write(tmp_path / "rows.csv", "claim,speaker,date,tags,source_url,quote,summary\n"
                  "Taxes rose,Jane Roe,2020-05-05,economy,https://a.example.com/1,,\n"
                  "Taxes rose,Jane Roe,2020-05-05,jobs; economy,https://a.example.com/2,q2,\n"
                  "Taxes rose,Jane Roe,2020-05-05,,https://a.example.com/3,,\n"
                  "Wages fell,Jane Roe,,,https://a.example.com/9,,\n")
    result = cli.ok("import", sheet)
    assert "added 7 (actors 1, claims 2, sources 4)" in summary(result), summary(result)
    assert updated == []
    claim = claims(cli)["Taxes rose"]
    assert claim["tags"] == ["economy", "jobs"]
    assert [(s["url"], s["quote"]) for s in claim["sources"]] == [
        ("https://a.example.com/1", None), ("https://a.example.com/2", "q2"),
        ("https://a.example.com/3", None)]
    (created,) = json.loads(cli.ok("history", claim["id"], "-f", "json").stdout)
    assert created["action"] == "create"

    more = write(tmp_path / "more.csv", "claim,speaker,date,source_url,quote,summary\n"
                 "Prices fell,Ann,,https://b.example.com/1,,\n"
                 "Prices fell,Ann,,https://B.example.com/1/,q1,\n"
                 "Prices fell,Ann,,https://b.example.com/2,,Said twice\n")
    assert "added 4 (actors 1, claims 1, sources 2)" in summary(cli.ok("import", more))
    claim = claims(cli)["Prices fell"]
    assert claim["summary"] == "Said twice"
    assert [(s["url"], s["quote"]) for s in claim["sources"]] == [
        ("https://b.example.com/1", "q1"), ("https://b.example.com/2", None)]


def test_csv_round_trip_keeps_the_fact_checks_author(
    cli: Cli, second_database_url: str, tmp_path: Path
) -> None:
    """A ClaimReview by a person writing for a desk (BOOM, THIP Media): the person is the
    verdict's author, and export --format csv then import keeps it."""
    cli.ok("import", write(tmp_path / "review.json", json.dumps(BYLINE_REVIEW)))
    text = cli.ok("export", "-f", "csv").stdout
    (row,) = csv.DictReader(io.StringIO(text))
    assert (row["reviewer"], row["verdict_author"]) == ("THIP Media", "Aditi Gangal")
    other = Cli(second_database_url)
    other.ok("import", write(tmp_path / "sheet.csv", text))
    (verdict,) = verdicts(other).values()
    assert (verdict["by"], verdict["author"]) == ("THIP Media", "Aditi Gangal")


def test_csv_verdict_author_aliases_and_a_bad_one(cli: Cli, tmp_path: Path) -> None:
    """`author` is the speaker's column (other people's sheets); `byline` is the fact-check's.
    A byline that cannot be stored is left out with a warning; the verdict goes in."""
    long_name = "N" * 201
    sheet = write(tmp_path / "s.csv",
                  "claim,author,rating,fact checker,byline,verdict url\n"
                  "Taxes rose,Jane Roe,False,Example Desk,Sam Checker,https://desk.example.org/1\n"
                  f"Taxes fell,Jane Roe,True,Example Desk,{long_name},https://desk.example.org/2\n")
    result = cli.ok("import", sheet)
    assert "row 2 (line 3): column 'verdict_author': The verdict_author is 201 characters" \
        in result.stderr
    found = verdicts(cli)
    assert found["https://desk.example.org/1"]["author"] == "Sam Checker"
    assert found["https://desk.example.org/2"]["author"] is None
    assert {c["speaker"] for c in claims(cli).values()} == {"Jane Roe"}
    cli.fails("import", write(tmp_path / "t.csv", "claim,written by\nTaxes,Sam Checker\n"),
              code=1)  # a byline without a verdict is refused like any verdict detail
