"""The web app behind ``claimtrack serve``: server-rendered pages on the same services.

The top layer, beside ``cli/`` (which starts it): ``app`` builds the Starlette application,
``handlers`` is the small framework every page goes through (one transaction per request,
roles, CSRF, the ``Error:`` messages beside their fields), ``auth`` holds sessions, sign-in
and its rate limit, and one module per area holds the pages: ``disputes``, ``claims``,
``review``, ``extracting``, ``exchange`` (imports and downloads), ``actors``, ``account``.
No handler writes SQL: each calls services, interchange or render.
"""
