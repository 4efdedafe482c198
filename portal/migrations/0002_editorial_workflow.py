"""Editors' groups and the "Relecture" workflow.

"Rédacteurs" write and submit; "Relecteurs" also publish, and are the reviewers of the
"Relecture" workflow, which applies to the whole page tree.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Rédacteurs"
REVIEWERS = "Relecteurs"
WORKFLOW = "Relecture"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    REVIEWERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
COLLECTION_PERMISSIONS = {
    "wagtailimages": ["add_image", "change_image", "choose_image"],
    "wagtaildocs": ["add_document", "change_document", "choose_document"],
}
SNIPPET_PERMISSIONS = {
    "portal": ["add_territory", "change_territory"],
    "resources": ["add_expert", "change_expert"],
}


def create_groups_and_workflow(apps, schema_editor):
    # Permissions are normally created after all migrations; create them now to assign them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    access_admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")

    groups = {}
    for name, codenames in PAGE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=name)
        groups[name] = group
        group.permissions.add(access_admin)
        for app_label, snippet_codenames in SNIPPET_PERMISSIONS.items():
            group.permissions.add(
                *Permission.objects.filter(content_type__app_label=app_label, codename__in=snippet_codenames)
            )
        for permission in Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames):
            GroupPagePermission.objects.get_or_create(group=group, page=root_page, permission=permission)
        for app_label, collection_codenames in COLLECTION_PERMISSIONS.items():
            for permission in Permission.objects.filter(
                content_type__app_label=app_label, codename__in=collection_codenames
            ):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )

    task_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task, created = GroupApprovalTask.objects.get_or_create(
        name="Relecture par un relecteur", defaults={"content_type": task_type, "active": True}
    )
    task.groups.set([groups[REVIEWERS]])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW, defaults={"active": True})
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=root_page, defaults={"workflow": workflow})
    # Wagtail's own default workflow would otherwise remain offered to editors.
    Workflow.objects.exclude(pk=workflow.pk).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("resources", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups_and_workflow, migrations.RunPython.noop)]
