"""The query language: any input either parses into an expression the backend accepts, or is
refused with InvalidInput. Never a database error."""

from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimtrack.core.errors import InvalidInput
from claimtrack.core.search_syntax import any_word_fts5, content_words, parse, word_count

FTS = sqlite3.connect(":memory:")
FTS.execute("CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'porter unicode61')")
FTS.execute("INSERT INTO t VALUES ('a false flag operation, said \"the\" OR NEAR officials')")

QUERY_TEXT = st.text(
    alphabet=st.sampled_from(list('ab -"*^():OR NEAR AND NOT\'\\{}_.,«»дезинформация\u05e9\t')),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(QUERY_TEXT)
def test_any_query_is_valid_fts5_or_refused(query: str) -> None:
    try:
        parsed = parse(query)
    except InvalidInput as error:
        assert str(error).endswith((".", "word.")), error
        return
    FTS.execute("SELECT rowid FROM t WHERE t MATCH ?", (parsed.to_fts5(),)).fetchall()
    assert parsed.included


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_gives_a_valid_any_word_query(text: str) -> None:
    words = content_words(text)
    if words:
        FTS.execute("SELECT rowid FROM t WHERE t MATCH ?", (any_word_fts5(words),)).fetchall()


def test_translation() -> None:
    parsed = parse('false flag "total disinformation" -Lavrov -"Sergei Lavrov"')
    assert parsed.to_fts5() == (
        '("false" AND "flag" AND "total disinformation") NOT ("Lavrov" OR "Sergei Lavrov")')
    assert parsed.to_websearch() == (
        '"false" "flag" "total disinformation" -"Lavrov" -"Sergei Lavrov"')
    assert parse("the OR flag").to_fts5() == '"flag"'  # stop words (or, the) dropped


@pytest.mark.parametrize(("query", "message"), [
    ("", "empty"), ('"open', "unclosed quote"), ("-only -exclusions", "only excludes"),
    ("the of", "no word to look for"), ("— …", "no word to look for"),
])
def test_refusals(query: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse(query)


def test_word_count() -> None:
    assert word_count("The U.S. claim is “total disinformation.” — Lavrov") == 7
