"""Imports (an upload: ClaimReview, CSV, JSON Lines, claimtrack JSON) with their rejects shown,
and downloads of every export and report.

An upload is written to a private temporary folder under a fixed name (only its extension is
taken from the upload, from a fixed list) and read from there by ``import_files``; nothing
the browser sends names a path. Exports are written to a spooled temporary file inside the
transaction, then streamed, so a large database is never held in memory whole.
"""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import IO, TypeVar

from sqlalchemy.orm import Session
from starlette.responses import Response, StreamingResponse

from claimtrack.core.enums import DocumentFormat, ExportFormat, GraphFormat, ImportFormat, Role
from claimtrack.core.errors import InvalidInput, NotFound
from claimtrack.formats.inputs import IMPORTABLE
from claimtrack.interchange.export import write_export
from claimtrack.interchange.importer import Rejection
from claimtrack.interchange.importing import import_files
from claimtrack.render.disputes import CONTESTED, DISPUTE, ContestedReport
from claimtrack.render.graph import dispute_graph, render_graph
from claimtrack.services import archives, claims, disputes, review, sources
from claimtrack.services.filters import ClaimFilter
from claimtrack.store.history import changes
from claimtrack.web.handlers import Call, Refused, field_errors, route
from claimtrack.web.wording import for_web

SHOWN_REJECTS = 100
DOCUMENTS = {"html": DocumentFormat.HTML, "md": DocumentFormat.MARKDOWN,
             "json": DocumentFormat.JSON, "csv": DocumentFormat.CSV, "txt": DocumentFormat.TABLE}
MEDIA = {"html": "text/html", "md": "text/markdown", "json": "application/json",
         "csv": "text/csv", "txt": "text/plain", "jsonl": "application/x-ndjson",
         "dot": "text/vnd.graphviz", "mmd": "text/plain", "graphml": "application/xml"}
EXPORTS = {"native": ("json", ExportFormat.NATIVE), "jsonl": ("jsonl", ExportFormat.JSONL),
           "csv": ("csv", ExportFormat.CSV), "claimreview": ("json", ExportFormat.CLAIMREVIEW)}
GRAPHS = {"dot": GraphFormat.DOT, "mmd": GraphFormat.MERMAID, "graphml": GraphFormat.GRAPHML}
CONTESTED_LIMIT = 1000
# The file name's extension for an archived copy, by the content type it was received with.
ARCHIVED = {"text/html": "html", "application/xhtml+xml": "html", "application/json": "json",
            "application/ld+json": "json", "text/plain": "txt", "text/csv": "csv"}
T = TypeVar("T")
CHUNK = 64 * 1024


@route("/import", role=Role.CHECKER, doing="import files")
def import_form(call: Call) -> Response:
    return call.render("import.html.j2", title="Import", errors={}, result=None,
                       formats=list(ImportFormat), values={"format": "auto"})


@route("/import", methods=("POST",), role=Role.CHECKER, upload=True,
       doing="import files")
def import_upload(call: Call) -> Response:
    upload = call.form.files.get("file")
    values = {"format": call.form.get("format", "auto"), "dry_run": call.form.get("dry_run")}
    rejected: list[Rejection] = []
    path = Path("upload")
    try:
        if upload is None or not upload.content:
            raise InvalidInput("Choose a file to import (it was empty or missing).")
        try:
            fmt = ImportFormat(values["format"])
        except ValueError:
            raise InvalidInput(f"'{values['format']}' is not an import format.") from None
        suffix = Path(upload.filename).suffix.lower()
        with tempfile.TemporaryDirectory(prefix="claimtrack-upload-") as folder:
            path = Path(folder) / ("upload" + (suffix if suffix in IMPORTABLE else ".data"))
            path.write_bytes(upload.content)
            with call.write("import", commit=not values["dry_run"]) as session:
                result = import_files(session, [path], fmt=fmt, on_reject=_keep(rejected))
                _drafts_only(call, session, merges=result.summary.added["merges"])
            shown = [_named(r, str(path), upload.filename) for r in rejected]
            warnings = [w.replace(str(path), upload.filename) for w in result.warnings]
    except InvalidInput as error:
        # Messages name the file read: the upload's own name, never the server's folder.
        message = str(error).replace(str(path), upload.filename if upload else "the upload")
        return call.render("import.html.j2", title="Import", result=None,
                           errors=field_errors(InvalidInput(message), {"file": ["file", "read"]}),
                           formats=list(ImportFormat), values=values, status=400)
    return call.render("import.html.j2", title="Import", errors={}, formats=list(ImportFormat),
                       values=values, result=result.summary,
                       summary_line=for_web(result.summary.line()), rejects=shown,
                       more_rejects=result.summary.rejected - len(shown), warnings=warnings,
                       filename=upload.filename, dry_run=bool(values["dry_run"]))


def _drafts_only(call: Call, session: Session, *, merges: int) -> None:
    """Checkers write drafts: an import of theirs that would create, change or delete
    published material (or what it rests on: its links, sources, speakers), or merge claims,
    is refused whole (editors publish and merge)."""
    if call.user.may(Role.EDITOR):
        return
    touched = changes.published_touched(session) + ([f"{merges} merge(s)"] if merges else [])
    if touched:
        listed = ", ".join(touched[:5]) + (f" and {len(touched) - 5} more" if len(touched) > 5
                                           else "")
        raise Refused(403, f"This file would change published material or merge claims "
                      f"({listed}); a checker's import adds and changes drafts and material in "
                      "review only, so nothing was imported. Ask an editor to import it.")


