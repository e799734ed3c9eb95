from django.urls import path

from .views import planners

app_name = "planners"

urlpatterns = [
    path("", planners.index, name="index"),
    path("waves/<int:wave_id>/", planners.wave, name="wave"),
    path("waves/<int:wave_id>/tables/<slug:slug>/", planners.table, name="table"),
    path(
        "waves/<int:wave_id>/tables/<slug:slug>.<str:fmt>",
        planners.download,
        name="download",
    ),
]
