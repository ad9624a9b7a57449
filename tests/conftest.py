import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache

from tests import factories
from tests.akismet_server import VALID_KEY, FakeAkismet
from tests.worker import worker_running


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """
    On SQLite, a test database in a file, as db.sqlite3 is for `make run`: a task worker in
    its own process then works on the same rows as the test and the live server, each on its
    own connection, and SQLite's locking keeps them apart as it does in production. (An
    in-memory database can only be shared by handing one connection to every thread, whose
    transactions then run into each other.) WAL lets readers go on while one writes; nothing
    is synced to disk, since the file is thrown away.
    """
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database.setdefault("TEST", {})["NAME"] = str(
            tmp_path_factory.mktemp("database") / "test.sqlite3"
        )
        database.setdefault("OPTIONS", {})["init_command"] = (
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = OFF"
        )


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    """Fast hashing, media in a temporary folder, small renditions, a clean cache."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.NEWSROOM_IMAGE_WIDTHS = [320, 640]
    # The manifest needs collectstatic; tests read static files from the finders.
    settings.STORAGES = settings.STORAGES | {
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """
    The test databases, with the serialised copy of the migration-created rows (groups, cookie
    groups, the privacy page) reachable from every connection object.

    Transactional tests with serialized_rollback=True reload that copy, which Django keeps on
    the connection object that created the database. Browser tests run after Playwright's
    greenlets have switched the context Django looks connections up in, and get new objects
    for the same databases: the copy is kept on their class too, so they find it.
    """
    from django.db import connections

    for connection in connections.all():
        contents = getattr(connection, "_test_serialized_contents", None)
        if contents is not None:
            type(connection)._test_serialized_contents = contents


@pytest.fixture
def section(db):
    return factories.make_section(name="Europe", slug="europe")


@pytest.fixture
def article(db, section):
    return factories.make_article(section=section, title="Talks in Stockholm", slug="talks")


@pytest.fixture
def journalist(db):
    user = factories.make_user(
        username="journalist", is_staff=True, groups=[Group.objects.get(name="Journalists")]
    )
    factories.make_author(user=user, display_name="Jane Reporter", slug="jane-reporter")
    return user


@pytest.fixture
def moderator(db):
    return factories.make_user(
        username="moderator", is_staff=True, groups=[Group.objects.get(name="Moderators")]
    )


@pytest.fixture
def journalist_client(client, journalist):
    client.force_login(journalist)
    return client


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


@pytest.fixture(scope="session")
def akismet_server():
    server = FakeAkismet().start()
    yield server
    server.stop()


@pytest.fixture
def akismet(akismet_server, settings):
    """The loopback Akismet, reset for each test and wired into the settings."""
    akismet_server.mode = "auto"
    akismet_server.delay = 0.0
    akismet_server.requests.clear()
    settings.AKISMET_API_KEY = VALID_KEY
    settings.AKISMET_BLOG_URL = "https://news.example.com"
    settings.AKISMET_API_URL = akismet_server.url
    settings.AKISMET_TIMEOUT = 0.5
    akismet_server.slow_seconds = 1.5
    return akismet_server


def pytest_collection_modifyitems(items):
    """
    Every transactional test gets the migration-created rows back (serialized_rollback).

    A transactional test empties every table when it ends; without the serialised copy the
    next one would run without the groups, the cookie groups and the privacy page, and a
    flush that re-creates content types would clash with the next test restoring them.
    """
    for item in items:
        marker = item.get_closest_marker("django_db")
        if (
            marker
            and marker.kwargs.get("transaction")
            and not marker.kwargs.get("serialized_rollback")
        ):
            # Prepended, so it is the closest marker pytest-django reads.
            item.add_marker(
                pytest.mark.django_db(*marker.args, **marker.kwargs, serialized_rollback=True),
                append=False,
            )


@pytest.fixture
def task_worker(transactional_db):
    """A task worker running beside the test, as `manage.py worker` runs beside the site."""
    with worker_running() as worker:
        yield worker
