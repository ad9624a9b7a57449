"""Where the count of the comments readers see is stored (comments.counts writes it)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('articles', '0006_journalists_link_permissions'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='comment_count',
            field=models.PositiveIntegerField(default=0, editable=False, help_text='Published comments under published parents. Kept up to date automatically.', verbose_name='comments readers see'),
        ),
    ]
