"""Hostile input for tests/test_hostile_input.py: generated values, the free-text CLI options
they go into, and the importers that read files.

Adding an option or an importer is one entry in ``OPTIONS`` or ``IMPORTERS``; the tests pick
them all up. Each entry says how to pass a value and how to read back what was stored, so the
test can insist on the only two outcomes allowed: success with the value stored as documented
(verbatim for texts), or exit 1 with one ``Error:`` line and the database unchanged.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hypothesis import strategies as st

from claimtrack.core import values
from tests.helpers import Cli

# Characters that have broken text tools before: bidi overrides and isolates, zero-width
# joiners, BOM, line and paragraph separators, C0/C1 controls, NUL, spreadsheet formula
# triggers, markdown and HTML syntax, quotes, combining marks, astral-plane emoji.
SPECIAL = list(
    "\u202e\u202d\u202a\u202b\u202c\u2066\u2067\u2068\u2069\u200b\u200d\u200e\u200f\ufeff"
    "\u2028\u2029\x00\x01\x07\x08\x0b\x0c\x1b\x7f\x85\x9b\r\n\t =+-@|<>&\"'`\\*_#[]()"
    "\u0301\u0338\U0001f9fe\U0001f1fa\U0001f1e6\u05e9\u05e7\u05e8\u0644\u0627"
)
LIMITS = [values.SUMMARY_MAX, values.NAME_MAX, values.TAG_MAX, values.LABEL_MAX,
          values.URL_MAX, values.TEXT_MAX]


def hostile_text() -> st.SearchStrategy[str]:
    """Arbitrary Unicode (lone surrogates included: what undecodable bytes become in argv),
    special characters, and values at and just past every length limit."""
    huge = st.builds(lambda fill, limit, extra: fill * (limit + extra),
                     st.sampled_from(["a", "é", "\U0001f9fe", "\u202e", " "]),
                     st.sampled_from(LIMITS), st.sampled_from([-1, 0, 1]))
    return st.one_of(
        st.text(max_size=30),
        st.text(st.sampled_from(SPECIAL), max_size=25),
        st.text(st.characters(categories=["Cs", "Cc", "Cf", "Zl", "Zp", "Lo"]), max_size=12),
        huge,
    )


def verbatim(value: str) -> Any:
    """Optional free text: stored exactly as given; blank means "not given"."""
    return value if value.strip() else None


def name_key(value: str) -> Any:
    """Names are trimmed and matched to an existing actor regardless of case and spacing."""
    return values.name_key(value.strip())


# read(cli, what prepare made, the command's stdout, the value given) -> the stored value
Reader = Callable[[Cli, dict[str, str], str, str], Any]
NUMBERS = itertools.count(1)
# The text of the claims added only to try an option: the same claim each time, on purpose.
FILLER = ("--allow-duplicate", "--", "x")


@dataclass(frozen=True)
class Option:
    """A free-text CLI value. ``args`` builds the command line from the value and what
    ``prepare`` made; ``read`` returns the stored value (None when the command writes nothing);
    ``expect`` says what must be stored for a value."""

    name: str
    args: Callable[[dict[str, str], str], list[str]]
    read: Reader | None = None
    expect: Callable[[str], Any] = verbatim
    prepare: Callable[[Cli], dict[str, str]] = field(default=lambda cli: {})


def _show(cli: Cli, command: list[str]) -> Any:
    return json.loads(cli.ok(*command[:2], "-f", "json", *command[2:]).stdout)


def claim_field(name: str) -> Reader:
    def read(cli: Cli, made: dict[str, str], stdout: str, value: str) -> Any:
        value = _show(cli, ["claim", "show", stdout.strip() or made["claim"]])[name]
        return values.name_key(value) if name == "speaker" and value else value
    return read


def first_source_quote(cli: Cli, made: dict[str, str], stdout: str, value: str) -> Any:
    return _show(cli, ["claim", "show", stdout.strip() or made["claim"]])["sources"][0]["quote"]


def new_claim(cli: Cli) -> dict[str, str]:
    number = next(NUMBERS)  # a new claim each time: the same words twice are refused
    return {"claim": cli.add(f"a claim to change {number}"),
            "other": cli.add(f"another claim {number}")}


def actor_read(key: str) -> Reader:
    def read(cli: Cli, made: dict[str, str], stdout: str, value: str) -> Any:
        shown = _show(cli, ["actor", "show", "--", made.get("actor") or value])
        return values.name_key(shown["name"]) if key == "name" else shown[key]
    return read


def link_note(cli: Cli, made: dict[str, str], stdout: str, value: str) -> Any:
    return _show(cli, ["link", "list", made["claim"]])[0]["note"]


def verdict_field(key: str) -> Reader:
    def read(cli: Cli, made: dict[str, str], stdout: str, value: str) -> Any:
        verdict = next(v for v in _show(cli, ["verdict", "list"]) if v["id"] == stdout.strip())
        return values.name_key(verdict[key]) if key == "by" else verdict[key]
    return read


def source_field(key: str) -> Reader:
    def read(cli: Cli, made: dict[str, str], stdout: str, value: str) -> Any:
        return _show(cli, ["source", "show", made["url"]])["source"][key]
    return read


def fresh_url(cli: Cli) -> dict[str, str]:
    url = f"https://example.com/{len(_show(cli, ['source', 'list']))}"
    cli.ok("source", "add", url)
    return {"url": url}


def history_user(cli: Cli, made: dict[str, str], stdout: str, value: str) -> Any:
    return values.name_key(_show(cli, ["history", "--limit=1"])[0]["user"])


OPTIONS = [
    Option("claim add TEXT", lambda m, v: ["claim", "add", "--", v], claim_field("text"),
           expect=lambda v: v if v.strip() else None),
    Option("claim add --summary", lambda m, v: ["claim", "add", f"--summary={v}", *FILLER],
           claim_field("summary")),
    Option("claim add --speaker", lambda m, v: ["claim", "add", f"--speaker={v}", *FILLER],
           claim_field("speaker"), expect=lambda v: name_key(v) if v.strip() else None),
    Option("claim add --tag", lambda m, v: ["claim", "add", f"--tag={v}", *FILLER],
           claim_field("tags"), expect=lambda v: [values.tag(v)]),
    Option("claim add --quote", lambda m, v: ["claim", "add", "--source=https://example.com/q",
                                              f"--quote={v}", *FILLER], first_source_quote),
    Option("claim add --language", lambda m, v: ["claim", "add", f"--language={v}", *FILLER],
           claim_field("language"), expect=values.language),
    Option("claim add --date", lambda m, v: ["claim", "add", f"--date={v}", *FILLER],
           claim_field("date"), expect=lambda v: (d := values.date(v)) and d.isoformat()),
    Option("claim edit --text", lambda m, v: ["claim", "edit", m["claim"], f"--text={v}"],
           claim_field("text"), prepare=new_claim),
    Option("appearance add --quote", lambda m, v: ["appearance", "add", m["claim"],
                                                   "https://example.com/a", f"--quote={v}"],
           first_source_quote, prepare=new_claim),
    Option("actor add NAME", lambda m, v: ["actor", "add", "--", v], actor_read("name"),
           expect=name_key),
    Option("actor add --description", lambda m, v: ["actor", "add", f"--description={v}", "--",
                                                    m["actor"]],
           actor_read("description"), prepare=lambda cli: {"actor": f"Actor {next(NUMBERS)}"}),
    Option("source add --title", lambda m, v: ["source", "add", m["url"] + "/t", f"--title={v}"],
           lambda cli, m, out, v: _show(cli, ["source", "show", out.strip()])["source"]["title"],
           prepare=fresh_url),
    Option("source edit --outlet", lambda m, v: ["source", "edit", m["url"], f"--outlet={v}"],
           source_field("outlet"), prepare=fresh_url),
    Option("link add --note", lambda m, v: ["link", "add", m["other"], "denies", m["claim"],
                                            f"--note={v}"], link_note, prepare=new_claim),
    Option("verdict add --rating", lambda m, v: ["verdict", "add", m["claim"], f"--rating={v}",
                                                 "--by=Checker"],
           verdict_field("rating"), expect=lambda v: v, prepare=new_claim),
    Option("verdict add --by", lambda m, v: ["verdict", "add", m["claim"], "--rating=False",
                                             f"--by={v}"],
           verdict_field("by"), expect=name_key, prepare=new_claim),
    Option("verdict add --note", lambda m, v: ["verdict", "add", m["claim"], "--rating=False",
                                               "--by=Checker", f"--note={v}"],
           verdict_field("explanation"), prepare=new_claim),
    Option("--user", lambda m, v: [f"--user={v}", "claim", "add", *FILLER], history_user,
           expect=name_key),
    # Read-only commands: any outcome but a crash, and never a change.
    Option("claim list --speaker", lambda m, v: ["claim", "list", f"--speaker={v}"]),
    Option("report contested --tag", lambda m, v: ["report", "contested", f"--tag={v}"]),
    Option("history ID --by", lambda m, v: ["history", "--", v]),
    Option("claim restore --at", lambda m, v: ["claim", "restore", m["claim"], f"--at={v}"],
           prepare=new_claim),
    Option("source show URL", lambda m, v: ["source", "show", "--", v]),
]


@dataclass(frozen=True)
class Sample:
    """One generated record, in the fields every importer can carry."""

    text: str
    speaker: str
    tag: str


@dataclass(frozen=True)
class Importer:
    """How to write samples in an importer's format and how to run it on a file."""

    name: str
    write: Callable[[list[Sample]], bytes]
    args: Callable[[Path], list[str]]
    # the claim text as stored: verbatim, but markup's surrounding blanks are layout
    stored: Callable[[str], str] = lambda text: text


