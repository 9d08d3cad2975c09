"""A parse cache: each template text is parsed once per content, grammar and file name.

Entries live under ``$XDG_CACHE_HOME/pan-tools/parse-v<N>/`` (default ``~/.cache/pan-tools``),
one pickle per key, all in that one directory (no fan-out subdirectories: a cold build
would pay one ``mkdir`` per entry, and ext4 indexes large directories anyway). The key is
the sha256 of the grammar and of the code that builds results (``_results_version``), the
file name (every span holds it) and the text. Entries are written to a temporary file and
renamed into place, so concurrent writers never expose a partial file; an entry that
cannot be read back, or whose stored key differs, is ignored and replaced. Entries are
pickles: they are read only from a directory nobody but the user can write to
(``panc.usercache``). A per-process
memo answers repeated requests (a language server re-parsing open buffers) without
touching the disk.

A result read from the disk is a ``LazyParseResult``: its AST and tokens are unpickled when
first used.
"""

from __future__ import annotations

import contextlib
import copyreg
import functools
import hashlib
import io
import os
import pickle
import threading
from collections import OrderedDict
from dataclasses import fields, is_dataclass
from functools import partial
from operator import attrgetter
from pathlib import Path
from typing import Any

import panc
from panc.diagnostics import Diagnostic
from panc.source import Span, note_source_text
from panc.syntax.gcpause import collector_paused
from panc.syntax.grammar import grammar_hash
from panc.syntax.result import ParseResult
from panc.syntax.tokens import Token, new_span, new_token
from panc.usercache import cache_directory, private_directory, read_trusted

# The parser and the AST classes are imported on first need only: a run that finds every
# result in the cache does not load them (see _parse, _reducers).

FORMAT_VERSION = 3
_MAGIC = b"pan-tools parse cache"
_MEMO_SIZE = 4096
_MAX_DESCRIPTORS = 1 << 16
_WRITERS_LOCK = ".writers.lock"


