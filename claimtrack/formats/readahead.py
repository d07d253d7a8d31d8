"""Reading ahead: a large import's files parsed in a second process while this one writes.

Parsing JSON-LD, JSON Lines and CSV into records is pure Python and needs no database, so on
a machine with two cores it runs beside the writing: a child process (``main`` here, run
by the same Python) reads the files exactly as ``inputs.read_files`` would and
sends the records back through a pipe, a few hundred at a time. The child keeps at most a few
MB of records ready and waits while the pipe is full, so memory stays bounded however long
the feed is. Small imports (under ``MIN_BYTES``), stdin and one-core machines are read in
this process.

Records travel as pickles with each record reduced to its class and attributes (``_Pickler``):
rebuilding one costs a fraction of parsing it. The child sends what ``read_files`` yields, in
order: a file's format, its records, the CSV columns it ignored and how many bytes it read,
or the error where reading failed (``InvalidInput``: broken JSON, not UTF-8…), which is
raised here at the same point, after the records read before it.
With each batch of records go the ``url_key`` of the URLs in them (``_url_keys``), which the
importer looks pages and reviews up by: hashing them is work this process no longer does.
The child never touches the database and is killed when the import stops for any reason.
"""

from __future__ import annotations

import contextlib
import gc
import io
import json
import os
import pickle
import queue
import signal
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Generator, Iterator, Mapping, Sequence
from dataclasses import fields
from pathlib import Path
from types import NoneType
from typing import IO, Any

from claimtrack.core import errors as errors_module
from claimtrack.core import values
from claimtrack.core.errors import ClaimtrackError
from claimtrack.formats import inputs, native, records

# Below this many bytes an import is over before a second process would pay off.
MIN_BYTES = 4 * 1024 * 1024
# Records per message: big enough to make a message cheap, small enough to keep memory low.
PER_MESSAGE = 200
# Messages the child keeps ready while the parent writes (each ~0.5 MB at most for ClaimReview).
AHEAD = 8
PIPE_BYTES = 1024 * 1024  # Linux's default limit for an unprivileged process
# CLAIMTRACK_READ_AHEAD=0 never reads ahead, =1 always does (tests, benchmarks).
SETTING = "CLAIMTRACK_READ_AHEAD"

_CLASSES = (
    native.ActorRecord, native.SourceRecord, native.AppearanceRecord, native.ClaimRecord,
    native.LinkRecord, native.VerdictRecord, native.MergeRecord,
    records.ReviewRecord, records.ClaimBundle, records.Parsed,
)
_FIELDS: dict[type, tuple[str, ...]] = {cls: tuple(f.name for f in fields(cls)) for cls in _CLASSES}
_URL_FIELDS = frozenset({"url", "source"})  # fields of the records above that hold a URL
_LENGTH = struct.Struct("<I")
_PROTOCOL = pickle.HIGHEST_PROTOCOL
# The child's peak RSS in KB (VmHWM) after the last read-ahead, for bench/ (None: not on Linux).
reader_peak_kb: int | None = None


def wanted(files: Sequence[str]) -> bool:
    """Whether reading ``files`` ahead pays: two cores at least, regular files only (not stdin
    or a pipe), and enough bytes (``CLAIMTRACK_READ_AHEAD``: 0 never, 1 whatever the size)."""
    if not all(_plain_file(f) for f in files):
        return False
    setting = os.environ.get(SETTING, "")
    if setting in ("0", "1"):
        return setting == "1"
    if not sys.executable or _cores() < 2:
        return False
    try:
        return sum(Path(f).stat().st_size for f in files) >= MIN_BYTES
    except OSError:  # reading it here will say what is wrong
        return False


def _plain_file(name: str) -> bool:
    """A regular file that another process opens as this one would: not stdin, a pipe, or
    /dev/stdin and /proc/self/fd/… (which would be the child's own)."""
    if name == "-" or name.startswith(("/dev/", "/proc/")):
        return False
    try:
        return Path(name).is_file()
    except OSError:
        return False


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _rebuild(cls: type, held: dict[str, Any]) -> Any:
    """A record from its attributes (its ``__dict__`` as sent), without running ``__init__``
    (they were checked when the record was made). The dict comes whole from the unpickler and
    becomes the record's own: no copying, field by field, at the receiving end."""
    made: Any = object.__new__(cls)
    object.__setattr__(made, "__dict__", held)  # the record classes are frozen dataclasses
    return made


