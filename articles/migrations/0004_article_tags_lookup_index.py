from django.db import migrations


class Migration(migrations.Migration):
    """Related-article ranking reads (tag, article) pairs by tag: an index-only scan."""

    dependencies = [("articles", "0003_related_content")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX article_tags_tag_article_idx ON articles_article_tags (tag_id, article_id)",
            reverse_sql="DROP INDEX article_tags_tag_article_idx",
        )
    ]
