"""The search query language, one for both backends: words, "phrases" and -exclusions.

Pure Python. A query is parsed here once and then written out as an SQLite FTS5 MATCH
expression or as input for PostgreSQL's ``websearch_to_tsquery``; the user's text never reaches
either parser as typed, so a stray quote or operator is a clear ``InvalidInput``, never a
database error. Every word matches its English inflections on both backends (FTS5's porter
tokenizer, PostgreSQL's ``english`` configuration), and very common English words are dropped
from both, as PostgreSQL does.

Scripts written without spaces between words (Chinese, Japanese, Thai, Lao, Khmer, Myanmar…)
defeat both indexes: their tokenizers take a whole run between punctuation as one word, so 緬甸
would only find a claim whose run is exactly 緬甸. A term holding such characters is therefore
matched as a substring (``Term.is_substring``, ``Term.pieces``), and only the other terms go
through the index.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from claimtrack.core.errors import InvalidInput

MAX_TERMS = 64
# Characters of unspaced text a search may look for as substrings (each piece is a LIKE
# pattern: SQLite and PostgreSQL refuse patterns and expressions past some size).
MAX_SUBSTRING = 400

# PostgreSQL's `english` stop words (the Snowball list), so that SQLite ignores the same words.
_STOP_WORDS = """a about above after again against all am an and any are as at be because been
    before being below between both but by can did do does doing don down during each few for
    from further had has have having he her here hers herself him himself his how i if in into
    is it its itself just me more most my myself no nor not now of off on once only or other our
    ours ourselves out over own same she should so some such t than that the their theirs them
    themselves then there these they this those through to too under until up very was we were
    what when where which while who whom why will with you your yours yourself yourselves s"""
STOP_WORDS = frozenset(_STOP_WORDS.split())

_ITEM = re.compile(r'(?P<minus>-*)(?:"(?P<phrase>[^"]*)(?P<close>"?)|(?P<word>[^\s"]+))')
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Scripts whose words are not separated by spaces: Han (with the ideographic iteration and
# number marks), Hiragana, Katakana (half-width too), Bopomofo, Yi, Thai, Lao, Tibetan, Myanmar,
# Khmer, Tai Le, New Tai Lue, Tai Tham, Balinese, Javanese, Tai Viet. Korean is written with
# spaces and stays with the index.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u1950-\u19ff\u1a20-\u1aaf"
    "\u1b00-\u1b7f\u2e80-\u2fdf\u3005-\u3007\u3021-\u3029\u3038-\u303c\u3040-\u30ff"
    "\u3100-\u312f\u31a0-\u31bf\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\ua980-\ua9ff\uaa60-\uaadf\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f]"
)
_HINT = "Search for words, \"a phrase\" in double quotes, and -word to exclude a word."


@dataclass(frozen=True)
class Term:
    """One word or phrase of a query, as typed; ``is_excluded`` for a leading minus."""

    text: str
    is_phrase: bool = False
    is_excluded: bool = False

    @property
    def is_substring(self) -> bool:
        """Whether the term is in a script written without spaces, so matched as a substring."""
        return is_unspaced(self.text)

    @property
    def pieces(self) -> list[str]:
        """What a substring term must contain, in this order: its runs of letters (with their
        combining marks) and digits. Punctuation and spaces between them may be anything."""
        return _pieces(self.text)


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query: what must match and what must not."""

    terms: tuple[Term, ...]

    @property
    def included(self) -> list[Term]:
        return [term for term in self.terms if not term.is_excluded]

    @property
    def excluded(self) -> list[Term]:
        return [term for term in self.terms if term.is_excluded]

    @property
    def indexed(self) -> SearchQuery:
        """The terms the full-text index can match (possibly none)."""
        return SearchQuery(tuple(term for term in self.terms if not term.is_substring))

    @property
    def substrings(self) -> list[Term]:
        """The terms matched as substrings (see ``Term.is_substring``)."""
        return [term for term in self.terms if term.is_substring]

    def to_fts5(self) -> str:
        """An FTS5 MATCH expression: every term a quoted string, so nothing is an operator."""
        required = " AND ".join(_fts5_string(term.text) for term in self.included)
        if not self.excluded:
            return required
        banned = " OR ".join(_fts5_string(term.text) for term in self.excluded)
        return f"({required}) NOT ({banned})"

    def to_websearch(self) -> str:
        """Input for ``websearch_to_tsquery``: every term quoted, so ``or`` stays a word."""
        return " ".join(
            ("-" if term.is_excluded else "") + _websearch_string(term.text)
            for term in self.terms
        )


