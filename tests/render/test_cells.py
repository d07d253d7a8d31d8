"""Wrapping by terminal cells (claimtrack/render/cells.py): nothing lost or repeated, every
line within the width a reader sees, whatever the script and however wide the indents."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimtrack.render.cells import cells, wrap

WORDS = st.text(alphabet=st.sampled_from("ab中文字한국́ ‍😀"), min_size=0, max_size=60)


@given(WORDS, st.integers(1, 30), st.sampled_from(["", "> ", "│   ", "      "]),
       st.sampled_from(["", "  ", "│   ", "        "]))
def test_wrapping_keeps_every_character_and_fits_the_width(
    text: str, width: int, first: str, rest: str
) -> None:
    lines = wrap(text, width, initial_indent=first, subsequent_indent=rest)
    body = [line.removeprefix(first if n == 0 else rest) for n, line in enumerate(lines)]
    assert "".join("".join(line.split()) for line in body) == "".join(text.split())
    room = max(width, cells(first) + 1, cells(rest) + 1)  # an indent wider than the width
    for n, line in enumerate(lines):
        indent = first if n == 0 else rest
        # a line over the width holds one character only (nothing narrower fits after the indent)
        assert cells(line) <= room or len(line.removeprefix(indent).strip()) == 1


ADDRESSES = st.lists(st.sampled_from(["see", "the", "中文", "(https://example.org/a-b-c)",
                                      "https://example.org/2026/12/05/the-dam-is-leaking?id=9",
                                      "HTTP://EXAMPLE.ORG/x"]), max_size=8).map(" ".join)


@given(ADDRESSES, st.integers(1, 30))
def test_a_web_address_stays_whole_on_its_line(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join("".join(lines).split()) == "".join(text.split())  # every character kept
    pieces = " ".join(lines).split()
    assert [w for w in text.split() if "://" in w] == [w for w in pieces if "://" in w]
    for line in lines:
        assert cells(line) <= max(width, 2) or "://" in line
