"""
A stand-in for the Akismet service on 127.0.0.1, speaking its HTTP protocol.

The real `akismet` client talks to it through AKISMET_API_URL. What it answers is chosen
by the test (`server.mode`) or, as the real service does for testing, by the comment:
the author "akismet-guaranteed-spam" is spam, and so on.
"""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

VALID_KEY = "test-akismet-key"

# Modes: "auto" (decide from the comment), "ham", "spam", "discard", "slow", "error",
# "garbage", "invalid-key".
MODES = {"auto", "ham", "spam", "discard", "slow", "error", "garbage", "invalid-key"}


class FakeAkismet(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mode = "auto"
        self.delay = 0.0  # seconds before every answer (a realistic service latency)
        self.slow_seconds = 5.0  # how long "slow" takes: longer than the client's timeout
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._lock = threading.Lock()
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "FakeAkismet":
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()

    def calls(self, endpoint: str) -> list[dict[str, str]]:
        with self._lock:
            return [params for path, params in self.requests if path.endswith(endpoint)]

    def record(self, path: str, params: dict[str, str]) -> None:
        with self._lock:
            self.requests.append((path, params))


class _Handler(BaseHTTPRequestHandler):
    server: FakeAkismet
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def do_POST(self):
        length = int(self.headers.get("Content-Length", 0))
        params = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        self.server.record(self.path, params)
        if self.server.delay:
            time.sleep(self.server.delay)
        mode = self.server.mode
        if mode == "slow":
            time.sleep(self.server.slow_seconds)
        if mode == "error":
            return self.answer("Internal error", status=500)
        if mode == "garbage":
            return self.answer("<html>maybe</html>")
        valid_key = params.get("api_key") == VALID_KEY and mode != "invalid-key"

        if self.path.endswith("/verify-key"):
            return self.answer("valid" if valid_key else "invalid")
        if not valid_key:
            return self.answer("invalid", headers={"X-akismet-debug-help": "Invalid API key."})
        if self.path.endswith("/comment-check"):
            return self.comment_check(params, mode)
        if self.path.endswith(("/submit-spam", "/submit-ham")):
            return self.answer("Thanks for making the web a better place.")
        return self.answer("Not found", status=404)

    def comment_check(self, params: dict[str, str], mode: str):
        if mode == "auto":
            content = params.get("comment_content", "")
            if "akismet-discard" in content:
                mode = "discard"
            elif params.get("comment_author") == "akismet-guaranteed-spam" or (
                "buy cheap pills" in content
            ):
                mode = "spam"
            else:
                mode = "ham"
        if mode == "discard":
            return self.answer("true", headers={"X-akismet-pro-tip": "discard"})
        return self.answer("true" if mode == "spam" else "false")

    def answer(self, body: str, *, status: int = 200, headers: dict | None = None):
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)
