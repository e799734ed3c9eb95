"""Give the "Survey administrators" group (home 0002) the survey permissions: manage
waves, issue invitations, and erase a response on a respondent's request. No other group
gets any survey permission."""

from django.db import migrations

SURVEY_ADMINS = "Survey administrators"
PERMISSIONS = {
    "wave": ["add_wave", "change_wave", "delete_wave", "view_wave"],
    "invitation": ["add_invitation", "view_invitation"],
    "response": ["delete_response"],
}


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=SURVEY_ADMINS)
    for model, codenames in PERMISSIONS.items():
        content_type, _ = ContentType.objects.get_or_create(app_label="survey", model=model)
        for codename in codenames:
            perm, _ = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": codename.replace("_", " ").capitalize()},
            )
            group.permissions.add(perm)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name=SURVEY_ADMINS).first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label="survey",
                codename__in=[c for codes in PERMISSIONS.values() for c in codes],
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("survey", "0001_initial"),
        ("home", "0002_staff_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
