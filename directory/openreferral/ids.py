"""Stable UUIDs for what we publish. HSDS wants UUIDs for every id.

A service is its page's Wagtail `translation_key` (a UUID4 made when the page was
created, never changed). Everything hanging off one listing (its organisation, location,
service-at-location, phone, schedules...) gets a UUID5 derived from that key and a name,
so it is stable across requests without storing anything. Taxonomy terms get a UUID5 from
their vocabulary and primary key."""

import uuid

NAMESPACE = uuid.UUID("4f0b7a52-6f1e-4a4e-9d1c-2f6a0c3b8e11")


def child_id(service_id, name: str) -> str:
    """The id of something belonging to one service: child_id(key, "location")."""
    return str(uuid.uuid5(NAMESPACE, f"{service_id}:{name}"))


def vocabulary_id(vocabulary: str) -> str:
    return str(uuid.uuid5(NAMESPACE, f"taxonomy:{vocabulary}"))


def term_id(vocabulary: str, pk: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"term:{vocabulary}:{pk}"))


def parse_uuid(value: str) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except (ValueError, AttributeError, TypeError):
        return None
