from django.apps import AppConfig


class ProviderAccountsConfig(AppConfig):
    """Provider accounts (sign-up, co-editor invitations, the audit of deleted accounts).
    Its own app label and migrations, so its tables never collide with `providers`'s."""

    name = "providers.accounts"
    label = "provider_accounts"
    verbose_name = "Provider accounts"
    default_auto_field = "django.db.models.BigAutoField"
