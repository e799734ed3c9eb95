"""The response schemas of the OpenAPI description (openapi.py): the HSDS 3.0 objects as
we publish them, and the ORUK page envelope."""

UUID = {"type": "string", "format": "uuid"}
STRING = {"type": "string"}
URI = {"type": "string", "format": "uri"}


def object_of(required, **properties):
    return {"type": "object", "required": list(required), "properties": properties}


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


def array_of(name):
    return {"type": "array", "items": ref(name)}


SCHEMAS = {
    "Page": object_of(
        ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"],
        total_items={"type": "integer", "minimum": 0},
        total_pages={"type": "integer", "minimum": 0},
        page_number={"type": "integer", "minimum": 1},
        size={"type": "integer", "minimum": 0},
        first_page={"type": "boolean"},
        last_page={"type": "boolean"},
        empty={"type": "boolean"},
    ),
    "Error": object_of(["error"], error=STRING, parameter=STRING),
    "Organization": object_of(
        ["id", "name", "description"],
        id=UUID,
        name=STRING,
        description=STRING,
        uri=URI,
        website=URI,
        email={"type": "string", "format": "email"},
    ),
    "Service": object_of(
        ["id", "name", "status"],
        id=UUID,
        name=STRING,
        alternate_name=STRING,
        description=STRING,
        url=URI,
        email={"type": "string", "format": "email"},
        status={"type": "string", "enum": ["active"]},
        fees=STRING,
        accreditations=STRING,
        assured_date={"type": "string", "format": "date"},
        alert=STRING,
        last_modified={"type": "string", "format": "date-time"},
        organization=ref("Organization"),
    ),
    "Phone": object_of(["id", "number"], id=UUID, number=STRING),
    "Schedule": object_of(
        ["id"],
        id=UUID,
        service_id=UUID,
        freq={"type": "string", "enum": ["WEEKLY"]},
        interval={"type": "number"},
        byday=STRING,
        opens_at=STRING,
        closes_at=STRING,
        description=STRING,
    ),
    "ServiceArea": object_of(
        ["id"],
        id=UUID,
        service_id=UUID,
        name=STRING,
        service_area=STRING,
        extent=STRING,
        extent_type=STRING,
        uri=STRING,
    ),
    "Language": object_of(["id"], id=UUID, service_id=UUID, name=STRING, code=STRING),
    "CostOption": object_of(
        ["id"],
        id=UUID,
        service_id=UUID,
        option=STRING,
        amount={"type": "number"},
        amount_description=STRING,
    ),
    "Taxonomy": object_of(
        ["id", "name", "description"],
        id=UUID,
        name=STRING,
        description=STRING,
        version=STRING,
        taxonomy_terms=array_of("TaxonomyTerm"),
    ),
    "TaxonomyTerm": object_of(
        ["id", "name", "description"],
        id=UUID,
        name=STRING,
        term=STRING,
        description=STRING,
        code=STRING,
        taxonomy=STRING,
        taxonomy_id=UUID,
        language=STRING,
        taxonomy_detail=ref("Taxonomy"),
    ),
    "Attribute": object_of(
        ["id", "taxonomy_term_id"],
        id=UUID,
        link_id=UUID,
        link_type=STRING,
        link_entity=STRING,
        taxonomy_term_id=UUID,
        taxonomy_term=ref("TaxonomyTerm"),
    ),
    "Address": object_of(
        ["id", "address_1", "city", "state_province", "postal_code", "country", "address_type"],
        id=UUID,
        location_id=UUID,
        address_1=STRING,
        city=STRING,
        state_province=STRING,
        postal_code=STRING,
        country={"type": "string", "enum": ["GB"]},
        address_type={"type": "string", "enum": ["physical"]},
    ),
    "Location": {
        **object_of(
            ["id", "location_type"],
            id=UUID,
            location_type={"type": "string", "enum": ["physical"]},
            name=STRING,
            description=STRING,
            latitude={"type": "number", "minimum": -90, "maximum": 90},
            longitude={"type": "number", "minimum": -180, "maximum": 180},
            addresses=array_of("Address"),
        ),
        "description": (
            "A home-based provider's location is the centre of its outward postcode "
            "(e.g. RM17), with no address; only business premises have an address."
        ),
    },
    "ServiceAtLocation": object_of(
        ["id", "service_id", "location_id", "location"],
        id=UUID,
        service_id=UUID,
        location_id=UUID,
        location=ref("Location"),
        service=ref("Service"),
    ),
}
SCHEMAS["ServiceFull"] = {
    "allOf": [
        ref("Service"),
        {
            "type": "object",
            "required": ["service_at_locations", "attributes"],
            "properties": {
                "phones": array_of("Phone"),
                "schedules": array_of("Schedule"),
                "service_areas": array_of("ServiceArea"),
                "service_at_locations": array_of("ServiceAtLocation"),
                "languages": array_of("Language"),
                "cost_options": array_of("CostOption"),
                "attributes": array_of("Attribute"),
            },
        },
    ]
}


def page_of(name):
    return {
        "allOf": [
            ref("Page"),
            {
                "type": "object",
                "required": ["contents"],
                "properties": {"contents": array_of(name)},
            },
        ]
    }