def native_file(samples: list[Sample]) -> bytes:
    claims = [{"id": f"c-{n:012d}", "text": s.text, "speaker": s.speaker or None,
               "tags": [s.tag]} for n, s in enumerate(samples)]
    # ensure_ascii: lone surrogates survive as \udcxx escapes, as a broken exporter writes them
    return json.dumps({"format": "claimtrack", "version": 1, "claims": claims}).encode()


# Issue 4 adds csv/jsonl/claimreview: one entry each, e.g.
# Importer("csv", csv_file, lambda path: ["import", "--format", "csv", str(path)]).
def jsonl_file(samples: list[Sample]) -> bytes:
    return b"".join(
        json.dumps({"type": "claim", "text": s.text, "speaker": s.speaker or None,
                    "tags": [s.tag]}).encode() + b"\n"
        for s in samples
    )


def csv_file(samples: list[Sample]) -> bytes:
    import csv
    import io

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["claim", "speaker", "tags"])
    writer.writerows([s.text, s.speaker, s.tag] for s in samples)
    # surrogatepass: a lone surrogate becomes bytes that are not UTF-8, as a broken export has
    return buffer.getvalue().encode("utf-8", "surrogatepass")


def claimreview_file(samples: list[Sample]) -> bytes:
    reviews = [
        {"@context": "https://schema.org", "@type": "ClaimReview",
         "url": f"https://checks.example/{n}", "claimReviewed": s.text,
         "author": {"@type": "Organization", "name": "Checker"},
         "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": s.speaker}},
         "reviewRating": {"@type": "Rating", "alternateName": s.tag}}
        for n, s in enumerate(samples)
    ]
    return json.dumps(reviews).encode()


IMPORTERS = [
    Importer("native", native_file, lambda path: ["import", str(path)]),
    Importer("jsonl", jsonl_file, lambda path: ["import", "--format", "jsonl", str(path)]),
    Importer("csv", csv_file, lambda path: ["import", "--format", "csv", str(path)]),
    Importer("claimreview", claimreview_file,
             lambda path: ["import", "--format", "claimreview", str(path)], str.strip),
]


def damage(data: bytes, how: str, where: float) -> bytes:
    """A file gone wrong: truncated, bytes that are not UTF-8, broken syntax, deep nesting."""
    cut = int(len(data) * where)
    return {
        "intact": data,
        "truncated": data[:cut],
        "not utf-8": data[:cut] + b"\xff\xfe\xc3" + data[cut:],
        "broken syntax": data[:cut] + b'"}]{,' + data[cut:],
        "nested": b"[" * 50_000 + b"]" * 50_000,
        "huge number": b'{"format": "claimtrack", "version": 1' + b"0" * 5000 + b"}",
        "empty": b"",
        "bom": b"\xef\xbb\xbf" + data,
    }[how]


DAMAGE = ["intact", "truncated", "not utf-8", "broken syntax", "nested", "huge number", "empty",
          "bom"]
