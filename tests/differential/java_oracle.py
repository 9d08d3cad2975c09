"""The Java panc (``../shared/oracle/java-panc``) as a long-lived server, and our panc beside it.

``JavaOracle.run(argv)`` returns what ``panc ARGV`` exits with and prints, as the Java panc 10.9
does it, from one JVM kept running (``oracle_server.clj``): the JVM's start-up (about 1 s) is paid
once for thousands of compilations. ``run_ours(argv)`` does the same with this project's panc,
in this process. Both take absolute paths (the JVM's working directory is fixed).

``oracle_unavailable()`` says why the oracle cannot run here (``None`` when it can): tests skip
with that reason.
"""

from __future__ import annotations

import io
import json
import os
import resource
import select
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPOSITORY = Path(__file__).resolve().parents[2]
ORACLE_DIR = Path(os.environ.get("PAN_TOOLS_ORACLE", REPOSITORY.parent / "shared" / "oracle" / "java-panc"))
SERVER_SCRIPT = Path(__file__).resolve().with_name("oracle_server.clj")
DEBIAN_JARS = Path("/usr/share/java")
# the jars the oracle's panc script puts on its class path (Debian packages)
DEPENDENCIES = (
    "commons-lang3",
    "gson",
    "ant",
    "jcip-annotations",
    "clojure",
    "spec.alpha",
    "core.specs.alpha",
    "tools.cli",
)


@dataclass(frozen=True)
class PancRun:
    """What one panc command did: exit code, standard output, standard error."""

    rc: int
    stdout: str
    stderr: str


def _oracle_jar() -> Path | None:
    jars = sorted(ORACLE_DIR.glob("panc-*.jar"))
    return jars[0] if jars else None


def oracle_unavailable() -> str | None:
    """Why the Java oracle cannot run on this machine, or ``None`` when it can."""
    if _oracle_jar() is None:
        return f"the Java panc oracle is not in {ORACLE_DIR}"
    if shutil.which("java") is None:
        return "java is not installed"
    missing = [name for name in DEPENDENCIES if not (DEBIAN_JARS / f"{name}.jar").exists()]
    if missing:
        return f"the oracle's Debian packages are missing ({', '.join(missing)}.jar); see .ci/run"
    return None


class OracleError(RuntimeError):
    """The oracle server died or answered something unreadable."""


JAVA_HEAP = "1g"
"""The JVM's heap: the corpora need about 300 MB; a runaway program fails instead of eating the
machine's memory (the default is a quarter of it)."""


def _lift_address_space_limit() -> None:
    """In the JVM's process: no address-space limit (tools/differential.py limits its own, for
    our panc; the JVM reserves far more address space than it uses)."""
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))


TIMEOUT_RC = -2
"""The exit code reported for a compilation that did not end in time."""
TIME_LIMIT_SECONDS = 30


def timeout_run(seconds: float) -> PancRun:
    """What a compilation that did not end within ``seconds`` is reported as (for both compilers)."""
    return PancRun(TIMEOUT_RC, f"TIMEOUT: more than {seconds:g} s\n", "")


class JavaOracle:
    """One JVM running ``oracle_server.clj``; use as a context manager.

    A compilation that takes longer than ``time_limit`` seconds (the Java panc has no limit on
    ``foreach``, a loop over a list that grows never ends) is reported with ``TIMEOUT_RC``, and
    the JVM is replaced by a new one.
    """

    def __init__(self, time_limit: float = TIME_LIMIT_SECONDS) -> None:
        reason = oracle_unavailable()
        if reason:
            raise OracleError(reason)
        self.time_limit = time_limit
        self._start()

    def _start(self) -> None:
        jar = _oracle_jar()
        classpath = os.pathsep.join([str(jar), *(str(DEBIAN_JARS / f"{name}.jar") for name in DEPENDENCIES)])
        java = os.environ.get("JAVA_HOME")
        executable = str(Path(java) / "bin" / "java") if java else "java"
        # the JVM's own complaints (not panc's output, which the server captures) go to a file: a
        # pipe nobody reads could fill up and block it
        self._log = tempfile.TemporaryFile(mode="w+", encoding="utf-8")  # noqa: SIM115  (closed by close())
        self._process = subprocess.Popen(  # pylint: disable=consider-using-with
            [executable, f"-Xmx{JAVA_HEAP}", "-cp", classpath, "clojure.main", str(SERVER_SCRIPT)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
            encoding="utf-8",
            cwd="/",
            preexec_fn=_lift_address_space_limit,
        )
        self._read_answer()  # {"ready": true} once the namespaces are loaded

    def _read_answer(self, time_limit: float | None = None) -> dict[str, object] | None:
        """The next answer; ``None`` if none came within ``time_limit`` seconds."""
        assert self._process.stdout is not None
        if time_limit is not None:
            ready, _, _ = select.select([self._process.stdout], [], [], time_limit)
            if not ready:
                return None
        line = self._process.stdout.readline()
        if not line:
            self._log.seek(0)
            raise OracleError("the oracle server stopped: " + self._log.read()[-2000:])
        try:
            answer = json.loads(line)
        except json.JSONDecodeError as error:
            raise OracleError(f"unreadable answer from the oracle server: {line[:200]!r}") from error
        assert isinstance(answer, dict)
        return answer

    def run(self, argv: Sequence[str]) -> PancRun:
        """``panc ARGV`` in the Java compiler."""
        assert self._process.stdin is not None
        self._process.stdin.write(json.dumps(list(argv)) + "\n")
        self._process.stdin.flush()
        answer = self._read_answer(self.time_limit)
        if answer is None:
            self._process.kill()
            self.close()
            self._start()
            return timeout_run(self.time_limit)
        return PancRun(int(answer["rc"]), str(answer["stdout"]), str(answer["stderr"]))  # type: ignore[call-overload]

    def close(self) -> None:
        if self._process.poll() is None:
            assert self._process.stdin is not None
            self._process.stdin.close()
            try:
                self._process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._log.close()

    def __enter__(self) -> JavaOracle:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def run_ours(argv: Sequence[str]) -> PancRun:
    """``panc ARGV`` with this project's compiler, in this process; what it printed as its
    console (``panc.cli.main``) would print it."""
    from panc.cli import run  # pylint: disable=import-outside-toplevel
    from panc.javatext import as_console_prints  # pylint: disable=import-outside-toplevel

    stdout, stderr = io.StringIO(), io.StringIO()
    rc = run(list(argv), stdout, stderr)
    printed = [as_console_prints(s.getvalue()) for s in (stdout, stderr)]
    return PancRun(rc, *printed)
