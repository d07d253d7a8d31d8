"""Actors: the list, and each speaker's track record with downloads."""

from __future__ import annotations

from starlette.responses import Response

from claimtrack.core.enums import OutputFormat
from claimtrack.core.errors import InvalidInput
from claimtrack.core.values import NAME_MAX
from claimtrack.render.track_record import RECORD
from claimtrack.services import actors, track_record
from claimtrack.web import paging
from claimtrack.web.exchange import attachment, chosen
from claimtrack.web.handlers import Call, route

PAGE_SIZE = 100
RECORD_FORMATS = {"md": OutputFormat.MARKDOWN, "json": OutputFormat.JSON,
                  "csv": OutputFormat.CSV, "txt": OutputFormat.TABLE}


@route("/actors")
def actor_list(call: Call) -> Response:
    """Actors by name, 100 a page, or those whose name or an alias contains the words asked."""
    named = call.form.get("q").strip()[:NAME_MAX]
    number = paging.page_number(call.form.get("page"))
    start = (number - 1) * PAGE_SIZE
    with call.read() as session:  # this page and one more, to know whether a next one exists
        found = actors.list_actors(session, named=named, offset=start, limit=PAGE_SIZE + 1)
        total = actors.count_actors(session, named=named) if not found and start else None
    kept = {"q": named} if named else {}
    return call.render("actors.html.j2", title="Actors", named=named,
                       **paging.page("/actors", kept, number, found, PAGE_SIZE,
                                     call.form.get("page"), start=start, total=total))


@route("/actor")
def actor_record(call: Call) -> Response:
    """A speaker's track record: claims made, which were challenged and by whom, verdicts."""
    name = call.form.get("name")
    if not name.strip():  # no one named: the list to choose from
        return call.redirect("/actors", "Choose an actor to see their track record.")
    with call.read() as session:
        record = track_record.speaker_record(session, name)
    return call.render("actor.html.j2", title=record.actor.name, record=record,
                       formats=RECORD_FORMATS)


@route("/actor/record.{ext}")
def actor_record_download(call: Call) -> Response:
    ext = call.request.path_params["ext"]
    fmt = chosen(RECORD_FORMATS, ext, "record")
    if not call.form.get("name").strip():
        raise InvalidInput("Say whose track record to download: give the actor's name as "
                           "?name=… (each actor's page on the Actors list links to it).")
    with call.read() as session:
        record = track_record.speaker_record(session, call.form.get("name"))
    return attachment([RECORD[fmt](record).encode()], f"record.{ext}", ext)


ROUTES = [actor_list, actor_record, actor_record_download]
