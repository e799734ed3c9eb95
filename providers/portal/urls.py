"""The provider portal ("Manage your listing"). Mounted at /manage/ (config/urls.py).
Every view is wrapped in providers.portal.access.listing_required; no URL carries a
listing's ID (the listing is always the signed-in account's)."""

from django.urls import path

from . import views

app_name = "portal"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("about/", views.edit_section, {"section": "about"}, name="edit_about"),
    path("what-you-offer/", views.edit_section, {"section": "offer"}, name="edit_offer"),
    path("prices/", views.edit_section, {"section": "prices"}, name="edit_prices"),
    path(
        "availability/",
        views.edit_section,
        {"section": "availability"},
        name="edit_availability",
    ),
    path("where/", views.edit_section, {"section": "where"}, name="edit_where"),
    path("contact-details/", views.edit_section, {"section": "contact"}, name="edit_contact"),
    path("photos/", views.photos, name="photos"),
    path("photos/remove/", views.photo_remove, name="photo_remove"),
    path("preview/", views.preview, name="preview"),
    path("submit/", views.submit, name="submit"),
    path("reconfirm/", views.reconfirm, name="reconfirm"),
    path("discard/", views.discard, name="discard"),
    path("checks/", views.checks, name="checks"),
    path("checks/<slug:kind>/", views.check_edit, name="check_edit"),
    path("checks/<slug:kind>/remove/", views.check_remove, name="check_remove"),
    path("enquiries/", views.enquiries, name="enquiries"),
    path("enquiries/<int:pk>/", views.enquiry, name="enquiry"),
    path("enquiries/<int:pk>/delete/", views.enquiry_delete, name="enquiry_delete"),
]
