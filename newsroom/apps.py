from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    """
    The project package, listed in INSTALLED_APPS only so Django runs its deploy checks.

    Django registers checks from an AppConfig's ready(); the package holds no models,
    migrations, admin, templates or template tags, and no app imports it.
    """

    name = "newsroom"
    verbose_name = "Newsroom"

    def ready(self):
        from newsroom import checks

        checks.register_checks()
