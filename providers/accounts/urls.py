"""Provider accounts: sign up, verify email, sign in and out, password reset, change email,
delete account, co-editors. Mounted at /manage/ (config/urls.py)."""

from django.urls import path

from .views import account, editors, password_reset, sign_in, sign_up

app_name = "accounts"
urlpatterns = [
    path("sign-in/", sign_in.SignInView.as_view(), name="sign_in"),
    path("sign-out/", sign_in.SignOutView.as_view(), name="sign_out"),
    path("sign-up/", sign_up.sign_up, name="sign_up"),
    path("sign-up/check-your-email/", sign_up.check_email, name="check_email"),
    path(
        "sign-up/confirm/<str:uidb64>/<str:token>/",
        sign_up.confirm_email,
        name="confirm_email",
    ),
    path("reset-password/", password_reset.PasswordResetView.as_view(), name="password_reset"),
    path(
        "reset-password/check-your-email/",
        password_reset.PasswordResetDoneView.as_view(),
        name="password_reset_done",
    ),
    path(
        "reset-password/complete/",
        password_reset.PasswordResetCompleteView.as_view(),
        name="password_reset_complete",
    ),
    path(
        "reset-password/<str:uidb64>/<str:token>/",
        password_reset.PasswordResetConfirmView.as_view(),
        name="password_reset_confirm",
    ),
    path("account/", account.account, name="account"),
    path("account/email/", account.change_email, name="change_email"),
    path(
        "account/email/confirm/<str:token>/",
        account.change_email_confirm,
        name="change_email_confirm",
    ),
    path("account/password/", account.PasswordChangeView.as_view(), name="password_change"),
    path("account/delete/", account.delete_account, name="delete_account"),
    path("account/deleted/", account.account_deleted, name="account_deleted"),
    path("account/editors/", editors.manage_editors, name="editors"),
    path("account/editors/<int:pk>/remove/", editors.remove_editor, name="remove_editor"),
    path("account/editors/<int:pk>/make-owner/", editors.make_owner, name="make_owner"),
    path(
        "account/editors/invitations/<int:pk>/cancel/",
        editors.cancel_invitation,
        name="cancel_invitation",
    ),
    path("invitation/<str:token>/", editors.accept_invitation, name="accept_invitation"),
]
