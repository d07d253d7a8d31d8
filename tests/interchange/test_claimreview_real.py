"""Issue 12: real publishers' ClaimReview, imported and exported through the real CLI.

The samples are in fixtures/claimreview/real (see SOURCES.md there); manifest.json says what
each must import as. The first tests run every sample through the same checks (imported
fully, URLs as published, labels, reviewer/dates/claimant/language, a consumer's checks on the
export); the others pin one point of the issue each, on the sample that shows it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest

from tests.helpers import Cli, claims, snapshot, summary, verdicts
from tests.helpers.claimreview import (
    HANDMADE,
    MANIFEST,
    REAL,
    ImportedSample,
    as_number,
    claim_problems,
    cli_runner,
    export_problems,
    first,
    import_samples,
    missing_reviews,
    published_reviews,
    reviewer_problems,
    url_problems,
)

pytestmark = pytest.mark.db  # every test here runs on PostgreSQL too

SAMPLES = {sample["file"]: sample for sample in MANIFEST}
LABELS = [
    pytest.param(sample["file"], index, id=f"{sample['language']}:{review['rating'][:24]}")
    for sample in MANIFEST
    for index, review in enumerate(sample["reviews"])
]


@pytest.fixture(scope="module")
def imported(
    tmp_path_factory: pytest.TempPathFactory,
    new_database: Callable[[Path], AbstractContextManager[str]],
) -> Iterator[Callable[[str], ImportedSample]]:
    """Every sample imported, each by its own command, into one database, read back once."""
    with new_database(tmp_path_factory.mktemp("real")) as url:
        found = import_samples(MANIFEST, cli_runner(url))
    yield found.__getitem__


# ---- every sample ------------------------------------------------------------------------


@pytest.mark.parametrize("file", SAMPLES)
def test_sample_is_imported_fully(imported: Callable[[str], ImportedSample], file: str) -> None:
    """Points 2, 4, 5, 9: every review goes in, none rejected, exit 0."""
    sample = imported(file)
    assert missing_reviews(sample) == []
    assert sample.exit_code == 0, sample.stderr
    assert "rejected 0" in sample.stderr.strip().splitlines()[-1], sample.stderr


@pytest.mark.parametrize("file", SAMPLES)
def test_sample_urls_are_kept_as_published(
    imported: Callable[[str], ImportedSample], file: str
) -> None:
    """Point 1 (and 2, 5): review URL and appearances as published, in lists and exports."""
    sample = imported(file)
    assert missing_reviews(sample) == []
    assert url_problems(sample) == []


@pytest.mark.parametrize(("file", "index"), LABELS)
def test_sample_label_is_kept_and_read(
    imported: Callable[[str], ImportedSample], file: str, index: int
) -> None:
    """Points 3, 6: the label verbatim (entities decoded), read as a fact-checker reads it."""
    sample = imported(file)
    review = SAMPLES[file]["reviews"][index]
    (verdict,) = sample.verdicts_for(review) or [None]
    assert verdict is not None, f"review lost: {sample.stderr}"
    assert (verdict["rating"].strip(), verdict["normalized"]) == (
        review["rating"],
        review["normalized"],
    )


@pytest.mark.parametrize("file", SAMPLES)
def test_sample_reviewer_and_date(imported: Callable[[str], ImportedSample], file: str) -> None:
    """Points 4, 8: the reviewer (the organisation, when a person wrote it for one) and the
    review's date as written."""
    sample = imported(file)
    assert missing_reviews(sample) == []
    assert reviewer_problems(sample) == []


@pytest.mark.parametrize("file", SAMPLES)
def test_sample_claim_text_claimant_and_language(
    imported: Callable[[str], ImportedSample], file: str
) -> None:
    """Points 3, 7: claim text and claimant with entities decoded once; the language
    (inLanguage, else the page's <html lang>)."""
    sample = imported(file)
    assert missing_reviews(sample) == []
    assert claim_problems(sample) == []


