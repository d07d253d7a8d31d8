"""Reading ahead (claimtrack/formats/readahead.py): a large import's files are parsed by a
second process. Whatever goes through it must come out exactly as the files read here: the
same records, formats, ignored columns, byte counts, errors at the same point, the same
rows in the database, and no process left behind."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import json
import pickle
import signal
import subprocess
from pathlib import Path
from typing import Any

import pytest

from claimtrack.core import values
from claimtrack.core.enums import ActorKind, LinkStatus, Rating, Relation, ReviewStatus
from claimtrack.core.errors import ClaimtrackError, InvalidInput
from claimtrack.formats import inputs, native, readahead, records
from claimtrack.store import db
from tests.helpers import CLAIMREVIEW, FIXTURES, Cli, claims, snapshot, summary, verdicts, write

SHEET = "claim,speaker,date,source_url,rating,fact_checker,colour\n" \
    '"Taxes rose, ""a lot""",Jane Roe,2020-05-05,https://a.example.com/1,False,Desk,red\n' \
    "=1+1 is two,John Doe,2020-02-30,,,,blue\n"
LINES = '{"type": "claim", "text": "Wages fell \u05e9\u05dc\u05d5\u05dd", "speaker": "Ann"}\n' \
    '{"type": "claim", "text": ""}\n'


@pytest.fixture
def files(tmp_path: Path) -> list[str]:
    """One file of every format and shape an import reads: real publishers' pages, an
    @graph, microdata, a claimtrack export, a spreadsheet with a column it ignores and a bad
    row, JSON Lines with a bad line."""
    return [
        *sorted(str(p) for p in (CLAIMREVIEW / "real").glob("*.html"))[:6],
        str(CLAIMREVIEW / "graph.jsonld"),
        str(CLAIMREVIEW / "microdata.json"),
        str(CLAIMREVIEW / "variants.json"),
        str(FIXTURES / "seed.json"),
        write(tmp_path / "sheet.csv", SHEET),
        write(tmp_path / "lines.jsonl", LINES),
    ]


def read_here(files: list[str]) -> list[tuple[Any, ...]]:
    return [(o.path, o.format, list(o.records), o.ignored, o.counter.count)
            for o in inputs.read_files(files, None, {})]


def read_ahead(files: list[str]) -> list[tuple[Any, ...]]:
    return [(o.path, o.format, list(o.records), o.ignored, o.counter.count)
            for o in readahead.read_files(files, None, {})]


def test_the_child_reads_every_format_exactly_as_this_process_does(files: list[str]) -> None:
    here, ahead = read_here(files), read_ahead(files)
    assert [f[:2] for f in ahead] == [f[:2] for f in here]
    assert {f[1] for f in here} == {"claimreview", "native", "csv", "jsonl"}
    for mine, theirs in zip(here, ahead, strict=True):
        assert theirs == mine, mine[0]
    assert sum(len(f[2]) for f in here) > 40
    assert next(f[3] for f in ahead if f[1] == "csv") == ["colour"]
    assert [f[4] for f in ahead] == [Path(p).stat().st_size for p in files]


RECORDS = [
    native.ActorRecord("Jane \u202eRoe", ActorKind.PERSON, ("J. Roe",), "MP",
                       dt.datetime(2021, 1, 2, 3, 4, 5, tzinfo=dt.UTC)),
    native.SourceRecord("https://a.example.com/1", "T", "Outlet", dt.date(2020, 1, 1)),
    native.LinkRecord("c1", Relation.DENIES, "c2", "n", None, None, LinkStatus.SUGGESTED),
    native.VerdictRecord("v1", "c1", "Pants on Fire", Rating.FALSE, "Desk",
                         status=ReviewStatus.PUBLISHED),
    native.MergeRecord("c3", "c1", "text"),
    records.Parsed("item 1", records.ClaimBundle(
        native.ClaimRecord(None, '"Quoted" \u0645\u0631\u062d\u0628\u0627', "Ann",
                           tags=("a", "b"),
                           appearances=(native.AppearanceRecord("https://b.example/", "q"),)),
        (records.ReviewRecord("False", "Desk", Rating.FALSE, 1.0, 5.0, 1.0,
                              original='{"@type": "ClaimReview"}'),),
        (native.SourceRecord("https://b.example/"),),
        ActorKind.ORGANIZATION,
    ), raw={"@type": "ClaimReview", "nested": [1, {"a": None}]}, notes=("a note",)),
    records.Parsed("row 2", error="a bad row", raw={"claim": ""}, refused=("cell",)),
]


