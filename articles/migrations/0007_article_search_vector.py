"""
The search vector as a model field (articles.models.SearchDocument), so the ORM reaches it
like any other column.

On PostgreSQL the column, its GIN index and the triggers feeding it exist since 0005: only
Django's model state learns about it here. Elsewhere (SQLite, for development) the column is
added, always NULL: the search there is a plain fallback that reads the text.
"""

import django.contrib.postgres.search
from django.db import migrations, models

import articles.models


class AddFieldOutsidePostgreSQL(migrations.AddField):
    """AddField whose schema change is made by migration 0005 on PostgreSQL."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [("articles", "0006_journalists_link_permissions")]

    operations = [
        AddFieldOutsidePostgreSQL(
            model_name="article",
            name="search_vector",
            field=models.GeneratedField(
                db_persist=True,
                expression=articles.models.SearchDocument(),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
    ]
