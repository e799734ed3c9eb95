"""Mounted at /data/ (config/urls.py)."""

from django.urls import path

from . import views

app_name = "exports"
urlpatterns = [path("providers.csv", views.all_providers, name="providers_csv")]
