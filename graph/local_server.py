"""Start, stop and inspect a local Neo4j 5.26 Community server built from Maven Central artifacts.

No Docker and no tarball: Maven resolves `graph/local/pom.xml` into the user's cache (~/.m2), and the
JVM runs `graph/local/Launcher.java` on that classpath (compiled once and cached, no build step), with a home folder
under the state dir (`.duikou/neo4j/{conf,data,logs,run}`) so the data survives restarts.

The server listens on loopback only and runs with auth disabled: any user/password is accepted, so the
driver's basic auth from the settings works unchanged. Never expose these ports beyond 127.0.0.1.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path

import neo4j
from neo4j.exceptions import AuthError, DriverError, Neo4jError

from duikou.settings import LOCAL_BOLT_PORT, LOCAL_HTTP_PORT, Settings

LOCAL_DIR = Path(__file__).parent / "local"
POM = LOCAL_DIR / "pom.xml"
LAUNCHER = LOCAL_DIR / "Launcher.java"
MIN_JAVA = 17
ALTERNATIVES = (
    "Other ways to get a Neo4j: install a JDK 17+ (e.g. `apt-get install openjdk-17-jdk-headless`) and Maven, "
    "run Neo4j in Docker with `docker compose up` (docker-compose.yml), "
    "or point NEO4J_URI at an existing Neo4j 5 server."
)
# The JVM flags of Neo4j 5's own neo4j.conf, minus -XX:+AlwaysPreTouch (it would commit the whole heap
# up front, which a small dev box does not want).
NEO4J_JVM_FLAGS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-XX:+ExitOnOutOfMemoryError",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dlog4j.layout.jsonTemplate.maxStringLength=32768",
)


# Extra JVM flags for the server `duikou neo4j start` runs, e.g. "-Xmx2g" for a big load or
# FAST_START_JVM_OPTIONS for a short-lived one.
JVM_OPTIONS_ENV = "DUIKOU_NEO4J_JVM_OPTS"
# C1 only: half the CPU to start (about 6 s instead of 12 s of CPU), slower on long heavy queries.
FAST_START_JVM_OPTIONS = ("-XX:TieredStopAtLevel=1",)


class LocalServerError(RuntimeError):
    """A problem the user can fix; the message says how (printed without a stack trace)."""


@dataclass(frozen=True)
class ServerSpec:
    """Where and how a local server runs: its home folder, loopback ports and memory."""

    home: Path
    bolt_port: int = LOCAL_BOLT_PORT
    http_port: int = LOCAL_HTTP_PORT
    heap: str = "512m"
    pagecache: str = "256m"
    classpath_cache: Path | None = None  # folder for the resolved classpath; defaults to home
    owner_pid: int | None = None  # the server exits when this process does (test sessions)
    jvm_options: tuple[str, ...] = ()  # extra JVM flags, after the defaults so they win (-Xmx2g)

    def __post_init__(self) -> None:
        # Absolute from here on: the JVM runs with the home as its working directory.
        object.__setattr__(self, "home", self.home.resolve())
        if self.classpath_cache is not None:
            object.__setattr__(self, "classpath_cache", self.classpath_cache.resolve())

    @classmethod
    def from_settings(cls, settings: Settings) -> ServerSpec:
        """The demo server: `<state_dir>/neo4j` on the configured ports."""
        return cls(
            home=settings.state_dir / "neo4j",
            bolt_port=settings.neo4j_bolt_port,
            http_port=settings.neo4j_http_port,
            classpath_cache=settings.state_dir,
            jvm_options=tuple(shlex.split(os.environ.get(JVM_OPTIONS_ENV, ""))),
        )

    @property
    def state_file(self) -> Path:
        return self.home / "run" / "duikou-neo4j.json"

    @property
    def console_log(self) -> Path:
        return self.home / "logs" / "console.log"


@dataclass(frozen=True)
class RunningServer:
    """A live local server, as recorded in its state file."""

    pid: int
    home: Path
    bolt_port: int
    http_port: int

    @property
    def uri(self) -> str:
        return f"bolt://127.0.0.1:{self.bolt_port}"

    @property
    def http_url(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def browser_url(self) -> str:
        return f"{self.http_url}/browser/"


def status(spec: ServerSpec) -> RunningServer | None:
    """The server running from `spec.home`, or None (a stale state file is removed)."""
    try:
        data = json.loads(spec.state_file.read_text())
    except (OSError, ValueError):
        return None
    server = RunningServer(int(data["pid"]), spec.home, int(data["bolt_port"]), int(data["http_port"]))
    if _is_our_server(server.pid, spec.home):
        return server
    spec.state_file.unlink(missing_ok=True)
    return None


def start(
    spec: ServerSpec, timeout: float = 180.0, say: Callable[[str], object] = lambda _: None
) -> tuple[RunningServer, bool]:
    """Start the server detached unless it already runs; returns it and whether it was started now.

    `say` receives progress lines (the CLI prints them)."""
    spec.home.mkdir(parents=True, exist_ok=True)
    with _lock(spec):
        running = status(spec)
        if running is not None:
            return running, False
        java = find_java()
        classpath = resolve_classpath(spec.classpath_cache or spec.home, say)
        for port in (spec.bolt_port, spec.http_port):
            if not port_is_free(port):
                raise LocalServerError(
                    f"Port {port} on 127.0.0.1 is taken by another program, so the local Neo4j cannot start. "
                    "Stop that program, choose other ports with NEO4J_BOLT_PORT / NEO4J_HTTP_PORT, "
                    f"or use that server if it is a Neo4j 5 (set NEO4J_URI). {ALTERNATIVES}"
                )
        conf = _write_conf(spec)
        spec.console_log.parent.mkdir(parents=True, exist_ok=True)
        with spec.console_log.open("ab") as log:
            process = subprocess.Popen(
                [java, f"-Xmx{spec.heap}", f"-Dduikou.neo4j.home={spec.home.resolve()}", *NEO4J_JVM_FLAGS]
                + list(spec.jvm_options)
                + _launcher_command(java, classpath, spec.classpath_cache or spec.home)
                + [str(spec.home.resolve()), str(conf)]
                + ([str(spec.owner_pid)] if spec.owner_pid else []),
                cwd=spec.home,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # detached: survives the command that started it, no Ctrl-C
            )
        server = RunningServer(process.pid, spec.home, spec.bolt_port, spec.http_port)
        say(f"Neo4j is starting (pid {server.pid}); waiting for {server.uri} …")
        spec.state_file.parent.mkdir(parents=True, exist_ok=True)
        spec.state_file.write_text(
            json.dumps({"pid": process.pid, "bolt_port": spec.bolt_port, "http_port": spec.http_port})
        )
        try:
            _wait_until_ready(server, process, spec, timeout)
        except BaseException:
            _terminate(server.pid, grace=10.0)
            spec.state_file.unlink(missing_ok=True)
            raise
        return server, True


def stop(spec: ServerSpec, grace: float = 30.0) -> RunningServer | None:
    """Stop the server cleanly (SIGTERM, then SIGKILL after `grace` seconds); returns what was stopped."""
    with _lock(spec):
        running = status(spec)
        if running is None:
            return None
        _terminate(running.pid, grace)
        spec.state_file.unlink(missing_ok=True)
        return running


def ensure_running(settings: Settings) -> RunningServer | None:
    """Start the local server when the settings use it (no NEO4J_URI); None for an external server."""
    if not settings.uses_local_neo4j:
        return None
    server, _ = start(ServerSpec.from_settings(settings))
    if server.bolt_port != settings.neo4j_bolt_port:
        raise LocalServerError(
            f"The local Neo4j already runs with Bolt on port {server.bolt_port}, but the settings ask for "
            f"{settings.neo4j_bolt_port}: run `duikou neo4j stop` first, or unset NEO4J_BOLT_PORT."
        )
    return server


def find_java() -> str:
    """The `java` to use ($JAVA_HOME first, then PATH); fails clearly when missing or older than 17."""
    java_home = os.environ.get("JAVA_HOME")
    candidates = [str(Path(java_home) / "bin" / "java")] if java_home else []
    candidates += [found for found in [shutil.which("java")] if found]
    for java in candidates:
        try:
            out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=30).stderr
        except OSError:
            continue
        match = re.search(r'version "(\d+)(?:\.(\d+))?', out)
        if match:
            major = int(match.group(2)) if match.group(1) == "1" else int(match.group(1))
            if major >= MIN_JAVA:
                return java
            raise LocalServerError(
                f"Java {major} found at {java}, but Neo4j 5.26 needs Java 17+. {ALTERNATIVES}"
            )
    raise LocalServerError(
        f"No Java found (JAVA_HOME or `java` on PATH); Neo4j 5.26 needs Java 17+. {ALTERNATIVES}"
    )


def resolve_classpath(cache_dir: Path, say: Callable[[str], object] = lambda _: None) -> str:
    """The server's classpath: cached by the pom's hash, else resolved by Maven into ~/.m2."""
    digest = hashlib.sha256(POM.read_bytes()).hexdigest()[:16]
    cached = cache_dir / f"neo4j-classpath-{digest}.txt"
    if cached.exists():
        classpath = cached.read_text().strip()
        if classpath and all(Path(jar).exists() for jar in classpath.split(os.pathsep)):
            return classpath
    mvn = shutil.which("mvn")
    if mvn is None:
        raise LocalServerError(
            f"Maven (`mvn`) is not on PATH; it fetches Neo4j from Maven Central. {ALTERNATIVES}"
        )
    say("Resolving Neo4j from Maven Central into ~/.m2 (once; about 170 MB when the cache is empty) …")
    cache_dir.mkdir(parents=True, exist_ok=True)
    partial = cached.with_suffix(f".{os.getpid()}.part")
    command = [mvn, "-q", "-B", "-f", str(POM), "dependency:build-classpath"]
    command += [f"-Dmdep.outputFile={partial.resolve()}", "-Dmdep.includeScope=runtime"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0 or not partial.exists():
        tail = "\n".join((result.stdout + result.stderr).strip().splitlines()[-15:])
        partial.unlink(missing_ok=True)
        raise LocalServerError(
            f"Maven could not resolve Neo4j from Maven Central (is it reachable?):\n{tail}\n{ALTERNATIVES}"
        )
    os.replace(partial, cached)  # atomic: concurrent starts never read half a file
    return cached.read_text().strip()


def _launcher_command(java: str, classpath: str, cache_dir: Path) -> list[str]:
    """Run Launcher.java from a cached compiled copy when javac is at hand (saves 1-3 s a start:
    single-file source launch compiles against all 200 jars every time), else as a source file."""
    digest = hashlib.sha256(LAUNCHER.read_bytes() + classpath.encode()).hexdigest()[:16]
    classes = cache_dir / f"neo4j-launcher-{digest}"
    javac = Path(java).resolve().parent / "javac"
    if not (classes / "Launcher.class").exists() and javac.exists():
        partial = cache_dir / f"neo4j-launcher-{digest}.{os.getpid()}.part"
        shutil.rmtree(partial, ignore_errors=True)
        compiled = subprocess.run(
            [str(javac), "-cp", classpath, "-d", str(partial), str(LAUNCHER)], capture_output=True
        )
        if compiled.returncode == 0:
            with suppress(OSError):  # a concurrent start may have won the race; its copy is as good
                partial.rename(classes)
        shutil.rmtree(partial, ignore_errors=True)
    if (classes / "Launcher.class").exists():
        return ["-cp", f"{classes.resolve()}{os.pathsep}{classpath}", "Launcher"]
    return ["-cp", classpath, str(LAUNCHER)]


def port_is_free(port: int) -> bool:
    """True when nothing listens on 127.0.0.1:`port`."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _write_conf(spec: ServerSpec) -> Path:
    home = spec.home.resolve()
    settings = {
        "server.default_listen_address": "127.0.0.1",
        "server.default_advertised_address": "127.0.0.1",
        "server.bolt.listen_address": f"127.0.0.1:{spec.bolt_port}",
        "server.bolt.advertised_address": f"127.0.0.1:{spec.bolt_port}",  # Browser connects here
        "server.http.listen_address": f"127.0.0.1:{spec.http_port}",
        "server.http.advertised_address": f"127.0.0.1:{spec.http_port}",
        "server.https.enabled": "false",
        "dbms.security.auth_enabled": "false",  # loopback-only dev server, see the module docstring
        "server.directories.data": str(home / "data"),
        "server.directories.logs": str(home / "logs"),
        "server.directories.run": str(home / "run"),
        "server.directories.import": str(home / "import"),
        "server.memory.pagecache.size": spec.pagecache,
        "dbms.usage_report.enabled": "false",
        "db.tx_log.rotation.retention_policy": "100M size",
        # Netty's graceful shutdown otherwise waits 2 x 5 s on every stop.
        "internal.server.bolt.thread_pool_shutdown_wait_time": "1s",
    }
    conf = spec.home / "conf" / "neo4j.conf"
    conf.parent.mkdir(parents=True, exist_ok=True)
    conf.write_text(
        "# Written by duikou (graph/local_server.py) at every start.\n"
        + "".join(f"{k}={v}\n" for k, v in settings.items())
    )
    return conf


