"""Parsing and validation of user-given values, shared by services, importers and the CLI.

Pure Python: every function raises ``InvalidInput`` with a message that says how to fix the value.
Text is never altered here (stored verbatim); only keys used for matching are normalised.
"""

from __future__ import annotations

import base64
import datetime as dt
import difflib
import functools
import hashlib
import re
import secrets
import time
import unicodedata
from collections.abc import Iterable, Mapping
from typing import Any
from urllib.parse import parse_qsl, quote, unquote, urlsplit, urlunsplit

from claimtrack.core.errors import InvalidInput

SUMMARY_MAX = 75
NAME_MAX = 200
TAG_MAX = 64
# Tags in one cell (listings, CSV export and import) are joined with this, so no tag holds it.
TAG_SEPARATOR = ";"
TAG_HINT = "Give a word such as ukraine."
TAGS_MAX = 50  # tags on one claim: topics to find it by, not its text word by word
# Real pages' addresses run past 2,000 characters (a Facebook photo link of 2,204 in the
# ClaimReview samples); servers commonly stop at 8 KB.
URL_MAX = 8000
LABEL_MAX = 200
TEXT_MAX = 100_000

# Crockford's base32: no i, l, o, u, so ids survive being read aloud or retyped.
ID_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"
ID_LENGTH = 12  # 60 random bits: a collision among ten million claims has odds below 1 in 10^4,
# and the UNIQUE constraint turns even that into an error, never a silent merge.
MIN_PREFIX = 4  # characters after "c-" that name a claim (or verdict) by prefix
_ID_READ_ALIKES = str.maketrans({"i": "1", "l": "1", "o": "0"})
# Fast paths for the common, already-clean forms (bulk imports read millions of them).
_CLEAN_ID = re.compile(rf"[a-z]-[{ID_ALPHABET}]{{1,{ID_LENGTH}}}")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")
_latest: list[Any] = [0.0, dt.date.min]


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """`` Did you mean 'denies'?`` when ``value`` is close to one of ``choices`` (a typo, a
    prefix, another inflection), else ``""``: for the message about a closed choice."""
    options = list(choices)
    typed = value.strip().lower()
    starting = [choice for choice in options if typed and choice.startswith(typed)]
    close = starting if len(starting) == 1 else difflib.get_close_matches(typed, options, n=1,
                                                                        cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""


def not_a_choice(value: str, choices: Iterable[str], what: str = "") -> str:
    """The message for a value outside a closed list: what was given, the nearest choice and
    every choice. ``what`` names the list ("a relation"); without it, "one of the choices"."""
    options = list(choices)
    return (f"'{value}' is not {what or 'one of the choices'}.{did_you_mean(value, options)} "
            f"Choose from {', '.join(options)}.")


def _latest_date() -> dt.date:
    """Tomorrow (one day of slack for time zones), looked up at most once a minute."""
    now = time.monotonic()
    if now - _latest[0] > 60:
        _latest[:] = [now, dt.date.today() + dt.timedelta(days=1)]
    return _latest[1]  # type: ignore[no-any-return]


VERBATIM_HINT = "Give the words as published, in quotes."
URL_HINT = "Give the page's full address, starting with https://."


def text(
    value: str, field: str = "text", *, max_length: int = TEXT_MAX, hint: str = VERBATIM_HINT
) -> str:
    """Return ``value`` unchanged if it is a storable, non-blank text; else raise InvalidInput.
    ``hint`` says what to give instead of a blank: words as published (claims, quotes), by
    default."""
    if not value or not value.strip():
        raise InvalidInput(f"The {field} is empty. {hint}")
    return optional_text(value, field, max_length=max_length) or value


def optional_text(value: str | None, field: str, *, max_length: int = TEXT_MAX) -> str | None:
    """Like ``text`` but blank means "not given" (None)."""
    if value is None or not value.strip():
        return None
    if "\x00" in value:
        raise InvalidInput(
            f"The {field} contains a NUL character, which cannot be stored; remove it."
        )
    try:
        if not value.isascii():  # only non-ASCII text can hold a lone surrogate
            value.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidInput(
            f"The {field} is not valid UTF-8; re-save the input as UTF-8 and try again."
        ) from None
    if len(value) > max_length:
        raise InvalidInput(
            f"The {field} is {len(value)} characters long; the limit is {max_length}. Shorten it."
        )
    return value


def summary(value: str | None) -> str | None:
    """A claim summary: optional, at most 75 characters."""
    if value is not None and value.strip() and len(value) > SUMMARY_MAX:
        raise InvalidInput(
            f"The summary is {len(value)} characters long; keep it to {SUMMARY_MAX} or fewer."
        )
    return optional_text(value, "summary", max_length=SUMMARY_MAX)


def name_key(name: str) -> str:
    """The case- and spacing-insensitive key two names are compared by ("Sergey  LAVROV")."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def name(value: str, field: str = "name") -> str:
    """An actor name or alias: non-blank, at most 200 characters, surrounding spaces trimmed."""
    return text(value, field, max_length=NAME_MAX, hint="Give a name.").strip()


def tag(value: str) -> str:
    """A tag: trimmed, lower-cased, at most 64 characters, without TAG_SEPARATOR."""
    cleaned = tag_key(text(value, "tag", max_length=TAG_MAX, hint=TAG_HINT))
    if TAG_SEPARATOR in cleaned:
        raise InvalidInput(
            f"The tag '{cleaned}' holds '{TAG_SEPARATOR}', which separates tags in listings and "
            f"CSV files; give each tag on its own (--tag a --tag b), or use another character."
        )
    return cleaned


def tag_key(value: str) -> str:
    """A tag as stored (spaces collapsed, lower-cased), unchecked: to find one to remove."""
    return " ".join(value.split()).casefold()


def joined_tags(tags: Iterable[str]) -> str:
    """Tags as one cell, as listings and the CSV export write them."""
    return TAG_SEPARATOR.join(tags)


def tag_count(count: int) -> None:
    """Refuse a claim with more than ``TAGS_MAX`` tags (InvalidInput)."""
    if count > TAGS_MAX:
        raise InvalidInput(
            f"A claim can have at most {TAGS_MAX} tags, and this one would have {count:,}; keep "
            "the few that say what it is about."
        )


def tags(values: list[str] | tuple[str, ...] | None) -> list[str]:
    """Distinct tags in the order given."""
    seen: dict[str, None] = {}
    for raw in values or ():
        seen.setdefault(tag(raw), None)
    return list(seen)


@functools.lru_cache(maxsize=256)
def language(value: str | None) -> str | None:
    """A BCP 47 language tag such as ``en``, ``ru`` or ``pt-BR``, in the case RFC 5646
    recommends (``pt-br`` and ``PT-BR`` are ``pt-BR``, ``zh-hant-tw`` is ``zh-Hant-TW``), so one
    language is stored one way; blank means unknown. Raises InvalidInput."""
    if value is None or not value.strip():
        return None
    cleaned = value.strip()
    if not _LANGUAGE.fullmatch(cleaned):
        raise InvalidInput(
            f"'{value}' is not a language code; use a BCP 47 tag such as en, ru or pt-BR."
        )
    # RFC 5646 2.1.1: lower case, except a two-letter subtag (a region) upper and a
    # four-letter one (a script) title case, unless first or after a singleton (``x-``,
    # ``u-``: private use and extensions).
    subtags = cleaned.lower().split("-")
    for position, subtag in enumerate(subtags[1:], start=1):
        if len(subtag) == 1:
            break
        if subtag.isalpha() and len(subtag) in (2, 4):
            subtags[position] = subtag.upper() if len(subtag) == 2 else subtag.title()
    return "-".join(subtags)


def date(value: str | dt.date | None, field: str = "date") -> dt.date | None:
    """Parse ``YYYY-MM-DD`` (or ``today``/``yesterday``); refuse impossible and future dates."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            parsed = dt.date.fromisoformat(value)
        except ValueError:
            parsed = None
        if parsed is not None and parsed <= _latest_date():
            return parsed
    if isinstance(value, dt.datetime):
        parsed = value.date()
    elif isinstance(value, dt.date):
        parsed = value
    else:
        cleaned = value.strip().lower()
        today = dt.date.today()
        if cleaned in ("today", "yesterday"):
            return today - dt.timedelta(days=0 if cleaned == "today" else 1)
        if not _ISO_DATE.fullmatch(cleaned):
            raise InvalidInput(
                f"'{value}' is not a date claimtrack can read (the {field}); write it as "
                "YYYY-MM-DD, e.g. 2022-01-17, or as today or yesterday."
            )
        try:
            parsed = dt.date.fromisoformat(cleaned)
        except ValueError:
            raise InvalidInput(
                f"The {field} '{value}' does not exist in the calendar; check the day and month."
            ) from None
    # One day of slack: a statement made "today" in Tokyo is still tomorrow for the checker.
    if parsed > _latest_date():
        raise InvalidInput(
            f"The {field} {parsed.isoformat()} is in the future; "
            f"{_PAST_DATES.get(field, 'give the date it was said or seen')}."
        )
    return parsed


# What a date in the past is, by the field it is given for (a claim's, by default).
_PAST_DATES = {
    "review date": "give the date the verdict was written or published",
    "published date": "give the date the page was published",
    "date seen": "give the date the claim was seen there",
}


def timestamp(value: str | dt.datetime | None, field: str = "time") -> dt.datetime | None:
    """Parse an ISO 8601 time; a time without an offset is taken as UTC. Returns UTC."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        parsed = value
    else:
        cleaned = value.strip()
        try:
            parsed = dt.datetime.fromisoformat(cleaned.replace("Z", "+00:00"))
        except ValueError:
            raise InvalidInput(
                f"The {field} '{value}' is not an ISO 8601 time such as 2022-01-17T09:30:00Z."
            ) from None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed.astimezone(dt.UTC)


_TRACKING_PARAMS = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.I)
_DEFAULT_PORTS = {"http": 80, "https": 443}
_BLANK = re.compile(r"\s")
# Characters a path or query keeps unescaped in the matching key (RFC 3986 unreserved and
# sub-delimiters): "%7E", "~" and a decoded "~" are then one spelling.
_PATH_SAFE = "/:@!$&'()*+,;=-._~"
_QUERY_SAFE = ":@!$'()*+,;/?-._~"


# A URL every check of ``url`` would accept (a web address with a host name, no port, no
# credentials, no blanks), so they are skipped; one in its plainest form (lower-case host,
# only a path; trailing slashes dropped) is its own normalised form, so ``url_key`` skips that
# too. Possessive quantifiers: a host's letters and its dots never compete for a character, so
# a URL that does not match fails at once instead of backtracking (the plain pattern was four
# times slower on every review URL ending in a slash).
_HOST = r"[a-z0-9]++(?:[.-]++[a-z0-9]++)*+"
_PLAIN_URL = re.compile(r"https?://[A-Za-z0-9]++(?:[.-]++[A-Za-z0-9]++)*+(?:[/?#][!-~]*+)?+")
_NORMAL_URL = re.compile(rf"https?://{_HOST}(?:/[A-Za-z0-9._~!$'()*+,;=:@/-]*+)?+")
# A plain URL (lower-case host, unescaped path) with a query of unreserved characters only.
_SIMPLE_QUERY_URL = re.compile(
    rf"(?P<base>https?://{_HOST}(?:/[A-Za-z0-9._~!$'()*,;:@/-]*+)?+)"
    r"\?(?P<query>[A-Za-z0-9._~=&-]*+)"
)


@functools.lru_cache(maxsize=4096)
def url(value: str, field: str = "URL") -> str:
    """Check a web address and return it as given (surrounding blanks removed): a page is
    stored, shown and exported the way its publisher wrote it. ``url_key`` says when two
    spellings name one page. ``urn:`` and ``doi:`` identifiers are accepted for sources that
    have no web address. Raises InvalidInput."""
    if len(value) <= URL_MAX and _PLAIN_URL.fullmatch(value):
        return value
    cleaned = text(value, field, max_length=URL_MAX, hint=URL_HINT).strip()
    try:
        parts = urlsplit(cleaned)
    except ValueError:  # "http://[bad": a bracket that opens no IPv6 address
        parts = urlsplit("")
    scheme = parts.scheme.lower()
    if scheme in ("urn", "doi") and parts.path:
        return cleaned
    if scheme not in ("http", "https") or not parts.hostname or _BLANK.search(cleaned):
        raise InvalidInput(
            f"'{value}' is not a web address; give the full URL starting with https:// "
            "(or a urn: for a source without one)."
        )
    try:
        parts.port  # noqa: B018 (the property raises for a port that is not a number)
    except ValueError:
        raise InvalidInput(f"'{value}' has an invalid port number; check the URL.") from None
    if parts.username:
        raise InvalidInput(f"'{value}' contains a user name; remove the credentials from the URL.")
    return cleaned


def optional_url(value: str | None, field: str = "URL") -> str | None:
    """Like ``url`` but blank means "not given"."""
    if value is None or not value.strip():
        return None
    return url(value, field)


def media_type(content_type: str | None) -> str:
    """A Content-Type without its parameters, in lower case ("text/html"); "" when unknown."""
    return (content_type or "").split(";")[0].strip().lower()


def url_keys(urls: Iterable[str]) -> dict[str, str]:
    """Each URL's ``url_key``, by URL as given; what is no web address is left out."""
    keys: dict[str, str] = {}
    for given in urls:
        try:
            keys[given] = url_key(url(given))
        except InvalidInput:
            continue
    return keys


def url_key(value: str) -> str:
    """The key that says two spellings of a URL name one page: a SHA-256 (fixed length, so
    any URL can be indexed) of the URL with scheme and host in lower case, the default port,
    the #fragment, tracking parameters (utm_*, fbclid, gclid…) and a trailing slash dropped,
    percent-escapes decoded and written one way, and query parameters in order of name.
    Give it a URL ``url`` accepted."""
    key = _GIVEN_KEYS.get(value) or _EARLIER_KEYS.get(value)
    return key if key is not None else _url_key(value)


# Keys of URLs that the process reading an import's files ahead computed (formats.readahead):
# the records it sends next will ask for them here. Two generations, each of GIVEN_KEYS keys
# or one message's, so the keys of the records still waiting to be written outlive a swap;
# both are forgotten when the import ends.
GIVEN_KEYS = 4096
_GIVEN_KEYS: dict[str, str] = {}
_EARLIER_KEYS: dict[str, str] = {}


def take_url_keys(keys: Mapping[str, str]) -> None:
    """Remember ``url_key`` answers given by another process running this same code."""
    global _GIVEN_KEYS, _EARLIER_KEYS
    if len(_GIVEN_KEYS) + len(keys) > GIVEN_KEYS:
        _EARLIER_KEYS, _GIVEN_KEYS = _GIVEN_KEYS, {}
    _GIVEN_KEYS.update(keys)


def forget_url_keys() -> None:
    """Drop the keys ``take_url_keys`` remembered (an import is over)."""
    _GIVEN_KEYS.clear()
    _EARLIER_KEYS.clear()


@functools.lru_cache(maxsize=4096)
def _url_key(value: str) -> str:
    if _NORMAL_URL.fullmatch(value):
        normal = value.rstrip("/")  # most review URLs: https://publisher.org/2024/05/a-check/
    elif simple := _SIMPLE_QUERY_URL.fullmatch(value):
        normal = _sorted_query(simple)
    else:
        normal = normalized_url(value)
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _sorted_query(match: re.Match[str]) -> str:
    """``normalized_url`` of a URL whose query holds only unreserved characters: the same
    result without decoding and re-encoding (most feeds' ``?v=123&utm_source=…``)."""
    base, query = match.group("base"), match.group("query")
    pairs = sorted(part.partition("=")[::2] for part in query.split("&") if part)
    if any("=" in given for _name, given in pairs):  # "a==b": escaped by the full path
        return normalized_url(match.group(0))
    kept = "&".join(name + ("=" + given if given else "") for name, given in pairs
                    if not _TRACKING_PARAMS.match(name))
    return base.rstrip("/") + ("?" + kept if kept else "")


def normalized_url(value: str) -> str:
    """The readable form ``url_key`` hashes."""
    parts = urlsplit(value.strip())
    scheme = parts.scheme.lower()
    if scheme in ("urn", "doi"):
        return f"{scheme}:{parts.path}"
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    path = quote(unquote(parts.path), safe=_PATH_SAFE).rstrip("/")
    query = "&".join(
        quote(name, safe=_QUERY_SAFE) + ("=" + quote(given, safe=_QUERY_SAFE) if given else "")
        for name, given in sorted(parse_qsl(parts.query, keep_blank_values=True))
        if not _TRACKING_PARAMS.match(name)
    )
    return urlunsplit((scheme, netloc, path, query, ""))


def new_public_id(prefix: str) -> str:
    """A fresh random id such as ``c-7f3a9k2m1xab`` (``c`` claims, ``v`` verdicts): 60 random
    bits from one read of the system's random source, written 5 bits a character."""
    bits = secrets.randbits(5 * ID_LENGTH)
    return f"{prefix}-" + "".join(
        ID_ALPHABET[(bits >> shift) & 31] for shift in range(0, 5 * ID_LENGTH, 5)
    )


def new_public_ids(prefix: str, count: int) -> list[str]:
    """``count`` fresh ids like ``new_public_id``'s, from one read of the random source,
    written by base32 (5 bits a character, as ``new_public_id``) in C."""
    chars = count * ID_LENGTH
    pool = secrets.token_bytes((chars * 5 + 39) // 40 * 5)  # whole groups of 8 characters
    written = base64.b32encode(pool).decode("ascii").translate(_FROM_BASE32)
    return [f"{prefix}-{written[i:i + ID_LENGTH]}" for i in range(0, chars, ID_LENGTH)]


_FROM_BASE32 = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", ID_ALPHABET)


def public_id(value: str, prefix: str, noun: str) -> str:
    """Normalise a typed id: case-insensitive, prefix optional, i/l read as 1 and o as 0.

    Returns the id (possibly a shorter prefix of one, to be resolved by the caller).
    """
    if _CLEAN_ID.fullmatch(value) and value[0] == prefix:
        return value
    cleaned = value.strip().lower()
    if cleaned.startswith(f"{prefix}-"):
        cleaned = cleaned[len(prefix) + 1 :]
    cleaned = cleaned.translate(_ID_READ_ALIKES)
    if not value.strip():
        raise InvalidInput(f"No {noun} id was given; give one such as {prefix}-7f3a9k2m1xab "
                           f"(list them with `claimtrack {noun} list`).")
    if not cleaned or any(c not in ID_ALPHABET for c in cleaned) or len(cleaned) > ID_LENGTH:
        raise InvalidInput(
            f"'{value}' is not a {noun} id; ids look like {prefix}-7f3a9k2m1xab "
            f"(list them with `claimtrack {noun} list`)."
        )
    return f"{prefix}-{cleaned}"


def id_or_prefix(value: str, prefix: str, noun: str) -> str:
    """``public_id``, refusing a prefix shorter than ``MIN_PREFIX`` characters after the
    ``c-``/``v-``. Raises InvalidInput."""
    wanted = public_id(value, prefix, noun)
    if len(wanted) - 2 < MIN_PREFIX:
        raise InvalidInput(
            f"'{value}' is too short to find a {noun}; give at least {MIN_PREFIX} characters "
            f"after {prefix}-."
        )
    return wanted


def is_whole_id(wanted: str) -> bool:
    """True when ``wanted`` (from ``public_id``) is a whole id rather than a prefix of one."""
    return len(wanted) == 2 + ID_LENGTH


AMBIGUOUS_SHOWN = 5


def ambiguous_id(wanted: str, noun: str, matches: list[str], total: int) -> str:
    """The message for a prefix that starts several ids: how many, the first few, what to do."""
    shown = ", ".join(matches[:AMBIGUOUS_SHOWN])
    listed = f"first {AMBIGUOUS_SHOWN}: {shown}" if total > AMBIGUOUS_SHOWN else shown
    return f"{total} {noun}s start with {wanted} ({listed}); give more characters."
