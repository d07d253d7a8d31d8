"""claimtrack: a database of claims, the counter-claims and denials made against them,
who said each, where and when, and the verdicts fact-checkers reach.

Kept free of heavy imports so that ``claimtrack --help`` stays fast; the library lives in
``claimtrack.store.db``, ``claimtrack.services`` and ``claimtrack.models``.
"""

__version__ = "0.1.0"
