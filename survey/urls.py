from django.urls import path

from .views import answer, receipt

app_name = "survey"

urlpatterns = [
    path("", answer.start, name="start"),
    path("invitation/<str:token>/", answer.invitation, name="invitation"),
    path("questions/<slug:slug>/", answer.question, name="question"),
    path("check-answers/", answer.check, name="check"),
    path("confirmation/", answer.confirmation, name="confirmation"),
    path("saved/", answer.saved, name="saved"),
    path("resume/", receipt.resume, name="resume"),
    path("your-response/", receipt.your_response, name="your_response"),
    path("your-response/delete/", receipt.erase, name="erase"),
    path("your-response/deleted/", receipt.erased, name="erased"),
]