def parse(query: str) -> SearchQuery:
    """Parse what the user typed. Raises InvalidInput saying how to write the query instead."""
    if not query or not query.strip():
        raise InvalidInput(f"The search is empty. {_HINT}")
    terms: list[Term] = []
    for item in _ITEM.finditer(query):
        if item.group("phrase") is not None and not item.group("close"):
            raise InvalidInput(
                f"The search has an unclosed quote: '\"{item.group('phrase')}'. Close the phrase "
                "with a second \" or remove the quote."
            )
        text = item.group("phrase") if item.group("phrase") is not None else item.group("word")
        is_phrase = item.group("phrase") is not None
        words = [w.casefold() for w in _WORD.findall(text)]
        if all(word in STOP_WORDS for word in words):
            continue  # punctuation alone, or words nearly every text contains
        terms.append(Term(text=text, is_phrase=is_phrase, is_excluded=bool(item.group("minus"))))
    if not any(not term.is_excluded for term in terms):
        if terms:
            raise InvalidInput(
                "The search only excludes (-word); add at least one word or \"phrase\" to look "
                "for."
            )
        raise InvalidInput(
            f"The search has no word to look for (very common words such as 'the' are "
            f"ignored). {_HINT}"
        )
    if len(terms) > MAX_TERMS:
        raise InvalidInput(
            f"The search has {len(terms)} words and phrases; use at most {MAX_TERMS}, or try "
            "`claimtrack match` to find claims like a whole text."
        )
    substrings = [term for term in terms if term.is_substring]
    pieces = [piece for term in substrings for piece in term.pieces]
    if len(pieces) > MAX_TERMS or sum(len(piece) for piece in pieces) > MAX_SUBSTRING:
        raise InvalidInput(
            f"The search has {sum(len(p) for p in pieces)} characters of text written without "
            f"spaces (Chinese, Japanese, Thai…) in {len(pieces)} part(s), each looked for "
            f"whole; use at most {MAX_SUBSTRING} characters in {MAX_TERMS} parts, or try "
            "`claimtrack match` to find claims like a whole text."
        )
    return SearchQuery(tuple(terms))


def is_unspaced(text: str) -> bool:
    """Whether ``text`` holds a letter, mark or digit of a script written without spaces
    between words (its punctuation, such as the Thai baht sign or Myanmar's full stop, aside)."""
    return any(
        unicodedata.category(found.group())[0] in "LMN" for found in _UNSPACED.finditer(text)
    )


def _pieces(text: str) -> list[str]:
    """The runs of ``text`` made of letters, combining marks and digits (Thai or Devanagari
    vowel signs are marks: a run never ends before one)."""
    found: list[str] = []
    current: list[str] = []
    for character in text:
        if unicodedata.category(character)[0] in "LMN":
            current.append(character)
        elif current:
            found.append("".join(current))
            current = []
    if current:
        found.append("".join(current))
    return found


def content_words(text: str, limit: int = MAX_TERMS) -> list[str]:
    """The distinct words of ``text`` that carry meaning (stop words dropped), in order."""
    seen: dict[str, None] = {}
    for word in _WORD.findall(text):
        folded = word.casefold()
        if folded not in STOP_WORDS:
            seen.setdefault(folded, None)
    return list(seen)[:limit]


def any_word_fts5(words: list[str]) -> str:
    """An FTS5 expression matching texts with any of ``words``."""
    return " OR ".join(_fts5_string(word) for word in words)


def any_word_websearch(words: list[str]) -> str:
    """``websearch_to_tsquery`` input matching texts with any of ``words``."""
    return " or ".join(_websearch_string(word) for word in words)


def word_count(text: str) -> int:
    """Words as people count them: runs separated by spaces that hold a letter or digit."""
    return sum(1 for chunk in text.split() if _WORD.search(chunk))


_NEGATIONS = frozenset(
    ("no", "not", "never", "nor", "none", "nobody", "nothing", "neither", "cannot", "without",
     "deny", "denies", "denied")
)


def is_negated(text: str) -> bool:
    """Whether ``text`` holds a negation ("not", "never", "no", "isn't", "denied"…).

    A denial often repeats the claim's own words with a "not": string similarity alone would
    call the two the same claim.
    """
    words = [word.casefold() for word in re.findall(r"[^\W_]+(?:['’]t)?", text)]
    return any(word in _NEGATIONS or word.endswith(("n't", "n’t")) for word in words)


def _fts5_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _websearch_string(text: str) -> str:
    # Inside quotes websearch_to_tsquery reads only words; a backslash or quote is noise. < and
    # > (and the / of "</") are spaces, as the index reads the texts (fulltext._pg_plain):
    # PostgreSQL's parser would drop <script> as an HTML tag, leaving nothing to look for.
    plain = text.replace("</", "  ").replace("<", " ").replace(">", " ")
    return '"' + plain.replace('"', " ").replace("\\", " ") + '"'