@pytest.mark.parametrize("file", SAMPLES)
def test_sample_export_passes_consumer_checks(
    imported: Callable[[str], ImportedSample], file: str
) -> None:
    """Point 7: numeric and consistent rating numbers, one spelling per URL, firstAppearance
    only when known, the claimant's @type, inLanguage."""
    sample = imported(file)
    assert missing_reviews(sample) == []
    assert export_problems(sample) == []


# ---- 1. URLs as published -----------------------------------------------------------------


def test_review_urls_are_stored_and_exported_verbatim(cli: Cli) -> None:
    published = {
        "newtral-es.html": "https://www.newtral.es/lista-espera-sanidad-gobierno/20221006/",
        "fatabyyano-ar.html": "https://fatabyyano.net/%d8%a7%d9%84%d9%85%d9%82%d8%b7%d8%b9-%d9%85"
        "%d9%86-%d8%a7%d9%84%d8%b9%d8%a7%d8%a8-%d9%85%d8%ad%d8%a7%d9%83%d8%a7%d8%a9-%d8%a7%d9%84"
        "%d8%b7%d9%8a%d8%b1%d8%a7%d9%86/",
        "afp-faktencheck-de.html": "https://faktencheck.afp.com/http%253A%252F%252Fdoc.afp.com"
        "%252F9LK8NN-1",
        "comprova-pt.html": "https://projetocomprova.com.br/publicações/video-mostra-imagens-de"
        "-imovel-de-luxo-no-ceara-como-sendo-residencia-alugada-por-lula-em-sao-paulo/",
    }
    cli.ok("import", *(str(REAL / name) for name in published))
    assert sorted(verdicts(cli)) == sorted(published.values())
    exported = json.loads(cli.ok("export", "--format", "claimreview").stdout)
    assert sorted(review["url"] for review in exported) == sorted(published.values())


def test_appearance_urls_keep_watch_slash_and_bare_parameter(cli: Cli) -> None:
    cli.ok("import", str(REAL / "fatabyyano-ar.html"), str(REAL / "dpa-datacommons-de.json"))
    listed = {s["url"] for s in json.loads(cli.ok("source", "list", "-f", "json").stdout)}
    assert "https://www.facebook.com/watch/?v=444074934316133" in listed
    assert (
        "https://www.facebook.com/photo.php?fbid=389949688569877&set=a.155170952047753"
        "&type=3&theater" in listed
    )
    assert "https://www.facebook.com/Quicknews12/videos/3829470550510217/" in listed


def test_normalised_url_still_matches_on_reimport(cli: Cli, tmp_path: Path) -> None:
    """The normalised form is the matching key: the same review under another spelling of
    its URL updates the verdict it made, and the stored URL is one that was published."""
    cli.ok("import", str(REAL / "newtral-es.html"))
    again = cli.ok("import", str(REAL / "newtral-es.html"))
    assert summary(again).split(": ", 1)[1].startswith("added 0")
    (review,) = published_reviews(REAL / "newtral-es.html")
    respelled = "https://WWW.newtral.es/lista-espera-sanidad-gobierno/20221006?utm_source=x"
    (tmp_path / "respelled.json").write_text(json.dumps(review | {"url": respelled}), "utf-8")
    cli.ok("import", str(tmp_path / "respelled.json"))
    (url,) = verdicts(cli)
    assert url in (review["url"], respelled)
    assert len(claims(cli)) == 1


def test_verdict_add_keeps_the_url_as_given(cli: Cli) -> None:
    claim = cli.add("Las listas de espera se han multiplicado por tres.")
    given = "https://www.newtral.es/lista-espera-sanidad-gobierno/20221006/"
    cli.ok("verdict", "add", claim, "--rating", "Engañoso", "--by", "Newtral", "--url", given)
    (listed,) = json.loads(cli.ok("verdict", "list", "-f", "json").stdout)
    assert listed["url"] == given


