from .page import SurveyPage
from .response import Response
from .wave import Invitation, Wave

__all__ = ["Invitation", "Response", "SurveyPage", "Wave"]
