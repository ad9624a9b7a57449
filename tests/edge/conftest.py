"""
Fixtures for the HTTP cache: a loopback server standing in for the cache's purge endpoint,
and a real varnishd (Debian's package) running the shipped VCL in front of the live server.
"""

import http.client
import http.server
import shutil
import socket
import subprocess
import threading
import time
from dataclasses import dataclass
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings

VCL = Path(settings.BASE_DIR) / "deploy" / "varnish" / "default.vcl"
SHIPPED_BACKEND_PORT = '    .port = "8000";\n'


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    text: str

    def header(self, name: str) -> str:
        return self.headers.get(name, "")

    @property
    def cookies(self) -> SimpleCookie:
        jar = SimpleCookie()
        for line in self.headers.get_all("Set-Cookie") or []:
            jar.load(line)
        return jar


def fetch(base_url: str, path: str, *, method="GET", headers=None, data=None) -> Response:
    """One HTTP request, as a browser's would arrive: no redirects followed, no proxy."""
    parts = urlsplit(base_url)
    body = urlencode(data, doseq=True) if data is not None else None
    headers = dict(headers or {})
    if body is not None:
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        return Response(response.status, response.headers, response.read().decode())
    finally:
        connection.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# A purge endpoint on loopback ------------------------------------------------------------


class PurgeRecorder(http.server.ThreadingHTTPServer):
    """Answers PURGE requests as Varnish does and records their keys; can fail on demand."""

    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), PurgeHandler)
        self.purges: list[list[str]] = []
        self.failures_left = 0
        self.url = f"http://127.0.0.1:{self.server_address[1]}/"

    @property
    def keys(self) -> set[str]:
        return {key for purge in self.purges for key in purge}


class PurgeHandler(http.server.BaseHTTPRequestHandler):
    def do_PURGE(self):
        server = self.server
        server.purges.append(self.headers.get("xkey", "").split())
        if server.failures_left:
            server.failures_left -= 1
            self.send_response(503)
        else:
            self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def purge_server_process():
    server = PurgeRecorder()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def purge_server(purge_server_process, settings):
    """The purge endpoint, emptied, with the site sending its purges there."""
    purge_server_process.purges.clear()
    purge_server_process.failures_left = 0
    settings.NEWSROOM_PURGE_URL = purge_server_process.url
    return purge_server_process


# A real Varnish -------------------------------------------------------------------------


class Varnish:
    def __init__(self, workdir: Path, backend_port: int):
        self.workdir = workdir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        shipped = VCL.read_text()
        # The shipped file names its backend port on one line: the only change made here.
        assert shipped.count(SHIPPED_BACKEND_PORT) == 1
        self.vcl = workdir / "default.vcl"
        self.vcl.write_text(
            shipped.replace(SHIPPED_BACKEND_PORT, f'    .port = "{backend_port}";\n')
        )
        self.process = None

    def start(self):
        varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
        if not Path(varnishd).exists():
            pytest.fail("The HTTP cache tests need Varnish: run `make varnish-install`.")
        self.process = subprocess.Popen(
            [
                varnishd,
                "-F",
                "-j",
                "none",
                "-n",
                str(self.workdir / "instance"),
                "-a",
                f"127.0.0.1:{self.port}",
                "-f",
                str(self.vcl),
                "-s",
                "malloc,32m",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        # Ready when it answers from the backend (its health probe has passed).
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"varnishd did not start: {self.process.stderr.read().decode()}")
            try:
                if fetch(self.url, "/static/css/site.css").status == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        pytest.fail("varnishd did not answer within 20 seconds")

    def forget_everything(self):
        subprocess.run(
            ["varnishadm", "-n", str(self.workdir / "instance"), "ban", "obj.status != 0"],
            check=True,
            capture_output=True,
        )

    def get(self, path, **kwargs) -> Response:
        return fetch(self.url, path, **kwargs)

    def post(self, path, data, **kwargs) -> Response:
        return fetch(self.url, path, method="POST", data=data, **kwargs)

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture(scope="session")
def varnish_process(live_server, tmp_path_factory):
    # The live server's request threads share the in-memory SQLite connection, as Django's
    # own LiveServerTestCase arranges.
    from django.db import connections

    for connection in connections.all():
        if connection.vendor == "sqlite" and connection.is_in_memory_db():
            connection.inc_thread_sharing()
    varnish = Varnish(tmp_path_factory.mktemp("varnish"), urlsplit(live_server.url).port)
    yield varnish
    varnish.stop()


@pytest.fixture
def varnish(varnish_process, transactional_db, settings):
    """Varnish in front of the live server, empty, and the site purging it."""
    # Started by the first test, once the test settings and the database are in place.
    if varnish_process.process is None:
        varnish_process.start()
    varnish_process.forget_everything()
    settings.NEWSROOM_PURGE_URL = varnish_process.url
    return varnish_process


@pytest.fixture
def purging_worker(varnish, task_worker):
    """A task worker running beside the site, sending its purges to this Varnish."""
    return task_worker