@pytest.mark.parametrize("record", RECORDS, ids=lambda r: type(r).__name__)
def test_a_record_comes_back_equal_hashable_and_still_frozen(record: Any) -> None:
    buffer = io.BytesIO()
    readahead._Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(record)
    back = pickle.loads(buffer.getvalue())
    assert back == record and type(back) is type(record)
    if isinstance(record, records.Parsed):  # the raw record comes packed, whole
        assert isinstance(back.raw, records.Packed) and back.record() == record.raw
    assert isinstance(record, records.Parsed) or hash(back) == hash(record)
    with pytest.raises(dataclasses.FrozenInstanceError):
        back.__setattr__(dataclasses.fields(back)[0].name, "changed")


def test_an_import_read_ahead_writes_the_same_rows(
    files: list[str], database_url: str, second_database_url: str,
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
) -> None:
    here, ahead = Cli(database_url), Cli(second_database_url)
    monkeypatch.setenv(readahead.SETTING, "0")
    first = here.fails("import", *files, "--rejects", str(tmp_path / "here.jsonl"), code=3)
    monkeypatch.setenv(readahead.SETTING, "1")
    second = ahead.fails("import", *files, "--rejects", str(tmp_path / "ahead.jsonl"), code=3)
    assert second.stderr == first.stderr.replace("here.jsonl", "ahead.jsonl")
    assert "ignored the columns colour" in second.stderr and "rejected 3" in summary(second)
    assert (tmp_path / "ahead.jsonl").read_text() == (tmp_path / "here.jsonl").read_text()
    assert "ahead.jsonl" in second.stderr
    assert _without_ids(claims(ahead)) == _without_ids(claims(here))
    assert _without_ids(verdicts(ahead)) == _without_ids(verdicts(here))
    assert {t: len(rows) for t, rows in snapshot(ahead.url).items()} == {
        t: len(rows) for t, rows in snapshot(here.url).items()}
    assert _page_keys(ahead.url) == _page_keys(here.url)  # the reader's keys are this one's


def _page_keys(url: str) -> set[tuple[str, str]]:
    """Every stored page and review URL with its key."""
    engine = db.make_engine(url)
    try:
        with engine.connect() as connection:
            return {tuple(row) for row in connection.exec_driver_sql(
                "SELECT url, url_key FROM sources UNION "
                "SELECT url, url_key FROM verdicts WHERE url IS NOT NULL")}
    finally:
        engine.dispose()


def _without_ids(value: Any) -> Any:
    """What an import wrote, without what differs between any two imports (random ids, the
    clock)."""
    if isinstance(value, dict):
        return {k: _without_ids(v) for k, v in value.items()
                if k not in ("id", "claim", "created_at", "updated_at", "retrieved_at")}
    if isinstance(value, list):
        return [_without_ids(v) for v in value]
    return value


@pytest.mark.parametrize(("broken", "says"), [
    ('[{"@type": "ClaimReview", "claimReviewed": "x",', "is not valid JSON (it ends too early)"),
    ("[" + '{"a": ' * 100 + "1" + "}" * 100 + "]", "nests more than 64 levels"),
    ('[{"@type": "ClaimReview", "claimReviewed": "caf\xe9"}]', "is not UTF-8 (line 1)"),
])
def test_a_file_that_cannot_be_read_fails_the_same_way_and_writes_nothing(
    files: list[str], database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    broken: str, says: str,
) -> None:
    bad = tmp_path / "broken.json"
    bad.write_bytes(broken.encode("latin-1") if "caf" in broken else broken.encode())
    cli = Cli(database_url)
    before = snapshot(database_url)
    messages = []
    for setting in ("0", "1"):
        monkeypatch.setenv(readahead.SETTING, setting)
        messages.append(cli.fails("import", *files, str(bad)).stderr)
    assert messages[0] == messages[1] and says in messages[1] and str(bad) in messages[1]
    assert snapshot(database_url) == before