def _packed(data: bytes) -> records.Packed:
    return records.Packed(data)


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: Any) -> Any:
        if type(obj) is records.Packed:
            return _packed, (obj.data,)
        if type(obj) not in _FIELDS:
            return NotImplemented
        held = obj.__dict__
        if type(obj) is records.Parsed and not isinstance(held["raw"], (str, NoneType)):
            # The raw record goes on packed: it is only for --rejects, and unpickling a tree
            # of small objects was half the cost of receiving a record.
            held = {**held, "raw": records.Packed(pickle.dumps(held["raw"], _PROTOCOL))}
        return _rebuild, (type(obj), held)


def _receive(stream: IO[bytes]) -> tuple[Any, ...] | None:
    head = stream.read(_LENGTH.size)
    if len(head) < _LENGTH.size:
        return None
    (size,) = _LENGTH.unpack(head)
    body = stream.read(size)
    if len(body) < size:
        return None
    collecting = gc.isenabled()
    gc.disable()  # unpickling makes thousands of objects and no garbage: nothing to collect
    try:
        message: tuple[Any, ...] = pickle.loads(body)
    finally:
        if collecting:
            gc.enable()
    return message


class _Count:
    """Bytes the child has read of the current file (what ``CountingReader.count`` is)."""

    count = 0


def read_files(
    files: Sequence[str], fmt: str | None, names: Mapping[str, str]
) -> Generator[inputs.OpenFile, None, None]:
    """``inputs.read_files``, parsed by a child process (the one ``started_early`` started for
    this job, if any). Raises what reading raised there (InvalidInput), where it did, or
    ClaimtrackError when the child stops."""
    job = _job(files, fmt, names)
    child = _started.pop(job, None) or _Child(job)
    try:
        yield from _files(child.stdout, child.errors)
    finally:
        child.stop()


@contextlib.contextmanager
def started_early(paths: Sequence[str], fmt: str | None) -> Iterator[None]:
    """Start reading the files of ``paths`` (files or folders) ahead at once, while the caller
    loads the code that writes and opens the database (a third of a second, in which the child
    starts and fills its queue): ``read_files`` takes this child when asked for the same job.
    One that was not taken (the command failed before it read) is stopped when the block
    ends. Paths that cannot be listed start nothing: reading them will say what is wrong."""
    try:
        files = inputs.expand(list(paths))
    except (OSError, ClaimtrackError):  # said where they are read, as without a head start
        files = []
    job = _job(files, fmt, {}) if files and wanted(files) else None
    if job is not None and job not in _started:
        _started[job] = _Child(job)
    try:
        yield
    finally:
        left = _started.pop(job, None) if job is not None else None
        if left is not None:
            left.stop()


def _job(files: Sequence[str], fmt: str | None, names: Mapping[str, str]) -> str:
    return json.dumps({"files": list(files), "format": fmt, "names": dict(names)})


class _Child:
    """A reading process, given its job: its records come on ``stdout``, why it stopped (if
    it does) in ``errors``."""

    def __init__(self, job: str) -> None:
        self.errors = tempfile.TemporaryFile()  # noqa: SIM115 (closed by stop())
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-c", _CHILD.format(package=_PACKAGE)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.errors,
        )
        assert self.process.stdin is not None and self.process.stdout is not None
        self.stdout: IO[bytes] = self.process.stdout
        _widen(self.stdout)
        try:
            self.process.stdin.write(job.encode())
            self.process.stdin.close()
        except OSError:  # it died before reading the job: its stderr says why
            with contextlib.suppress(OSError):
                self.process.stdin.close()

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()
        self.stdout.close()
        self.errors.close()


# Children started by ``started_early``, by job, until ``read_files`` takes them.
_started: dict[str, _Child] = {}


# The child runs this very copy of claimtrack (records travel as pickles of its classes), with
# the caller's environment but not its current directory on the path (-P: a json.py there
# must not shadow the standard library's).
_PACKAGE = str(Path(__file__).resolve().parents[2])
_CHILD = (
    "import sys\n"
    "if {package!r} not in sys.path: sys.path.insert(0, {package!r})\n"
    "from claimtrack.formats.readahead import main\n"
    "main()\n"
)


def _widen(pipe: IO[bytes]) -> None:
    """A pipe that holds a few messages rather than 64 KB of one (Linux), so that neither side
    waits for the other to be scheduled every 64 KB."""
    try:
        import fcntl

        fcntl.fcntl(pipe.fileno(), fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):  # not Linux, or a lower limit: as it is
        pass


def _files(stream: IO[bytes], errors: IO[bytes]) -> Iterator[inputs.OpenFile]:
    while True:
        message = _next(stream, errors)
        if message[0] == "done":
            global reader_peak_kb
            reader_peak_kb = message[1]
            return
        path, fmt = message[1], message[2]
        count, ignored = _Count(), list[str]()
        rest = _records(stream, errors, count, ignored)
        yield inputs.OpenFile(path, fmt, rest, ignored, count)
        for _ in rest:  # what the caller left unread, to reach the next file
            pass


