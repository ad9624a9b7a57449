"""
Load-test the public pages under gunicorn with production settings: python -m bench.run.

Steps: make sure wrk is there; create the PostgreSQL database if missing; migrate; generate
the articles unless they are already there; collectstatic into a temporary folder; count the
SQL queries of each page in-process; start gunicorn on a free loopback port; run wrk against
the home page and an article page; print a table; save the results as JSON in bench/results/.
Gunicorn is always stopped, whatever happens.
"""

import argparse
import json
import os
import platform
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from bench import generate

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
RESULTS_DIR = BENCH_DIR / "results"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/newsroom_bench"
SECRET_KEY = "bench-only-secret-key-never-used-in-production-6f1c9a4e2b7d8053"
HOST = "127.0.0.1"
READY_TIMEOUT = 30.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")

# Counts responses outside 2xx exactly (wrk itself only counts >= 400) and prints the
# numbers the harness needs as one JSON line, latencies in microseconds.
WRK_SCRIPT = """
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  non2xx = 0
end

function response(status, headers, body)
  if status < 200 or status > 299 then
    non2xx = non2xx + 1
  end
end

function done(summary, latency, requests)
  local non2xx_total = 0
  for _, thread in ipairs(threads) do
    non2xx_total = non2xx_total + thread:get("non2xx")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests": %d, "duration_us": %d, "non2xx": %d, "socket_errors": %d, '
    .. '"p50_us": %d, "p90_us": %d, "p99_us": %d, "mean_us": %d, "max_us": %d}\\n',
    summary.requests, summary.duration, non2xx_total,
    e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.mean, latency.max))
end
"""


@dataclass(frozen=True)
class Workers:
    """A gunicorn worker set-up."""

    worker_class: str
    workers: int
    threads: int = 1

    @property
    def label(self) -> str:
        if self.worker_class == "gthread":
            return f"gthread {self.workers}x{self.threads}"
        return f"{self.worker_class} x{self.workers}"


@dataclass
class PageResult:
    page: str
    path: str
    workers: str
    requests_per_second: float
    p50_ms: float
    p90_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float
    requests: int
    non_2xx: int
    socket_errors: int
    queries: int
    app_ms_per_request: float
    db_ms_per_request: float
    wrk_ms_per_request: float
    machine_busy_percent: float | None
    other_percent: float | None


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def cpu_count() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


# CPU accounting (Linux /proc): who used the CPUs during a run
# ------------------------------------------------------------------------------


def cpu_times() -> tuple[int, int] | None:
    """(busy, total) clock ticks of all CPUs since boot, where /proc/stat exists."""
    try:
        first_line = Path("/proc/stat").read_text().split("\n", 1)[0]
        # user nice system idle iowait irq softirq steal (guest time is inside user).
        fields = [int(value) for value in first_line.split()[1:9]]
    except (OSError, ValueError):
        return None
    idle = fields[3] + fields[4]
    return sum(fields) - idle, sum(fields)


def busy_percent(before: tuple[int, int] | None, after: tuple[int, int] | None) -> float | None:
    if before is None or after is None or after[1] == before[1]:
        return None
    return round(100 * (after[0] - before[0]) / (after[1] - before[1]), 1)


