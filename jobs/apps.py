from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class JobsConfig(AppConfig):
    name = "jobs"
    verbose_name = "Background work"

    def ready(self):
        from jobs import checks

        checks.register_deploy_checks()
        # Each app's tasks.py registers its periodic jobs (as admin.py registers models).
        autodiscover_modules("tasks")
