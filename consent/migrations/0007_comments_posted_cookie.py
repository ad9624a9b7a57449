from cookie_consent.cache import delete_cache
from django.conf import settings
from django.db import migrations

# The comments app's signed cookie of the comments a browser posted (comments/own.py): set
# only when someone posts a comment, so its author keeps seeing it while it waits for
# moderation. Strictly necessary: it is what the visitor asked for by posting.
COMMENTS_POSTED = (
    "comments_posted",
    "The numbers of the comments you posted from this browser, signed by the site, so that "
    "you see your own comments while they wait for moderation and are told once they are "
    "published. Set only when you post a comment; kept for 90 days.",
)

# Readers' forms no longer carry a CSRF token (the cross-origin check protects them): the
# token cookie is only set for staff. Changed only if nobody edited the description.
CSRF_BEFORE = (
    "Protects the forms you send (comments, cookie choices) against cross-site request "
    "forgery. Kept for one year."
)
CSRF_NOW = (
    "Protects the forms staff send while signed in against cross-site request forgery. "
    "Not set for readers; kept for one year."
)


def add_comments_posted(apps, schema_editor):
    CookieGroup = apps.get_model("cookie_consent", "CookieGroup")
    Cookie = apps.get_model("cookie_consent", "Cookie")
    group = CookieGroup.objects.filter(varname="necessary").first()
    if group is None:
        return
    name, description = COMMENTS_POSTED
    Cookie.objects.get_or_create(
        cookiegroup=group,
        name=name,
        domain="",
        defaults={"description": description, "path": "/"},
    )
    Cookie.objects.filter(
        cookiegroup=group, name=settings.CSRF_COOKIE_NAME, description=CSRF_BEFORE
    ).update(description=CSRF_NOW)
    # The package caches the groups for an hour; these rows bypass its model methods.
    delete_cache()


def remove_comments_posted(apps, schema_editor):
    Cookie = apps.get_model("cookie_consent", "Cookie")
    Cookie.objects.filter(cookiegroup__varname="necessary", name=COMMENTS_POSTED[0]).delete()
    Cookie.objects.filter(
        cookiegroup__varname="necessary", name=settings.CSRF_COOKIE_NAME, description=CSRF_NOW
    ).update(description=CSRF_BEFORE)
    delete_cache()


class Migration(migrations.Migration):
    dependencies = [("consent", "0006_snippet_code_allowed_by_hash")]

    operations = [migrations.RunPython(add_comments_posted, remove_comments_posted)]
