from django.db import migrations
from django.db.migrations.recorder import MigrationRecorder

# The "Cookies" and "Comment data" sections are now written by templates/flatpages/privacy.html
# from the consent models and the settings, so they never go stale. The editable text keeps
# the introduction and the contact details; a page editors have already changed is left alone.

OLD_HTML = """
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

NEW_HTML = """
<p>This page explains what the site stores about you, why, and for how long. Editors can
change this introduction in the administration under <em>Flat pages</em>; the sections on
cookies and comment data below are written from the site's own configuration.</p>

<p id="contact">For any question about your data, or to ask for a copy of your comment data or
for its erasure, write to the editors at the address given on the site.</p>
""".strip()


def replace(apps, old, new):
    FlatPage = apps.get_model("flatpages", "FlatPage")
    FlatPage.objects.filter(url="/privacy/", content=old).update(content=new)


NAME = "0004_privacy_page_generated_sections"


def ran_in_the_project_package(schema_editor) -> bool:
    """True where this migration already ran as newsroom's, before the consent app existed."""
    recorder = MigrationRecorder(schema_editor.connection)
    return recorder.migration_qs.filter(app="newsroom", name=NAME).exists()


def forwards(apps, schema_editor):
    if ran_in_the_project_package(schema_editor):
        return
    replace(apps, OLD_HTML, NEW_HTML)


def backwards(apps, schema_editor):
    replace(apps, NEW_HTML, OLD_HTML)


class Migration(migrations.Migration):
    dependencies = [("consent", "0003_cookie_groups")]

    operations = [migrations.RunPython(forwards, backwards)]
