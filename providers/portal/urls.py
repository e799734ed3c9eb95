"""The provider portal ("Manage your listing"). Mounted at /manage/ (config/urls.py).
Every view is wrapped in providers.portal.access.listing_required."""

app_name = "portal"
urlpatterns = []
