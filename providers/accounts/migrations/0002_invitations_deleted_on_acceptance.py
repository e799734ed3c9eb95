"""Accepting an invitation deletes it, so `accepted_at` was never set on a new row: rows
accepted before that are deleted here (they only held an address), then the field goes
and one invitation per listing and address is the whole rule."""

from django.db import migrations, models


def delete_accepted_invitations(apps, schema_editor):
    invitations = apps.get_model("provider_accounts", "CoEditorInvitation")
    invitations.objects.filter(accepted_at__isnull=False).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("provider_accounts", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(delete_accepted_invitations, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name="coeditorinvitation",
            name="one_open_invitation_per_address",
        ),
        migrations.RemoveField(
            model_name="coeditorinvitation",
            name="accepted_at",
        ),
        migrations.AddConstraint(
            model_name="coeditorinvitation",
            constraint=models.UniqueConstraint(
                fields=("page", "email"), name="one_invitation_per_address"
            ),
        ),
    ]
