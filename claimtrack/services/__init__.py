"""Business rules, one module per noun (claims, links, verdicts, actors, sources, …) and the
read models built on them (disputes, reading, search, track_record, timeline).

Every function takes a Session and never commits: the caller owns the transaction (see
claimtrack.store.db.session_scope), so a command is all-or-nothing. Services import from
claimtrack.core, claimtrack.models, claimtrack.formats, claimtrack.extract and
claimtrack.store, never from interchange, render or cli (docs/architecture.md).
"""
