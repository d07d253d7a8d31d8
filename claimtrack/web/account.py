"""Signing in and out. Failed attempts are rate-limited per name and address, per name and
per address (see ``sign_in``)."""

from __future__ import annotations

from starlette.responses import Response

from claimtrack.core import values
from claimtrack.services import users
from claimtrack.web.auth import safe_next
from claimtrack.web.handlers import Call, route

NAME_SHARE = 4  # failures for one name from any address: 4 times a person's allowance
ADDRESS_SHARE = 10  # failures from one address for any names


@route("/signin", public=True)
def sign_in_form(call: Call) -> Response:
    with call.read() as session:
        has_users = users.any_users(session)
    return call.render("signin.html.j2", title="Sign in", values={"name": ""}, errors={},
                       next=safe_next(call.form.get("next")), has_users=has_users)


@route("/signin", methods=("POST",), public=True)
def sign_in(call: Call) -> Response:
    name, password = call.form.get("name"), call.form.get("password")
    target = safe_next(call.form.get("next"))
    client = call.request.client.host if call.request.client else "unknown"
    who = values.name_key(name)[:200]  # as users are found: "ｅditor" is "editor"
    # One person's typos lock only their name from their address; a name tried from many
    # addresses, or many names from one address (a team behind one proxy shares it), take
    # several times as many failures.
    keys = (f"pair:{client}|{who}", f"name:{who}", f"address:{client}")
    throttle = call.state.throttle
    wait = throttle.wait((keys[0], 1), (keys[1], NAME_SHARE), (keys[2], ADDRESS_SHARE))
    if wait:
        return _form_again(call, 429, f"Error: Too many failed sign-ins; wait {wait} seconds "
                           "and try again (or ask an editor to check your name).", name, target)
    with call.read() as session:
        found = users.authenticate(session, name, password)
    if found is None:
        throttle.failed(*keys)
        return _form_again(call, 401, "Error: That name and password do not match a user; "
                           "check both and try again.", name, target)
    throttle.succeeded(keys[0], keys[1])
    if call.session.user is not None:  # someone else was signed in here: that session ends
        call.state.codec.end(call.session)
    call.session.sign_in(found.name)
    return call.redirect(target, f"Signed in as {found.name} ({found.role}).")


def _form_again(call: Call, status: int, message: str, name: str, target: str) -> Response:
    return call.render("signin.html.j2", status=status, title="Sign in", values={"name": name},
                       errors={"": message}, next=target, has_users=True)


@route("/signout", methods=("POST",), public=True)
def sign_out(call: Call) -> Response:
    if call.session.user is not None:
        call.state.codec.end(call.session)  # a copy of the cookie no longer signs in
    call.session.sign_out()
    return call.redirect("/signin", "Signed out.")


ROUTES = [sign_in_form, sign_in, sign_out]
