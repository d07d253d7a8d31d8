"""The closed vocabularies of claimtrack.

Pure Python (no SQLAlchemy) so the CLI can offer them as choices without slowing start-up.
Values are what the database stores and what JSON, CSV and the CLI show.
"""

from __future__ import annotations

from enum import StrEnum


class ActorKind(StrEnum):
    """What kind of speaker or reviewer an actor is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    GOVERNMENT = "government"
    MEDIA = "media"
    UNKNOWN = "unknown"


class Relation(StrEnum):
    """How one claim relates to another; a link reads "FROM <relation> TO"."""

    SUPPORTS = "supports"
    CONTRADICTS = "contradicts"
    DENIES = "denies"
    EVADES = "evades"
    RESPONDS_TO = "responds_to"
    SAME_AS = "same_as"

    @property
    def is_challenge(self) -> bool:
        """True for the relations that make their target claim contested."""
        return self in CHALLENGES

    @property
    def phrase(self) -> str:
        """How the relation reads from the target's side: "denied by", "supported by"."""
        return _PASSIVE[self]

    @property
    def words(self) -> str:
        """How the relation reads from the source's side: "denies", "responds to"."""
        return self.value.replace("_", " ")


CHALLENGES: frozenset[Relation] = frozenset(
    {Relation.CONTRADICTS, Relation.DENIES, Relation.EVADES}
)

_PASSIVE = {
    Relation.SUPPORTS: "supported by",
    Relation.CONTRADICTS: "contradicted by",
    Relation.DENIES: "denied by",
    Relation.EVADES: "evaded by",
    Relation.RESPONDS_TO: "answered by",
    Relation.SAME_AS: "same as",
}


class Rating(StrEnum):
    """A verdict's normalised rating, whatever label the publisher used."""

    TRUE = "true"
    MOSTLY_TRUE = "mostly-true"
    MIXED = "mixed"
    MOSTLY_FALSE = "mostly-false"
    FALSE = "false"
    UNVERIFIABLE = "unverifiable"

    @property
    def lean(self) -> int | None:
        """+1 for true-ish, 0 for mixed, -1 for false-ish, None when nothing was established.

        Two verdicts disagree when their leans differ; "false" and "mostly-false" agree.
        """
        return _LEAN[self]


_LEAN = {
    Rating.TRUE: 1,
    Rating.MOSTLY_TRUE: 1,
    Rating.MIXED: 0,
    Rating.MOSTLY_FALSE: -1,
    Rating.FALSE: -1,
    Rating.UNVERIFIABLE: None,
}


class OutputFormat(StrEnum):
    """Formats every read command can print."""

    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"


class DocumentFormat(StrEnum):
    """Formats of a document (the contested report, one dispute): every OutputFormat, and HTML.

    Kept apart from OutputFormat so that row listings such as ``claim list`` refuse ``html``
    with a usage message instead of printing a half-page.
    """

    TABLE = "table"
    MARKDOWN = "markdown"
    JSON = "json"
    CSV = "csv"
    HTML = "html"


class GraphFormat(StrEnum):
    """Graph description languages ``claimtrack graph`` writes."""

    DOT = "dot"
    MERMAID = "mermaid"
    GRAPHML = "graphml"


class GroupBy(StrEnum):
    """How the contested report groups its disputes (``--group-by``)."""

    TAG = "tag"
    SPEAKER = "speaker"


class ImportFormat(StrEnum):
    """What ``claimtrack import`` reads; auto: from the file name, else its first bytes."""

    AUTO = "auto"
    NATIVE = "native"
    CLAIMREVIEW = "claimreview"
    CSV = "csv"
    JSONL = "jsonl"


class ExportFormat(StrEnum):
    """What ``claimtrack export`` writes."""

    NATIVE = "native"
    CLAIMREVIEW = "claimreview"
    CSV = "csv"
    JSONL = "jsonl"

    @property
    def unit(self) -> str:
        """What one written item is: a ClaimReview export counts reviews, the others records."""
        return _EXPORT_UNITS.get(self, "record")


_EXPORT_UNITS = {ExportFormat.CLAIMREVIEW: "review"}


class LinkStatus(StrEnum):
    """Whether a link is established, only suggested (by `claimtrack dedupe`), or rejected.

    Only confirmed links count: in disputes, challenge counters and reports. A rejected link is
    kept so that the same pair is never suggested again.
    """

    CONFIRMED = "confirmed"
    SUGGESTED = "suggested"
    REJECTED = "rejected"


class ReviewStatus(StrEnum):
    """Where a claim or verdict is in the editorial review: draft → in-review → published."""

    DRAFT = "draft"
    IN_REVIEW = "in-review"
    PUBLISHED = "published"


class HistoryEntity(StrEnum):
    """The kinds of record the edit history tracks (store.history.snapshots.ENTITIES)."""

    CLAIM = "claim"
    VERDICT = "verdict"
    LINK = "link"
    ACTOR = "actor"
    SOURCE = "source"


class Role(StrEnum):
    """What a web user may do: viewers read, checkers write drafts, editors publish and delete."""

    VIEWER = "viewer"
    CHECKER = "checker"
    EDITOR = "editor"

    def allows(self, needed: Role) -> bool:
        """True when this role may do what ``needed`` may (each role includes those below it)."""
        order = list(Role)
        return order.index(self) >= order.index(needed)