def _keep(found: list[Rejection]) -> Callable[[Rejection], None]:
    def keep(rejection: Rejection) -> None:
        if len(found) < SHOWN_REJECTS:
            found.append(rejection)
    return keep


def _named(rejection: Rejection, path: str, name: str) -> Rejection:
    from dataclasses import replace

    return replace(rejection, file=name, reason=rejection.reason.replace(path, name))


@route("/downloads")
def downloads(call: Call) -> Response:
    return call.render("downloads.html.j2", title="Downloads", exports=EXPORTS,
                       documents=DOCUMENTS, limit=CONTESTED_LIMIT)


@route("/download/export.{name}")
def download_export(call: Call) -> Response:
    """The database (or the claims the filters select) in an export format; ``?published=yes``:
    published claims and their published verdicts only, as ``--published-only`` does."""
    name = call.request.path_params["name"]
    published = call.form.get("published") == "yes"  # what readers may see
    if name not in EXPORTS:
        raise NotFound(f"There is no export called {name}; see the Downloads page.")
    extension, fmt = EXPORTS[name]
    # Closed by _chunks once streamed (the response outlives this function).
    spool: IO[str] = tempfile.SpooledTemporaryFile(  # noqa: SIM115
        max_size=8 * 1024 * 1024, mode="w+", encoding="utf-8", newline="")
    with call.read() as session:
        write_export(session, spool, fmt=fmt, where=_filters(call), published_only=published)
    spool.seek(0)
    return attachment(_chunks(spool),
                      f"claimtrack-{name}{'-published' if published else ''}.{extension}",
                      extension)


def _chunks(spool: IO[str]) -> Iterator[bytes]:
    with spool:
        while chunk := spool.read(CHUNK):
            yield chunk.encode("utf-8")


def _filters(call: Call) -> ClaimFilter:
    tag = call.form.get("tag").strip()
    return ClaimFilter(speaker=call.form.optional("speaker"), tags=(tag,) if tag else (),
                       since=call.form.optional("since"), until=call.form.optional("until"))


@route("/download/contested.{ext}")
def download_contested(call: Call) -> Response:
    """The contested report in a document format (the first ``CONTESTED_LIMIT`` disputes);
    ``?published=yes``: published material only, as ``--published-only`` does."""
    fmt = chosen(DOCUMENTS, call.request.path_params["ext"], "document")
    filters = {name: call.form.get(name) for name in ("tag", "speaker", "since", "until")}
    published = call.form.get("published") == "yes"  # what readers may see
    contested = review.published_contested if published else disputes.contested
    with call.read() as session:
        found = contested(session, where=_filters(call), limit=CONTESTED_LIMIT)
    said = {**filters, "limit": CONTESTED_LIMIT, **({"status": "published"} if published else {})}
    report = CONTESTED[fmt](ContestedReport(found, said))
    return attachment([report.encode()], f"contested.{call.request.path_params['ext']}",
                       call.request.path_params["ext"])


@route("/claims/{claim_id}/download.{ext}")
def download_dispute(call: Call) -> Response:
    fmt = chosen(DOCUMENTS, call.request.path_params["ext"], "document")
    with call.read() as session:
        found = disputes.dispute_of(
            session, claims.get_claim(session, call.request.path_params["claim_id"]))
    return attachment([DISPUTE[fmt](found).encode()],
                       f"dispute-{found.claim.id}.{call.request.path_params['ext']}",
                       call.request.path_params["ext"])


@route("/claims/{claim_id}/graph.{ext}")
def download_graph(call: Call) -> Response:
    ext = call.request.path_params["ext"]
    fmt = chosen(GRAPHS, ext, "graph")
    with call.read() as session:
        found = disputes.dispute_of(
            session, claims.get_claim(session, call.request.path_params["claim_id"]))
        among = disputes.links_among(session, [found])
    drawn = render_graph(dispute_graph([found], among), fmt)
    return attachment([drawn.encode()], f"graph-{found.claim.id}.{ext}", ext)


@route("/sources/archived")
def download_archived(call: Call) -> Response:
    """The newest copy claimtrack keeps of a source's page (``?url=``), as it was received:
    always a download, never shown as a page of this site."""
    if not call.form.get("url").strip():
        raise InvalidInput("Say whose copy to download: give the source's address as ?url=… "
                           "(the “copy kept here” links on a claim's page do).")
    with call.read() as session:
        copy, body = archives.archived_body(session, sources.get_source(session,
                                                                         call.form.get("url")))
    ext = ARCHIVED.get(copy.media_type, "bin")
    return attachment([body], f"archived-{copy.retrieved_at:%Y%m%d-%H%M}-{copy.sha256[:12]}.{ext}",
                      ext)


def chosen(formats: Mapping[str, T], ext: str, kind: str) -> T:
    """The format a download's extension names; NotFound, listing the ones there are, else."""
    if ext not in formats:
        *others, last = formats
        raise NotFound(f"There is no {kind} format {ext}; use {', '.join(others)} or {last}.")
    return formats[ext]


def attachment(body: Iterator[bytes] | list[bytes], filename: str, ext: str) -> Response:
    # The file name is built here from ids and fixed words only: no header injection.
    return StreamingResponse(
        iter(body), media_type=MEDIA.get(ext, "application/octet-stream"),
        headers={"content-disposition": f'attachment; filename="{filename}"',
                 "cache-control": "no-store"})


ROUTES = [import_form, import_upload, downloads, download_export, download_contested,
          download_dispute, download_graph, download_archived]
