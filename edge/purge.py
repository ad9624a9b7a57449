"""
Purge backends: how the site tells the HTTP cache in front that pages are out of date.

The only module that talks to the cache. A backend receives surrogate keys and removes every
stored page tagged with any of them, or raises PurgeFailed. NEWSROOM_PURGE_BACKEND names the
class (the Varnish one by default), NEWSROOM_PURGE_URL where the cache listens; without a URL
purging is off. A CDN gets its own subclass (docs/deployment.md, "HTTP cache").
"""

import urllib.error
import urllib.request
from abc import ABC, abstractmethod

from django.conf import settings
from django.utils.module_loading import import_string


class PurgeFailed(Exception):
    """The cache could not be reached, or refused the purge."""


class PurgeBackend(ABC):
    """Where purges go: subclass it for a CDN and name the class in NEWSROOM_PURGE_BACKEND."""

    def __init__(self, *, url: str, timeout: float):
        self.url = url
        self.timeout = timeout

    @abstractmethod
    def purge(self, keys: list[str]) -> None:
        """Drop every cached page tagged with one of these keys; raise PurgeFailed if not."""


class NoPurge(PurgeBackend):
    """No cache in front (development, tests): nothing to purge."""

    def purge(self, keys: list[str]) -> None:
        return None


class VarnishXkeyPurge(PurgeBackend):
    """A PURGE request with an `xkey` header, as deploy/varnish/default.vcl expects."""

    # Keys per request: Varnish refuses request headers above 8 KiB by default.
    BATCH = 200

    def purge(self, keys: list[str]) -> None:
        for start in range(0, len(keys), self.BATCH):
            self.send(keys[start : start + self.BATCH])

    def send(self, keys: list[str]) -> None:
        request = urllib.request.Request(self.url, method="PURGE", headers={"xkey": " ".join(keys)})
        # The cache is reached directly, whatever proxy the environment names.
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as error:
            raise PurgeFailed(f"{self.url} answered {error.code} {error.reason}") from error
        except (urllib.error.URLError, OSError) as error:
            raise PurgeFailed(f"{self.url} could not be reached: {error}") from error


def get_backend() -> PurgeBackend:
    url = settings.NEWSROOM_PURGE_URL
    if not url:
        return NoPurge(url="", timeout=0)
    backend = import_string(settings.NEWSROOM_PURGE_BACKEND)
    return backend(url=url, timeout=settings.NEWSROOM_PURGE_TIMEOUT)
