"""
Newsroom and its WordPress peer side by side, in one run: python -m bench.peer.

The performance goals are ratios against a WordPress site serving the same kind of page on
the same machine, so both are measured in the same run, one scenario after the other:

1. pages: the showcase article (50 comments in threads, a "See also" box, six related cards)
   and the home page, straight from gunicorn (no HTTP cache) with warm fragment caches, then
   WordPress's article and home; plus, in-process, the same pages with the cache cleared
   before every request (cold) and warm, their queries, and a profile of a warm article;
2. comment posts: with a loopback Akismet answering in 50 ms, then WordPress's
   `post-akismet` scenario; ours also with Akismet failing and hanging (what the visitor
   waits), and the time a task worker needs to check the held comments once it is back;
3. the HTTP cache: Varnish with deploy/varnish/default.vcl in front of gunicorn: a static
   file (the ceiling), the article, WordPress behind a second Varnish with a minimal
   configuration, the hit ratio under reads and comment posts at once, and how long an
   edit takes to show through the cache.

The WordPress peer is a folder of its own (its bench.sh measures it): --peer or
NEWSROOM_WP_PEER. Without it, Newsroom is measured alone and the ratios are left out.
Every process started here (gunicorn, the task worker, varnishd) is stopped at the end,
whatever happens. Results: a Markdown report on stdout, JSON in bench/results/.
"""

import argparse
import cProfile
import json
import os
import pstats
import re
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bench import generate
from bench.run import (
    DEFAULT_DATABASE_URL,
    HOST,
    REPO_ROOT,
    RESULTS_DIR,
    WRK_SCRIPT,
    Workers,
    bench_environment,
    check_quiet,
    code_version,
    cpu_count,
    cpu_report,
    ensure_database,
    ensure_wrk,
    free_port,
    gunicorn,
    http_status,
    machine,
    parse_wrk,
    prepare_site,
    raise_on_sigterm,
    say,
    snapshot,
    stop,
    tail,
)

PEER_ENV = "NEWSROOM_WP_PEER"
PEER_URL = "http://127.0.0.1:8081"
PEER_ARTICLE = "/lavrov-blinken-osce-stockholm/"
# A Redis database of its own: the cold measurements empty it.
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/14"
# Every comment the benchmark posts has an address at this domain: counted, then deleted.
POST_DOMAIN = "bench-post.example"
CSRF = "benchmarkcsrfsecret0123456789abc"  # 32 characters: an unmasked CSRF secret
PHASES = ("pages", "inprocess", "posts", "edge")

# The performance goals (ratios against WordPress measured in the same run).
GOAL_ARTICLE_RATIO = 20
GOAL_HOME_RATIO = 10
GOAL_ARTICLE_CPU_MS = 10
GOAL_POST_RATIO = 3
GOAL_BACKLOG_SECONDS = 60
GOAL_CEILING_SHARE = 0.5
WORDPRESS_CACHED_FIGURE = 16449  # req/s, WordPress behind an nginx proxy cache, measured earlier
GOAL_PURGE_SECONDS = 1.0

# A comment per request, each with its own author, address and client address (through one
# more trusted proxy), so rate limits and duplicate detection let every one through. RUN
# and OFFSET change with every wrk run.
POST_SCRIPT = """
local threads = {}
local counter = 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

function init(args)
  redirects, ok, client_errors, server_errors, other = 0, 0, 0, 0, 0
end

request = function()
  counter = counter + 1
  local n = thread_id * 1000000 + counter
  local k = (OFFSET + n) % 16777216
  local who = "RUN-" .. n
  local body = "csrfmiddlewaretoken=CSRF&author_name=Reader+" .. who
    .. "&author_email=reader-" .. who .. "%40DOMAIN"
    .. "&content=Benchmark+comment+" .. who .. "%3A+the+talks+were+worth+following+closely."
  local ip = string.format("10.%d.%d.%d", math.floor(k / 65536) % 256,
    math.floor(k / 256) % 256, k % 256)
  return wrk.format("POST", "PATH", {
    ["Content-Type"] = "application/x-www-form-urlencoded",
    ["Cookie"] = "csrftoken=CSRF",
    ["X-Forwarded-For"] = ip,
    ["User-Agent"] = "bench/1.0",
  }, body)
end

function response(status, headers, body)
  if status == 302 or status == 303 then redirects = redirects + 1
  elseif status >= 200 and status < 300 then ok = ok + 1
  elseif status >= 400 and status < 500 then client_errors = client_errors + 1
  elseif status >= 500 then server_errors = server_errors + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local t = {0, 0, 0, 0, 0}
  for _, thread in ipairs(threads) do
    t[1] = t[1] + thread:get("redirects")
    t[2] = t[2] + thread:get("ok")
    t[3] = t[3] + thread:get("client_errors")
    t[4] = t[4] + thread:get("server_errors")
    t[5] = t[5] + thread:get("other")
  end
  local e = summary.errors
  io.write(string.format(
    'BENCH_RESULT {"requests": %d, "duration_us": %d, "redirects": %d, "ok": %d, '
    .. '"client_errors": %d, "server_errors": %d, "other": %d, "non2xx": %d, '
    .. '"socket_errors": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, "mean_us": %d, '
    .. '"max_us": %d}\\n',
    summary.requests, summary.duration, t[1], t[2], t[3], t[4], t[5], t[2] + t[3] + t[4] + t[5],
    e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(90), latency:percentile(99),
    latency.mean, latency.max))
end
"""

# Reads over a list of pages, in turn (the mixed load's readers).
READ_SCRIPT = (
    """
paths = {PATHS}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

function init(args)
  non2xx = 0
  i = thread_id
end

request = function()
  i = i + 1
  return wrk.format("GET", paths[i % #paths + 1])
end
"""
    + "function response"
    + WRK_SCRIPT.split("function response", 1)[1]
)

