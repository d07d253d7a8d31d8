"""Actors: the list, and each speaker's track record with downloads."""

from __future__ import annotations

from starlette.responses import Response

from claimtrack.core.enums import OutputFormat
from claimtrack.render.track_record import RECORD
from claimtrack.services import actors, track_record
from claimtrack.web.exchange import attachment, chosen
from claimtrack.web.handlers import Call, route

RECORD_FORMATS = {"md": OutputFormat.MARKDOWN, "json": OutputFormat.JSON,
                  "csv": OutputFormat.CSV, "txt": OutputFormat.TABLE}


@route("/actors")
def actor_list(call: Call) -> Response:
    with call.read() as session:
        found = actors.list_actors(session)
    return call.render("actors.html.j2", title="Actors", actors=found)


@route("/actor")
def actor_record(call: Call) -> Response:
    """A speaker's track record: claims made, which were challenged and by whom, verdicts."""
    name = call.form.get("name")
    with call.read() as session:
        record = track_record.speaker_record(session, name)
    return call.render("actor.html.j2", title=record.actor.name, record=record,
                       formats=RECORD_FORMATS)


@route("/actor/record.{ext}")
def actor_record_download(call: Call) -> Response:
    ext = call.request.path_params["ext"]
    fmt = chosen(RECORD_FORMATS, ext, "record")
    with call.read() as session:
        record = track_record.speaker_record(session, call.form.get("name"))
    return attachment([RECORD[fmt](record).encode()], f"record.{ext}", ext)


ROUTES = [actor_list, actor_record, actor_record_download]
