"""claimtrack: a database of claims, the counter-claims and denials made against them,
who said each, where and when, and the verdicts fact-checkers reach.

The public API is what ``__all__`` lists, plus the service modules of ``claimtrack.services``
(one per noun: ``claims``, ``links``, ``verdicts``, ``actors``, ``sources``, and the read models
``disputes``, ``search``, ``track_record``, ``timeline``); everything else may change between
releases. See the README's "Python API" and docs/architecture.md.

    >>> import claimtrack
    >>> engine = claimtrack.open_database("sqlite:///claims.db")    # doctest: +SKIP
    >>> with claimtrack.session_scope(engine) as session:            # doctest: +SKIP
    ...     result = claimtrack.import_files(session, ["checks.json"])

Names are loaded on first use, so ``import claimtrack`` (and ``claimtrack --help``) stays
fast: nothing here imports SQLAlchemy until it is needed.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it
_EXPORTS = {
    "open_database": "claimtrack.store.migrate",
    "make_engine": "claimtrack.store.db",
    "session_scope": "claimtrack.store.db",
    "ensure_current": "claimtrack.store.migrate",
    "upgrade": "claimtrack.store.migrate",
    "import_files": "claimtrack.interchange.importing",
    "ImportResult": "claimtrack.interchange.importing",
    "write_export": "claimtrack.interchange.export",
    "ClaimFilter": "claimtrack.services.filters",
    "ClaimtrackError": "claimtrack.core.errors",
    "NotFound": "claimtrack.core.errors",
    "Conflict": "claimtrack.core.errors",
    "InvalidInput": "claimtrack.core.errors",
    "SchemaOutOfDate": "claimtrack.core.errors",
    "DatabaseBusy": "claimtrack.core.errors",
    "DatabaseUnavailable": "claimtrack.core.errors",
    "ActorKind": "claimtrack.core.enums",
    "Relation": "claimtrack.core.enums",
    "Rating": "claimtrack.core.enums",
    "LinkStatus": "claimtrack.core.enums",
    "ReviewStatus": "claimtrack.core.enums",
    "OutputFormat": "claimtrack.core.enums",
    "DocumentFormat": "claimtrack.core.enums",
    "ImportFormat": "claimtrack.core.enums",
    "ExportFormat": "claimtrack.core.enums",
}

__all__ = [
    "ActorKind",
    "ClaimFilter",
    "ClaimtrackError",
    "Conflict",
    "DatabaseBusy",
    "DatabaseUnavailable",
    "DocumentFormat",
    "ExportFormat",
    "ImportFormat",
    "ImportResult",
    "InvalidInput",
    "LinkStatus",
    "NotFound",
    "OutputFormat",
    "Rating",
    "Relation",
    "ReviewStatus",
    "SchemaOutOfDate",
    "__version__",
    "ensure_current",
    "import_files",
    "make_engine",
    "open_database",
    "session_scope",
    "upgrade",
    "write_export",
]


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'claimtrack' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)


if TYPE_CHECKING:
    from claimtrack.core.enums import (
        ActorKind,
        DocumentFormat,
        ExportFormat,
        ImportFormat,
        LinkStatus,
        OutputFormat,
        Rating,
        Relation,
        ReviewStatus,
    )
    from claimtrack.core.errors import (
        ClaimtrackError,
        Conflict,
        DatabaseBusy,
        DatabaseUnavailable,
        InvalidInput,
        NotFound,
        SchemaOutOfDate,
    )
    from claimtrack.interchange.export import write_export
    from claimtrack.interchange.importing import ImportResult, import_files
    from claimtrack.services.filters import ClaimFilter
    from claimtrack.store.db import make_engine, session_scope
    from claimtrack.store.migrate import ensure_current, open_database, upgrade
