"""Long or malformed texts take work in proportion to their length: no step goes over the
whole sentence or paragraph again for each word or quotation mark in it. Measured in steps
(lines run, tokens looked at), never in seconds."""

from __future__ import annotations

import sys
from types import FrameType
from typing import Any

import pytest

from claimtrack.extract import contents, extract
from claimtrack.extract.segment import MAX_TOKENS, Token, find_quotes, tokenize, units


def lines_run(text: str) -> int:
    """How many lines of Python ``extract(text)`` runs (a loop's line once per turn)."""
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        count += 1
        return trace

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        extract(text)
    finally:
        sys.settrace(previous)
    return count


@pytest.mark.parametrize("shape", [
    'He said "',  # quotation marks that each open the next quotation
    "Smith said that ",  # one sentence that never ends
    'He said. "',  # many sentences and quotations in one paragraph
    '"No," he said, "',
])
def test_twice_the_text_is_twice_the_work(shape: str) -> None:
    extract("He said so.")  # imports and caches out of the count
    once, twice = lines_run(shape * 300), lines_run(shape * 600)
    assert twice <= 2.2 * once, (once, twice)


class Watched(list[Token]):
    """A token list that counts the tokens read from it."""

    read = 0

    def __getitem__(self, key: Any) -> Any:
        found = super().__getitem__(key)
        self.read += len(found) if isinstance(key, slice) else 1
        return found

    def __iter__(self) -> Any:
        for token in super().__iter__():
            self.read += 1
            yield token


def test_where_the_words_end_is_found_looking_at_each_token_a_few_times() -> None:
    text = 'He said "' * 2000
    tokens = Watched(tokenize(text, 0, len(text), find_quotes(text, 0, len(text))))
    contents.cut_adjuncts(tokens, 0, len(tokens))
    assert tokens.read <= 12 * len(tokens)


def test_a_sentence_that_never_ends_is_read_in_pieces_with_offsets_into_the_text() -> None:
    text = "Smith said that " * 500 + 'he "denied it."'
    pieces = units(text)
    assert len(pieces) > 1 and all(len(piece.tokens) <= MAX_TOKENS for piece in pieces)
    whole = tokenize(text, 0, len(text), find_quotes(text, 0, len(text)))
    assert [t for piece in pieces for t in piece.tokens] == whole  # nothing lost or doubled
    assert pieces[0].start == 0 and pieces[-1].end == len(text)
    assert all(p.start <= p.tokens[0].start and p.tokens[-1].end <= p.end for p in pieces)