def test_what_was_read_before_a_broken_part_of_a_file_comes_first(
    database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """In process, the importer sees the records before the point where the file breaks: a
    bad one among them stops a --strict import with its own message. So it does here."""
    good = json.dumps({"@type": "ClaimReview", "claimReviewed": "Fine",
                       "author": {"@type": "Organization", "name": "Desk"},
                       "reviewRating": {"alternateName": "False"}})
    path = write(tmp_path / "feed.json",
                 f'[{good}, {{"@type": "ClaimReview"}}, {", ".join([good] * 20)}, {{"broken')
    said = []
    for setting in ("0", "1"):
        monkeypatch.setenv(readahead.SETTING, setting)
        said.append(Cli(database_url).fails("import", path, "--strict").stderr)
    assert said[0] == said[1] and "item 2" in said[1] and "not valid JSON" not in said[1]


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[subprocess.Popen[bytes]]:
    """Every process started from now on, in order."""
    found: list[subprocess.Popen[bytes]] = []

    class Recorded(subprocess.Popen):  # type: ignore[type-arg]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            found.append(self)

    monkeypatch.setattr(subprocess, "Popen", Recorded)
    return found


def test_the_child_is_stopped_when_the_import_stops_early(
    database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
    started: list[subprocess.Popen[bytes]],
) -> None:
    """More records than the pipe holds, so the child is still at work when --strict stops the
    import at the sixth: it is killed, and waited for."""
    reviews = [{"@type": "ClaimReview", "claimReviewed": f"Claim {n}",
                "reviewRating": {"alternateName": "False"},
                "author": {"@type": "Organization", "name": "Desk"}} for n in range(60_000)]
    reviews[5] = {"@type": "ClaimReview"}  # no claim: --strict stops the import here
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(reviews))
    monkeypatch.setenv(readahead.SETTING, "1")
    result = Cli(database_url).fails("import", str(path), "--strict")
    assert "item 6" in result.stderr and "Nothing was imported (--strict)" in result.stderr
    (child,) = started
    assert child.returncode == -signal.SIGKILL


def test_the_child_started_early_is_taken_or_stopped(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, started: list[subprocess.Popen[bytes]]
) -> None:
    """`claimtrack import` starts reading before it loads what writes (one child, taken by the
    import); when the command fails before reading (no database can be made there), that
    child is stopped, and nothing is left waiting."""
    monkeypatch.setenv(readahead.SETTING, "1")
    seed = str(FIXTURES / "seed.json")
    Cli(f"sqlite:///{tmp_path / 'a.db'}").ok("import", seed)
    assert len(started) == 1 and readahead._started == {}
    failed = Cli(f"sqlite:///{tmp_path / 'missing' / 'b.db'}").fails("import", seed)
    assert "does not exist" in failed.stderr
    # stopped (or done, for so small a file) and waited for: no process left behind
    assert len(started) == 2 and started[1].returncode is not None
    assert readahead._started == {}


@pytest.mark.parametrize("files", [1, 20_000], ids=["one file", "a job longer than the pipe"])
def test_a_child_that_dies_is_one_error_that_says_how_to_go_on(
    monkeypatch: pytest.MonkeyPatch, files: int
) -> None:
    monkeypatch.setattr(readahead, "_CHILD", "import sys\nsys.exit('MemoryError: out of it')\n"
                        "# {package}")
    with pytest.raises(ClaimtrackError, match=r"stopped \(MemoryError: out of it\)\. Import "
                       r"again with CLAIMTRACK_READ_AHEAD=0") as raised:
        read_ahead([str(FIXTURES / "seed.json")] * files)
    assert not isinstance(raised.value, InvalidInput)


