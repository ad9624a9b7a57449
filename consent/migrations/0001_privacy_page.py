from django.db import migrations
from django.db.migrations.recorder import MigrationRecorder

PRIVACY_HTML = """
<p>This page explains what the site stores about you, why, and for how long. Editors can
change this text in the administration under <em>Flat pages</em>.</p>

<h2 id="cookies">Cookies</h2>
<p>Strictly necessary cookies keep the site secure (the <code>csrftoken</code> cookie protects
forms) and remember your cookie choice. Other cookies are set only after you accept them in the
cookie banner, and you can withdraw that choice at any time from the "Cookie settings" link at
the bottom of every page.</p>

<h2 id="comment-data">Comment data</h2>
<p>When you leave a comment we store the name, email address, website and text you enter, with
your IP address and browser user agent. To detect spam, the comment and those details are sent
to Akismet, a service of Automattic. Your email address is never published. IP addresses and
user agents are deleted after a fixed number of days. You can ask for a copy of your comment data,
or for its erasure, by writing to the editors.</p>

<h2 id="contact">Contact</h2>
<p>Write to the editors at the address given on the site for any question about your data.</p>
""".strip()


NAME = "0001_privacy_page"


def ran_in_the_project_package(schema_editor) -> bool:
    """True where this migration already ran as newsroom's, before the consent app existed."""
    recorder = MigrationRecorder(schema_editor.connection)
    return recorder.migration_qs.filter(app="newsroom", name=NAME).exists()


def create_privacy_page(apps, schema_editor):
    if ran_in_the_project_package(schema_editor):
        return
    Site = apps.get_model("sites", "Site")
    FlatPage = apps.get_model("flatpages", "FlatPage")
    site, _ = Site.objects.get_or_create(pk=1, defaults={"domain": "localhost", "name": "Newsroom"})
    page, created = FlatPage.objects.get_or_create(
        url="/privacy/",
        defaults={
            "title": "Privacy & Cookies Policy",
            "content": PRIVACY_HTML,
            "template_name": "flatpages/privacy.html",
        },
    )
    page.sites.add(site)


def remove_privacy_page(apps, schema_editor):
    apps.get_model("flatpages", "FlatPage").objects.filter(url="/privacy/").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("sites", "0002_alter_domain_unique"),
        ("flatpages", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_privacy_page, remove_privacy_page)]
