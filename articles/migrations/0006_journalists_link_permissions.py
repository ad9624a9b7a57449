from django.contrib.auth.management import create_permissions
from django.db import migrations

# The editors' guide tells journalists to place "See also" links and editor's picks in an
# article; the admin shows those inlines only to users allowed to manage the link rows.
# They get exactly that: nothing on sections, users or groups.
LINK_PERMISSIONS = [
    f"{action}_{model}"
    for model in ("seealso", "relatedpick")
    for action in ("add", "change", "delete", "view")
]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    journalists, _ = Group.objects.get_or_create(name="Journalists")
    journalists.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="articles", codename__in=LINK_PERMISSIONS
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name="Journalists"):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="articles", codename__in=LINK_PERMISSIONS
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_search"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
