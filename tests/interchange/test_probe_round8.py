"""Probe round 8, ClaimReview: labels naming what was rated ("Altered image") read by their
meaning before any number, one page named twice in an appearance list, the first kind given
for a speaker, and what an import prints. Made-up documents of the shapes the probe found
(AFP rows rebuilt as ClaimReview, THIP's firstAppearance, India Today's trailing space)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.helpers import Cli, claims, summary, verdicts, write

AFP = "https://factcheck.example.org/"
ROOT = Path(__file__).resolve().parents[2]


def review(claim: str, label: str, value: str = "5", **item: Any) -> dict[str, Any]:
    """An AFP-style review: the label, and a ratingValue on a 1-to-5 scale."""
    return {
        "@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": claim,
        "url": AFP + "-".join(claim.lower().split()), "datePublished": "2021-07-22",
        "author": {"@type": "Organization", "name": "AFP"},
        "itemReviewed": {"@type": "Claim", **item},
        "reviewRating": {"@type": "Rating", "ratingValue": value, "worstRating": "1",
                         "bestRating": "5", "alternateName": label},
    }


def saved(path: Path, *reviews: dict[str, Any]) -> str:
    return write(path, json.dumps(list(reviews)))


def normalized_by_label(cli: Cli) -> dict[str, str]:
    return {v["rating"]: v["normalized"] for v in verdicts(cli).values()}


def test_a_known_label_with_a_noun_wins_over_the_numbers(cli: Cli, tmp_path: Path) -> None:
    labels = ["Altered image", "Altered photo", "Manipulated video", "Fake image",
              "Misleading headline", "Decontextualized", "Decontextualised", "Partlyfalse",
              "partly-false"]
    reviews = [review(f"Claim {n}", label) for n, label in enumerate(labels)]
    reviews.append(review("An unknown label", "Needs a closer look"))
    cli.ok("import", saved(tmp_path / "afp.json", *reviews))
    found = normalized_by_label(cli)
    # ratingValue 5 of 5 would read "true": the label's meaning decides.
    assert found == {
        "Altered image": "false", "Altered photo": "false", "Manipulated video": "false",
        "Fake image": "false", "Misleading headline": "mostly-false",
        "Decontextualized": "mostly-false", "Decontextualised": "mostly-false",
        "Partlyfalse": "mostly-false", "partly-false": "mostly-false",
        "Needs a closer look": "true",  # unknown: the numbers still decide
    }


def test_your_own_label_with_a_noun_is_read_as_yours(cli: Cli, tmp_path: Path) -> None:
    cli.ok("ratings", "add", "Bogus", "mixed")
    cli.ok("import", saved(tmp_path / "mine.json", review("A claim", "Bogus video")))
    assert normalized_by_label(cli) == {"Bogus video": "mixed"}


def test_one_page_named_twice_keeps_its_title_and_date(cli: Cli, tmp_path: Path) -> None:
    """THIP: firstAppearance gives only the url; appearance gives it with name and date."""
    post = "https://social.example.com/status/1578078928299823104"
    item = {"firstAppearance": {"@type": "CreativeWork", "url": post},
            "appearance": [{"@type": "CreativeWork", "url": post,
                            "name": "Vitamin D can cure cancer", "datePublished": "2022-10-06"}]}
    cli.ok("import", saved(tmp_path / "thip.json", review("Vitamin D cures cancer", "False",
                                                          **item)))
    (source,) = json.loads(cli.ok("source", "list", "-f", "json").stdout)
    assert (source["url"], source["title"], source["published"]) == (
        post, "Vitamin D can cure cancer", "2022-10-06")
    (claim,) = claims(cli).values()
    assert [s["seen"] for s in claim["sources"]] == ["2022-10-06"]


def claimant(kind: str | None, name: str = "Multiple persons") -> dict[str, Any]:
    return {"author": {"name": name} if kind is None else {"@type": kind, "name": name}}


def kinds(cli: Cli) -> dict[str, str]:
    return {a["name"]: a["kind"] for a in json.loads(cli.ok("actor", "list", "-f", "json").stdout)}


def test_the_first_kind_given_for_a_speaker_wins_in_every_import(
    cli: Cli, tmp_path: Path
) -> None:
    """AFP India's page says Person, ClaimsKG's AFP rows say Organization."""
    def files(name: str) -> tuple[str, str]:
        return (
            saved(tmp_path / f"{name}-india.json",
                  review(f"Kharkiv fell ({name})", "Misleading", **claimant("Person", name))),
            saved(tmp_path / f"{name}-rows.json",
                  review(f"Old photo ({name})", "False", **claimant("Organization", name))),
        )
    cli.ok("import", *files("Multiple persons"))  # one import, two files
    person, organization = files("Multiple people")
    cli.ok("import", person)
    cli.ok("import", organization)  # two imports: the same rule
    found = kinds(cli)
    assert (found["Multiple persons"], found["Multiple people"]) == ("person", "person")


def test_the_first_kind_given_wins_within_one_file(cli: Cli, tmp_path: Path) -> None:
    cli.ok("import", saved(
        tmp_path / "one.json",
        review("First claim", "False", **claimant(None)),  # no kind: the next one gives it
        review("Second claim", "False", **claimant("Organization", "Multiple Persons")),
        review("Third claim", "False", **claimant("Person")),
    ))
    # One speaker (names compare in any case), whose first kind given is Organization.
    assert sorted(kinds(cli).values()) == ["organization", "unknown"]  # and AFP, the reviewer


def test_claim_text_from_markup_loses_only_its_surrounding_blanks(
    cli: Cli, tmp_path: Path
) -> None:
    text = " PM criticised the  past government for not developing the coastline. "
    cli.ok("import", saved(tmp_path / "it.json", review(text, "Mostly false")))
    assert list(claims(cli)) == [text.strip()]  # the double space inside stays


def test_dry_run_summary_separates_its_words_from_the_file_name(
    cli: Cli, tmp_path: Path
) -> None:
    path = saved(tmp_path / "dry.json", review("A claim", "False"))
    line = summary(cli.ok("import", "--dry-run", path))
    assert line.startswith(f"Dry run, nothing written; {path} would give: added ")
    assert claims(cli) == {}


def test_a_claim_typed_with_blanks_around_it_survives_its_own_claimreview(
    cli: Cli, tmp_path: Path
) -> None:
    """Markup loses its surrounding blanks on import; re-importing the desk's own export of a
    claim typed with them changes nothing."""
    claim = cli.add(" We will win. ")
    cli.ok("verdict", "add", claim, "--rating", "False", "--by", "Desk",
           "--url", "https://desk.example.org/check")
    exported = tmp_path / "out.json"
    cli.ok("export", "--format", "claimreview", "-o", str(exported))
    line = summary(cli.ok("import", str(exported)))
    assert "added 0" in line and "updated 0" in line
    assert list(claims(cli)) == [" We will win. "]


def test_a_new_speaker_is_stored_as_first_spelt_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Two spellings of one new speaker in one batch: the first one is stored, in every run
    (the names went through a set, whose order changes with the process's hash seed)."""
    path = saved(tmp_path / "two.json",
                 *(review(f"Claim {n}", "False", **claimant("Person", name))
                   for n, name in enumerate(["Multiple Sources", "Multiple sources",
                                             "MULTIPLE SOURCES"])))
    script = ("import sys; from tests.helpers import Cli; cli = Cli(sys.argv[1]); "
              "cli.ok('init'); cli.ok('import', sys.argv[2]); "
              "print(cli.ok('actor', 'list', '-f', 'csv').stdout)")
    stored = set()
    for seed in ("1", "2", "3"):
        db = f"sqlite:///{tmp_path / f'seed{seed}.db'}"
        done = subprocess.run([sys.executable, "-c", script, db, path], cwd=ROOT, text=True,
                              env={**os.environ, "PYTHONHASHSEED": seed},
                              capture_output=True, check=True)
        stored.add(next(line for line in done.stdout.splitlines() if "ultiple" in line))
    assert len(stored) == 1 and "Multiple Sources" in stored.pop()


def test_your_mapping_applied_rereads_the_labels_it_now_reads(cli: Cli, tmp_path: Path) -> None:
    cli.ok("import", saved(tmp_path / "afp.json", review("Claim 1", "Altered image"),
                           review("Claim 2", "Partly-false"), review("Claim 3", "Fake news")))
    assert "Re-read 1 verdict" in cli.ok("ratings", "add", "altered", "mixed", "--apply").stderr
    assert "Re-read 1 verdict" in cli.ok("ratings", "add", "partly false", "false",
                                         "--apply").stderr
    # your shorter label does not take a label the built-in table knows whole
    assert "Re-read 0 verdicts" in cli.ok("ratings", "add", "fake", "mixed", "--apply").stderr
    assert normalized_by_label(cli) == {"Altered image": "mixed", "Partly-false": "false",
                                        "Fake news": "false"}
    cli.ok("import", saved(tmp_path / "more.json", review("Claim 4", "Altered photo"),
                           review("Claim 5", "Fake news")))
    assert normalized_by_label(cli)["Altered photo"] == "mixed"  # new ones read the same way
    assert normalized_by_label(cli)["Fake news"] == "false"