class ParseCache:
    """``parse`` with a memo and an on-disk store; safe to share between threads."""

    def __init__(self, directory: Path | None = None, memo_size: int = _MEMO_SIZE) -> None:
        self.directory = (directory or cache_directory()) / f"parse-v{FORMAT_VERSION}"
        self.memo_size = memo_size
        self._memo: OrderedDict[str, ParseResult] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        """Results served from the memo or the disk (for tests and benchmarks)."""
        self.misses = 0
        self._directory_made = False
        self._deferring_pid: int | None = None
        self._pending: list[tuple[str, ParseResult]] = []

    def key(self, text: str, name: str) -> str:
        """The cache key of ``text`` parsed under the file name ``name``."""
        digest = hashlib.sha256()
        digest.update(_results_version().encode())
        digest.update(b"\0")
        digest.update(name.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def parse(self, text: str, name: str) -> ParseResult:
        """The ``ParseResult`` of ``text``: from the memo, the disk, or a fresh parse.

        The result may be shared with other callers: treat it as read-only.
        """
        note_source_text(name, text)
        key = self.key(text, name)
        with self._lock:
            result = self._memo.get(key)
            if result is not None:
                self._memo.move_to_end(key)
                self.hits += 1
                return result
        result = self._load(key, name)
        if result is None:
            result = _parse(text, name)
            if self._deferring_pid == os.getpid():
                with self._lock:
                    self._pending.append((key, result))
            else:
                self._store(key, result)
            self.misses += 1
        else:
            self.hits += 1
        with self._lock:
            self._memo[key] = result
            if len(self._memo) > self.memo_size:
                self._memo.popitem(last=False)
        return result

    def defer_writes(self) -> None:
        """Keep new entries in memory until ``flush`` or ``flush_detached`` instead of writing
        each at once (encoding them costs about half as much as parsing).

        Only this process defers: a worker forked from it later stores its own entries at
        once, as nobody would flush its list.
        """
        with self._lock:
            self._deferring_pid = os.getpid()

    def defer_like_parent(self) -> bool:
        """In a process forked from one that defers its writes: defer them here too (a new
        list: the parent's entries are the parent's to write). Whether this process now
        defers; if so it must ``flush`` or ``flush_detached`` before it exits."""
        with self._lock:
            if self._deferring_pid is None or self._deferring_pid == os.getpid():
                return False
            self._deferring_pid = os.getpid()
            self._pending = []
            return True

    def flush(self) -> None:
        """Write the deferred entries now and stop deferring."""
        for key, result in self._take_pending():
            self._store(key, result)

    def flush_detached(self) -> None:
        """Write the deferred entries in a detached process and return at once.

        For a command that is about to exit: its user does not wait for the cache of the
        next run. The writer is a grandchild (the child exits at once and is reaped here,
        so no zombie is left), in its own session with its standard streams on
        ``/dev/null`` and no other descriptor open (a caller reading this process's output
        through a pipe sees the end of it when this process exits, and ``Ctrl-C`` does not
        stop the writer half-way).
        Entries are written atomically as always, so a run starting meanwhile only misses
        the ones not written yet; ``wait_for_writers`` waits for them. Without ``fork`` the
        entries are written here.
        """
        pending = self._take_pending()
        if not pending:
            return
        fork = getattr(os, "fork", None)
        try:
            child = fork() if fork is not None else -1
        except OSError:
            child = -1
        if child < 0:
            for key, result in pending:
                self._store(key, result)
        elif child == 0:
            # taken before this process's parent goes on: the lock is held by the time it returns
            self._write_in_grandchild(pending, self._writers_lock(exclusive=False))
        else:
            with contextlib.suppress(ChildProcessError):  # reaped already (SIGCHLD ignored)
                os.waitpid(child, 0)

    def _take_pending(self) -> list[tuple[str, ParseResult]]:
        with self._lock:
            pending, self._pending = self._pending, []
            self._deferring_pid = None
        return pending

    def wait_for_writers(self) -> None:
        """Return once no detached writer of this cache directory is left writing."""
        descriptor = self._writers_lock(exclusive=True)
        if descriptor is not None:
            os.close(descriptor)

    def _writers_lock(self, exclusive: bool) -> int | None:
        """A descriptor holding the directory's writers lock (shared by writers, exclusive to
        wait for them); ``None`` when no lock can be had (no directory, no ``fcntl``)."""
        try:
            import fcntl  # pylint: disable=import-outside-toplevel  # POSIX only, like fork
        except ImportError:
            return None
        if not private_directory(self.directory):
            return None
        try:
            descriptor = os.open(self.directory / _WRITERS_LOCK, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError:
            return None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        except OSError:
            os.close(descriptor)
            return None
        return descriptor

    def _write_in_grandchild(self, pending: list[tuple[str, ParseResult]], lock: int | None) -> None:
        """In the forked child: fork the writer (which keeps ``lock`` until it is done) and
        exit; never returns."""
        status = 0
        try:
            if os.fork() == 0:
                os.setsid()
                null = os.open(os.devnull, os.O_RDWR)
                for descriptor in (0, 1, 2):
                    os.dup2(null, descriptor)
                # other pipes of the caller's (pass_fds) too; only the writers lock stays open
                keep = lock if lock is not None else _MAX_DESCRIPTORS
                os.closerange(3, keep)
                os.closerange(keep + 1, _MAX_DESCRIPTORS)
                for key, result in pending:
                    self._store(key, result)
        except BaseException:  # pylint: disable=broad-exception-caught  # nothing may escape a fork
            status = 1
        finally:
            # no interpreter shutdown: the parent's buffers and exit handlers are not ours
            os._exit(status)  # pylint: disable=protected-access

    def clear_memo(self) -> None:
        """Forget the in-process results (the disk entries stay)."""
        with self._lock:
            self._memo.clear()

    def entry_path(self, key: str) -> Path:
        """Where the entry for ``key`` is stored."""
        return self.directory / f"{key}.pickle"

    def _load(self, key: str, name: str) -> ParseResult | None:
        data = read_trusted(self.entry_path(key))
        if data is None:
            return None
        try:
            entry = pickle.loads(data)
            magic, stored_key, result_fields = entry
            if magic != _MAGIC or stored_key != key:
                return None
            return _decode(result_fields, name)
        except Exception:  # pylint: disable=broad-exception-caught
            # Truncated, corrupt or from another version: never trusted, parsed again.
            return None

    def _store(self, key: str, result: ParseResult) -> None:
        import tempfile  # pylint: disable=import-outside-toplevel  # a run that only reads never needs it

        path = self.entry_path(key)
        if not self._directory_made:
            if not private_directory(self.directory):
                return  # no cache directory, or one others can write to: it only costs time
            self._directory_made = True
        try:
            data = _dumps((_MAGIC, key, _encode(result)))
            descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
            try:
                with os.fdopen(descriptor, "wb") as stream:
                    stream.write(data)
                os.replace(temporary, path)
            except BaseException:
                os.unlink(temporary)
                raise
        except (OSError, pickle.PicklingError, RecursionError):
            pass  # a cache that cannot be written only costs time


def _parse(text: str, name: str) -> ParseResult:
    # pylint: disable-next=import-outside-toplevel  # the parser is needed on a miss only
    from panc.syntax.parser import parse

    return parse(text, name)


@functools.cache
def _reducers() -> dict[type, Any]:
    """Pickle reductions that rebuild each object with one C-level or ``__init__`` call.

    The defaults go through ``dataclasses.fields()`` for every node, on dump and on load,
    which costs more than the parse the cache saves.
    """
    # pylint: disable-next=import-outside-toplevel  # needed to store results only
    from panc.syntax import ast
    from panc.syntax.construct import CONSTRUCTORS  # pylint: disable=import-outside-toplevel

    table: dict[type, Any] = dict(copyreg.dispatch_table)
    for tuple_class in (Span, Token):
        table[tuple_class] = partial(_reduce_tuple, tuple_class)
    classes = [Diagnostic]
    classes += [value for value in vars(ast).values() if isinstance(value, type) and is_dataclass(value)]
    for node_class in classes:
        getter = attrgetter(*(item.name for item in fields(node_class)))
        table[node_class] = partial(_reduce_node, CONSTRUCTORS.get(node_class, node_class), getter)
    return table


def _reduce_tuple(tuple_class: type, value: tuple[Any, ...]) -> tuple[Any, ...]:
    return (tuple.__new__, (tuple_class, tuple(value)))


def _reduce_node(constructor: Any, getter: attrgetter[Any], node: object) -> tuple[Any, ...]:
    return (constructor, getter(node))


def _dumps(value: object) -> bytes:
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = _reducers()
    with collector_paused():
        pickler.dump(value)
    return buffer.getvalue()


def _encode(result: ParseResult) -> tuple[Any, ...]:
    syntax = _dumps((result.ast, result.comments, result.annotations))
    tokens = pickle.dumps(_token_columns(result.tokens), protocol=pickle.HIGHEST_PROTOCOL)
    return (result.diagnostics, syntax, tokens)


def _decode(fields_: tuple[Any, ...], name: str) -> ParseResult:
    diagnostics, syntax, tokens = fields_
    return LazyParseResult(diagnostics, syntax, tokens, name)


def _token_columns(tokens: list[Token]) -> tuple[Any, ...]:
    """Tokens as columns of strings and ints: pickled and unpickled at C speed."""
    spans = [token.span for token in tokens]
    return (
        [token.type for token in tokens],
        [token.value for token in tokens],
        [span.start_line for span in spans],
        [span.start_column for span in spans],
        [span.end_line for span in spans],
        [span.end_column for span in spans],
        [token.start_pos for token in tokens],
        [token.end_pos for token in tokens],
        {index: token.payload for index, token in enumerate(tokens) if token.payload is not None},
    )


def _tokens_from_columns(columns: tuple[Any, ...], name: str) -> list[Token]:
    types, values, lines, columns_, end_lines, end_columns, starts, ends, payloads = columns
    tokens = [
        new_token(Token, (kind, value, new_span(Span, (name, a, b, c, d)), start, end, None))
        for kind, value, a, b, c, d, start, end in zip(
            types, values, lines, columns_, end_lines, end_columns, starts, ends, strict=True
        )
    ]
    for index, payload in payloads.items():
        tokens[index] = tokens[index]._replace(payload=payload)
    return tokens


class LazyParseResult(ParseResult):
    """A cached ``ParseResult``: the diagnostics are loaded at once, the AST (with comments
    and annotations) and the tokens each when first used, so a build that needs only the
    AST never decodes tokens and a tool that reads nothing pays for nothing."""

    # pylint: disable=super-init-not-called
    def __init__(self, diagnostics: list[Diagnostic], syntax: bytes, tokens: bytes, name: str) -> None:
        self.diagnostics = diagnostics
        self._syntax: bytes | None = syntax
        self._token_data: bytes | None = tokens
        self._name = name
        self._loaded: list[Any] = [None, None, None]
        self._tokens: list[Token] = []

    def _fields(self) -> list[Any]:
        if self._syntax is not None:
            with collector_paused():
                self._loaded = list(pickle.loads(self._syntax))
            self._syntax = None
        return self._loaded

    def _get(index: int) -> Any:  # type: ignore[misc]  # pylint: disable=no-self-argument
        def getter(self: LazyParseResult) -> Any:
            return self._fields()[index]  # pylint: disable=protected-access

        def setter(self: LazyParseResult, value: Any) -> None:
            self._fields()[index] = value  # pylint: disable=protected-access

        return property(getter, setter)

    ast = _get(0)
    comments = _get(1)
    annotations = _get(2)
    del _get

    @property  # type: ignore[override]
    def tokens(self) -> list[Token]:
        if self._token_data is not None:
            with collector_paused():
                self._tokens = _tokens_from_columns(pickle.loads(self._token_data), self._name)
            self._token_data = None
        return self._tokens

    @tokens.setter
    def tokens(self, value: list[Token]) -> None:
        self._token_data = None
        self._tokens = value


@functools.cache
def _results_version() -> str:
    """A hash of the grammar and of the code that shapes a ``ParseResult`` (this package and
    the shared position, diagnostic and value-constant modules): a change to any of them (a new
    AST field, a new check) must not serve results made by the old code. Read from the source files,
    without importing the parser."""
    digest = hashlib.sha256(grammar_hash().encode())
    package = Path(__file__).resolve().parent
    shared = ("source.py", "diagnostics.py", "values.py")
    sources = [*sorted(package.glob("*.py")), *(package.parent / name for name in shared)]
    try:
        for source in sources:
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    except OSError:
        digest.update(panc.__version__.encode())  # no sources (zip import): the release
    return digest.hexdigest()


_DEFAULT: dict[Path, ParseCache] = {}
_DEFAULT_LOCK = threading.Lock()


def default_cache() -> ParseCache:
    """The process-wide cache for the current ``$XDG_CACHE_HOME``."""
    directory = cache_directory()
    with _DEFAULT_LOCK:
        cache = _DEFAULT.get(directory)
        if cache is None:
            cache = _DEFAULT[directory] = ParseCache(directory)
        return cache


def parse_cached(text: str, name: str) -> ParseResult:
    """``parse(text, name)`` through the default cache."""
    return default_cache().parse(text, name)