# WordPress behind the same cache: anonymous GETs without cookies are stored (an anonymous
# WordPress page sets none) for as long as Newsroom lets Varnish keep its pages.
WORDPRESS_VCL = """vcl 4.1;

backend default {
    .host = "127.0.0.1";
    .port = "PORT";
}

sub vcl_recv {
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    if (!beresp.http.Set-Cookie) {
        set beresp.ttl = TTLs;
    }
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } else if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
}
"""


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    cores = cpu_count()
    parser = argparse.ArgumentParser(
        prog="python -m bench.peer",
        description="Newsroom and the WordPress peer side by side, in one run.",
    )
    parser.add_argument(
        "--peer",
        default=os.environ.get(PEER_ENV, ""),
        help=f"the WordPress peer's folder, with its bench.sh (default: ${PEER_ENV})",
    )
    parser.add_argument(
        "--only",
        default=",".join(PHASES),
        help=f"phases to run, comma-separated (default: all of {','.join(PHASES)})",
    )
    parser.add_argument("--database-url", default=DEFAULT_DATABASE_URL)
    parser.add_argument("--redis-url", default=DEFAULT_REDIS_URL, help="emptied by the run")
    parser.add_argument("--articles", type=int, default=2000, help="articles to generate")
    parser.add_argument("--comments", type=int, default=5000, help="comments to generate")
    parser.add_argument("--regenerate", action="store_true", help="generate the content again")
    parser.add_argument("--duration", type=int, default=15, help="seconds per measurement")
    parser.add_argument(
        "--post-duration", type=int, default=10, help="seconds per comment-post measurement"
    )
    parser.add_argument("--warmup", type=int, default=3, help="seconds of warm-up per page")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections")
    parser.add_argument("--wrk-threads", type=int, default=2, help="wrk threads")
    parser.add_argument(
        "--workers",
        type=int,
        default=2 * cores + 1,
        help=f"gunicorn processes (default: 2 x cores + 1 = {2 * cores + 1})",
    )
    parser.add_argument(
        "--threads", type=int, default=8, help="gunicorn gthread threads (default 8)"
    )
    parser.add_argument(
        "--static-file",
        default="js/section-nav.js",
        help="the static file of the ceiling through Varnish, about 1 KB (default "
        "js/section-nav.js; css/site.css when it is not there)",
    )
    parser.add_argument("--akismet-delay", type=float, default=0.05, help="seconds per check")
    parser.add_argument(
        "--akismet-timeout",
        type=float,
        default=2.0,
        help="AKISMET_TIMEOUT of the site: how long a visitor waits for a hanging Akismet",
    )
    parser.add_argument(
        "--worker-interval",
        type=float,
        help="seconds the task worker waits between polls of an empty queue (default: the "
        "backend's own)",
    )
    parser.add_argument(
        "--recovery-timeout",
        type=int,
        default=120,
        help="seconds to wait for the held comments to be checked once Akismet is back",
    )
    parser.add_argument(
        "--requests", type=int, default=20, help="in-process requests per page, cold and warm"
    )
    parser.add_argument(
        "--profile-requests", type=int, default=20, help="warm article requests profiled"
    )
    parser.add_argument("--purge-rounds", type=int, default=5, help="edits timed through Varnish")
    parser.add_argument(
        "--mixed-posters", type=int, default=2, help="of the connections, how many post comments"
    )
    parser.add_argument("--peer-repeat", type=int, default=1, help="WPB_REPEAT for the peer")
    args = parser.parse_args(argv)
    args.phases = [phase.strip() for phase in args.only.split(",") if phase.strip()]
    unknown = set(args.phases) - set(PHASES)
    if unknown:
        parser.error(f"unknown phases: {', '.join(sorted(unknown))} (choose from {PHASES})")
    if not 0 < args.mixed_posters < args.connections:
        parser.error("--mixed-posters must be between 1 and --connections - 1")
    return args


# wrk
# ------------------------------------------------------------------------------


def wrk_command(url: str, seconds: int, script: Path, connections: int, threads: int) -> list:
    threads = max(1, min(threads, connections))
    return [
        ensure_wrk(),
        f"-t{threads}",
        f"-c{connections}",
        f"-d{seconds}s",
        "--latency",
        "--timeout",
        "10s",
        "-s",
        str(script),
        url,
    ]


def run_wrk(url: str, seconds: int, script: Path, connections: int, threads: int) -> dict:
    command = wrk_command(url, seconds, script, connections, threads)
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"wrk failed ({completed.returncode}): {completed.stderr.strip()}")
    return parse_wrk(completed.stdout)


def rates(raw: dict) -> dict:
    """req/s and latencies (ms) from a BENCH_RESULT."""
    seconds = raw["duration_us"] / 1e6
    return {
        "requests_per_second": round(raw["requests"] / seconds, 1),
        "requests": raw["requests"],
        "p50_ms": raw["p50_us"] / 1000,
        "p90_ms": raw["p90_us"] / 1000,
        "p99_ms": raw["p99_us"] / 1000,
        "max_ms": raw["max_us"] / 1000,
        "non_2xx": raw["non2xx"],
        "socket_errors": raw["socket_errors"],
    }


@dataclass
class Bench:
    """What every measurement needs."""

    args: argparse.Namespace
    workdir: Path
    env: dict[str, str]

    def script(self, name: str, text: str) -> Path:
        path = self.workdir / name
        path.write_text(text)
        return path

    def post_script(self, path: str) -> Path:
        text = (
            POST_SCRIPT.replace("RUN", secrets.token_hex(4))
            .replace("OFFSET", str(secrets.randbelow(16_000_000)))
            .replace("CSRF", CSRF)
            .replace("DOMAIN", POST_DOMAIN)
            .replace("PATH", path)
        )
        return self.script("post.lua", text)

    def load(self, url: str, *, server_pid: int | None = None, seconds: int | None = None) -> dict:
        """Warm-up, then one measured wrk run of GETs, with the CPU accounting of the server."""
        args = self.args
        script = self.script("get.lua", WRK_SCRIPT)
        if args.warmup:
            run_wrk(url, args.warmup, script, args.connections, args.wrk_threads)
        before = snapshot(server_pid) if server_pid else None
        raw = run_wrk(url, seconds or args.duration, script, args.connections, args.wrk_threads)
        result = rates(raw)
        if before is not None:
            result |= cpu_report(before, snapshot(server_pid), raw["requests"])
        return result


# Processes: the task worker, varnishd
# ------------------------------------------------------------------------------


@contextmanager
def task_worker(env: dict[str, str], workdir: Path, interval: float | None) -> Iterator[int]:
    """`manage.py worker` beside gunicorn, as production runs it; always stopped."""
    log = workdir / "worker.log"
    extra = ["--interval", str(interval)] if interval else []
    command = [sys.executable, "manage.py", "worker", "--", "--no-startup-delay", *extra]
    with log.open("a") as output:
        process = subprocess.Popen(
            command,
            cwd=REPO_ROOT,
            env={**os.environ, **env},
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        time.sleep(1.5)
        if process.poll() is not None:
            raise RuntimeError(f"the task worker exited with {process.returncode}:\n{tail(log)}")
        yield process.pid
    finally:
        stop(process)


@dataclass
class Cache:
    url: str
    directory: Path


def varnish_vcl(backend_port: int) -> str:
    """The shipped configuration, its backend moved to our gunicorn's port."""
    text = (REPO_ROOT / "deploy" / "varnish" / "default.vcl").read_text()
    pattern = re.compile(r'(backend\s+default\s*\{[^}]*?\.port\s*=\s*")\d+(")', re.S)
    if not pattern.search(text):
        raise RuntimeError("deploy/varnish/default.vcl names no port for its default backend.")
    return pattern.sub(lambda m: f"{m.group(1)}{backend_port}{m.group(2)}", text, count=1)


@contextmanager
def varnish(name: str, vcl: str, workdir: Path) -> Iterator[Cache]:
    """A varnishd of our own on a free loopback port, in the foreground; always stopped."""
    binary = shutil.which("varnishd") or "/usr/sbin/varnishd"
    directory = workdir / f"varnish-{name}"
    config = workdir / f"{name}.vcl"
    config.write_text(vcl)
    port = free_port()
    log = workdir / f"varnishd-{name}.log"
    command = [
        binary,
        "-F",
        "-n",
        str(directory),
        "-a",
        f"{HOST}:{port}",
        "-T",
        f"{HOST}:0",
        "-f",
        str(config),
        "-s",
        "malloc,256m",
    ]
    with log.open("w") as output:
        process = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        url = f"http://{HOST}:{port}"
        deadline = time.monotonic() + 30
        while http_status(url + "/") is None:
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"varnishd ({name}) did not start:\n{tail(log)}")
            time.sleep(0.25)
        yield Cache(url, directory)
    finally:
        stop(process)


