"""
The consent app's migrations, run for real with Django's migration executor.

Snippets, the cookie groups and the privacy page belonged to the project package
("newsroom") before this app existed. A database that applied newsroom's migrations must
upgrade with nothing lost and nothing created twice; a fresh one must get everything.
"""

import pytest
from cookie_consent.models import Cookie, CookieGroup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.contrib.flatpages.models import FlatPage
from django.contrib.sites.models import Site
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from consent.models import BannerText, Snippet
from tests.factories import make_user

# Migrations change the schema, which SQLite refuses inside a transaction: these tests
# commit, and get the migration-created rows back from the serialised copy afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PROJECT_PACKAGE_MIGRATIONS = [
    "0001_privacy_page",
    "0002_snippet",
    "0003_cookie_groups",
    "0004_privacy_page_generated_sections",
]
EDITED_PRIVACY = "<p>Our own words about your data.</p>"


def migrate(*targets):
    executor = MigrationExecutor(connection)
    executor.migrate(list(targets) or executor.loader.graph.leaf_nodes())
    ContentType.objects.clear_cache()


def insert_snippet_as_newsroom_did(**row):
    columns = ", ".join(row)
    placeholders = ", ".join(["%s"] * len(row))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO newsroom_snippet ({columns}) VALUES ({placeholders})", list(row.values())
        )


@pytest.fixture
def database_from_before_the_consent_app():
    """
    A database as newsroom's migrations left it, with a site admin's changes since.

    The consent app is unapplied; newsroom's migrations are recorded; the snippets' table,
    one edited cookie group, an edited privacy page and the old content type are there.
    """
    migrate(("consent", None))
    recorder = MigrationRecorder(connection)
    for name in PROJECT_PACKAGE_MIGRATIONS:
        recorder.record_applied("newsroom", name)
    ContentType.objects.filter(app_label="consent", model="snippet").update(app_label="newsroom")
    ContentType.objects.clear_cache()

    analytics = CookieGroup.objects.create(
        varname="analytics", name="Audience measurement", is_required=False
    )
    Cookie.objects.create(cookiegroup=analytics, name="_pk_id", description="Matomo visitor.")
    page = FlatPage.objects.create(
        url="/privacy/", title="Privacy", content=EDITED_PRIVACY, template_name=""
    )
    page.sites.add(Site.objects.get_current())
    insert_snippet_as_newsroom_did(
        name="Matomo",
        position="head",
        code="<script>var _paq = [];</script>",
        enabled=True,
        cookie_group_id=analytics.pk,
    )
    yield analytics
    # django_migrations belongs to no app, so the flush between tests leaves it alone.
    recorder.migration_qs.filter(app="newsroom").delete()


def test_snippets_survive_the_move_from_the_project_package(
    database_from_before_the_consent_app,
):
    analytics = database_from_before_the_consent_app
    admins = make_user(username="site-admin", is_staff=True)
    admins.user_permissions.add(Permission.objects.get(codename="change_snippet"))

    migrate()

    [snippet] = Snippet.objects.all()
    assert (snippet.name, snippet.position, snippet.code, snippet.enabled) == (
        "Matomo",
        Snippet.Position.HEAD,
        "<script>var _paq = [];</script>",
        True,
    )
    assert snippet.cookie_group == analytics
    # The admin's permission on snippets moved with the model.
    assert get_user_model().objects.get(pk=admins.pk).has_perm("consent.change_snippet")
    assert not ContentType.objects.filter(app_label="newsroom").exists()


def test_data_migrations_that_already_ran_change_nothing(database_from_before_the_consent_app):
    migrate()

    # The admin's edits stand: no group or page comes back, nothing is overwritten.
    assert list(CookieGroup.objects.values_list("varname", "name")) == [
        ("analytics", "Audience measurement")
    ]
    assert list(Cookie.objects.values_list("name", flat=True)) == ["_pk_id"]
    assert FlatPage.objects.get(url="/privacy/").content == EDITED_PRIVACY
    # What is new since (the banner's wording) is created.
    assert BannerText.objects.message() == BannerText.DEFAULT_MESSAGE


def test_a_fresh_database_gets_the_table_the_groups_and_the_page():
    migrate(("consent", None))
    state = MigrationExecutor(connection).loader.project_state(("consent", "0002_snippet"))
    with connection.schema_editor() as editor:
        editor.delete_model(state.apps.get_model("consent", "Snippet"))
    assert "newsroom_snippet" not in connection.introspection.table_names()

    migrate()

    assert "newsroom_snippet" in connection.introspection.table_names()
    snippet = Snippet.objects.create(
        name="Matomo", cookie_group=CookieGroup.objects.get(varname="analytics"), code="<p>"
    )
    assert Snippet.objects.get().pk == snippet.pk
    assert list(CookieGroup.objects.values_list("varname", flat=True)) == [
        "necessary",
        "functional",
        "analytics",
    ]
    privacy = FlatPage.objects.get(url="/privacy/")
    assert privacy.title == "Privacy & Cookies Policy"
    assert "written from the site's own configuration" in privacy.content
    assert BannerText.objects.count() == 1


def test_the_privacy_update_leaves_an_edited_page_alone():
    migrate(("consent", "0003_cookie_groups"))
    page = FlatPage.objects.get(url="/privacy/")
    assert '<h2 id="cookies">Cookies</h2>' in page.content  # the first version's text
    page.content += "<p>An editor's addition.</p>"
    page.save()

    migrate()

    page.refresh_from_db()
    assert page.content.endswith("<p>An editor's addition.</p>")
    assert '<h2 id="cookies">Cookies</h2>' in page.content
