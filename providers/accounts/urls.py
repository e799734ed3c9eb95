"""Provider accounts: sign up, verify email, sign in and out, password reset, change email,
delete account, co-editors. Mounted at /manage/ (config/urls.py)."""

app_name = "accounts"
urlpatterns = []
