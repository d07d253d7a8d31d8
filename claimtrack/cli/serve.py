"""``claimtrack serve``: the desk's web app on the same library, in one local process."""

from __future__ import annotations

import contextlib
import errno
import socket
from typing import Annotated

import typer

from claimtrack.cli._common import State, database_errors, database_url, fail, open_engine, say

LOOPBACK_NAMES = ("localhost",)


def serve(
    ctx: typer.Context,
    host: Annotated[
        str,
        typer.Option("--host", help="Address to listen on. Anything but a loopback address "
                     "(127.0.0.1, ::1, localhost) needs at least one user (`claimtrack user "
                     "add`)."),
    ] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")
    ] = 8000,
    max_upload_mb: Annotated[
        int, typer.Option("--max-upload-mb", min=1, max=1024,
                          help="Largest import upload accepted, in MiB.")
    ] = 16,
    allowed_host: Annotated[
        list[str] | None,
        typer.Option("--allowed-host", metavar="NAME",
                     help="Another host name (or NAME:PORT) people open the app by, such as a "
                     "team server's name behind a proxy; repeat for several, or list them in "
                     "$CLAIMTRACK_WEB_HOSTS. Requests naming any other host are refused "
                     "(localhost, --host and IP addresses always work)."),
    ] = None,
) -> None:
    """Start the web app: browse disputes, log and link claims, review suggestions.

    Open http://127.0.0.1:8000 in a browser. With no users, it serves the local user only (as
    an editor) and only on a loopback address; with users, everyone signs in. Set
    CLAIMTRACK_WEB_SECRET to keep people signed in across restarts.

    Examples:
        claimtrack serve
        claimtrack --db team.db serve --host 0.0.0.0 --port 8080 --allowed-host claims.example.org
    """
    import uvicorn

    from claimtrack.core.config import resolve_user
    from claimtrack.services import users
    from claimtrack.store.db import session_scope
    from claimtrack.web.app import create_app
    from claimtrack.web.hosts import unusable
    from claimtrack.web.settings import WebSettings

    state = ctx.find_object(State)
    with open_engine(ctx) as engine:
        with database_errors(database_url(ctx)), session_scope(engine, write=False) as session:
            has_users = users.any_users(session)
        if not has_users and not is_loopback(host):
            fail(f"Refusing to listen on {host} while no user can sign in: anyone who reaches "
                 "it could change the database. Add one with `claimtrack user add NAME --role "
                 "editor`, or serve on 127.0.0.1.")
        # While no user exists, a loopback server acts for whoever runs it (an editor).
        local_user = resolve_user(state.user if state else None) if is_loopback(host) else None
        settings = WebSettings.from_environment(local_user=local_user,
                                                max_upload=max_upload_mb * 1024 * 1024,
                                                hosts=(host, *(allowed_host or ())))
        if bad := unusable(settings.allowed_hosts):
            fail(f"{bad[0]!r} is not a host name or address; give --allowed-host (or "
                 "$CLAIMTRACK_WEB_HOSTS) names such as claims.example.org or "
                 "claims.example.org:8443.")
        app = create_app(engine, settings)
        listening = _listen(host, port)
        who = "users sign in" if has_users else f"as the local user {local_user}, no sign-in"
        say(f"Serving {engine.url.render_as_string(hide_password=True)} on "
            f"http://{_display(host)}:{port} ({who}). Stop with Ctrl+C.")
        if not is_loopback(host):
            say(f"It answers to its IP addresses and to {', '.join(settings.allowed_hosts)}; "
                "add the names people use to reach it with --allowed-host NAME.")
        server = uvicorn.Server(uvicorn.Config(
            app, host=host, port=port, log_level="warning", proxy_headers=False,
            server_header=False, date_header=False))
        with listening, contextlib.suppress(KeyboardInterrupt):
            server.run(sockets=[listening])
        if not server.started:
            fail("The web app could not start (see the message above); nothing was served.")


def _listen(host: str, port: int) -> socket.socket:
    """A socket bound to ``host``:``port`` (as uvicorn binds: IPv6 when the host has a
    colon), so that a busy port or an unknown host is an Error line before anything is
    served, and nothing else can take the port between the check and the start."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        (found, *_rest) = socket.getaddrinfo(host.strip("[]"), port, family, socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        fail(f"Cannot resolve the host {host}; give --host an address of this machine such as "
             "127.0.0.1 or 0.0.0.0, or a name it can look up.")
    listening = socket.socket(found[0], found[1], found[2])
    listening.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listening.bind(found[4])
    except OSError as error:
        listening.close()
        if error.errno == errno.EADDRINUSE:
            fail(f"Port {port} is in use; choose another with --port.")
        if error.errno == errno.EADDRNOTAVAIL:
            fail(f"{host} is not an address of this machine; give --host one of its addresses, "
                 "such as 127.0.0.1 or 0.0.0.0.")
        fail(f"Cannot listen on {_display(host)}:{port} ({error.strerror}); choose another "
             "--port (ports below 1024 need administrator rights) or --host.")
    return listening


def is_loopback(host: str) -> bool:
    """True for 127.0.0.0/8, ::1 and localhost: addresses only this machine can reach."""
    import ipaddress

    if host.strip().lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _display(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host