def test_source_add_keeps_the_url_and_finds_the_page_under_another_spelling(cli: Cli) -> None:
    given = "https://www.facebook.com/watch/?v=444074934316133"
    added = cli.ok("source", "add", given)
    assert added.stdout.strip() == given
    (listed,) = json.loads(cli.ok("source", "list", "-f", "json").stdout)
    assert listed["url"] == given
    cli("source", "add", "https://www.facebook.com/watch?v=444074934316133")
    assert len(json.loads(cli.ok("source", "list", "-f", "json").stdout)) == 1  # one per page


# ---- 2. relative URLs and URLs without a scheme ---------------------------------------------


def test_relative_review_url_is_resolved_against_the_canonical_link(cli: Cli) -> None:
    result = cli.ok("import", str(REAL / "estadao-pt.html"))
    assert "rejected 0" in summary(result)
    assert list(verdicts(cli)) == [
        "https://www.estadao.com.br/estadao-verifica/yanomamis-desnutricao-venezuelanos"
        "-brasileiros-maduro-lula/"
    ]


def test_review_url_that_cannot_be_resolved_is_left_out_with_a_warning(cli: Cli) -> None:
    """Aos Fatos writes its url and og:url without a scheme and has no canonical link."""
    result = cli.ok("import", str(REAL / "aosfatos-pt.html"))
    assert "rejected 0" in summary(result)
    (verdict,) = json.loads(cli.ok("verdict", "list", "-f", "json").stdout)
    assert verdict["url"] is None
    assert "aosfatos.org/noticias/video-manipulado-faz-crer" in result.stderr  # says which URL


def test_relative_urls_in_a_json_file_are_left_out_with_a_warning(cli: Cli) -> None:
    result = cli.ok("import", str(HANDMADE / "relative-urls-pt.json"))
    assert "rejected 0" in summary(result)
    listed = json.loads(cli.ok("verdict", "list", "-f", "json").stdout)
    assert [v["url"] for v in listed] == [None, None]
    assert "/verifica/biblioteca-municipal-fechar/" in result.stderr
    assert "checagem.example.org/noticias/tarifa-do-metro-dobrou/" in result.stderr


# ---- 3. HTML entities ---------------------------------------------------------------------


def test_html_entities_are_decoded_once_in_every_text_field(cli: Cli) -> None:
    cli.ok("import", str(HANDMADE / "entities-en.html"))
    texts = claims(cli)
    plan = texts['Mayor\'s plan: "every driver pays £50 a day" for the bridge']
    assert plan["speaker"] == "Fb Page: Roads & Bridges Watch"
    # Escaped twice by the publisher: decoding once leaves one level, as they wrote it.
    assert "The page shows the code &pound; where the sign should be" in texts
    listed = verdicts(cli)
    bridge = listed["https://www.factcheck.example.org/english/viral/fact-check-bridge-toll/"]
    assert (bridge["rating"], bridge["normalized"], bridge["by"]) == (
        "Engañoso",
        "mostly-false",
        "Facts & Figures Desk",
    )


def test_search_finds_the_decoded_words(cli: Cli) -> None:
    cli.ok("import", str(REAL / "vishvas-en.html"), str(HANDMADE / "entities-en.html"))

    def found(query: str) -> list[str]:
        return [c["text"] for c in json.loads(cli.ok("search", query, "-f", "json").stdout)]

    assert found("Singh's economy") == ["Rishi Sunak praises Manmohan Singh's economy ideas"]
    assert found('"pays £50 a day"') == [
        'Mayor\'s plan: "every driver pays £50 a day" for the bridge'
    ]
    assert found("quot") == []


# ---- 4. dates -----------------------------------------------------------------------------


def test_rfc_2822_dates(cli: Cli) -> None:
    result = cli.ok("import", str(REAL / "politifact-factstream-en.json"))
    assert "rejected 0" in summary(result)
    (verdict,) = verdicts(cli).values()
    assert verdict["date"] == "2020-03-11"


