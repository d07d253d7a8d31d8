"""``create_app``: the Starlette application of ``claimtrack serve``."""

from __future__ import annotations

from importlib.resources import files

from sqlalchemy import Engine
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from claimtrack.web import templating
from claimtrack.web.auth import COOKIE, SessionCodec, Throttle
from claimtrack.web.handlers import WebState
from claimtrack.web.hosts import AllowedHosts
from claimtrack.web.settings import WebSettings


def create_app(engine: Engine, settings: WebSettings | None = None) -> Starlette:
    """The web app on ``engine`` (a migrated database). Routes are in one module per area."""
    from claimtrack.web import (
        account,
        actors,
        browse,
        claims,
        disputes,
        exchange,
        extracting,
        matching,
        review,
    )

    settings = settings or WebSettings()
    routes: list[BaseRoute] = [
        # claims first: /claims/new before /claims/{claim_id}
        *account.ROUTES, *claims.ROUTES, *browse.ROUTES, *disputes.ROUTES, *review.ROUTES,
        *matching.ROUTES, *extracting.ROUTES, *exchange.ROUTES, *actors.ROUTES,
        Route("/report.css", report_css),
        # Only the files shipped in the package: no path from a URL to anywhere else.
        Mount("/static", StaticFiles(packages=[("claimtrack.web", "static")]), name="static"),
    ]
    app = Starlette(
        routes=routes,
        # Outermost first: the headers go on the Host check's refusals too.
        middleware=[Middleware(templating.SecurityHeaders),
                    Middleware(AllowedHosts, allowed=settings.allowed_hosts)],
        exception_handlers={HTTPException: http_error, Exception: server_error},
    )
    app.state.web = WebState(
        engine=engine,
        settings=settings,
        codec=SessionCodec(settings.secret, settings.session_hours * 3600),
        throttle=Throttle(settings.sign_in_attempts, settings.sign_in_window),
    )
    return app


def report_css(request: Request) -> Response:
    """The reports' stylesheet, shared by the app's pages."""
    css = files("claimtrack.render").joinpath("templates", "report.css").read_text("utf-8")
    return Response(css, media_type="text/css", headers={"cache-control": "max-age=3600"})


async def http_error(request: Request, error: Exception) -> Response:
    """Unknown address (404) or method (405): the app's own page."""
    assert isinstance(error, HTTPException)
    state: WebState = request.app.state.web
    session = state.codec.load(request.cookies.get(COOKIE))
    messages = {404: "There is no page at this address. Start from the contested list, or "
                     "find a claim on the Claims page.",
                405: "This address does not take that kind of request; use the page's forms."}
    message = messages.get(error.status_code, str(error.detail))
    response = templating.error_page(request, session, None, error.status_code, message)
    if error.status_code == 405:
        response.headers["Allow"] = allowed_methods(request, error)
    return response


def allowed_methods(request: Request, error: HTTPException) -> str:
    """The methods the address takes, for a 405's Allow header: a page's GET and its form's
    POST are two routes, and Starlette names only the first route's methods."""
    path = request.scope["path"]
    methods = {method for route in request.app.routes
               if isinstance(route, Route) and route.methods and route.path_regex.match(path)
               for method in route.methods}
    if not methods:  # not one of the pages (the static files say theirs)
        return (error.headers or {}).get("Allow", "GET, HEAD")
    order = ["GET", "HEAD", "POST"]
    return ", ".join(sorted(methods, key=lambda m: (order.index(m) if m in order else 3, m)))


async def server_error(request: Request, error: Exception) -> Response:
    """A bug: a plain page without the traceback (the server's log has it)."""
    state: WebState = request.app.state.web
    session = state.codec.load(request.cookies.get(COOKIE))
    return templating.error_page(
        request, session, None, 500,
        "Something went wrong on the server, so this request may not have been completed. "
        "Reload to check, and report the problem if it happens again.")
