"""Weekly availability as a 28-bit mask: day of the week x part of the day.

A mask is cheap to store and to filter in SQL on any database: "available on any of
these slots" is `availability & mask != 0`; "all of them" is `availability & mask == mask`."""

from django.utils.translation import gettext_lazy as _

DAYS = [
    ("mon", _("Monday")),
    ("tue", _("Tuesday")),
    ("wed", _("Wednesday")),
    ("thu", _("Thursday")),
    ("fri", _("Friday")),
    ("sat", _("Saturday")),
    ("sun", _("Sunday")),
]
PARTS = [
    ("morning", _("Morning")),
    ("afternoon", _("Afternoon")),
    ("evening", _("Evening")),
    ("overnight", _("Overnight")),
]
SLOTS = [f"{day}_{part}" for day, _day in DAYS for part, _part in PARTS]
_BIT = {slot: 1 << index for index, slot in enumerate(SLOTS)}
ALL_SLOTS = (1 << len(SLOTS)) - 1


def to_mask(slots) -> int:
    """["mon_morning", ...] -> int. Unknown slot codes are ignored."""
    mask = 0
    for slot in slots:
        mask |= _BIT.get(slot, 0)
    return mask


def from_mask(mask: int) -> list[str]:
    return [slot for slot in SLOTS if mask & _BIT[slot]]


def day_mask(day: str) -> int:
    """Every part of one day ("mon")."""
    return to_mask(f"{day}_{part}" for part, _part in PARTS)


def part_mask(part: str) -> int:
    """One part of the day on every day ("evening")."""
    return to_mask(f"{day}_{part}" for day, _day in DAYS)


def as_table(mask: int) -> list[tuple[str, list[bool]]]:
    """[(day label, [morning, afternoon, evening, overnight]), ...] for a profile table."""
    return [
        (label, [bool(mask & _BIT[f"{day}_{part}"]) for part, _p in PARTS]) for day, label in DAYS
    ]
