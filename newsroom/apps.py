from django.apps import AppConfig
from django.db.models.signals import post_migrate


class NewsroomConfig(AppConfig):
    """
    The project package, listed in INSTALLED_APPS only so Django runs its checks and keeps
    the Sites record in step with NEWSROOM_SITE_URL.

    Django registers checks and post_migrate handlers from an AppConfig's ready(); the
    package holds no models, migrations, admin, templates or template tags.
    """

    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from newsroom import checks, sites

        checks.register_checks()
        # Every deploy runs migrate: the Sites record follows the setting from then on.
        post_migrate.connect(sites.sync_site, sender=self)