def process_stat(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (state first), if readable."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None


def process_cpu(pids: set[int]) -> dict[int, float]:
    """CPU seconds (user + system) each process has used so far."""
    used = {}
    for pid in pids:
        fields = process_stat(pid)
        if fields:
            used[pid] = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
    return used


def process_tree(root: int) -> set[int]:
    """A process and its direct children (gunicorn's master and workers)."""
    pids = {root}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = process_stat(int(entry.name))
            if fields and int(fields[1]) == root:
                pids.add(int(entry.name))
    return pids


def database_backends() -> set[int]:
    """The PostgreSQL server processes serving the benchmark database, when it is local."""
    from django.db import connection

    if connection.vendor != "postgresql" or not Path("/proc").exists():
        return set()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        pids = {row[0] for row in cursor.fetchall()}
    connection.close()
    return pids


@dataclass
class CpuSnapshot:
    machine: tuple[int, int] | None
    app: dict[int, float]
    database: dict[int, float]
    load: float


def children_cpu() -> float:
    """CPU seconds of the finished child processes (wrk)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def snapshot(server_pid: int) -> CpuSnapshot:
    return CpuSnapshot(
        machine=cpu_times(),
        app=process_cpu(process_tree(server_pid)),
        database=process_cpu(database_backends()),
        load=children_cpu(),
    )


def spent(before: dict[int, float], after: dict[int, float]) -> float:
    return sum(seconds - before.get(pid, 0.0) for pid, seconds in after.items())


def cpu_report(before: CpuSnapshot, after: CpuSnapshot, requests: int) -> dict:
    """Where the CPU went during a run: per request for us, as a share for the rest."""
    app = spent(before.app, after.app)
    database = spent(before.database, after.database)
    load = after.load - before.load
    report = {
        "app_ms_per_request": round(1000 * app / max(requests, 1), 2),
        "db_ms_per_request": round(1000 * database / max(requests, 1), 2),
        "wrk_ms_per_request": round(1000 * load / max(requests, 1), 2),
        "machine_busy_percent": busy_percent(before.machine, after.machine),
        "other_percent": None,
    }
    if before.machine and after.machine:
        capacity = (after.machine[1] - before.machine[1]) / CLOCK_TICKS
        busy = (after.machine[0] - before.machine[0]) / CLOCK_TICKS
        other = max(busy - app - database - load, 0.0)
        report["other_percent"] = round(100 * other / capacity, 1) if capacity else None
    return report


# Machine check, options
# ------------------------------------------------------------------------------


def check_quiet(seconds: float = 2.0) -> float | None:
    """How busy the machine is before the benchmark; warn when something else is running."""
    before = cpu_times()
    time.sleep(seconds)
    busy = busy_percent(before, cpu_times())
    if busy is not None and busy > 10:
        say(
            f"Warning: the CPUs are {busy:.0f}% busy before the benchmark starts; other "
            "processes will lower the numbers."
        )
    return busy


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    cores = cpu_count()
    parser = argparse.ArgumentParser(
        prog="python -m bench.run",
        description="Benchmark the home and article pages under gunicorn with wrk.",
    )
    parser.add_argument("--articles", type=int, default=2000, help="articles to generate")
    parser.add_argument(
        "--comments",
        type=int,
        default=5000,
        help="approved comments, on the newest tenth of the articles (default 5000)",
    )
    parser.add_argument(
        "--regenerate",
        action="store_true",
        help="delete the generated content and generate it again",
    )
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument(
        "--worker-class",
        choices=["sync", "gthread", "both"],
        default="gthread",
        help="gunicorn worker class; 'both' benchmarks each (default: gthread)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        help=f"gunicorn worker processes (default: 2 x cores + 1 = {2 * cores + 1})",
    )
    parser.add_argument(
        "--threads", type=int, default=2, help="threads per gthread worker (default 2)"
    )
    parser.add_argument("--duration", type=int, default=15, help="seconds per page")
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per page")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections")
    parser.add_argument("--wrk-threads", type=int, default=2, help="wrk threads")
    return parser.parse_args(argv)


def worker_setups(args: argparse.Namespace) -> list[Workers]:
    workers = args.workers or 2 * cpu_count() + 1
    classes = ["sync", "gthread"] if args.worker_class == "both" else [args.worker_class]
    return [Workers(name, workers, args.threads if name == "gthread" else 1) for name in classes]


# wrk
# ------------------------------------------------------------------------------


def install_command() -> list[str] | None:
    if not shutil.which("apt-get"):
        return None
    if os.geteuid() == 0:
        return []
    if shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"], check=False).returncode == 0:
        return ["sudo", "-n"]
    return None


def ensure_wrk() -> str:
    """The path of wrk, installing Debian's package when possible; exit with advice if not."""
    found = shutil.which("wrk")
    if found:
        return found
    prefix = install_command()
    if prefix is not None:
        say("wrk is missing: installing it with apt-get.")
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run([*prefix, "apt-get", "update", "-qq"], env=env, check=False)
        subprocess.run([*prefix, "apt-get", "install", "-y", "-qq", "wrk"], env=env, check=False)
        found = shutil.which("wrk")
        if found:
            return found
    raise SystemExit(
        "The benchmark needs wrk (the HTTP load generator) and it is not installed; it "
        "could not be installed automatically.\n"
        "Install it (Debian/Ubuntu: 'sudo apt-get install wrk'; macOS: 'brew install wrk') "
        "and run 'make bench' again."
    )


def run_wrk(wrk: str, url: str, args: argparse.Namespace, script: Path, seconds: int) -> dict:
    command = [
        wrk,
        f"-t{args.wrk_threads}",
        f"-c{args.connections}",
        f"-d{seconds}s",
        "--latency",
        "-s",
        str(script),
        url,
    ]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"wrk failed ({completed.returncode}): {completed.stderr.strip()}")
    return parse_wrk(completed.stdout)


