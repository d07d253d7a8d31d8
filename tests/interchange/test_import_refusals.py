"""Files and options `import` refuses, and how it says so: one `Error:` line that says what to
do, exit 1, the database as it was. Also the wording of what it reports."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from claimtrack.formats.inputs import IMPORTABLE
from tests.helpers import Cli, snapshot, write
from tests.helpers.site import Site

GOOD = {"type": "claim", "text": "Taxes rose.", "speaker": "Jane Roe"}
BAD = {"type": "claim", "text": "Impossible date.", "date": "2020-02-30"}


def refused(cli: Cli, *args: str, input: str | None = None) -> str:
    """The Error line of a refused import, after checking that nothing was written."""
    before = snapshot(cli.url)
    line = str(cli.fails("import", *args, input=input).stderr.strip())
    assert snapshot(cli.url) == before
    return line


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("bad_records", [1, 300])  # written on closing / while importing
def test_a_rejects_file_that_cannot_be_written_stops_the_import(
    cli: Cli, tmp_path: Path, bad_records: int
) -> None:
    cli.ok("init")
    lines = [GOOD] + [{**BAD, "text": f"Bad {n}."} for n in range(bad_records)]
    path = write(tmp_path / "mixed.jsonl", "".join(json.dumps(r) + "\n" for r in lines))
    line = refused(cli, path, "--rejects", "/dev/full")
    assert line.startswith("Error: Cannot write the rejects file /dev/full: No space left")


def test_a_quote_never_closed_in_a_csv_is_fatal(cli: Cli, tmp_path: Path) -> None:
    cli.ok("init")
    path = write(tmp_path / "sheet.csv",
                 'claim,speaker\nfirst,x\n"second opens a quote,x\nthird,y\nfourth,z\n')
    assert "line 3: a quoted field is never closed" in refused(cli, path)


@pytest.mark.parametrize("name", ["empty.json", "blank.json", "blank.csv", "blank.jsonl",
                                  "blank.html"])
def test_an_empty_file_is_refused_as_empty(cli: Cli, tmp_path: Path, name: str) -> None:
    cli.ok("init")
    path = write(tmp_path / name, "" if name.startswith("empty") else " \n\t\n")
    assert refused(cli, path) == f"Error: {path} is empty; nothing to import."
    assert "Standard input is empty" in refused(cli, "-", "--format", "native", input="\n")


@pytest.mark.parametrize("content", ["null", "12345", '"just a string"'])
def test_a_json_file_is_read_as_json_whatever_it_holds(
    cli: Cli, tmp_path: Path, content: str
) -> None:
    cli.ok("init")
    line = refused(cli, write(tmp_path / "value.json", content))
    assert "not a claimtrack export or ClaimReview document" in line and "None" not in line


def test_broken_json_says_where_in_words(cli: Cli, tmp_path: Path) -> None:
    cli.ok("init")
    line = refused(cli, write(tmp_path / "prose.json", "not json at all"))
    assert "not valid JSON (expecting value at line 1, column 1)" in line
    line = refused(cli, write(tmp_path / "control.json", '[{"a": "x\ny"}]'))
    assert "invalid control character at line 1, column 10" in line


def test_a_page_with_nothing_importable_is_refused_with_the_reason(
    cli: Cli, tmp_path: Path
) -> None:
    cli.ok("init")
    page = write(tmp_path / "deep.html",
                 '<script type="application/ld+json">' + "[" * 100_000 + "</script>")
    line = refused(cli, page)
    assert "holds nothing to import" in line and "script 1: skipped a block" in line


def test_a_stray_byte_in_a_page_reads_as_a_browser_shows_it_with_a_notice(
    cli: Cli, tmp_path: Path
) -> None:
    """Unlike JSON or CSV, HTML need not be UTF-8 and real pages carry stray bytes: the
    review is imported, the byte reads as U+FFFD, and the import says so."""
    cli.ok("init")
    page = tmp_path / "page.html"
    review = ('<script type="application/ld+json">{"@type": "ClaimReview", "claimReviewed": '
              '"bad \xff", "url": "https://d.example/r", "author": {"name": "Desk"}}</script>')
    page.write_bytes(review.encode("utf-8").replace("\xff".encode(), b"\xff"))
    result = cli.ok("import", str(page))
    assert "from line 1 on are not text in its charset (utf-8)" in result.stderr
    (claim,) = json.loads(cli.ok("claim", "list", "-f", "json").stdout)
    assert claim["text"] == "bad \ufffd"


def test_a_database_file_is_told_apart(cli: Cli, tmp_path: Path) -> None:
    cli.ok("init")
    other = tmp_path / "claims.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    line = refused(cli, str(other))
    assert "is a SQLite database, not a file to import" in line
    assert f"restored with `claimtrack restore {other}`" in line


def test_an_empty_folder_lists_every_suffix_imported(cli: Cli, tmp_path: Path) -> None:
    cli.ok("init")
    line = refused(cli, str(tmp_path))
    assert all(suffix in line for suffix in IMPORTABLE)


def test_many_unknown_columns_are_counted_not_all_listed(cli: Cli, tmp_path: Path) -> None:
    header = ",".join(["claim", *(f"extra{n}" for n in range(50))])
    result = cli.ok("import", write(tmp_path / "wide.csv", f"{header}\nTaxes rose.\n"))
    assert "ignored 50 columns: extra0," in result.stderr and "extra9 and 40 more" in result.stderr
    assert "extra10" not in result.stderr


def test_rejections_read_as_sentences(cli: Cli, tmp_path: Path) -> None:
    cli.ok("init")
    line = refused(cli, write(tmp_path / "one.jsonl", "{a}\n"))
    assert line.startswith("Error: Nothing was imported: the only record was rejected. Line 1: "
                           "Not valid JSON (expecting property name")
    line = refused(cli, write(tmp_path / "crumbs.json", '[{"@type": "BreadcrumbList"}, {}]'))
    assert "all 2 records were rejected. The first, item 1: No ClaimReview here: it is a " \
           "BreadcrumbList." in line and "None" not in line
    partly = cli.fails("import", write(tmp_path / "two.jsonl", json.dumps(GOOD) + "\n{}\n"),
                       code=3)
    assert '"type" must be one of actor' in partly.stderr and "(it has none)." in partly.stderr


def test_export_refuses_a_speaker_who_is_not_there(cli: Cli, tmp_path: Path) -> None:
    cli.ok("claim", "add", "--speaker", "Jane Roe", "--", "Taxes rose.")
    line = cli.fails("export", "--speaker", "Jane Row", "-o", str(tmp_path / "x.json")).stderr
    assert "No actor is called 'Jane Row'" in line and not (tmp_path / "x.json").exists()


def test_a_dry_run_of_a_page_says_it_would_archive_it(cli: Cli, site: Site) -> None:
    cli.ok("init")
    before = snapshot(cli.url)
    result = cli.ok("import", site.url("/review"), "--dry-run")
    assert f"Would archive {site.url('/review')}" in result.stderr
    assert "Archived" not in result.stderr and snapshot(cli.url) == before


def test_all_rejected_names_the_rejects_file_it_was_given(cli: Cli, tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.jsonl", "{}\n{}\n")
    line = refused(cli, bad)
    assert line.endswith("Fix them and import again; --rejects FILE lists every one.")
    rejects = tmp_path / "rj.jsonl"
    line = refused(cli, bad, "--rejects", str(rejects))
    assert line.endswith(f"Fix them and import again; they are listed in {rejects}.")
    assert "--rejects FILE" not in line and len(rejects.read_text().splitlines()) == 2
    one = refused(cli, write(tmp_path / "one.jsonl", "{}\n"), "--rejects", str(rejects))
    assert one.endswith(f"Fix it and import again; it is listed in {rejects}.")
