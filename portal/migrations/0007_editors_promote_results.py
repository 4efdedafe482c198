"""Editors ("Rédacteurs") manage the promoted results: the search report asks them to."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Rédacteurs"
CODENAMES = ["add_searchpromotion", "change_searchpromotion", "delete_searchpromotion"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations: those of this one app, now.
    app_config = apps.get_app_config("wagtailsearchpromotions")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _created = Group.objects.get_or_create(name=EDITORS)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="wagtailsearchpromotions", codename__in=CODENAMES
        )
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group in Group.objects.filter(name=EDITORS):
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="wagtailsearchpromotions", codename__in=CODENAMES
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0006_home_promise"),
        ("wagtailsearchpromotions", "0001_initial"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
