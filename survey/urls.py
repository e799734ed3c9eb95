from django.urls import path
from django.views.decorators.cache import never_cache

from .views import answer, receipt

app_name = "survey"

# Every page shows someone's answers, their receipt code or a form holding them: no
# browser or proxy keeps a copy (Cache-Control: no-store) for the next user of a shared
# computer to find with Back.
urlpatterns = [
    path("", never_cache(answer.start), name="start"),
    path("invitation/<str:token>/", never_cache(answer.invitation), name="invitation"),
    path("questions/<slug:slug>/", never_cache(answer.question), name="question"),
    path("check-answers/", never_cache(answer.check), name="check"),
    path("confirmation/", never_cache(answer.confirmation), name="confirmation"),
    path("saved/", never_cache(answer.saved), name="saved"),
    path("resume/", never_cache(receipt.resume), name="resume"),
    path("your-response/", never_cache(receipt.your_response), name="your_response"),
    path("your-response/delete/", never_cache(receipt.erase), name="erase"),
    path("your-response/deleted/", never_cache(receipt.erased), name="erased"),
    path("finish/", never_cache(receipt.finish), name="finish"),
    path("finished/", never_cache(receipt.finished), name="finished"),
]
