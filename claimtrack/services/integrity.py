"""``claimtrack db check``: is the database whole? Each check names exactly what is wrong.

Checks are pluggable: a module that keeps data of its own (a search index, say) registers a
check with ``@integrity.check("search index")``; the function takes a Connection and returns
problem sentences (empty when all is well). Checks run in registration order, each in its own
read transaction; a check registered for one database kind (``only="sqlite"``) is neither run
nor listed on another.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, ForeignKeyConstraint, and_, exists, or_, select

from claimtrack.core import values
from claimtrack.core.wording import plural
from claimtrack.models import Actor, ActorAlias, Base, Claim

CheckFunction = Callable[[Connection], list[str]]
CHECKS: dict[str, CheckFunction] = {}
SHOWN = 5  # problems listed per check; the count says how many there are in all


@dataclass(frozen=True)
class CheckResult:
    name: str
    problems: tuple[str, ...]
    hint: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


HINTS: dict[str, str] = {}
ONLY: dict[str, str] = {}  # check name → the only dialect it applies to


def check(
    name: str, hint: str = "", *, only: str | None = None
) -> Callable[[CheckFunction], CheckFunction]:
    """Register an integrity check (a later registration under the same name replaces it);
    ``only``: the SQLAlchemy dialect name it applies to, else every database."""
    def register(function: CheckFunction) -> CheckFunction:
        CHECKS[name] = function
        HINTS[name] = hint
        ONLY.pop(name, None)
        if only is not None:
            ONLY[name] = only
        return function
    return register


def run_checks(connection: Connection) -> list[CheckResult]:
    """Run every registered check, each in a read transaction of its own on ``connection``
    (which must not be in a transaction)."""
    results = []
    for name, function in CHECKS.items():
        if ONLY.get(name, connection.dialect.name) != connection.dialect.name:
            continue
        with connection.begin():
            problems = function(connection)
        results.append(CheckResult(name, tuple(problems), HINTS.get(name, "")))
    return results


@check("sqlite file", "Restore the latest backup (`claimtrack restore`) into a new file.",
       only="sqlite")
def sqlite_file(connection: Connection) -> list[str]:
    """SQLite's own integrity_check (pages, indexes, constraints); PostgreSQL has no such
    check, so it is not listed there."""
    answers = [row[0] for row in connection.exec_driver_sql("PRAGMA integrity_check(20)")]
    return [] if answers == ["ok"] else [f"SQLite reports: {answer}" for answer in answers]


@check("foreign keys", "Restore a backup, or remove or re-point the orphan rows.")
def foreign_keys(connection: Connection) -> list[str]:
    """Rows whose reference points at no row (possible when foreign keys were switched off)."""
    problems = []
    for table in Base.metadata.sorted_tables:
        for constraint in table.constraints:
            if not isinstance(constraint, ForeignKeyConstraint):
                continue
            pairs = [(element.parent, element.column) for element in constraint.elements]
            target = pairs[0][1].table
            missing = ~exists().where(and_(*[parent == column for parent, column in pairs]))
            present = and_(*[parent.isnot(None) for parent, _ in pairs])
            key = list(table.primary_key.columns)
            orphans = connection.execute(
                select(*key, *[parent for parent, _ in pairs]).where(present, missing)
                .order_by(*key)
            ).all()
            for row in orphans[:SHOWN]:
                keys = ", ".join(f"{c.name} {v}" for c, v in zip(key, row, strict=False))
                refs = ", ".join(f"{parent.name} {row[len(key) + i]}"
                                 for i, (parent, _) in enumerate(pairs))
                problems.append(f"{table.name} row ({keys}): {refs} points at no {target.name} row")
            if len(orphans) > SHOWN:
                more = plural(len(orphans) - SHOWN, f"more orphan {table.name} row")
                problems.append(f"… and {more} ({', '.join(p.name for p, _ in pairs)})")
    return problems


@check("contested counters", "Run `claimtrack db check --repair` to recompute them.")
def contested_counters(connection: Connection) -> list[str]:
    """claims.challenge_count and verdicts_disagree against a recomputation from links/verdicts."""
    from claimtrack.services.disputes import counters

    challenge_count, disagree = counters()
    wrong = connection.execute(
        select(Claim.public_id, Claim.challenge_count, challenge_count,
               Claim.verdicts_disagree, disagree)
        .where(or_(Claim.challenge_count != challenge_count, Claim.verdicts_disagree != disagree))
        .order_by(Claim.public_id)
    ).all()
    problems = [
        f"claim {public_id}: challenge_count is {stored} but {plural(actual, 'claim')} "
        f"{'challenges' if actual == 1 else 'challenge'} it"
        if stored != actual else
        f"claim {public_id}: verdicts_disagree is {bool(stored_flag)} but its verdicts "
        f"{'disagree' if flag else 'agree'}"
        for public_id, stored, actual, stored_flag, flag in wrong[:SHOWN]
    ]
    if len(wrong) > SHOWN:
        problems.append(f"… and {len(wrong) - SHOWN} more claims with wrong counters")
    return problems


@check("search index", "Run `claimtrack init`: it rebuilds the full-text index.")
def search_index(connection: Connection) -> list[str]:
    """The full-text table and the triggers that keep it in step with claims and quotes."""
    from claimtrack.store import fulltext

    return fulltext.problems(connection)


@check("actor names", "Rename one of the actors with `claimtrack actor edit --name`.")
def actor_names(connection: Connection) -> list[str]:
    """Matching keys agree with names, and no alias is also another actor's name."""
    problems = []
    for name, key in connection.execute(select(Actor.name, Actor.name_key)):
        if values.name_key(name) != key:
            problems.append(f"actor {name!r}: its matching key {key!r} does not match its name")
    for alias, key in connection.execute(select(ActorAlias.alias, ActorAlias.alias_key)):
        if values.name_key(alias) != key:
            problems.append(f"alias {alias!r}: its matching key {key!r} does not match it")
    clashes = connection.execute(
        select(ActorAlias.alias, Actor.name)
        .join(Actor, Actor.name_key == ActorAlias.alias_key)
        .where(Actor.id != ActorAlias.actor_id)
    ).all()
    problems += [f"alias {alias!r} of another actor is also the name of actor {name!r}"
                 for alias, name in clashes]
    return problems[: SHOWN * 2]
