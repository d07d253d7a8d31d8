"""What ``claimtrack extract`` reads, for the CLI and the web alike: an article's text from a
file, standard input, a fetched page or a form, refused beyond ``TEXT_LIMIT`` characters.

A file or standard input is never read whole: at most one character more than the limit, in
UTF-8's longest encoding, is read (a saved web page: as much as a fetched page may be), so a
huge or endless input costs at most that much memory and time.
"""

from __future__ import annotations

import codecs
from typing import BinaryIO

from claimtrack.core.errors import InvalidInput

TEXT_LIMIT = 200_000  # characters (about 30,000 words): an article, not a book
_HEAD = 4096  # bytes that tell a web page from text (``fetch.kinds.is_html`` looks at no more)


def read_article(stream: BinaryIO, name: str) -> str:
    """The article text in ``stream`` (a plain-text UTF-8 file, or a saved HTML page), named
    ``name`` in messages. Raises InvalidInput when it is too long or not UTF-8."""
    from claimtrack.fetch import MAX_BYTES
    from claimtrack.fetch.kinds import is_html

    head = stream.read(_HEAD)
    page = is_html(head, name=name)
    most = MAX_BYTES if page else 4 * (TEXT_LIMIT + 1)
    body = head + _read_up_to(stream, most - len(head))
    if not stream.read(1):
        return text_of(body, name)
    if page:
        raise InvalidInput(f"{name} is larger than {MAX_BYTES:,} bytes, more than claimtrack "
                           "reads of a web page; save the part you need and give its file "
                           "instead.")
    try:  # cut short: the last character may be cut in two
        start = codecs.getincrementaldecoder("utf-8")().decode(body, final=False)
    except UnicodeDecodeError as error:
        raise _not_utf8(name, error) from None
    raise _too_long(name, f"{len(start):,}+")


def text_of(body: bytes, name: str, *, media_type: str = "", charset: str | None = None) -> str:
    """What the extractor reads of ``body``: an HTML page's article text (a fetched page, a
    local .html file, or anything that starts like a page), else the body as text (its declared
    charset, else UTF-8). Raises InvalidInput for a body that is neither (a binary file: before
    anything is archived) and for a text over ``TEXT_LIMIT`` characters."""
    from claimtrack.fetch.kinds import is_html

    if is_html(body, media_type=media_type, name=name):
        from claimtrack.formats.html_text import article_text

        return checked_length(article_text(body, charset), name)
    from claimtrack.formats.html_text import text_codec

    try:  # a charset Python does not know, or no text encoding ("hex"): UTF-8 or nothing
        return checked_length(body.decode(text_codec(charset) or "utf-8"), name)
    except UnicodeDecodeError as error:
        raise _not_utf8(name, error, media_type) from None
    except UnicodeError:  # "utf-16" without its byte-order mark
        return text_of(body, name, media_type=media_type)


def checked_length(text: str, name: str) -> str:
    """``text``, unless it is longer than ``TEXT_LIMIT`` characters (InvalidInput)."""
    if len(text) > TEXT_LIMIT:
        raise _too_long(name, f"{len(text):,}")
    return text


def _read_up_to(stream: BinaryIO, size: int) -> bytes:
    chunks: list[bytes] = []
    while size > 0 and (chunk := stream.read(min(size, 1 << 16))):
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _too_long(name: str, length: str) -> InvalidInput:
    return InvalidInput(f"{name} is {length} characters long; claimtrack extract reads at most "
                        f"{TEXT_LIMIT:,} characters (about 30,000 words): split the article.")


def _not_utf8(name: str, error: UnicodeDecodeError, media_type: str = "") -> InvalidInput:
    if media_type:  # a fetched body: neither a page nor text
        return InvalidInput(f"{name} is not UTF-8 (byte {error.start}) nor a web page (served as "
                            f"{media_type}); nothing was archived: save the part you need and "
                            "give its file instead.")
    return InvalidInput(f"{name} is not UTF-8 (byte {error.start}); re-save it as UTF-8 plain "
                        "text.")
