from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content as data files, and the seed_demo command that loads it."""

    name = "demo"
    verbose_name = "Demo content"
