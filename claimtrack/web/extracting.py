"""Extract from an article: paste its text (or give only its URL: the page is fetched,
archived with its source and read), see the suggestions highlighted in it, accept or reject
each, and record the accepted ones as claims linked to what they answer.

Suggestions are not stored: the extractor is deterministic, so the article's text travels in
the form and the same suggestions (s1, s2, …) are found again when they are recorded.
"""

from __future__ import annotations

from collections.abc import Sequence

from starlette.responses import Response

from claimtrack.core.enums import Role
from claimtrack.core.errors import FetchFailed, InvalidInput
from claimtrack.extract import extract
from claimtrack.extract.model import Suggestion
from claimtrack.services import archives, articles, extraction, sources
from claimtrack.web.handlers import Call, error_text, field_errors, route

# How the history names recording the accepted suggestions (the CLI: "extract").
EXTRACT_ACCEPT = "extract accept"
# The most suggestions one page shows and records: each is a field of the form that records
# them (an article of 200,000 characters can give several thousand).
MAX_SUGGESTIONS = 1000
# The recording form's other fields: csrf, text, source, date (and room to spare).
APPLY_FIELDS = MAX_SUGGESTIONS + 10
FIELDS = {"source": ["web address", "url", "source"], "text": ["article", "text"],
          "date": ["claim's date", "calendar", "in the future"]}


@route("/extract", role=Role.CHECKER, doing="extract claims from an article")
def extract_form(call: Call) -> Response:
    return call.render("extract.html.j2", title="Extract from an article", values={},
                       errors={}, suggestions=None)


@route("/extract", methods=("POST",), role=Role.CHECKER,
       doing="extract claims from an article")
def suggest(call: Call) -> Response:
    """The suggestions, highlighted in the text (reading only, but the page is for those who
    may record them: checkers and editors)."""
    values = {"text": call.form.get("text"), "source": call.form.get("source").strip()}
    fetching = not values["text"].strip() and bool(values["source"])  # only a URL: fetch it
    try:
        if fetching:
            text, found = _fetched(call, values["source"])
        else:
            text = _article(values["text"])
            with call.read() as session:
                found = extraction.resolve(session, _recordable(extract(text)))
        for sentence in extraction.recorded_again(found):
            call.session.say(sentence)
    except (InvalidInput, FetchFailed) as error:
        # what went wrong fetching is said beside the URL; the rest beside its own field
        errors = ({"source": error_text(error)}
                  if fetching else field_errors(error, FIELDS))
        return call.render("extract.html.j2", title="Extract from an article", values=values,
                           errors=errors, suggestions=None, status=400)
    values["text"] = text
    return call.render("extract.html.j2", title="Extract from an article", values=values,
                       errors={}, suggestions=found, segments=highlight(text, found),
                       decisions={})  # nothing is accepted until the person says so


@route("/extract/apply", methods=("POST",), role=Role.CHECKER,
       doing="record claims from an article", fields=APPLY_FIELDS)
def apply(call: Call) -> Response:
    """Record the accepted suggestions from the page the article was published on."""
    values = {"text": call.form.get("text"), "source": call.form.get("source"),
              "date": call.form.get("date")}
    decisions = {name.removeprefix("decide-"): call.form.get(name)
                 for name in call.form.fields if name.startswith("decide-")}
    accepted = [name for name, decision in decisions.items() if decision == "accept"]
    found: list[Suggestion] = []
    extracted: list[Suggestion] | None = None  # read once, for the page again too
    try:
        text = _article(values["text"])
        if not values["source"].strip():
            raise InvalidInput("Give the URL of the page the article was published on "
                               "(source): the claims are quoted from it.")
        if not accepted:
            raise InvalidInput("Accept at least one suggestion to record, or leave the page.")
        with call.write(EXTRACT_ACCEPT) as session:
            extracted = extract(text)
            found = extraction.resolve(session, _recordable(extracted))
            recorded = extraction.apply(session, found, text, source_url=values["source"],
                                        accepted=accepted, said_on=values["date"] or None)
    except InvalidInput as error:
        if not found:
            values["text"] = values["text"].replace("\r\n", "\n").replace("\r", "\n")
            found = (extracted if extracted is not None
                     else extract(values["text"]) if values["text"].strip() else [])
        if len(found) > MAX_SUGGESTIONS:  # the article again, with the advice to split it
            return call.render("extract.html.j2", title="Extract from an article",
                               values=values, errors=field_errors(error, FIELDS),
                               suggestions=None, status=400)
        return call.render("extract.html.j2", title="Extract from an article", values=values,
                           errors=field_errors(error, FIELDS), suggestions=found,
                           segments=highlight(values["text"], found), decisions=decisions,
                           status=400)
    return call.render("extract_done.html.j2", title="Recorded from the article",
                       recorded=recorded, source=values["source"],
                       rejected=sorted((n for n, d in decisions.items() if d == "reject"),
                                       key=lambda name: (len(name), name)))  # s2 before s10


def _fetched(call: Call, url: str) -> tuple[str, list[Suggestion]]:
    """The article at ``url``: fetched (outside the transaction), archived with its source,
    read as text, and its suggestions. For checkers and editors (archiving writes); a signed-in
    team's server fetches only public addresses, the local user's any."""
    from claimtrack.core.values import url as checked_url
    from claimtrack.fetch import fetch_ok

    checked_url(url)  # refused as the sources would refuse it (credentials…) before any request
    page = fetch_ok(url, public_only=not call.user.is_local)
    # a binary body is refused here, before anything is archived (as `claimtrack extract URL`)
    text = articles.text_of(page.body, url, media_type=page.media_type, charset=page.charset)
    if not text.strip():
        raise FetchFailed(f"{url} has no article text claimtrack can read (nothing was "
                          "archived); paste the article's text instead.")
    text = _article(text)
    with call.write("extract") as session:
        archives.archive_page(session, sources.ensure_source(session, url), page)
        # too many suggestions: refused in the transaction, so nothing is archived either
        return text, extraction.resolve(session, _recordable(extract(text)))


def _recordable(found: list[Suggestion]) -> list[Suggestion]:
    """``found``, unless there are more suggestions than one page can show and record."""
    if len(found) > MAX_SUGGESTIONS:
        raise InvalidInput(
            f"The article gives {len(found):,} suggestions, more than the {MAX_SUGGESTIONS:,} "
            "one page can show and record; split the article and extract each part on its "
            "own, with the same URL.")
    return found


def _article(text: str) -> str:
    if not text.strip():
        raise InvalidInput("The article text is empty; paste the article (or give only the "
                           "address of its page, to fetch it).")
    articles.checked_length(text, "The article text")
    if "\x00" in text:
        raise InvalidInput("The article text contains a NUL character; remove it.")
    # Browsers send a form's line breaks as CRLF: one form, so the offsets of the suggestions
    # found when the page was shown are those found again when they are recorded.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def highlight(text: str, suggestions: Sequence[Suggestion]) -> list[tuple[str, str | None]]:
    """The text cut into (piece, suggestion id or None): each suggestion's words marked once,
    overlapping ones left to the first (its own entry in the list still shows them)."""
    spans = sorted(((start, end, s.id) for s in suggestions for start, end in s.spans),
                   key=lambda span: (span[0], -span[1]))
    pieces: list[tuple[str, str | None]] = []
    position = 0
    for start, end, name in spans:
        if start < position or end <= start:
            continue
        if start > position:
            pieces.append((text[position:start], None))
        pieces.append((text[start:end], name))
        position = end
    pieces.append((text[position:], None))
    return pieces


ROUTES = [extract_form, suggest, apply]