def parse_wrk(output: str) -> dict:
    """The numbers of the BENCH_RESULT line that WRK_SCRIPT prints, plus wrk's own text."""
    for line in output.splitlines():
        if line.startswith("BENCH_RESULT "):
            result = json.loads(line.removeprefix("BENCH_RESULT "))
            result["output"] = output
            return result
    raise RuntimeError(f"wrk printed no result line:\n{output}")


# Database, data, static files
# ------------------------------------------------------------------------------


def bench_environment(database_url: str, static_root: Path) -> dict[str, str]:
    """Production settings over plain HTTP on loopback."""
    media_root = Path(tempfile.gettempdir()) / "newsroom-bench-media"
    return {
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DJANGO_SECRET_KEY": SECRET_KEY,
        "DJANGO_DEBUG": "0",
        "DJANGO_HTTPS": "0",
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DATABASE_URL": database_url,
        "DJANGO_STATIC_ROOT": str(static_root),
        "DJANGO_STATIC_FINDERS": "0",
        "DJANGO_SERVE_MEDIA": "0",
        # Keep the generated images' files between runs, as the rows are kept.
        "DJANGO_MEDIA_ROOT": os.environ.get("DJANGO_MEDIA_ROOT", str(media_root)),
    }


def ensure_database(database_url: str) -> None:
    """Create the PostgreSQL database named in the URL if it does not exist."""
    parts = urlsplit(database_url)
    if parts.scheme not in {"postgres", "postgresql", "pgsql"}:
        return
    import psycopg
    from psycopg import sql

    name = parts.path.lstrip("/")
    maintenance = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not exists:
            say(f"Creating database {name}.")
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def prepare_site(args: argparse.Namespace) -> None:
    """Migrate, generate the articles unless present, collect the static files."""
    from django.core.management import call_command

    say("Migrating.")
    call_command("migrate", interactive=False, verbosity=0)
    present = (generate.generated_count(), generate.generated_comment_count())
    if args.regenerate or present != (args.articles, args.comments):
        say(
            f"Generating {args.articles} articles and {args.comments} comments "
            f"({present[0]} and {present[1]} there now)."
        )
        result = generate.generate(args.articles, comments=args.comments, reset_first=True)
        say(f"Generated in {result['seconds']} s.")
    else:
        say(f"Using the {present[0]} generated articles and {present[1]} comments there.")
    generate.ensure_showcase()
    call_command("collectstatic", interactive=False, verbosity=0)


def bench_pages() -> list[tuple[str, str]]:
    """The home page, and the showcase article (generate.SHOWCASE_SLUG) or else the newest
    generated article with a featured image, tags and, when there are any, comments."""
    from django.db.models import Count, Exists, OuterRef

    from articles.models import Article
    from comments.models import Comment

    showcase = Article.objects.published().filter(slug=generate.SHOWCASE_SLUG).first()
    if showcase is not None:
        return [("home", "/"), ("article", showcase.get_absolute_url())]
    candidates = (
        Article.objects.published()
        .filter(featured_image__isnull=False)
        .annotate(tag_count=Count("tags"))
        .filter(tag_count__gte=2)
        # Aggregating drops Meta.ordering: say which one is wanted.
        .order_by("-published_at", "-pk")
    )
    commented = candidates.filter(Exists(Comment.objects.approved().filter(article=OuterRef("pk"))))
    generated = candidates.filter(slug__startswith=generate.PREFIX)
    article = (
        commented.filter(slug__startswith=generate.PREFIX).first()
        or generated.first()
        or candidates.first()
    )
    if article is None:
        raise RuntimeError("No published article with a featured image and tags to benchmark.")
    return [("home", "/"), ("article", article.get_absolute_url())]