def test_when_to_read_ahead(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    small = write(tmp_path / "small.json", "[]")
    big = tmp_path / "big.json"
    big.write_bytes(b" " * readahead.MIN_BYTES)
    monkeypatch.delenv(readahead.SETTING, raising=False)
    monkeypatch.setattr(readahead, "_cores", lambda: 2)
    assert not readahead.wanted([small]) and readahead.wanted([small, str(big)])
    assert not readahead.wanted([str(big), "-"])
    assert not readahead.wanted([str(tmp_path / "missing.json")])
    monkeypatch.setattr(readahead, "_cores", lambda: 1)
    assert not readahead.wanted([str(big)])
    monkeypatch.setenv(readahead.SETTING, "1")
    assert readahead.wanted([small]) and not readahead.wanted(["-"])
    monkeypatch.setenv(readahead.SETTING, "0")
    monkeypatch.setattr(readahead, "_cores", lambda: 8)
    assert not readahead.wanted([str(big)])


def test_progress_counts_the_bytes_the_child_read(
    database_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from claimtrack.interchange.importing import import_files
    from claimtrack.store.db import make_engine, session_scope

    paths = [tmp_path / "a.json", tmp_path / "b.json"]
    for number, path in enumerate(paths):
        path.write_text(json.dumps([
            {"@type": "ClaimReview", "claimReviewed": f"Claim {number}.{n}",
             "url": f"https://d/{number}/{n}", "reviewRating": {"alternateName": "False"},
             "author": {"@type": "Organization", "name": "Desk"}} for n in range(600)]))
    seen: list[int] = []
    monkeypatch.setenv(readahead.SETTING, "1")
    with session_scope(make_engine(database_url)) as session:
        result = import_files(session, paths, on_progress=seen.append)
    assert result.summary.added["claims"] == 1200
    assert seen == sorted(seen) and len(seen) >= 3
    assert seen[-1] == sum(p.stat().st_size for p in paths)


def test_a_module_in_the_current_directory_does_not_shadow_the_childs(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    (tmp_path / "json.py").write_text("raise SystemExit('the json.py of the folder ran')\n")
    monkeypatch.chdir(tmp_path)
    ((_path, fmt, found, _ignored, count),) = read_ahead([str(FIXTURES / "seed.json")])
    assert fmt == "native" and found and count == (FIXTURES / "seed.json").stat().st_size


def test_the_child_gives_the_url_key_of_every_page_and_review_it_read(
    files: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    wanted: set[str] = set()

    def urls(record: Any) -> None:
        if dataclasses.is_dataclass(record):
            for field in dataclasses.fields(record):
                value = getattr(record, field.name)
                if field.name in ("url", "source") and isinstance(value, str):
                    wanted.add(value)
                elif isinstance(value, tuple):
                    for item in value:
                        urls(item)
                else:
                    urls(value)

    for opened in inputs.read_files(files, None, {}):
        for parsed in opened.records:
            urls(parsed.item)
    given: dict[str, str] = {}
    monkeypatch.setattr(values, "take_url_keys", given.update)
    read_ahead(files)
    assert len(wanted) > 20  # real publishers' reviews and pages
    assert set(given) == wanted
    assert all(given[url] == values._url_key(url) for url in wanted)  # computed here, anew


def test_an_import_forgets_the_keys_it_was_given(cli: Cli,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(readahead.SETTING, "1")
    cli.ok("import", str(FIXTURES / "seed.json"))
    assert not values._GIVEN_KEYS and not values._EARLIER_KEYS


def test_keys_given_by_the_reader_are_answers_until_two_generations_later(
    monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(values, "_GIVEN_KEYS", {})  # the module's own dicts come back after
    monkeypatch.setattr(values, "_EARLIER_KEYS", {})
    values.take_url_keys({"https://given.example.com/a": "k" * 64})
    assert values.url_key("https://given.example.com/a") == "k" * 64
    filler = {f"https://given.example.com/{i}": "x" for i in range(values.GIVEN_KEYS)}
    values.take_url_keys(filler)  # the first generation is the earlier one now: still there
    assert values.url_key("https://given.example.com/a") == "k" * 64
    values.take_url_keys(filler)  # and now it is gone: computed again
    assert values.url_key("https://given.example.com/a") != "k" * 64