def test_rfc_2822_dates_without_time(cli: Cli) -> None:
    cli.ok("import", str(REAL / "politifact-mediareview-en.json"))
    (verdict,) = verdicts(cli).values()
    assert verdict["date"] == "2020-11-09"
    (claim,) = claims(cli).values()
    assert claim["date"] == "2020-11-07"  # "Sat, 07 Nov 2020"


def test_short_offsets_give_the_local_date_as_written(cli: Cli) -> None:
    cli.ok("import", str(HANDMADE / "offset-dates-hi.json"))
    (verdict,) = verdicts(cli).values()
    (claim,) = claims(cli).values()
    # 00:26 at +5:30 is the day before in UTC; the date as written is kept.
    assert (verdict["date"], claim["date"]) == ("2021-08-03", "2021-08-02")


def test_date_with_minutes_and_date_time_with_fractional_seconds(cli: Cli) -> None:
    cli.ok("import", str(REAL / "afp-en.html"), str(REAL / "estadao-pt.html"))
    dated = {c["text"][:20]: c["date"] for c in claims(cli).values()}
    assert dated["Yanomamis em situaçã"] == "2023-01-24"  # 2023-01-24T13:32:06.838Z
    assert "2020-06-24" in {v["date"] for v in verdicts(cli).values()}  # "2020-06-24 00:03"


# ---- 5. shapes ----------------------------------------------------------------------------


def test_claim_with_a_url_is_an_appearance(cli: Cli) -> None:
    cli.ok("import", str(REAL / "afp-factual-es.html"))
    (claim,) = claims(cli).values()
    assert [s["url"] for s in claim["sources"]] == [
        "https://www.facebook.com/marcelo.mario.50/videos/408034091279692/"
    ]


def test_mediareview_with_associated_claimreview(cli: Cli) -> None:
    result = cli.ok("import", str(REAL / "politifact-mediareview-en.json"))
    assert "rejected 0" in summary(result)
    (verdict,) = verdicts(cli).values()
    assert (verdict["by"], verdict["rating"], verdict["normalized"], verdict["url"]) == (
        "PolitiFact",
        "False",
        "false",
        "https://www.politifact.com/factchecks/2020/nov/09/viral-image/no-washington-times-didnt"
        "-run-president-gore-cover/",
    )


def test_type_in_place_of_at_type(cli: Cli) -> None:
    result = cli.ok("import", str(HANDMADE / "type-key-zh.json"))
    assert "rejected 0" in summary(result)
    (verdict,) = verdicts(cli).values()
    assert (verdict["rating"], verdict["by"], verdict["date"]) == (
        "錯誤",
        "事實查核示例中心",
        "2022-04-08",
    )
    (claim,) = claims(cli).values()
    assert claim["speaker"] == "Line, FB"
    (exported,) = json.loads(cli.ok("export", "--format", "claimreview").stdout)
    assert exported["url"] == "https://factcheck.example.org/articles/7301"


def test_author_name_given_as_a_list(cli: Cli) -> None:
    cli.ok("import", str(REAL / "africacheck-en.html"))
    (claim,) = claims(cli).values()
    assert claim["speaker"] == "Mzwandile Masina"


def test_type_arrays(cli: Cli) -> None:
    cli.ok("import", str(REAL / "lupa-pt.html"), str(REAL / "aosfatos-pt.html"))
    assert sorted(v["by"] for v in verdicts(cli).values()) == ["Agência Lupa", "Aos Fatos"]


def test_broken_block_of_another_type_is_skipped_with_a_notice(cli: Cli) -> None:
    result = cli.ok("import", str(REAL / "aosfatos-pt.html"))
    assert "rejected 0" in summary(result)
    # The notice says which block it skipped (its position, or the type it was meant to be).
    assert re.search(r"script 2\b|VideoObject", result.stderr), result.stderr
    assert len(verdicts(cli)) == 1


def test_broken_block_of_another_type_does_not_stop_strict(cli: Cli) -> None:
    cli.ok("import", "--strict", str(REAL / "aosfatos-pt.html"))
    (verdict,) = verdicts(cli).values()
    assert verdict["by"] == "Aos Fatos"


