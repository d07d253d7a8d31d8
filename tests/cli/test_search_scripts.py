"""search in scripts written without spaces (Chinese, Japanese, Thai), and highlights that
never split a letter: through the real CLI, on SQLite and on PostgreSQL (the "db" tests)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from claimtrack.core import search_syntax
from claimtrack.core.enums import Relation
from claimtrack.services import disputes, links
from claimtrack.store import fulltext, snippets
from claimtrack.store.snippets import PASSAGE
from tests.helpers import Cli
from tests.helpers.snippets import search_hits

# Taiwan FactCheck Center's wording: the words sit inside one run between punctuation.
MYANMAR_DAM = "網傳影片稱「緬甸水庫潰堤，全村死了」？此為錯誤訊息"
TOKYO = "東京オリンピックは中止されたという投稿は誤りです"


def hits(cli: Cli, *query: str, options: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    return search_hits(cli, *query, options=options)


def ids(cli: Cli, *query: str, options: tuple[str, ...] = ()) -> list[str]:
    return [hit["id"] for hit in hits(cli, *query, options=options)]


def test_a_chinese_word_inside_a_sentence_is_found(cli: Cli) -> None:
    dam = cli.add(MYANMAR_DAM, "--language", "zh", "--speaker", "TFC")
    vaccine = cli.add("衛福部澄清：疫苗不會造成不孕，網傳說法錯誤", "--language", "zh")
    english = cli.add("A dam in Myanmar (緬甸) burst, a vaccine post says")
    quoted = cli.add("Unrelated text", "--summary", "Another summary")
    cli.ok("appearance", "add", quoted, "https://example.com/tw", "--quote", "緬甸水災的舊影片")

    found = hits(cli, "緬甸")
    # Text before quotes, a claim mostly about it before one that mentions it in passing.
    assert [hit["id"] for hit in found] == [dam, english, quoted]
    assert "「[緬甸]水庫潰堤" in found[0]["snippet"] and found[0]["score"] == 1.0
    assert "[緬甸]" in found[2]["snippet"]
    assert set(ids(cli, "錯誤")) == {dam, vaccine}
    assert ids(cli, "網傳影片稱") == [dam]  # a whole run, as before
    assert ids(cli, "潰堤") == [dam]
    assert ids(cli, "堤潰") == []
    # Phrases keep the order of their pieces; what lies between them (「，」…) is free.
    assert ids(cli, '"水庫潰堤，全村"') == [dam]
    assert ids(cli, '"水庫 全村"') == [dam]
    assert ids(cli, '"全村 水庫"') == []
    # Exclusions, of either kind of term; a spaced-script word with a Chinese one.
    assert set(ids(cli, "錯誤", "-疫苗")) == {dam}
    assert ids(cli, "緬甸", "-vaccine") == [dam, quoted]
    mixed = hits(cli, "vaccines", "緬甸")
    assert [hit["id"] for hit in mixed] == [english]
    assert "[vaccine]" in mixed[0]["snippet"] and "([緬甸])" in mixed[0]["snippet"]
    assert ids(cli, "緬甸", "-vaccine", "-水災") == [dam]
    # Filters.
    assert ids(cli, "錯誤", options=("--speaker", "TFC")) == [dam]
    assert ids(cli, "緬甸", options=("--limit", "1")) == [dam]
    table = cli.ok("search", "緬甸").stdout
    assert dam in table and "No claim matches" not in table


def test_japanese_kana_and_kanji_and_thai(cli: Cli) -> None:
    tokyo = cli.add(TOKYO, "--language", "ja")
    thai = cli.add("ข่าวปลอมเรื่องวัคซีนโควิดทำให้เป็นหมัน", "--language", "th")
    cli.add("Tokyo Olympics cancelled, a post claims")
    assert ids(cli, "中止") == [tokyo]  # kanji
    assert ids(cli, "オリンピック") == [tokyo]  # katakana
    assert ids(cli, "という") == [tokyo]  # hiragana
    assert ids(cli, "オリンピック", "-誤り") == []
    assert "[中止]" in hits(cli, "中止")[0]["snippet"]
    found = hits(cli, "วัคซีน")
    assert [hit["id"] for hit in found] == [thai]
    assert "[วัคซีน]" in found[0]["snippet"]  # the vowel signs stay inside the brackets
    assert ids(cli, "ไข้หวัด") == []


def test_an_english_search_still_goes_through_the_index(cli: Cli, session: Session) -> None:
    deployed = cli.add("Operatives were deployed for a false-flag operation")
    cli.add("A redeployment of troops", "--summary", "Nothing else")
    cli.add(MYANMAR_DAM)
    # Stemmed words, not substrings: "deploy" finds "deployed", never "redeployment".
    found = hits(cli, "deploy", "operations")
    assert [hit["id"] for hit in found] == [deployed]
    assert "[deployed]" in found[0]["snippet"] and "[operation]" in found[0]["snippet"]
    assert ids(cli, '"false flag"', "-troops") == [deployed]
    parsed = search_syntax.parse('deploy "false flag" -troops')
    written = fulltext.expression(session, parsed)
    assert written.is_indexed_only
    assert written.indexed == (parsed.to_fts5() if session.get_bind().dialect.name == "sqlite"
                               else parsed.to_websearch())


def test_the_contested_list_filters_by_a_chinese_word(session: Session) -> None:
    from claimtrack.services import claims

    dam = claims.add_claim(session, text=MYANMAR_DAM, language="zh")
    other = claims.add_claim(session, text="衛福部澄清：疫苗不會造成不孕", language="zh")
    for claim in (dam, other):
        denial = claims.add_claim(session, text=f"Denial of {claim.public_id}", language="en")
        links.add_link(session, denial, Relation.DENIES, claim)
    page = disputes.contested_page(session, matching="緬甸")
    assert [dispute.claim.id for dispute in page.disputes] == [dam.public_id]


def test_a_hindi_highlight_keeps_its_vowel_sign(cli: Cli) -> None:
    claim = cli.add("उसकी शादी पिछले साल हुई थी", "--language", "hi")
    found = hits(cli, "शादी")
    assert [hit["id"] for hit in found] == [claim]
    assert "[शादी]" in found[0]["snippet"], found[0]["snippet"]


def mark(text: str, spans: list[tuple[int, int]]) -> str:
    return snippets.bracketed(snippets.mark(text, spans))


def readable(snippet: str) -> str:
    return snippets.bracketed(snippets.readable(snippet))


def passage(texts: list[str | None], pieces: list[str]) -> str:
    return snippets.bracketed(snippets.passage(texts, pieces))


def test_highlights_never_split_a_letter() -> None:
    # The match as FTS5 reports it on Devanagari: its tokenizer stops before the vowel sign.
    assert mark("उसकी शादी पिछले", [(5, 8)]) == "उसकी [शादी] पिछले"
    assert readable("उसकी \ufdd0शाद\ufdd1ी") == "उसकी [शादी]"
    # A match starting on a mark takes the letter it belongs to; a virama joins a conjunct.
    assert mark("पिछले", [(1, 3)]) == "[पिछ]ले"
    assert mark("रक्षा", [(1, 2)]) == "र[क्षा]"
    assert mark("रक्षा", [(3, 4)]) == "र[क्षा]"
    assert mark("cafe\u0301 noir", [(0, 4)]) == "[cafe\u0301] noir"  # an accent typed apart
    assert mark("ข่าวปลอม", [(0, 1)]) == "[ข่]าวปลอม"  # า is a letter of its own
    # Unaffected: whole words, independent vowels, marks of the next word; spans merge.
    assert mark("उसकी शादी", [(0, 4)]) == "[उसकी] शादी"
    assert mark("हुई", [(2, 3)]) == "हु[ई]"
    assert mark("false flag", [(0, 5), (5, 6), (6, 10)]) == "[false flag]"
    assert mark("abc", [(1, 2), (0, 1)]) == "[ab]c"


def test_a_substring_snippet_is_a_passage_around_the_first_match() -> None:
    text = "前言" * 30 + "網傳緬甸水庫潰堤" + "後記" * 30
    shown = passage([text, None, None], ["水庫"])
    assert shown.startswith("…") and shown.endswith("…") and "網傳緬甸[水庫]潰堤" in shown
    assert len(shown) <= PASSAGE + 4
    assert passage(["Short text", "摘要提到緬甸", None], ["緬甸"]) == "摘要提到[緬甸]"


def test_a_pasted_paragraph_of_chinese_is_refused_in_one_line(cli: Cli) -> None:
    """Each piece of unspaced text is a pattern the database must build: past a size both
    refuse it (SQLite: "pattern too complex"), which must read as the search's fault."""
    cli.add(MYANMAR_DAM, "--language", "zh")
    within = "。".join(["緬甸水庫潰堤"] * 64)  # 384 characters in 64 parts: still a search
    assert hits(cli, within) == []
    for pasted in ("中。" * 330, "中" * 17_000):
        error = cli.fails("search", "--", pasted).output
        assert error.startswith("Error: The search has ") and "at most 400" in error
        assert error.count("\n") == 1