def count_queries(pages: list[tuple[str, str]]) -> dict[str, list[str]]:
    """The SQL each page runs once warm, measured in-process with Django's test client."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    queries = {}
    for name, path in pages:
        client.get(path)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code} in-process")
        queries[name] = [query["sql"] for query in captured.captured_queries]
    return queries


# Gunicorn
# ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def http_status(url: str) -> int | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


def wait_until_ready(process: subprocess.Popen, url: str, log: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited with {process.returncode}:\n{tail(log)}")
        if http_status(url) == 200:
            return
        time.sleep(0.25)
    raise RuntimeError(f"gunicorn did not answer {url} within {READY_TIMEOUT:.0f} s:\n{tail(log)}")


def tail(path: Path, lines: int = 30) -> str:
    try:
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def stop(process: subprocess.Popen) -> None:
    """Graceful stop of the master and its workers; kill the process group if it lingers."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@dataclass
class Server:
    url: str
    pid: int
    log: Path


@contextmanager
def gunicorn(
    setup: Workers, env: dict[str, str], workdir: Path, port: int | None = None
) -> Iterator[Server]:
    """A running gunicorn for the block (on `port`, or a free one); always stopped afterwards."""
    port = port or free_port()
    log = workdir / f"gunicorn-{setup.worker_class}.log"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "newsroom.wsgi:application",
        f"--bind={HOST}:{port}",
        f"--worker-class={setup.worker_class}",
        f"--workers={setup.workers}",
        f"--threads={setup.threads}",
        "--log-level=warning",
        "--graceful-timeout=5",
        f"--chdir={REPO_ROOT}",
    ]
    with log.open("w") as output:
        process = subprocess.Popen(
            command,
            env={**os.environ, **env},
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        base = f"http://{HOST}:{port}"
        wait_until_ready(process, base + "/", log)
        yield Server(base, process.pid, log)
    finally:
        stop(process)


# Running and reporting
# ------------------------------------------------------------------------------


def bench_setup(
    setup: Workers,
    pages: list[tuple[str, str]],
    queries: dict[str, list[str]],
    context: dict,
) -> list[PageResult]:
    args, wrk, workdir, script = (context[key] for key in ("args", "wrk", "workdir", "script"))
    results = []
    say(f"Starting gunicorn ({setup.label}).")
    with gunicorn(setup, context["env"], workdir) as server:
        for name, path in pages:
            url = server.url + path
            status = http_status(url)
            if status != 200:
                raise RuntimeError(f"{url} answered {status}, not 200:\n{tail(server.log)}")
            run_wrk(wrk, url, args, script, args.warmup)
            say(f"  {name}: {args.duration} s of wrk on {path}")
            before = snapshot(server.pid)
            raw = run_wrk(wrk, url, args, script, args.duration)
            raw |= cpu_report(before, snapshot(server.pid), raw["requests"])
            results.append(page_result(name, path, setup, raw, len(queries[name])))
    return results


def page_result(name: str, path: str, setup: Workers, raw: dict, queries: int) -> PageResult:
    seconds = raw["duration_us"] / 1_000_000
    return PageResult(
        page=name,
        path=path,
        workers=setup.label,
        requests_per_second=round(raw["requests"] / seconds, 1),
        p50_ms=raw["p50_us"] / 1000,
        p90_ms=raw["p90_us"] / 1000,
        p99_ms=raw["p99_us"] / 1000,
        mean_ms=raw["mean_us"] / 1000,
        max_ms=raw["max_us"] / 1000,
        requests=raw["requests"],
        non_2xx=raw["non2xx"],
        socket_errors=raw["socket_errors"],
        queries=queries,
        app_ms_per_request=raw["app_ms_per_request"],
        db_ms_per_request=raw["db_ms_per_request"],
        wrk_ms_per_request=raw["wrk_ms_per_request"],
        machine_busy_percent=raw["machine_busy_percent"],
        other_percent=raw["other_percent"],
    )


def table(results: list[PageResult]) -> str:
    header = (
        "page",
        "workers",
        "req/s",
        "p50 ms",
        "p99 ms",
        "non-2xx",
        "errors",
        "queries",
        "app cpu ms/req",
        "db cpu ms/req",
        "others' cpu",
    )
    rows = [
        (
            r.page,
            r.workers,
            f"{r.requests_per_second:.1f}",
            f"{r.p50_ms:.1f}",
            f"{r.p99_ms:.1f}",
            str(r.non_2xx),
            str(r.socket_errors),
            str(r.queries),
            f"{r.app_ms_per_request:.1f}",
            f"{r.db_ms_per_request:.1f}",
            "?" if r.other_percent is None else f"{r.other_percent:.0f}%",
        )
        for r in results
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    rule = "  ".join("-" * w for w in widths)
    heading = "  ".join(cell.ljust(w) for cell, w in zip(header, widths, strict=True))
    return "\n".join([heading, rule, *lines])


def code_version() -> str:
    """The commit measured, with "+changes" when the work tree differs from it."""
    try:
        commit = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        changes = subprocess.run(
            ["git", "status", "--porcelain", "--untracked-files=no"],
            cwd=REPO_ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return f"{commit}+changes" if changes else commit


def machine() -> dict:
    import django
    import gunicorn as gunicorn_package

    model = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        model = next(
            (
                line.split(":", 1)[1].strip()
                for line in cpuinfo.read_text().splitlines()
                if line.startswith("model name")
            ),
            "",
        )
    return {
        "cpus": cpu_count(),
        "cpu_model": model,
        "platform": platform.platform(),
        "python": platform.python_version(),
        "django": django.get_version(),
        "gunicorn": gunicorn_package.__version__,
    }


def save(results: list[PageResult], queries: dict[str, list[str]], context: dict) -> Path:
    args = context["args"]
    stamp = datetime.now(UTC)
    report = {
        "timestamp": stamp.isoformat(timespec="seconds"),
        "code": code_version(),
        "machine": machine() | {"busy_before_percent": context["busy_before"]},
        "wrk": {
            "threads": args.wrk_threads,
            "connections": args.connections,
            "duration_s": args.duration,
            "warmup_s": args.warmup,
        },
        "articles": generate.generated_count(),
        "comments": generate.generated_comment_count(),
        "pages": dict(context["pages"]),
        "database": urlsplit(args.database_url).scheme,
        "results": [asdict(r) for r in results],
        "queries": queries,
    }
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"bench-{stamp:%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(report, indent=2) + "\n")
    return path


def raise_on_sigterm() -> None:
    """Turn SIGTERM into SystemExit so that the finally blocks stop gunicorn."""
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    raise_on_sigterm()
    wrk = ensure_wrk()
    with tempfile.TemporaryDirectory(prefix="newsroom-bench-") as tmp:
        workdir = Path(tmp)
        env = bench_environment(args.database_url, workdir / "static")
        os.environ.update(env)
        ensure_database(args.database_url)
        generate.setup_django()
        prepare_site(args)
        pages = bench_pages()
        queries = count_queries(pages)
        from django.db import connections

        connections.close_all()
        script = workdir / "bench.lua"
        script.write_text(WRK_SCRIPT)
        context = {"args": args, "wrk": wrk, "workdir": workdir, "script": script, "env": env}
        context["pages"] = pages
        context["busy_before"] = check_quiet()
        results = []
        for setup in worker_setups(args):
            results.extend(bench_setup(setup, pages, queries, context))
        say()
        say(table(results))
        say()
        say(f"Results saved in {save(results, queries, context).relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
