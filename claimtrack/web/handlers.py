"""The small framework every page goes through.

``route`` turns a plain function ``handler(call) -> Response`` into a Starlette route that
reads the session cookie and the form (bounded in size), refuses a POST without the form's
CSRF token, finds who is asking, enforces the route's role, then runs the handler in a worker
thread (the services are synchronous). Handlers open one transaction with ``call.write`` or
``call.read``; library errors they do not handle themselves become an error page with the
library's ``Error:`` message and the matching status (404, 409, 400).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, partial
from typing import Any
from urllib.parse import parse_qsl, quote

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session
from starlette.datastructures import FormData, UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route
from starlette.types import Message, Receive

from claimtrack.core.enums import Role
from claimtrack.core.errors import ClaimtrackError, Conflict, DatabaseBusy, InvalidInput, NotFound
from claimtrack.core.wording import clause
from claimtrack.services import notices, users
from claimtrack.store.db import session_scope
from claimtrack.web import templating
from claimtrack.web.auth import COOKIE, SessionCodec, Throttle, WebSession, WebUser, safe_next
from claimtrack.web.settings import WebSettings
from claimtrack.web.wording import for_web

log = logging.getLogger("claimtrack.web")

# Requests served at once (the database pool's size and overflow: 5 + 10, plus one).
WORKERS = 16
# Fields a form may send (Starlette refuses more): far more than any page's form has. A page
# whose form grows with what it shows (the Extract page) says how many it needs.
FORM_FIELDS = 500
STATUS = {NotFound: 404, Conflict: 409, InvalidInput: 400, DatabaseBusy: 503}
# Who may do what a role allows, and what that is when a page does not say.
ROLE_PEOPLE = {Role.VIEWER: "signed-in people", Role.CHECKER: "checkers and editors",
               Role.EDITOR: "editors"}
ROLE_WORDS = {
    Role.VIEWER: "read",
    Role.CHECKER: "write drafts, links and verdicts",
    Role.EDITOR: "publish, change published material, delete and merge",
}


@dataclass
class WebState:
    """What every request shares: the engine, the settings, the cookie codec, the throttle."""

    engine: Engine
    settings: WebSettings
    codec: SessionCodec
    throttle: Throttle


@dataclass(frozen=True)
class Upload:
    """An uploaded file, read whole (its size is bounded by the request limit)."""

    filename: str
    content: bytes


@dataclass
class Form:
    """Form fields (or query parameters for a GET) as text, and uploaded files."""

    fields: dict[str, list[str]] = field(default_factory=dict)
    files: dict[str, Upload] = field(default_factory=dict)

    def get(self, name: str, default: str = "") -> str:
        found = self.fields.get(name)
        return found[0] if found else default

    def optional(self, name: str) -> str | None:
        """The value, or None when the field is missing or blank."""
        value = self.get(name)
        return value if value.strip() else None

    def getlist(self, name: str) -> list[str]:
        return list(self.fields.get(name, []))

    def as_dict(self) -> dict[str, str]:
        """The first value of each field (to refill a form after an error)."""
        return {name: found[0] for name, found in self.fields.items() if found}


class Refused(Exception):
    """Stop the request with this status and message (shown as ``Error: …``)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Call:
    """One request as a handler sees it."""

    request: Request
    state: WebState
    session: WebSession
    user: WebUser
    form: Form
    # A GET's one read transaction, opened to find who is asking and reused by ``read``.
    reading: Session | None = None

    @property
    def engine(self) -> Engine:
        return self.state.engine

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A read-only transaction (for a GET, the request's one transaction)."""
        if self.reading is not None:
            yield self.reading
            return
        with session_scope(self.engine, write=False) as session:
            yield session

    @contextmanager
    def write(self, command: str, *, commit: bool = True) -> Iterator[Session]:
        """The request's transaction, recorded in the history as this user and ``web: command``.
        The library's notices are shown on the next page once it has committed.
        ``commit=False``: a dry run, rolled back at the end."""
        with session_scope(self.engine, user=self.user.name, command=f"web: {command}",
                           commit=commit) as session:
            yield session
            queued = notices.notices(session)
        for notice in queued:
            self.session.say(for_web(notice))

    def require(self, role: Role, doing: str | None = None) -> None:
        """Refuse (403, nothing written) unless the user's role allows ``role``; ``doing``:
        what was refused, as the message says it ("edit a published claim")."""
        if not self.user.may(role):
            raise Refused(403, refusal(self.user, role, doing))

    def render(self, template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
        return templating.page(self.request, self.session, self.user, template, status, context)

    def redirect(self, path: str, message: str | None = None) -> RedirectResponse:
        """See other: a local path only (``safe_next``), with a message for the next page."""
        if message:
            self.session.say(message)
        return RedirectResponse(safe_next(path), status_code=303)


Handler = Callable[[Call], Response]


def refusal(user: WebUser, role: Role, doing: str | None = None) -> str:
    return (f"You are signed in as {user.name}, a {user.role}: only {ROLE_PEOPLE[role]} may "
            f"{doing or ROLE_WORDS[role]}. Nothing was changed; whoever runs claimtrack can "
            "give you another role.")


def field_errors(error: ClaimtrackError, fields: Mapping[str, Sequence[str]]) -> dict[str, str]:
    """The library's message as ``Error: …`` in the web's words (``wording.for_web``), keyed
    by the form field it concerns (found by the words the library uses for it), or by "" for
    the form as a whole."""
    message = error_text(error)
    lowered = str(error).lower()
    for name, words in fields.items():
        if any(word in lowered for word in words):
            return {name: message}
    return {"": message}


def error_text(error: Exception) -> str:
    """``Error: `` and a library message on one line, put in the web's words."""
    return "Error: " + " ".join(for_web(str(error)).split())


def route(
    path: str,
    *,
    methods: Sequence[str] = ("GET",),
    role: Role = Role.VIEWER,
    doing: str | None = None,
    public: bool = False,
    upload: bool = False,
    fields: int = FORM_FIELDS,
) -> Callable[[Handler], Route]:
    """A page. ``role``: the least role that may use it (viewers read), ``doing``: what it
    does, for the refusal of anyone else ("delete a claim"); ``public``: no
    sign-in needed (the sign-in page); ``upload``: the body may be as large as an upload;
    ``fields``: how many fields its form may have."""

    def wrap(handler: Handler) -> Route:
        async def endpoint(request: Request) -> Response:
            started = time.perf_counter()
            state: WebState = request.app.state.web
            session = state.codec.load(request.cookies.get(COOKIE))
            try:
                limit = state.settings.max_upload if upload else state.settings.max_form
                form = await read_form(request, limit, fields)
                if request.method == "POST" and not session.csrf_matches(form.get("csrf")):
                    raise Refused(403, "This form has expired or was sent from another site, so "
                                  "nothing was changed. Go back, reload the page and try again.")
                response = await asyncio.get_running_loop().run_in_executor(
                    _workers(), partial(_run, handler, request, state, session, form,
                                        (role, doing), public))
            except Refused as refused:
                response = templating.error_page(request, session, None, refused.status,
                                                 str(refused))
            if session.changed:
                response.set_cookie(
                    COOKIE, state.codec.dump(session), max_age=state.codec.max_age,
                    httponly=True, samesite="lax", secure=request.url.scheme == "https")
            response.headers["Server-Timing"] = (
                f"app;dur={(time.perf_counter() - started) * 1000:.2f}")
            return response

        return Route(path, endpoint, methods=list(methods), name=handler.__name__)

    return wrap


@cache
def _workers() -> ThreadPoolExecutor:
    """The threads handlers run in (the services are synchronous), one pool per process.
    A plain executor: a page costs two thread hops, and anyio's cost twice as much."""
    return ThreadPoolExecutor(max_workers=WORKERS, thread_name_prefix="claimtrack-web")


def _run(handler: Handler, request: Request, state: WebState, session: WebSession, form: Form,
         role: tuple[Role, str | None], public: bool) -> Response:
    user = None
    try:
        if request.method == "GET":
            # Reading pages: who is asking and what they read, in one transaction.
            with session_scope(state.engine, write=False) as reading:
                user = identify(reading, state, session)
                return _call(handler, request, state, session, form, role, public, user,
                             reading)
        with session_scope(state.engine, write=False) as reading:
            user = identify(reading, state, session)
        # A change opens its own (write) transaction in the handler: call.write.
        return _call(handler, request, state, session, form, role, public, user, None)
    except Refused as refused:
        return templating.error_page(request, session, user, refused.status, str(refused))
    except ClaimtrackError as error:
        status = next((code for kind, code in STATUS.items() if isinstance(error, kind)), 400)
        return templating.error_page(request, session, user, status, for_web(str(error)))
    except IntegrityError as error:
        return templating.error_page(
            request, session, user, 409,
            f"The change conflicts with data already recorded (possibly by someone else at the "
            f"same time): {clause(error.orig)} Nothing was written; check and try again.")
    except OperationalError as error:
        log.warning("database unavailable: %s", error.orig)
        return templating.error_page(request, session, user, 503,
                                     "The database cannot be used right now; nothing was "
                                     "written. Try again in a moment.")


def _call(handler: Handler, request: Request, state: WebState, session: WebSession, form: Form,
          role: tuple[Role, str | None], public: bool, user: WebUser | None,
          reading: Session | None) -> Response:
    if user is None and not public:
        return _sign_in_first(request, state, session)
    call = Call(request, state, session, user or WebUser("", Role.VIEWER), form, reading)
    if user is not None:
        call.require(*role)
    return handler(call)


def identify(db: Session, state: WebState, session: WebSession) -> WebUser | None:
    """The signed-in user, or the local user while nobody can sign in, else None."""
    if session.user is not None:
        found = users.find_user(db, session.user)
        if found is not None:
            return WebUser(found.name, found.role)
        session.sign_out()  # removed since: their cookie no longer counts
    if state.settings.local_user and not users.any_users(db):
        return WebUser(state.settings.local_user, Role.EDITOR, is_local=True)
    return None


def _sign_in_first(request: Request, state: WebState, session: WebSession) -> Response:
    if request.method == "GET":
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/signin?next={quote(target)}", status_code=303)
    return templating.error_page(request, session, None, 401,
                                 "Sign in first; nothing was changed.")


async def read_form(request: Request, limit: int, fields: int = FORM_FIELDS) -> Form:
    """Query parameters for GET, the form for POST; at most ``limit`` bytes of body and
    ``fields`` fields."""
    if request.method != "POST":
        return Form({name: request.query_params.getlist(name)
                     for name in request.query_params})
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise Refused(413, too_large(limit))
    bounded = Request(request.scope, _bounded(request.receive, limit))
    try:
        encoded = request.headers.get("content-type", "").startswith(
            "application/x-www-form-urlencoded")
        if encoded:
            await bounded.body()  # kept, and read by form(): to check it when it must be
        data: FormData = await bounded.form(max_files=2, max_fields=fields,
                                            max_part_size=limit)
        if encoded and any(isinstance(value, str) and "\ufffd" in value
                           for _name, value in data.multi_items()):
            _check_utf8(await bounded.body())
        form = Form()
        for name, value in data.multi_items():
            if isinstance(value, UploadFile):
                content = await value.read()
                form.files[name] = Upload(value.filename or "upload", content)
                await value.close()
            else:
                form.fields.setdefault(name, []).append(value)
        return form
    except _TooLarge:
        raise Refused(413, too_large(limit)) from None
    except (HTTPException, ClientDisconnect, ValueError) as error:
        raise Refused(400, f"The form could not be read ({getattr(error, 'detail', error)}); "
                      "nothing was changed. Send it again from the page.") from None


def _check_utf8(body: bytes) -> None:
    """Refuse a form whose fields are not UTF-8 (Starlette would store U+FFFD in their place);
    one that holds U+FFFD itself, escaped as UTF-8, is read as it is."""
    try:
        parse_qsl(body.decode("latin-1"), keep_blank_values=True, encoding="utf-8",
                  errors="strict")
    except UnicodeDecodeError:
        raise Refused(400, "What was sent is not valid UTF-8 text, so nothing was changed; "
                      "type or paste the text again in the page's form and send it from "
                      "there.") from None


def too_large(limit: int) -> str:
    return (f"What was sent is larger than this server accepts ({limit // (1024 * 1024)} MiB); "
            "nothing was changed. Split the file; whoever runs claimtrack can start it with a "
            "larger upload limit.")


class _TooLarge(Exception):
    pass


def _bounded(receive: Receive, limit: int) -> Receive:
    received = 0

    async def bounded() -> Message:
        nonlocal received
        message = await receive()
        received += len(message.get("body", b""))
        if received > limit:
            raise _TooLarge()
        return message

    return bounded
