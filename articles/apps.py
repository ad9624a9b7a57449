from django.apps import AppConfig
from django.db.models.signals import post_migrate


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Articles"

    def ready(self):
        from django.apps import apps

        from articles import signals, sites

        signals.connect()
        # Every deploy runs migrate: the Sites record follows NEWSROOM_SITE_URL from then on.
        # Sent for the sites app, after its own receiver has created the default record.
        post_migrate.connect(
            sites.sync_site, sender=apps.get_app_config("sites"), dispatch_uid="articles.sync_site"
        )
