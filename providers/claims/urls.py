"""Mounted at /claim-listing/ (config/urls.py)."""

from django.urls import path

from . import views

app_name = "claims"
urlpatterns = [
    path("<int:page_id>/", views.claim, name="claim"),
    path("<int:page_id>/sent/", views.sent, name="sent"),
]
