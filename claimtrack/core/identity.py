"""How an imported claim is recognised when it carries no claimtrack id.

A claim's fingerprint is a hash of its normalised text, its speaker (the actor's row id, so
aliases and renames still match) and the date it was said. Importing the same spreadsheet or
ClaimReview feed twice finds every claim by its fingerprint and adds nothing the second time.
Pure Python; the text itself is always stored verbatim.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata

# Typographic variants a re-typed or re-exported claim may differ by (every quote mark is
# read as one: publishers swap double and single quotes when they reformat a claim).
_FOLD = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": "'",
        "\u201d": "'",
        "\u201e": "'",
        "\u201f": "'",
        "\u00ab": "'",
        "\u00bb": "'",
        "\u2033": "'",
        '"': "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2026": "...",
    }
)
_EDGE = " \t\r\n\"'.,;:!?…"


def text_key(text: str) -> str:
    """Text folded for matching: Unicode width, case, quotes, dashes and spacing."""
    if text.isascii():  # NFKC and the typographic folds change nothing else in ASCII
        folded = text.lower().replace('"', "'")
    else:
        folded = unicodedata.normalize("NFKC", text).casefold().translate(_FOLD)
    return " ".join(folded.split()).strip(_EDGE)


def claim_fingerprint(text: str, speaker_id: int | None, said_on: dt.date | None) -> str:
    """32 hex characters identifying a claim by what was said, by whom and when."""
    key = "\x1f".join(
        (text_key(text), str(speaker_id or ""), said_on.isoformat() if said_on else "")
    )
    return hashlib.blake2b(key.encode("utf-8"), digest_size=16).hexdigest()
