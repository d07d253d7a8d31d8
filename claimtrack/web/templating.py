"""Pages from the jinja2 templates in ``claimtrack/web/templates`` (autoescaped), which reuse
the report's stylesheet and templates from ``claimtrack/render/templates``, the report's page
helpers and the form pieces of ``claimtrack.web.fields``.

Every response carries the same strict Content-Security-Policy as the reports, loosened only
to let this site's own stylesheet, script and images load and its forms post back to it:
nothing inline, nothing from elsewhere.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from markupsafe import Markup, escape
from starlette.requests import Request
from starlette.responses import HTMLResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from claimtrack import __version__
from claimtrack.core.enums import Relation, Role
from claimtrack.render.pages import new_environment
from claimtrack.render.pieces import stamp
from claimtrack.services import links
from claimtrack.web import cards, fields, forms
from claimtrack.web.wording import command_for_web, note_for_web

if TYPE_CHECKING:
    from jinja2 import Environment

    from claimtrack.web.auth import WebSession, WebUser

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
       "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
NAVIGATION = [
    ("/", "Contested", Role.VIEWER),
    ("/claims", "Claims", Role.VIEWER),
    ("/match", "Have we seen this?", Role.VIEWER),
    ("/claims/new", "Add a claim", Role.CHECKER),
    ("/review", "Review", Role.VIEWER),
    ("/extract", "Extract", Role.CHECKER),
    ("/import", "Import", Role.CHECKER),
    ("/downloads", "Downloads", Role.VIEWER),
    ("/actors", "Actors", Role.VIEWER),
]


def main_navigation(request_path: str, user: WebUser | None = None) -> Markup:
    """The site's menu, the page being shown marked as current (built once per page): the
    pages ``user`` may use only (someone not signed in sees the reading pages)."""
    role = user.role if user is not None and user.is_known else Role.VIEWER
    return _navigation(request_path if request_path in _PATHS else None, role)


_PATHS = {path for path, _label, _role in NAVIGATION}


@cache
def _navigation(current: str | None, role: Role) -> Markup:
    marked = ' aria-current="page"'
    return Markup("".join(
        f'<li><a href="{path}"{marked if path == current else ""}>{escape(label)}</a></li>\n'
        for path, label, needed in NAVIGATION if role.allows(needed)))


def error_page(request: Request, session: WebSession, user: WebUser | None, status: int,
               message: str) -> HTMLResponse:
    """The library's message as ``Error: …`` with its status."""
    return page(request, session, user, "error.html.j2", status,
                {"message": "Error: " + " ".join(message.split()), "status": status})


def page(request: Request, session: WebSession, user: WebUser | None, template: str,
         status: int, context: dict[str, Any]) -> HTMLResponse:
    """A page for the request's user, with the messages waiting for them."""
    html = environment().get_template(template).render(
        request_path=request.scope["path"], csrf_input=fields.csrf_input(session.csrf),
        user=user if user and user.is_known else None, flash=session.take_flash(),
        version=__version__, **context)
    return HTMLResponse(html, status_code=status, headers={"cache-control": "no-store"})


@cache
def environment() -> Environment:
    from jinja2 import ChoiceLoader, PackageLoader

    env = new_environment(ChoiceLoader([PackageLoader("claimtrack.web", "templates"),
                                        PackageLoader("claimtrack.render", "templates")]))
    env.filters["stamp"] = stamp
    env.filters["note"] = note_for_web
    env.filters["how"] = command_for_web
    env.globals.update(fields.GLOBALS, navigation=main_navigation, roles=Role,
                       relation=Relation, link_reads=links.spelled,
                       responses_of=cards.response_list, answers_of=cards.answer_list,
                       link_form=forms.link_form, verdict_form=forms.verdict_form)
    return env


class SecurityHeaders:
    """ASGI middleware: the CSP and friends on every response, static files and errors too."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", [])
                           if k.decode().lower() not in HEADERS]
                headers += [(k.encode(), v.encode()) for k, v in HEADERS.items()]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)
