# Snippets were a model of the project package ("newsroom") until the consent app took them
# over. The model keeps its table, newsroom_snippet:
# - on a database that applied newsroom's migrations the table and its rows are there
#   already, so this app only records the model in its state and adopts the content type
#   (the admin's permissions and history for snippets point at it);
# - on a fresh database the table is created here, exactly as newsroom created it.
# Going back leaves the table and its rows in place: they are older than this app, and
# going forward again picks them up.

import django.db.models.deletion
from django.db import migrations, models


def create_table_unless_there(apps, schema_editor):
    Snippet = apps.get_model("consent", "Snippet")
    if Snippet._meta.db_table not in schema_editor.connection.introspection.table_names():
        schema_editor.create_model(Snippet)


def adopt_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    types = ContentType.objects.using(schema_editor.connection.alias)
    if not types.filter(app_label="consent", model="snippet").exists():
        types.filter(app_label="newsroom", model="snippet").update(app_label="consent")


class Migration(migrations.Migration):

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('cookie_consent', '0004_cookie_natural_key'),
        ('consent', '0001_privacy_page'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Snippet',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(help_text='For the admin only, e.g. “Matomo”.', max_length=100)),
                        ('position', models.CharField(choices=[('head', 'End of the page head'), ('body_end', 'End of the page body')], default='body_end', max_length=10)),
                        ('code', models.TextField(help_text="HTML pasted as it is into every page. Its <script> and <style> tags get the page's security nonce; inline event handlers (onload=…) are blocked, and scripts or beacons from another host work only once that host is in the site's Content-Security-Policy.")),
                        ('enabled', models.BooleanField(default=True)),
                        ('cookie_group', models.ForeignKey(help_text='The snippet is on the page only for visitors who accepted this group.', limit_choices_to={'is_required': False}, on_delete=django.db.models.deletion.PROTECT, related_name='snippets', to='cookie_consent.cookiegroup')),
                    ],
                    options={
                        'verbose_name': 'third-party snippet',
                        'ordering': ['position', 'name'],
                        'db_table': 'newsroom_snippet',
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(create_table_unless_there, migrations.RunPython.noop),
        migrations.RunPython(adopt_content_type, migrations.RunPython.noop),
    ]