def _next(stream: IO[bytes], errors: IO[bytes]) -> tuple[Any, ...]:
    """The child's next message; raises what it sent as an error, or why it stopped."""
    message = _receive(stream)
    if message is None:
        raise _stopped(errors)
    if message[0] == "error":
        raise _error(message)
    return message


def _error(message: tuple[Any, ...]) -> ClaimtrackError:
    """The error reading raised in the child, as it would have been raised here."""
    _, text, kind = message
    found = getattr(errors_module, kind, None)
    if isinstance(found, type) and issubclass(found, ClaimtrackError):
        return found(text)
    return ClaimtrackError(text)


def _stopped(errors: IO[bytes]) -> ClaimtrackError:
    errors.seek(0)
    said = errors.read().decode("utf-8", "replace").strip().splitlines()
    return ClaimtrackError(
        f"The process reading the files stopped ({said[-1] if said else 'no reason given'}). "
        f"Import again with {SETTING}=0 to read them in this process."
    )


def _records(
    stream: IO[bytes], errors: IO[bytes], count: _Count, ignored: list[str]
) -> Iterator[records.Parsed]:
    while True:
        kind, batch, count.count, keys, *end = _next(stream, errors)
        values.take_url_keys(keys)
        yield from batch
        if kind == "end":
            ignored.extend(end[0])
            return


def main() -> None:
    """The child: read the job from stdin, send the records to stdout."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print must not break the messages
    job = json.loads(sys.stdin.buffer.read())
    send = _Sender(out)
    batch: list[records.Parsed] = []
    read = 0
    try:
        for opened in inputs.read_files(job["files"], job["format"], job["names"]):
            send(("file", opened.path, opened.format))
            for parsed in opened.records:
                batch.append(parsed)
                if len(batch) >= PER_MESSAGE:
                    read = opened.counter.count
                    send(("records", batch, read, _url_keys(batch)))
                    batch = []
            send(("end", batch, opened.counter.count, _url_keys(batch), opened.ignored))
            batch, read = [], 0
        send(("done", peak_kb()))
    except ClaimtrackError as error:  # what was read before it goes first, as it would here
        if batch:
            send(("records", batch, read, _url_keys(batch)))
        send(("error", str(error), type(error).__name__))
    send.finish()


def _url_keys(batch: list[records.Parsed]) -> dict[str, str]:
    """The ``url_key`` of each page and review URL in these records, which the importer will
    ask for: computed here, beside the parsing, rather than in the process that writes."""
    keys: dict[str, str] = {}

    def walk(record: Any) -> None:
        names = _FIELDS.get(type(record))
        if names is None:
            return
        held = record.__dict__
        for name in names:
            value = held[name]
            if name in _URL_FIELDS:
                if type(value) is str and value not in keys:
                    with contextlib.suppress(ValueError):  # not a URL: the importer says so
                        keys[value] = values.url_key(value)
            elif type(value) is tuple:
                for item in value:
                    walk(item)
            else:  # a record inside this one (a bundle's claim); anything else returns at once
                walk(value)

    for parsed in batch:
        walk(parsed.item)
    return keys


class _Sender:
    """Messages written to the pipe by a thread of their own, up to ``AHEAD`` of them waiting:
    the parent writes a batch to the database for longer than the pipe holds, and reading
    should go on meanwhile."""

    def __init__(self, out: IO[bytes]) -> None:
        self.out = out
        self.waiting: queue.Queue[bytes | None] = queue.Queue(maxsize=AHEAD)
        self.thread = threading.Thread(target=self._write, daemon=True)
        self.thread.start()

    def __call__(self, message: tuple[Any, ...]) -> None:
        buffer = io.BytesIO()
        buffer.write(_LENGTH.pack(0))
        _Pickler(buffer, protocol=_PROTOCOL).dump(message)
        buffer.seek(0)
        buffer.write(_LENGTH.pack(buffer.getbuffer().nbytes - _LENGTH.size))
        self.waiting.put(buffer.getvalue())

    def finish(self) -> None:
        self.waiting.put(None)
        self.thread.join()

    def _write(self) -> None:
        try:
            while (message := self.waiting.get()) is not None:
                self.out.write(message)
            self.out.flush()
        except BrokenPipeError:  # the parent stopped reading: it no longer needs us
            os._exit(0)
        except BaseException as error:  # the parent reads why from stderr
            print(f"{type(error).__name__}: {error}", file=sys.stderr, flush=True)
            os._exit(1)


def peak_kb() -> int | None:
    """This process's peak RSS in KB (VmHWM; None where /proc is not)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return None
    return next((int(line.split()[1]) for line in status.splitlines()
                 if line.startswith("VmHWM:")), None)


