import importlib

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


# Rows the data migrations create (groups, the privacy page, ...). A transactional test
# (browser tests, concurrency tests) empties every table when it ends, so the next one
# gets them back from here.
DATA_MIGRATIONS = [
    ("articles", "0002_editorial_groups", "create_groups"),
    ("articles", "0006_journalists_link_permissions", "grant"),
    ("comments", "0002_moderator_permissions", "grant"),
    ("newsroom", "0001_privacy_page", "create_privacy_page"),
    ("newsroom", "0003_cookie_groups", "create_cookie_groups"),
    ("newsroom", "0004_privacy_page_generated_sections", "forwards"),
]


@pytest.fixture(autouse=True)
def _migration_data(request):
    marker = request.node.get_closest_marker("django_db")
    if not marker or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    from django.apps import apps
    from django.db import connection

    for app_label, migration, function in DATA_MIGRATIONS:
        module = importlib.import_module(f"{app_label}.migrations.{migration}")
        getattr(module, function)(apps, connection.schema_editor())


@pytest.fixture
def task_worker(transactional_db):
    """A task worker running beside the test, as `manage.py worker` runs beside the site."""
    with worker_running() as worker:
        yield worker