def _wait_until_ready(
    server: RunningServer, process: subprocess.Popen[bytes], spec: ServerSpec, timeout: float
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise LocalServerError(
                f"Neo4j exited during start (status {process.returncode}). Last lines of {spec.console_log}:\n"
                f"{_tail(spec.console_log)}\n{ALTERNATIVES}"
            )
        if _bolt_answers(server.uri) and _http_answers(server.http_url):
            return
        time.sleep(0.5)
    raise LocalServerError(
        f"Neo4j did not answer on {server.uri} within {timeout:.0f} s; see {spec.console_log}:\n{_tail(spec.console_log)}"
    )


def _bolt_answers(uri: str) -> bool:
    try:
        with neo4j.GraphDatabase.driver(uri, auth=("neo4j", "unused"), connection_timeout=2) as driver:
            driver.verify_connectivity()
        return True
    except AuthError as error:  # only when our neo4j.conf was not applied
        raise LocalServerError(
            f"Neo4j started with authentication on, so its config was not applied: {error}"
        ) from None
    except (DriverError, Neo4jError, OSError):
        return False


def _http_answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except OSError:
        return False


def _terminate(pid: int, grace: float) -> None:
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    while _alive(pid):
        if time.monotonic() > deadline:
            with suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
            deadline = time.monotonic() + 10
        time.sleep(0.1)


def _alive(pid: int) -> bool:
    with suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reap it when it is our own child (the test fixture's case)
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")  # a zombie is dead


def _is_our_server(pid: int, home: Path) -> bool:
    """Guards against pid reuse: the process must be the JVM started for this very home folder."""
    if not _alive(pid):
        return False
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    return f"-Dduikou.neo4j.home={home.resolve()}".encode() in cmdline


def _tail(path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


@contextmanager
def _lock(spec: ServerSpec) -> Iterator[None]:
    """One start/stop at a time per home folder (two `start`s at once must not race)."""
    spec.home.mkdir(parents=True, exist_ok=True)
    with (spec.home / ".lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)
