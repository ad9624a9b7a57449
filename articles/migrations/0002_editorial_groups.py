from django.contrib.auth.management import create_permissions
from django.db import migrations

# Least privilege: journalists write articles and manage their pictures and tags;
# they never touch users, groups, sections or site pages. Moderators read
# articles (to judge comments in context) and cannot change them.
JOURNALIST_PERMISSIONS = [
    "articles.add_article",
    "articles.change_article",
    "articles.delete_article",
    "articles.view_article",
    "articles.view_section",
    "articles.add_tag",
    "articles.change_tag",
    "articles.view_tag",
    "articles.add_image",
    "articles.change_image",
    "articles.view_image",
    "articles.view_author",
    "articles.change_author",
    "articles.view_slugredirect",
]
MODERATOR_PERMISSIONS = ["articles.view_article"]
GROUPS = {"Journalists": JOURNALIST_PERMISSIONS, "Moderators": MODERATOR_PERMISSIONS}


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for dotted in codenames:
            app_label, codename = dotted.split(".")
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
