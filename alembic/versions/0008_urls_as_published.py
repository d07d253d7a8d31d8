"""urls as published: sources and verdicts keep the URL as written, matched by a url_key

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04

Until 0007 a source's and a verdict's URL were stored normalised (host lower-cased, trailing
slash, tracking parameters and fragment dropped), which altered what publishers wrote. From
0008 the URL is stored as given and ``url_key`` (a SHA-256 of the normalised form) is what
matching uses: one source per page (unique), a ClaimReview recognised on re-import (indexed).
Verdicts also get ``author``: the person who wrote a review for the reviewing organisation.
The user's rating labels are keyed again as labels are now read ("_" as a space, surrounding
quotes and punctuation ignored), so "pants_on_fire" finds a mapping made for "Pants on Fire".

Existing URLs were stored normalised, so that is what they keep; their keys are computed with
the key function as it is at this revision, copied below (a migration never imports
claimtrack). Downgrading normalises the URLs again the way 0007's code did.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

import sqlalchemy as sa

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid)$", re.I)
_PORTS = {"http": 80, "https": 443}


def _key(url: str) -> str:
    """core.values.url_key as of this revision."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme in ("urn", "doi"):
        normal = f"{scheme}:{parts.path}"
    else:
        host = (parts.hostname or "").lower()
        try:
            port = parts.port
        except ValueError:
            port = None
        netloc = host if port in (None, _PORTS.get(scheme)) else f"{host}:{port}"
        path = quote(unquote(parts.path), safe="/:@!$&'()*+,;=-._~").rstrip("/")
        query = "&".join(
            quote(name, safe=":@!$'()*+,;/?-._~")
            + ("=" + quote(given, safe=":@!$'()*+,;/?-._~") if given else "")
            for name, given in sorted(parse_qsl(parts.query, keep_blank_values=True))
            if not _TRACKING.match(name)
        )
        normal = urlunsplit((scheme, netloc, path, query, ""))
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


def _normalised_0007(url: str) -> str:
    """How 0007's code stored a URL (core.values.url of that time)."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    if scheme in ("urn", "doi") and parts.path:
        return f"{scheme}:{parts.path}"
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port in (None, _PORTS.get(scheme)) else f"{host}:{port}"
    path = parts.path.rstrip("/") if parts.path not in ("", "/") else ""
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _TRACKING.match(k)])
    return urlunsplit((scheme, netloc, path, query, ""))


def _label_key(label: str) -> str:
    """core.ratings.label_key as of this revision."""
    folded = " ".join(unicodedata.normalize("NFKC", label.replace("_", " ")).casefold().split())
    return folded.strip(" \t\r\n!.?…;:,'\"«»“”„‘’()[]*")


def _label_key_0007(label: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", label).casefold().split()).rstrip("!. ")


def _rekey_labels(key_of: object) -> None:
    """Key every user rating label anew; of two labels that now share a key, the first stays."""
    connection = op.get_bind()
    labels = sa.table("rating_labels", sa.column("label_key", sa.String),
                      sa.column("label", sa.String))
    rows = connection.execute(sa.select(labels.c.label_key, labels.c.label)).all()
    taken = {key for key, _label in rows}
    for key, label in rows:
        fresh = key_of(label)  # type: ignore[operator]
        if fresh == key:
            continue
        if fresh in taken:
            connection.execute(sa.delete(labels).where(labels.c.label_key == key))
        else:
            connection.execute(
                sa.update(labels).where(labels.c.label_key == key).values(label_key=fresh)
            )
            taken.add(fresh)
        taken.discard(key)


def _rewrite(table: str, column: str, compute: object, *, where_not_null: bool) -> None:
    """Set ``column`` of every row from its url, a thousand rows at a time."""
    connection = op.get_bind()
    rows = sa.table(table, sa.column("id", sa.Integer), sa.column("url", sa.String),
                    sa.column(column, sa.String))
    query = sa.select(rows.c.id, rows.c.url)
    if where_not_null:
        query = query.where(rows.c.url.is_not(None))
    found = connection.execute(query).all()
    update = sa.update(rows).where(rows.c.id == sa.bindparam("row")).values(
        {column: sa.bindparam("value")}
    )
    for start in range(0, len(found), 1000):
        batch = found[start:start + 1000]
        connection.execute(update, [{"row": i, "value": compute(u)} for i, u in batch])  # type: ignore[operator]


def upgrade() -> None:
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.add_column(sa.Column("url_key", sa.String(length=64), nullable=True))
    _rewrite("sources", "url_key", _key, where_not_null=False)
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.alter_column("url_key", existing_type=sa.String(length=64), nullable=False)
        batch_op.drop_constraint("uq_sources_url", type_="unique")
        batch_op.create_unique_constraint(batch_op.f("uq_sources_url_key"), ["url_key"])
        # URLs of real pages run past 2,000 characters; no index is on them any more.
        batch_op.alter_column("url", existing_type=sa.String(length=2000), type_=sa.Text())
        batch_op.alter_column("archive_url", existing_type=sa.String(length=2000),
                              type_=sa.Text())

    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.alter_column("url", existing_type=sa.String(length=2000), type_=sa.Text())
        batch_op.add_column(sa.Column("url_key", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("author", sa.String(length=200), nullable=True))
        batch_op.drop_index("ix_verdicts_url")
        batch_op.create_index(batch_op.f("ix_verdicts_url_key"), ["url_key"], unique=False)
    _rewrite("verdicts", "url_key", _key, where_not_null=True)
    _rekey_labels(_label_key)


def downgrade() -> None:
    _rekey_labels(_label_key_0007)
    _rewrite("verdicts", "url", _normalised_0007, where_not_null=True)
    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_verdicts_url_key"))
        batch_op.alter_column("url", existing_type=sa.Text(), type_=sa.String(length=2000))
        batch_op.create_index("ix_verdicts_url", ["url"], unique=False)
        batch_op.drop_column("author")
        batch_op.drop_column("url_key")

    _rewrite("sources", "url", _normalised_0007, where_not_null=False)
    with op.batch_alter_table("sources", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("uq_sources_url_key"), type_="unique")
        batch_op.alter_column("url", existing_type=sa.Text(), type_=sa.String(length=2000))
        batch_op.alter_column("archive_url", existing_type=sa.Text(),
                              type_=sa.String(length=2000))
        batch_op.create_unique_constraint("uq_sources_url", ["url"])
        batch_op.drop_column("url_key")
