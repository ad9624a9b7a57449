from django.apps import AppConfig


class EdgeConfig(AppConfig):
    name = "edge"
    verbose_name = "HTTP cache"

    def ready(self):
        from edge import signals

        signals.connect()