# ---- 6. labels ----------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ar", "zh", "hi", "pt", "es", "fr", "de", "it"])
def test_ratings_table_has_labels_in(cli: Cli, language: str) -> None:
    table = json.loads(cli.ok("ratings", "-f", "json").stdout)
    assert any(row["language"].split("-")[0] == language for row in table)


def test_rating_value_outside_its_scale_is_refused(cli: Cli) -> None:
    result = cli("import", str(HANDMADE / "rating-out-of-range-en.json"))
    assert result.exit_code in (0, 1, 3), result.output
    message = result.stderr
    assert "ratingValue" in message and re.search(r"\b11\b", message)
    assert re.search(r"\b1\b\D{1,30}\b9\b", message)  # the range: "1 to 9", "1..9"…
    exported = json.loads(cli.ok("export", "--format", "claimreview").stdout)
    assert all(as_number(first(r["reviewRating"]).get("ratingValue")) != 11 for r in exported)


def test_numeric_rating_explanation_is_ignored(cli: Cli) -> None:
    cli.ok("import", str(REAL / "boom-en.html"))
    (verdict,) = verdicts(cli).values()
    assert verdict["explanation"] is None  # "ratingExplanation": 5


# ---- 7. export ----------------------------------------------------------------------------


def exported_rating(cli: Cli, file: Path) -> dict[str, Any]:
    cli.ok("import", str(file))
    (review,) = json.loads(cli.ok("export", "--format", "claimreview").stdout)
    rating: dict[str, Any] = first(review["reviewRating"])
    return rating


def numbers(rating: dict[str, Any]) -> tuple[float | None, ...]:
    return tuple(as_number(rating.get(k)) for k in ("ratingValue", "bestRating", "worstRating"))


def test_export_keeps_the_publishers_valid_numbers(cli: Cli) -> None:
    rating = exported_rating(cli, REAL / "lupa-pt.html")  # 4 of 6, worstRating left out
    assert numbers(rating) == (4, 6, 1)
    assert rating["alternateName"] == "Falso"


def test_export_replaces_a_broken_scale_with_claimtracks(cli: Cli) -> None:
    rating = exported_rating(cli, REAL / "20minutes-fr.html")  # -1 of -1..-1
    assert numbers(rating) == (1, 5, 1)
    assert rating["alternateName"] == "really_false"


def test_export_replaces_a_reversed_scale_and_empty_numbers(cli: Cli) -> None:
    rating = exported_rating(cli, REAL / "politifact-mediareview-en.json")  # worst 5, best 0
    assert numbers(rating) == (1, 5, 1)
    cli.ok("import", str(REAL / "fatabyyano-ar.html"))  # "" everywhere
    exported = json.loads(cli.ok("export", "--format", "claimreview").stdout)
    for review in exported:
        assert "" not in [first(review["reviewRating"]).get(k) for k in ("ratingValue",
                                                                          "bestRating",
                                                                          "worstRating")]


def test_first_appearance_is_never_the_alphabetically_first(cli: Cli) -> None:
    cli.ok("import", str(REAL / "fatabyyano-ar.html"))  # four appearances, no dates
    (review,) = json.loads(cli.ok("export", "--format", "claimreview").stdout)
    item = review["itemReviewed"]
    assert "firstAppearance" not in item
    assert sorted(p["url"] if isinstance(p, dict) else p for p in item["appearance"]) == [
        "https://www.facebook.com/Khawatir63/videos/625685648898698/",
        "https://www.facebook.com/Quicknews12/videos/3829470550510217/",
        "https://www.facebook.com/watch/?v=444074934316133",
        "https://www.facebook.com/watch/?v=635395651480805",
    ]


def test_first_appearance_the_publisher_gave_is_kept(cli: Cli) -> None:
    cli.ok("import", str(REAL / "newschecker-en.html"))
    (review,) = json.loads(cli.ok("export", "--format", "claimreview").stdout)
    assert first(review["itemReviewed"]["firstAppearance"])["url"] == "https://archive.is/wip/XKReX"


