from .download import DownloadRecord, PublishedTable
from .page import SurveyPage
from .response import Response
from .wave import Invitation, Wave

__all__ = [
    "DownloadRecord",
    "Invitation",
    "PublishedTable",
    "Response",
    "SurveyPage",
    "Wave",
]
