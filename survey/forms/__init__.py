from .receipt import EraseForm, ReceiptCodeForm
from .steps import STEPS, STEPS_BY_SLUG, Step, applicable_steps, missing_steps, next_step

__all__ = [
    "STEPS",
    "STEPS_BY_SLUG",
    "EraseForm",
    "ReceiptCodeForm",
    "Step",
    "applicable_steps",
    "missing_steps",
    "next_step",
]
