from cookie_consent.cache import delete_cache
from django.conf import settings
from django.db import migrations
from django.db.migrations.recorder import MigrationRecorder

# The site's cookies, by group. The banner, the settings page and the privacy policy all
# read these rows, so the policy lists exactly what the site sets. Adding a cookie to a
# group later (in the admin or a migration) changes the group's version: visitors who
# accepted it are asked again.


def groups():
    # Read at migration time: the names the site really uses.
    return [
        {
            "varname": "necessary",
            "name": "Strictly necessary",
            "description": (
                "Needed for the site to work and to keep it secure. They are always on and "
                "hold nothing about what you read."
            ),
            "is_required": True,
            "is_deletable": False,
            "ordering": 0,
            "cookies": [
                (
                    settings.CSRF_COOKIE_NAME,
                    "Protects the forms you send (comments, cookie choices) against "
                    "cross-site request forgery. Kept for one year.",
                ),
                (
                    getattr(settings, "COOKIE_CONSENT_NAME", "cookie_consent"),
                    "Remembers your cookie choices and when you made them. Set only when you "
                    "choose; kept for one year.",
                ),
                (
                    settings.SESSION_COOKIE_NAME,
                    "Keeps staff signed in to the administration. Not set for readers.",
                ),
                (
                    "messages",
                    "Carries a one-time notice to the next page in the administration. "
                    "Not set for readers.",
                ),
            ],
        },
        {
            "varname": "functional",
            "name": "Functional",
            "description": (
                "Remember things you asked the site to remember, such as your details in the "
                "comment form."
            ),
            "is_required": False,
            "is_deletable": True,
            "ordering": 10,
            "cookies": [
                (
                    "comment_author",
                    "Your name, email address and website, when you tick “Save my name, email, "
                    "and website in this browser for the next time I comment”. Read only by "
                    "your browser to fill in the comment form; kept for one year.",
                ),
            ],
        },
        {
            "varname": "analytics",
            "name": "Analytics",
            "description": (
                "Count visits and show which articles are read, with our own Matomo "
                "installation. Nothing is shared with advertisers."
            ),
            "is_required": False,
            "is_deletable": True,
            "ordering": 20,
            "cookies": [
                (
                    "_pk_id",
                    "Matomo: a random visitor number, so a returning visit is counted once. "
                    "Kept for 13 months.",
                ),
                ("_pk_ses", "Matomo: groups the pages of one visit. Kept for 30 minutes."),
            ],
        },
    ]


NAME = "0003_cookie_groups"


def ran_in_the_project_package(schema_editor) -> bool:
    """True where this migration already ran as newsroom's, before the consent app existed."""
    recorder = MigrationRecorder(schema_editor.connection)
    return recorder.migration_qs.filter(app="newsroom", name=NAME).exists()


def create_cookie_groups(apps, schema_editor):
    if ran_in_the_project_package(schema_editor):
        return
    CookieGroup = apps.get_model("cookie_consent", "CookieGroup")
    Cookie = apps.get_model("cookie_consent", "Cookie")
    for fields in groups():
        cookies = fields.pop("cookies")
        group, _ = CookieGroup.objects.get_or_create(varname=fields.pop("varname"), defaults=fields)
        for name, description in cookies:
            Cookie.objects.get_or_create(
                cookiegroup=group,
                name=name,
                domain="",
                defaults={"description": description, "path": "/"},
            )
    # The package caches the groups for an hour; these rows bypass its model methods.
    delete_cache()


def remove_cookie_groups(apps, schema_editor):
    varnames = [fields["varname"] for fields in groups()]
    apps.get_model("cookie_consent", "CookieGroup").objects.filter(varname__in=varnames).delete()
    delete_cache()


class Migration(migrations.Migration):
    dependencies = [
        ("cookie_consent", "0004_cookie_natural_key"),
        ("consent", "0002_snippet"),
    ]

    operations = [migrations.RunPython(create_cookie_groups, remove_cookie_groups)]
