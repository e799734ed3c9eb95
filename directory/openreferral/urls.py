"""Mounted at /api/openreferral/ (config/urls.py)."""

from django.urls import path

from . import views

app_name = "openreferral"
urlpatterns = [
    path("", views.index, name="index"),
    path("openapi.json", views.openapi, name="openapi"),
    path("services", views.services, name="services"),
    path("services/<str:id>", views.service_detail, name="service"),
    path("service_at_locations", views.service_at_locations, name="service_at_locations"),
    path("taxonomies", views.taxonomies, name="taxonomies"),
    path("taxonomies/<str:id>", views.taxonomy_detail, name="taxonomy"),
    path("taxonomy_terms", views.taxonomy_terms, name="taxonomy_terms"),
    path("taxonomy_terms/<str:id>", views.taxonomy_term_detail, name="taxonomy_term"),
]
