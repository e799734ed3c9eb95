"""The moderation workflow ("Listing approval": one GroupApprovalTask for the Moderators
group) and what Moderators may do with listings' data.

The directory page may not exist yet when this runs (a fresh database): the workflow is
then assigned to it by providers.services.ensure_moderation_workflow when the directory
page is created (seed_demo does this). Moderators get no survey permissions."""

from django.db import migrations

WORKFLOW_NAME = "Listing approval"
TASK_NAME = "Moderators approve"
MODERATORS = "Moderators"

# (model, codenames) in the providers app.
PROVIDERS_PERMISSIONS = [
    ("supportkind", ["add", "change", "delete", "view"]),
    ("audience", ["add", "change", "delete", "view"]),
    ("accessfeature", ["add", "change", "delete", "view"]),
    ("paymentmethod", ["add", "change", "delete", "view"]),
    ("language", ["add", "change", "delete", "view"]),
    ("providercheck", ["change", "view"]),
    ("problemreport", ["change", "view"]),
]


def permission(apps, app_label, model, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    perm, _ = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": codename.replace("_", " ").capitalize()},
    )
    return perm


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    moderators.permissions.add(permission(apps, "wagtailadmin", "admin", "access_admin"))
    for model, actions in PROVIDERS_PERMISSIONS:
        for action in actions:
            moderators.permissions.add(permission(apps, "providers", model, f"{action}_{model}"))

    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME, defaults={"active": True})
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=TASK_NAME, active=True, content_type=task_type)
    task.groups.add(moderators)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})

    directory_type = ContentType.objects.filter(
        app_label="directory", model="directorypage"
    ).first()
    if directory_type is not None:
        for page in Page.objects.filter(content_type=directory_type):
            WorkflowPage.objects.get_or_create(page=page, defaults={"workflow": workflow})


def backwards(apps, schema_editor):
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    Workflow.objects.filter(name=WORKFLOW_NAME).delete()
    Task.objects.filter(name=TASK_NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("providers", "0002_vocabularies"),
        ("home", "0002_staff_groups"),
        ("directory", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
