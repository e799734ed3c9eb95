"""Mounted at /claim-listing/<listing slug>/ (config/urls.py)."""

from django.urls import path

from . import views

app_name = "claims"
urlpatterns = [
    path("<slug:slug>/", views.claim, name="claim"),
    path("<slug:slug>/sent/", views.sent, name="sent"),
]