def varnish_counters(cache: Cache, *, settle: float = 0.0) -> dict[str, int]:
    """Varnish's MAIN counters; `settle` seconds first, for its threads to add theirs in."""
    time.sleep(settle)
    out = subprocess.run(
        ["varnishstat", "-n", str(cache.directory), "-1", "-j"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    data = json.loads(out)
    counters = data.get("counters", data)
    return {
        name.removeprefix("MAIN."): entry["value"]
        for name, entry in counters.items()
        if isinstance(entry, dict) and "value" in entry and name.startswith("MAIN.")
    }


def cache_activity(before: dict[str, int], after: dict[str, int]) -> dict:
    """Hits, misses and passes between two readings, and the hit ratio of cacheable lookups."""
    names = ("cache_hit", "cache_hit_grace", "cache_miss", "cache_hitmiss", "cache_hitpass")
    delta = {
        name: after.get(name, 0) - before.get(name, 0) for name in (*names, "s_pass", "client_req")
    }
    lookups = delta["cache_hit"] + delta["cache_miss"] + delta["cache_hitmiss"]
    delta["hit_ratio"] = round(delta["cache_hit"] / lookups, 4) if lookups else None
    return delta


# HTTP from the harness
# ------------------------------------------------------------------------------


def fetch(url: str, *, data: bytes | None = None, headers: dict | None = None) -> tuple:
    """(status, headers, body text) without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect, urllib.request.ProxyHandler({}))
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode(errors="replace")


def cache_verdict(url: str) -> dict:
    """Whether a second anonymous request is a hit, with the headers that decide it."""
    fetch(url)
    status, headers, body = fetch(url)
    return {
        "status": status,
        "bytes": len(body.encode()),
        "x_cache": headers.get("X-Cache"),
        "cache_control": headers.get("Cache-Control"),
        "set_cookie": bool(headers.get("Set-Cookie")),
        "vary": headers.get("Vary"),
    }


def post_one_comment(url: str, path: str) -> int:
    who = secrets.token_hex(6)
    data = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": CSRF,
            "author_name": f"Reader {who}",
            "author_email": f"reader-{who}@{POST_DOMAIN}",
            "content": f"Benchmark comment {who}: is Akismet back?",
        }
    ).encode()
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": f"csrftoken={CSRF}",
        "X-Forwarded-For": f"10.255.{secrets.randbelow(256)}.{secrets.randbelow(256)}",
    }
    return fetch(url + path, data=data, headers=headers)[0]


# The content
# ------------------------------------------------------------------------------


def posted_comments():
    from comments.models import Comment

    return Comment.objects.filter(author_email__endswith=f"@{POST_DOMAIN}")


def delete_posted_comments() -> int:
    """The comments this benchmark posted (and their history), gone."""
    count = posted_comments().count()
    posted_comments().delete()
    return count


def page_check(path: str) -> dict:
    """What the benchmarked article shows, read from its HTML (in-process)."""
    from django.test import Client

    html = Client(HTTP_HOST=HOST).get(path).content.decode()
    related = re.search(r'<section class="related".*?</section>', html, re.S)
    return {
        "path": path,
        "bytes": len(html.encode()),
        "comments_shown": len(re.findall(r'<li class="comment[ "]', html)),
        "see_also_boxes": html.count('class="see-also"'),
        "related_cards": len(re.findall(r'<article class="card', related.group(0)))
        if related
        else 0,
    }


def other_article_paths(count: int, showcase) -> list[str]:
    from articles.models import Article

    articles = (
        Article.objects.published()
        .filter(slug__startswith=generate.PREFIX)
        .exclude(pk=showcase.pk)
        .order_by("-published_at")[:count]
    )
    return [article.get_absolute_url() for article in articles]


# In-process: cold and warm, queries, profile
# ------------------------------------------------------------------------------


def timed_request(client, path: str) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        wall, cpu = time.perf_counter(), time.process_time()
        response = client.get(path)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code} in-process")
    return {"ms": wall * 1000, "cpu_ms": cpu * 1000, "queries": len(captured)}


def summary_of(samples: list[dict]) -> dict:
    return {
        "ms": round(statistics.median(s["ms"] for s in samples), 2),
        "cpu_ms": round(statistics.median(s["cpu_ms"] for s in samples), 2),
        "queries": max(s["queries"] for s in samples),
        "queries_min": min(s["queries"] for s in samples),
    }


def in_process(pages: list[tuple[str, str]], requests: int) -> dict:
    """Each page with the whole cache cleared before every request (cold), then warm."""
    from django.core.cache import cache
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    results = {}
    for name, path in pages:
        cold = []
        for _ in range(requests):
            cache.clear()
            cold.append(timed_request(client, path))
        client.get(path)
        warm = [timed_request(client, path) for _ in range(requests)]
        results[name] = {"cold": summary_of(cold), "warm": summary_of(warm)}
    return results


# Where a profiled request spends its own time, first match wins.
AREAS = (
    ("templates", ("django/template/", "django/templatetags/", "django/utils/html.py")),
    ("database (ORM and psycopg)", ("django/db/", "psycopg")),
    ("cache (Redis client, unpickling)", ("django/core/cache/", "/redis/", "pickle")),
    ("sockets (Redis, PostgreSQL)", ("socket", "recv", "sendall", "select", "poll")),
    (
        "request handling and middleware",
        (
            "django/core/handlers/",
            "django/middleware/",
            "django/http/",
            "django/contrib/",
            "django/urls/",
            "django/test/",
            "whitenoise",
            "cookie_consent",
            "axes",
        ),
    ),
    ("Newsroom code", tuple(f"/{app}/" for app in ("articles", "comments", "consent", "edge"))),
    ("translation and other Django", ("django/",)),
)


def area_of(filename: str, function: str) -> str:
    where = filename if filename != "~" else function
    for area, needles in AREAS:
        if any(needle in where for needle in needles):
            return area
    return "Python itself (builtins, other libraries)"


def short_name(filename: str, line: int, function: str) -> str:
    if filename == "~":
        return function
    for marker in ("site-packages/", f"{REPO_ROOT}/", "/lib/python3"):
        if marker in filename:
            filename = filename.split(marker, 1)[1]
            break
    return f"{filename}:{line}({function})"


def profile(path: str, requests: int) -> dict:
    """
    cProfile, on CPU time, over warm requests of one page: the top 15 functions by cumulative
    time (leaving out the request's own path through the handler and middleware, which
    holds all of it), and the share of each area in the CPU time.
    """
    from django.test import Client

    client = Client(HTTP_HOST=HOST)
    client.get(path)
    client.get(path)
    # CPU time, not wall time: two cores bound the throughput, not the waits.
    profiler = cProfile.Profile(time.process_time)
    cpu = time.process_time()
    profiler.enable()
    for _ in range(requests):
        client.get(path)
    profiler.disable()
    cpu = time.process_time() - cpu
    entries = pstats.Stats(profiler).stats  # (file, line, name) -> (cc, nc, own, cum, callers)
    wrappers = 0.9 * cpu
    top = sorted(
        (item for item in entries.items() if item[1][3] < wrappers),
        key=lambda item: item[1][3],
        reverse=True,
    )[:15]
    heaviest = sorted(entries.items(), key=lambda item: item[1][2], reverse=True)[:10]
    areas: dict[str, float] = {}
    for (filename, _line, function), (_cc, _nc, own, _cum, _callers) in entries.items():
        area = area_of(filename, function)
        areas[area] = areas.get(area, 0.0) + own
    total = sum(areas.values()) or 1.0
    return {
        "path": path,
        "requests": requests,
        "cpu_ms_per_request_profiled": round(cpu * 1000 / requests, 2),
        "top": [
            {
                "function": short_name(*key),
                "calls_per_request": round(nc / requests, 1),
                "cumulative_ms": round(cum * 1000 / requests, 3),
                "own_ms": round(own * 1000 / requests, 3),
            }
            for key, (_cc, nc, own, cum, _callers) in top
        ],
        "top_own": [
            {
                "function": short_name(*key),
                "area": area_of(key[0], key[2]),
                "calls_per_request": round(nc / requests, 1),
                "own_ms": round(own * 1000 / requests, 3),
            }
            for key, (_cc, nc, own, _cum, _callers) in heaviest
        ],
        "areas": {
            area: round(100 * seconds / total, 1)
            for area, seconds in sorted(areas.items(), key=lambda item: -item[1])
        },
    }


# The WordPress peer
# ------------------------------------------------------------------------------


class Peer:
    """The WordPress peer's own bench.sh, one scenario at a time."""

    def __init__(self, folder: Path, args: argparse.Namespace, prefix: list[str]):
        self.folder = folder
        self.args = args
        self.prefix = prefix
        self.runs: dict[str, dict] = {}

    @classmethod
    def find(cls, args: argparse.Namespace) -> tuple["Peer | None", str]:
        if not args.peer:
            return None, (
                f"No WordPress peer given (--peer or {PEER_ENV}): Newsroom is measured alone, "
                "without ratios."
            )
        folder = Path(args.peer).expanduser().resolve()
        if not (folder / "bench.sh").is_file():
            return None, f"No WordPress peer in {folder} (no bench.sh): Newsroom is measured alone."
        if os.geteuid() == 0:
            prefix = []
        elif shutil.which("sudo") and subprocess.run(["sudo", "-n", "true"]).returncode == 0:
            prefix = ["sudo", "-n"]
        else:
            return None, (
                "The WordPress peer's bench.sh needs root (or password-less sudo): Newsroom is "
                "measured alone."
            )
        return cls(folder, args, prefix), f"WordPress peer: {folder}"

    def run(self, scenario: str) -> dict | None:
        """Its summary for one scenario (WPB_ONLY), or None with the reason said."""
        args = self.args
        settings = {
            "WPB_ONLY": scenario,
            "WPB_DURATION": str(args.duration),
            "WPB_POST_DURATION": str(args.post_duration),
            "WPB_REPEAT": str(args.peer_repeat),
            "WPB_WARMUP": str(args.warmup),
            "WPB_CONNS": str(args.connections),
            "WPB_THREADS": str(args.wrk_threads),
            "WPB_AKISMET_DELAY": str(args.akismet_delay),
        }
        command = [
            *self.prefix,
            "env",
            *(f"{k}={v}" for k, v in settings.items()),
            "bash",
            str(self.folder / "bench.sh"),
        ]
        for attempt in (1, 2):
            say(f"  WordPress: its bench.sh, scenario {scenario}")
            completed = subprocess.run(command, capture_output=True, text=True, check=False)
            found = re.search(r"summary\.json: (\S+?)/?\s*$", completed.stderr, re.M)
            if completed.returncode == 0 and found:
                break
            say(
                f"  WordPress's {scenario} scenario failed ({completed.returncode}"
                f"{', trying once more' if attempt == 1 else ''}):\n"
                + "\n".join(completed.stderr.strip().splitlines()[-6:])
            )
        else:
            return None
        summary = json.loads((self.folder / found.group(1) / "summary.json").read_text())
        self.runs[scenario] = {"results": str(self.folder / found.group(1))}
        return summary


def peer_row(summary: dict | None, prefix: str, query_page: str | None = None) -> dict | None:
    """One row of the peer's summary, in our units."""
    if not summary:
        return None
    row = next((r for name, r in summary["rows"].items() if name.startswith(prefix)), None)
    if row is None:
        return None
    cores = row.get("cpu_cores", {})
    requests = max(row.get("requests", 0), 1)
    per_request = {
        f"{name}_ms_per_request": round(cores.get(name, 0) * row["elapsed_s"] * 1000 / requests, 2)
        for name in ("php-fpm", "nginx", "mariadb")
    }
    result = {
        "requests_per_second": row["rps_median"],
        "runs": row.get("rps_all"),
        "p50_ms": row.get("p50_ms"),
        "p99_ms": row.get("p99_ms"),
        "requests": row.get("requests"),
        "non_2xx_3xx": row.get("non_2xx_3xx"),
        "status": row.get("status"),
        "other_cores": cores.get("other"),
        **per_request,
    }
    if "rows_added" in row:
        # Every run's answers: its rows are counted over the warm-up and all runs too.
        redirects = sum(
            int(found.group(1))
            for status in row.get("status_all", [])
            if (found := re.search(r"3xx=(\d+)", status or ""))
        )
        result["rows_added"] = row["rows_added"]
        result["answered_302_all_runs"] = redirects
        result["lost"] = max(redirects - row["rows_added"], 0)
    if query_page:
        q = summary.get("queries", {}).get(query_page) or {}
        result["queries"] = q.get("wp_queries")
        result["db_statements"] = q.get("db_statements")
        result["bytes"] = q.get("bytes")
    return result


def ratio(ours: dict | None, theirs: dict | None) -> float | None:
    if not ours or not theirs or not theirs.get("requests_per_second"):
        return None
    return round(ours["requests_per_second"] / theirs["requests_per_second"], 2)


# Phases
# ------------------------------------------------------------------------------


def pages_phase(bench: Bench, server_pid: int, base: str, pages, peer, report: dict) -> None:
    for name, path in pages:
        say(f"  Newsroom {name}: {bench.args.duration} s of wrk on {path}")
        ours = bench.load(base + path, server_pid=server_pid)
        ours["queries"] = report["queries"][name]
        theirs = None
        if peer:
            summary = peer.run(name)
            theirs = peer_row(summary, f"{name}, opcache on", name)
        report["pages"][name] = {
            "newsroom": ours,
            "wordpress": theirs,
            "ratio": ratio(ours, theirs),
        }


def post_run(bench: Bench, url: str, path: str, seconds: int) -> dict:
    from comments.models import Comment

    before = posted_comments().count()
    held_before = posted_comments().filter(verdict=Comment.Verdict.UNCHECKED).count()
    raw = run_wrk(
        url + path,
        seconds,
        bench.post_script(path),
        bench.args.connections,
        bench.args.wrk_threads,
    )
    stored = posted_comments().count() - before
    result = rates(raw) | {
        "answered_302": raw["redirects"],
        "other_answers": raw["non2xx"],
        "client_errors": raw["client_errors"],
        "server_errors": raw["server_errors"],
        "rows_stored": stored,
        # wrk stops on the clock: posts in flight then are stored but not counted as
        # answered, so there may be more rows than 302s; fewer would be lost comments.
        "lost": max(raw["redirects"] - stored, 0),
        "held_unchecked": posted_comments().filter(verdict=Comment.Verdict.UNCHECKED).count()
        - held_before,
    }
    result["posts_per_second"] = result.pop("requests_per_second")
    return result


def recovery(bench: Bench, akismet, url: str, path: str) -> dict:
    """Akismet back: how long until the worker has checked every held comment."""
    from comments.models import Comment

    held = posted_comments().filter(verdict=Comment.Verdict.UNCHECKED)
    backlog = held.count()
    akismet.mode = "auto"
    akismet.delay = bench.args.akismet_delay
    start = time.perf_counter()
    # As a visitor would: the first comment checked shows Akismet is back.
    status = post_one_comment(url, path)
    remaining = held.count()
    deadline = start + bench.args.recovery_timeout
    while remaining and time.perf_counter() < deadline:
        time.sleep(0.25)
        remaining = held.count()
    seconds = time.perf_counter() - start
    return {
        "backlog": backlog,
        "visitor_post_status": status,
        "remaining": remaining,
        "seconds": round(seconds, 2),
        "cleared": remaining == 0,
        "checks_per_second": round((backlog - remaining) / seconds, 1) if seconds else None,
    }


def posts_phase(bench: Bench, base: str, path: str, akismet, peer, report: dict) -> None:
    args = bench.args
    posts = report["posts"]
    akismet.mode, akismet.delay = "auto", args.akismet_delay
    say(f"  Newsroom comment posts, Akismet answering in {args.akismet_delay * 1000:.0f} ms")
    ours = post_run(bench, base, path, args.post_duration)
    theirs = None
    if peer:
        theirs = peer_row(peer.run("post-akismet"), "comment POST (Akismet on loopback")
    posts["akismet"] = {"newsroom": ours, "wordpress": theirs}
    if theirs:
        theirs["posts_per_second"] = theirs.pop("requests_per_second")
        posts["akismet"]["ratio"] = round(ours["posts_per_second"] / theirs["posts_per_second"], 2)
    delete_posted_comments()

    say("  Newsroom comment posts, Akismet failing (an error at once)")
    akismet.mode, akismet.delay = "error", 0.0
    posts["akismet_error"] = {"newsroom": post_run(bench, base, path, args.post_duration)}
    say(f"  Newsroom comment posts, Akismet hanging (the site waits {args.akismet_timeout} s)")
    akismet.mode, akismet.slow_seconds = "slow", args.akismet_timeout + 1
    posts["akismet_hanging"] = {"newsroom": post_run(bench, base, path, args.post_duration)}
    say("  Akismet back: the worker checks the held comments")
    posts["recovery"] = recovery(bench, akismet, base, path)
    delete_posted_comments()


def edge_phase(bench: Bench, showcase, pages, akismet, peer, report: dict) -> None:
    from django.contrib.staticfiles.storage import staticfiles_storage
    from django.templatetags.static import static

    args = bench.args
    edge = report["edge"]
    with ExitStack() as stack:
        # The site's cache first: gunicorn and the worker send their purges to it.
        port = free_port()
        ours = stack.enter_context(varnish("newsroom", varnish_vcl(port), bench.workdir))
        env = bench.env | {"NEWSROOM_PURGE_URL": ours.url, "DJANGO_TRUSTED_PROXIES": "2"}
        setup = Workers("gthread", args.workers, args.threads)
        say(f"  gunicorn ({setup.label}) behind Varnish, a task worker beside it")
        server = stack.enter_context(gunicorn(setup, env, bench.workdir, port=port))
        stack.enter_context(task_worker(env, bench.workdir, args.worker_interval))
        assert server.url.endswith(f":{port}")

        name = args.static_file if staticfiles_storage.exists(args.static_file) else "css/site.css"
        static_path = static(name)
        # The configuration probes the backend and answers 503 until a probe has passed.
        wait_for_backend(ours.url + static_path)
        say(f"  static file through Varnish: {static_path}")
        edge["static"] = measure_cached(bench, ours, static_path)
        article = dict(pages)["article"]
        say(f"  Newsroom article through Varnish: {article}")
        edge["article"] = measure_cached(bench, ours, article)
        if peer:
            wordpress = stack.enter_context(
                varnish(
                    "wordpress",
                    WORDPRESS_VCL.replace("PORT", PEER_URL.rsplit(":", 1)[1]).replace(
                        "TTL", str(600)
                    ),
                    bench.workdir,
                )
            )
            say(f"  WordPress article through a second Varnish: {PEER_ARTICLE}")
            edge["wordpress"] = measure_cached(bench, wordpress, PEER_ARTICLE)
        say("  mixed load through Varnish: reads and comment posts at once")
        edge["mixed"] = mixed_load(bench, ours, showcase, pages, akismet)
        delete_posted_comments()
        say(f"  purge to visible: {args.purge_rounds} edits of the article")
        edge["purge"] = purge_latency(showcase, ours, article, args.purge_rounds)


def wait_for_backend(url: str, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while (status := fetch(url)[0]) != 200:
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} still answers {status} after {seconds:.0f} s.")
        time.sleep(0.25)


def measure_cached(bench: Bench, cache: Cache, path: str) -> dict:
    verdict = cache_verdict(cache.url + path)
    before = varnish_counters(cache)
    result = bench.load(cache.url + path)
    after = varnish_counters(cache, settle=1.0)
    return result | {"cache": verdict, "activity": cache_activity(before, after)}


def mixed_load(bench: Bench, cache: Cache, showcase, pages, akismet) -> dict:
    """Readers over the home page, the article and 20 others, while others post comments."""
    args = bench.args
    akismet.mode, akismet.delay = "auto", args.akismet_delay
    paths = [path for _name, path in pages] + other_article_paths(20, showcase)
    readers = args.connections - args.mixed_posters
    read_script = bench.script(
        "read.lua", READ_SCRIPT.replace("PATHS", ", ".join(json.dumps(p) for p in paths))
    )
    post_path = f"/comments/post/{showcase.pk}/"
    post_script = bench.post_script(post_path)
    for path in paths:
        fetch(cache.url + path)
    before_rows = posted_comments().count()
    before = varnish_counters(cache)
    commands = [
        wrk_command(cache.url + "/", args.duration, read_script, readers, args.wrk_threads),
        wrk_command(cache.url + post_path, args.duration, post_script, args.mixed_posters, 1),
    ]
    running = [
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for command in commands
    ]
    outputs = [process.communicate() for process in running]
    for process, (_out, err) in zip(running, outputs, strict=True):
        if process.returncode != 0:
            raise RuntimeError(f"wrk failed ({process.returncode}): {err.strip()}")
    activity = cache_activity(before, varnish_counters(cache, settle=1.0))
    reads, posts = (parse_wrk(out) for out, _err in outputs)
    return {
        "pages": len(paths),
        "reads": rates(reads),
        "posts": rates(posts) | {"answered_302": posts["redirects"]},
        "rows_stored": posted_comments().count() - before_rows,
        "activity": activity,
    }


def purge_latency(article, cache: Cache, path: str, rounds: int) -> dict:
    """
    Edit the article here (an ORM save, as the admin does) and poll through Varnish until the
    change shows: the site's signals ask for a purge, the worker sends it.
    """
    from django.conf import settings

    original = article.standfirst
    timings, cached_before = [], []
    settings.NEWSROOM_PURGE_URL = cache.url  # this process's saves ask for purges too
    try:
        for _ in range(rounds):
            cached_before.append(cache_verdict(cache.url + path)["x_cache"])
            marker = f"Update {secrets.token_hex(4)}."
            article.standfirst = f"{original[:380]} {marker}"
            start = time.perf_counter()
            article.save()
            seen = None
            while time.perf_counter() - start < 30:
                if marker in fetch(cache.url + path)[2]:
                    seen = time.perf_counter() - start
                    break
                time.sleep(0.01)
            timings.append(None if seen is None else round(seen, 3))
            time.sleep(0.5)
    finally:
        article.standfirst = original
        article.save()
        settings.NEWSROOM_PURGE_URL = ""
    shown = [t for t in timings if t is not None]
    return {
        "rounds": rounds,
        "seconds": timings,
        "x_cache_before_edit": cached_before,
        "p50_s": round(statistics.median(shown), 3) if shown else None,
        "max_s": max(shown) if shown else None,
        "never_shown": len(timings) - len(shown),
    }


# Report
# ------------------------------------------------------------------------------


def fmt(value, digits: int = 1, suffix: str = "") -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:,.{digits}f}{suffix}"
    return f"{value}{suffix}"


def table(header: Sequence[str], rows: list[Sequence]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def goals(report: dict) -> list[dict]:
    out = []

    def goal(area, text, value, met, shown=None):
        out.append(
            {
                "area": area,
                "goal": text,
                "measured": shown if shown is not None else value,
                "met": None if value is None else bool(met),
            }
        )

    pages = report.get("pages", {})
    article, home = pages.get("article", {}), pages.get("home", {})
    if article:
        r = article.get("ratio")
        goal(
            "pages",
            f"article ≥ {GOAL_ARTICLE_RATIO}× WordPress",
            r,
            r and r >= GOAL_ARTICLE_RATIO,
            fmt(r, 2, "×"),
        )
        cpu = article["newsroom"].get("app_ms_per_request")
        goal(
            "pages",
            f"≤ {GOAL_ARTICLE_CPU_MS} ms app CPU per article",
            cpu,
            cpu is not None and cpu <= GOAL_ARTICLE_CPU_MS,
            fmt(cpu, 1, " ms"),
        )
    if home:
        r = home.get("ratio")
        goal(
            "pages",
            f"home ≥ {GOAL_HOME_RATIO}× WordPress",
            r,
            r and r >= GOAL_HOME_RATIO,
            fmt(r, 2, "×"),
        )
    posts = report.get("posts", {})
    if posts.get("akismet"):
        p = posts["akismet"]
        r = p.get("ratio")
        goal(
            "comments",
            f"comment posts ≥ {GOAL_POST_RATIO}× WordPress (Akismet 50 ms)",
            r,
            r and r >= GOAL_POST_RATIO,
            fmt(r, 2, "×"),
        )
        lost = p["newsroom"]["lost"]
        goal("comments", "0 comments lost", lost, lost == 0)
        theirs = p.get("wordpress")
        ours_p99 = p["newsroom"]["p99_ms"]
        their_p99 = theirs and theirs.get("p99_ms")
        goal(
            "comments",
            "post p99 no worse than WordPress's",
            their_p99 and ours_p99,
            their_p99 and ours_p99 <= their_p99,
            f"{fmt(ours_p99, 0)} against {fmt(their_p99, 0)} ms",
        )
    if posts.get("recovery"):
        rec = posts["recovery"]
        goal(
            "comments",
            f"held comments checked within {GOAL_BACKLOG_SECONDS} s of recovery",
            rec["seconds"],
            rec["cleared"] and rec["seconds"] <= GOAL_BACKLOG_SECONDS,
            f"{rec['backlog']} in {rec['seconds']} s"
            + ("" if rec["cleared"] else f", {rec['remaining']} left"),
        )
    edge = report.get("edge", {})
    if edge.get("article") and edge.get("static"):
        share = edge["article"]["requests_per_second"] / max(
            edge["static"]["requests_per_second"], 1
        )
        goal(
            "HTTP cache",
            f"article through Varnish ≥ {GOAL_CEILING_SHARE}× the static file",
            share,
            share >= GOAL_CEILING_SHARE,
            fmt(share, 2, "×"),
        )
    if edge.get("article"):
        ours = edge["article"]["requests_per_second"]
        theirs = edge.get("wordpress", {}).get("requests_per_second")
        goal(
            "HTTP cache",
            "article through Varnish ≥ WordPress through Varnish (this run)",
            theirs and ours,
            theirs and ours >= theirs,
            f"{fmt(ours)} against {fmt(theirs)} req/s",
        )
        goal(
            "HTTP cache",
            f"article through Varnish ≥ {WORDPRESS_CACHED_FIGURE:,} req/s",
            ours,
            ours >= WORDPRESS_CACHED_FIGURE,
            fmt(ours, 0, " req/s"),
        )
    if edge.get("purge"):
        worst = edge["purge"]["max_s"]
        goal(
            "HTTP cache",
            f"an edit visible through Varnish within {GOAL_PURGE_SECONDS:.0f} s",
            worst,
            worst is not None and not edge["purge"]["never_shown"] and worst <= GOAL_PURGE_SECONDS,
            f"max {fmt(worst, 2, ' s')}",
        )
    return out


def markdown(report: dict) -> str:
    parts = [f"## Newsroom and WordPress side by side ({report['timestamp']})", ""]
    s = report["settings"]
    parts.append(
        f"Code {report['code']}; {report['machine']['cpus']} CPUs, "
        f"{report['machine']['busy_before_percent']}% busy before the run; "
        f"wrk -t{s['wrk_threads']} "
        f"-c{s['connections']}, {s['duration']} s per page ({s['post_duration']} s of posts), "
        f"{s['warmup']} s warm-up; gunicorn {s['gunicorn']}; {report['peer']['note']}"
    )
    check = report.get("page_check")
    if check:
        parts.append(
            f"\nThe article ({check['path']}, {check['bytes']:,} bytes) shows "
            f"{check['comments_shown']} comments, {check['see_also_boxes']} See also box(es) "
            f"and {check['related_cards']} related cards."
        )
    pages = report.get("pages")
    if pages:
        rows = []
        for name, entry in pages.items():
            o, w = entry["newsroom"], entry.get("wordpress")
            rows.append(
                (
                    name,
                    "Newsroom",
                    fmt(o["requests_per_second"]),
                    fmt(o["p50_ms"]),
                    fmt(o["p99_ms"]),
                    o["non_2xx"],
                    o["queries"],
                    fmt(o.get("app_ms_per_request")),
                    fmt(o.get("db_ms_per_request")),
                    fmt(o.get("other_percent"), 0, "%"),
                    fmt(entry.get("ratio"), 2, "×"),
                )
            )
            if w:
                rows.append(
                    (
                        name,
                        "WordPress",
                        fmt(w["requests_per_second"]),
                        fmt(w["p50_ms"]),
                        fmt(w["p99_ms"]),
                        w.get("non_2xx_3xx"),
                        f"{w.get('queries')} / {w.get('db_statements')}",
                        fmt(w.get("php-fpm_ms_per_request")),
                        fmt(w.get("mariadb_ms_per_request")),
                        fmt(100 * w["other_cores"] / report["machine"]["cpus"], 0, "%")
                        if w.get("other_cores") is not None
                        else "–",
                        "",
                    )
                )
        parts += [
            "",
            "### Pages, no HTTP cache, warm fragments",
            "",
            table(
                (
                    "page",
                    "server",
                    "req/s",
                    "p50 ms",
                    "p99 ms",
                    "non-2xx",
                    "queries",
                    "app CPU ms/req",
                    "db CPU ms/req",
                    "others' CPU",
                    "ratio",
                ),
                rows,
            ),
        ]
    inproc = report.get("in_process")
    if inproc:
        rows = [
            (
                name,
                fmt(e["warm"]["ms"], 2),
                fmt(e["warm"]["cpu_ms"], 2),
                e["warm"]["queries"],
                fmt(e["cold"]["ms"], 2),
                fmt(e["cold"]["cpu_ms"], 2),
                e["cold"]["queries"],
            )
            for name, e in inproc.items()
        ]
        parts += [
            "",
            "### In-process, warm and cold (cache cleared before every request)",
            "",
            table(
                (
                    "page",
                    "warm ms",
                    "warm CPU ms",
                    "warm queries",
                    "cold ms",
                    "cold CPU ms",
                    "cold queries",
                ),
                rows,
            ),
        ]
    posts = report.get("posts")
    if posts:
        rows = []
        labels = {
            "akismet": f"Akismet answers in {s['akismet_delay_ms']:.0f} ms",
            "akismet_error": "Akismet failing (an error at once)",
            "akismet_hanging": f"Akismet hanging (site waits {s['akismet_timeout']} s)",
        }
        for key, label in labels.items():
            if key not in posts:
                continue
            for who in ("newsroom", "wordpress"):
                r = posts[key].get(who)
                if not r:
                    continue
                answered = r.get("answered_302", r.get("answered_302_all_runs"))
                stored = r.get("rows_stored", r.get("rows_added"))
                rows.append(
                    (
                        label,
                        "Newsroom" if who == "newsroom" else "WordPress",
                        fmt(r["posts_per_second"]),
                        fmt(r["p50_ms"], 0),
                        fmt(r["p99_ms"], 0),
                        fmt(answered),
                        fmt(stored),
                        fmt(r.get("lost")),
                        fmt(r.get("held_unchecked")),
                        fmt(r.get("other_answers", r.get("non_2xx_3xx"))),
                        fmt(posts[key].get("ratio"), 2, "×") if who == "newsroom" else "",
                    )
                )
        parts += [
            "",
            "### Comment posts",
            "",
            table(
                (
                    "Akismet",
                    "server",
                    "posts/s",
                    "p50 ms",
                    "p99 ms",
                    "answered 302",
                    "stored",
                    "lost",
                    "held unchecked",
                    "other answers",
                    "ratio",
                ),
                rows,
            ),
        ]
        rec = posts.get("recovery")
        if rec:
            parts.append(
                f"\nAkismet back: {rec['backlog']} held comments, "
                f"{rec['backlog'] - rec['remaining']} checked in {rec['seconds']} s "
                f"({fmt(rec['checks_per_second'])}/s)"
                + ("" if rec["cleared"] else f", {rec['remaining']} still unchecked")
                + f"; worker poll interval {s['worker_interval']}."
            )
    edge = report.get("edge")
    if edge:
        rows = []
        for key, label in (
            ("static", "static file (Newsroom's Varnish)"),
            ("article", "Newsroom article"),
            ("wordpress", "WordPress article (second Varnish)"),
        ):
            r = edge.get(key)
            if r:
                rows.append(
                    (
                        label,
                        fmt(r["requests_per_second"]),
                        fmt(r["p50_ms"], 2),
                        fmt(r["p99_ms"], 2),
                        r["non_2xx"],
                        r["cache"]["x_cache"],
                        fmt(r["activity"]["hit_ratio"], 4),
                        f"{r['cache']['bytes']:,}",
                    )
                )
        parts += [
            "",
            "### Through Varnish, anonymous readers",
            "",
            table(
                (
                    "what",
                    "req/s",
                    "p50 ms",
                    "p99 ms",
                    "non-2xx",
                    "2nd request",
                    "hit ratio",
                    "bytes",
                ),
                rows,
            ),
        ]
        mixed = edge.get("mixed")
        if mixed:
            a = mixed["activity"]
            parts.append(
                f"\nMixed load over {mixed['pages']} pages: "
                f"{fmt(mixed['reads']['requests_per_second'])} reads/s and "
                f"{fmt(mixed['posts']['requests_per_second'])} comment posts/s "
                f"({mixed['rows_stored']} stored); hit ratio {fmt(a['hit_ratio'], 4)} "
                f"({a['cache_hit']} hits, {a['cache_miss']} misses, {a['s_pass']} passes)."
            )
        purge = edge.get("purge")
        if purge:
            parts.append(
                f"\nPurge to visible through Varnish: p50 {fmt(purge['p50_s'], 3)} s, max "
                f"{fmt(purge['max_s'], 3)} s over {purge['rounds']} edits (cache before the edit: "
                f"{', '.join(str(x) for x in purge['x_cache_before_edit'])}; never shown: "
                f"{purge['never_shown']}; worker poll interval {s['worker_interval']})."
            )
    prof = report.get("profile")
    if prof:
        rows = [
            (e["function"], e["calls_per_request"], fmt(e["cumulative_ms"], 3), fmt(e["own_ms"], 3))
            for e in prof["top"]
        ]
        areas = ", ".join(f"{area} {share}%" for area, share in prof["areas"].items())
        parts += [
            "",
            f"### Profile: {prof['requests']} warm requests of {prof['path']}",
            "",
            "cProfile on CPU time; the request's path through the handler and the middleware,"
            " which holds all of it, is left out.",
            "",
            table(("function", "calls/req", "cumulative ms/req", "own ms/req"), rows),
            "",
            "The most own time:",
            "",
            table(
                ("function", "area", "calls/req", "own ms/req"),
                [
                    (e["function"], e["area"], e["calls_per_request"], fmt(e["own_ms"], 3))
                    for e in prof["top_own"]
                ],
            ),
            "",
            f"Own time by area: {areas}.",
            "",
            report["limits"],
        ]
    rows = [
        (
            g["area"],
            g["goal"],
            g["measured"],
            "–" if g["met"] is None else ("met" if g["met"] else "not met"),
        )
        for g in report["goals"]
    ]
    parts += ["", "### Goals", "", table(("area", "goal", "measured", ""), rows)]
    return "\n".join(parts)


def limits(report: dict) -> str:
    """A sentence on what bounds the article page, from the profile and the CPU figures."""
    prof, inproc = report.get("profile"), report.get("in_process", {}).get("article")
    if not prof or not inproc:
        return ""
    warm = inproc["warm"]
    (first, share), *rest = prof["areas"].items()
    waiting = warm["ms"] - warm["cpu_ms"]
    text = (
        f"What limits it: a warm article costs {warm['cpu_ms']:.1f} ms of CPU in-process "
        f"({warm['ms']:.1f} ms wall, {warm['queries']} queries), so two cores serve at most "
        f"about {2000 / max(warm['cpu_ms'], 0.01):,.0f} a second before gunicorn, wrk and the "
        f"database take their share; {first} takes {share}% of its own time"
    )
    if rest:
        text += ", then " + ", ".join(f"{a} {s}%" for a, s in rest[:2])
    text += f". {waiting:.1f} ms of the wall time is waiting (database and cache round trips)."
    article = report.get("pages", {}).get("article", {}).get("newsroom")
    if article and article.get("app_ms_per_request") is not None:
        text += (
            f" Under gunicorn it cost {article['app_ms_per_request']:.1f} ms of app CPU and "
            f"{article['db_ms_per_request']:.1f} ms of PostgreSQL CPU per request."
        )
    return text


def save(report: dict) -> Path:
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"peer-{datetime.now(UTC):%Y%m%d-%H%M%S}.json"
    path.write_text(json.dumps(report, indent=2, default=str) + "\n")
    return path


# Main
# ------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    raise_on_sigterm()
    ensure_wrk()
    peer, note = Peer.find(args)
    say(note)
    if (
        "edge" in args.phases
        and not shutil.which("varnishd")
        and not Path("/usr/sbin/varnishd").exists()
    ):
        say("varnishd is missing (make varnish-install): the HTTP cache phase is skipped.")
        args.phases.remove("edge")
    from tests.akismet_server import VALID_KEY, FakeAkismet

    with ExitStack() as stack:
        workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="newsroom-peer-")))
        workdir.chmod(0o755)  # varnishd's unprivileged child reads its files here
        akismet = FakeAkismet()
        # A hanging check that the site gave up on ends in a broken pipe: not worth a trace.
        akismet.handle_error = lambda request, client_address: None
        akismet.start()
        stack.callback(akismet.stop)
        env = bench_environment(args.database_url, workdir / "static") | {
            "REDIS_URL": args.redis_url,
            "PYTHON_AKISMET_API_KEY": VALID_KEY,
            "PYTHON_AKISMET_BLOG_URL": "https://news.example.com",
            "AKISMET_API_URL": akismet.url,
            "AKISMET_TIMEOUT": str(args.akismet_timeout),
            "DJANGO_TRUSTED_PROXIES": "1",
        }
        os.environ.update(env)
        ensure_database(args.database_url)
        generate.setup_django()
        prepare_site(args)
        delete_posted_comments()
        showcase = generate.ensure_showcase()
        pages = [("article", showcase.get_absolute_url()), ("home", "/")]
        from bench.run import count_queries

        queries = count_queries(pages)
        report = {
            "timestamp": datetime.now(UTC).isoformat(timespec="seconds"),
            "code": code_version(),
            "machine": machine() | {"busy_before_percent": check_quiet()},
            "settings": {
                "wrk_threads": args.wrk_threads,
                "connections": args.connections,
                "duration": args.duration,
                "post_duration": args.post_duration,
                "warmup": args.warmup,
                "gunicorn": Workers("gthread", args.workers, args.threads).label,
                "akismet_delay_ms": args.akismet_delay * 1000,
                "akismet_timeout": args.akismet_timeout,
                "worker_interval": f"{args.worker_interval} s"
                if args.worker_interval
                else "the backend's default",
                "redis": args.redis_url,
                "phases": args.phases,
            },
            "peer": {"folder": str(peer.folder) if peer else None, "note": note},
            "articles": generate.generated_count(),
            "page_check": page_check(showcase.get_absolute_url()),
            "queries": {name: len(sql) for name, sql in queries.items()},
            "sql": queries,
            "pages": {},
            "posts": {},
            "edge": {},
        }
        if "inprocess" in args.phases:
            say(f"In-process: {args.requests} cold and warm requests per page, then a profile.")
            report["in_process"] = in_process(pages, args.requests)
            report["profile"] = profile(showcase.get_absolute_url(), args.profile_requests)
        from django.db import connections

        connections.close_all()
        post_path = f"/comments/post/{showcase.pk}/"
        if "pages" in args.phases or "posts" in args.phases:
            setup = Workers("gthread", args.workers, args.threads)
            say(f"Starting gunicorn ({setup.label}) and a task worker, no HTTP cache.")
            with (
                gunicorn(setup, env, workdir) as server,
                task_worker(env, workdir, args.worker_interval),
            ):
                if "pages" in args.phases:
                    pages_phase(
                        Bench(args, workdir, env), server.pid, server.url, pages, peer, report
                    )
                if "posts" in args.phases:
                    posts_phase(
                        Bench(args, workdir, env), server.url, post_path, akismet, peer, report
                    )
        if "edge" in args.phases:
            say("The HTTP cache: Varnish with deploy/varnish/default.vcl in front of gunicorn.")
            edge_phase(Bench(args, workdir, env), showcase, pages, akismet, peer, report)
        if peer:
            report["peer"]["runs"] = peer.runs
        report["goals"] = goals(report)
        report["limits"] = limits(report)
        say()
        say(markdown(report))
        say()
        say(f"Results saved in {save(report).relative_to(REPO_ROOT)}")


if __name__ == "__main__":
    main()
