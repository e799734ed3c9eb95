"""Create the staff groups every deployment needs. Later migrations of the apps
that own the data (providers, survey) add their own permissions to them."""

from django.db import migrations

MODERATORS = "Moderators"
ANALYSTS = "Analysts"
SURVEY_ADMINS = "Survey administrators"

PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
IMAGE_PERMISSIONS = ["add_image", "change_image", "choose_image"]
DOCUMENT_PERMISSIONS = ["add_document", "change_document", "choose_document"]


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


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    access_admin = permission(apps, "wagtailadmin", "admin", "access_admin")
    groups = {
        name: Group.objects.get_or_create(name=name)[0]
        for name in (MODERATORS, ANALYSTS, SURVEY_ADMINS)
    }
    for group in groups.values():
        group.permissions.add(access_admin)

    moderators = groups[MODERATORS]
    root_page = Page.objects.filter(depth=1).first()
    if root_page is not None:
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=moderators,
                page=root_page,
                permission=permission(apps, "wagtailcore", "page", codename),
            )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for app_label, model, codenames in (
            ("wagtailimages", "image", IMAGE_PERMISSIONS),
            ("wagtaildocs", "document", DOCUMENT_PERMISSIONS),
        ):
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=moderators,
                    collection=root_collection,
                    permission=permission(apps, app_label, model, codename),
                )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=[MODERATORS, ANALYSTS, SURVEY_ADMINS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
