"""Count the comments readers see on every existing article (Article.comment_count)."""

from django.db import migrations


def count(apps, schema_editor):
    # The rule and the writer the site uses, applied to this migration's models: they name
    # fields only (see comments.models.visible_q).
    from comments.counts import recount

    Article = apps.get_model("articles", "Article")
    Comment = apps.get_model("comments", "Comment")
    recount(Article.objects.all(), Comment.objects.all())


class Migration(migrations.Migration):

    dependencies = [
        ("articles", "0007_article_comment_count"),
        ("comments", "0003_moderation_event_action_choices"),
    ]

    operations = [
        # Backwards, the column goes with the articles migration: nothing to undo here.
        migrations.RunPython(count, migrations.RunPython.noop, elidable=True),
    ]