def test_claimant_type_is_kept_and_sets_the_actors_kind(cli: Cli) -> None:
    cli.ok("import", str(REAL / "uol-confere-pt.html"), str(REAL / "thequint-en.html"))
    kinds = {a["name"]: a["kind"] for a in json.loads(cli.ok("actor", "list", "-f", "json").stdout)}
    assert kinds["Jair Bolsonaro"] == "person"
    assert kinds["Facebook,WhatsApp,Twitter,media outlets"] == "organization"
    exported = json.loads(cli.ok("export", "--format", "claimreview").stdout)
    written = {r["itemReviewed"]["author"]["name"]: r["itemReviewed"]["author"]["@type"]
               for r in exported}
    assert written == {
        "Jair Bolsonaro": "Person",
        "Facebook,WhatsApp,Twitter,media outlets": "Organization",
    }


def test_in_language_from_the_page_is_stored_and_exported(cli: Cli) -> None:
    cli.ok("import", str(REAL / "tfc-taiwan-zh.html"))  # <html lang="zh-hant">, no inLanguage
    (claim,) = claims(cli).values()
    assert (claim["language"] or "").casefold() == "zh-hant"
    (review,) = json.loads(cli.ok("export", "--format", "claimreview").stdout)
    assert str(review.get("inLanguage")).casefold() == "zh-hant"


# ---- 8. reviewer --------------------------------------------------------------------------


def test_organisation_publisher_is_the_reviewer_and_the_person_stays_author(cli: Cli) -> None:
    cli.ok("import", str(REAL / "boom-en.html"))
    (verdict,) = verdicts(cli).values()
    assert verdict["by"] == "BOOM"
    (review,) = json.loads(cli.ok("export", "--format", "claimreview").stdout)
    author, publisher = first(review["author"]), first(review["publisher"])
    assert (author["@type"], author["name"]) == ("Person", "Nivedita Niranjankumar")
    assert publisher["name"] == "BOOM"


# ---- 9. exit status and counts --------------------------------------------------------------


def test_exit_3_when_some_records_were_rejected(cli: Cli) -> None:
    result = cli.fails("import", str(HANDMADE / "partly-bad-es.json"), code=3)
    assert "rejected 1" in summary(result)
    assert "--rejects" in result.stderr  # how to keep the rejected ones
    assert len(verdicts(cli)) == 1


def test_exit_3_says_where_the_rejected_records_went(
    second_database_url: str, tmp_path: Path
) -> None:
    rejects = tmp_path / "rejects.jsonl"
    result = Cli(second_database_url).fails(
        "import", "--rejects", str(rejects), str(HANDMADE / "partly-bad-es.json"), code=3
    )
    assert "rejected 1" in summary(result)
    assert str(rejects) in result.stderr
    assert len(rejects.read_text(encoding="utf-8").splitlines()) == 1


def test_exit_1_when_nothing_could_be_imported(cli: Cli) -> None:
    cli.ok("init")
    before = snapshot(cli.url)
    result = cli("import", str(HANDMADE / "all-bad-es.json"))
    assert result.exit_code == 1, result.output
    assert "rejected" in result.stderr and "Traceback" not in result.output
    assert snapshot(cli.url) == before


def test_empty_export_reimports_as_a_no_op(cli: Cli, tmp_path: Path) -> None:
    exported = tmp_path / "empty.json"
    cli.ok("export", "--format", "claimreview", "-o", str(exported))
    assert json.loads(exported.read_text(encoding="utf-8")) == []
    result = cli.ok("import", str(exported))
    assert "added 0" in summary(result)


def test_counts_read_right(cli: Cli, tmp_path: Path) -> None:
    cli.ok("import", str(REAL / "tfc-taiwan-zh.html"))
    result = cli.ok("export", "--format", "claimreview", "-o", str(tmp_path / "one.json"))
    assert "Exported 1 review " in result.stderr, result.stderr
