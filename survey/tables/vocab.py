"""Codes and display labels of the items the planners' tables use (the data contract in
notes/survey-contract.md). Order here is the order rows and columns are shown in."""

ALL = "all"

PROVIDER_KINDS = {
    "micro_enterprise": "Micro-enterprise",
    "shared_lives_carer": "Shared Lives carer",
    "shared_lives_staff": "Shared Lives scheme staff",
    "personal_assistant": "Self-employed personal assistant",
}
LEGAL_FORMS = {
    "sole_trader": "Sole trader",
    "partnership": "Partnership",
    "limited_company": "Limited company",
    "cic": "Community interest company",
    "other": "Other",
}
TURNOVER_BANDS = {
    "under_10k": "Under £10,000",
    "10k_20k": "£10,000 to £19,999",
    "20k_30k": "£20,000 to £29,999",
    "30k_50k": "£30,000 to £49,999",
    "50k_90k": "£50,000 to £89,999",
    "over_90k": "£90,000 or more",
}
# Band midpoints for the estimated mean turnover; "£90,000 or more" counts as £90,000.
TURNOVER_MIDPOINTS = {
    "under_10k": 5_000,
    "10k_20k": 15_000,
    "20k_30k": 25_000,
    "30k_50k": 40_000,
    "50k_90k": 70_000,
    "over_90k": 90_000,
}
TURNOVER_ALL_ANSWERS = [*TURNOVER_BANDS, "prefer_not_to_say"]
PREVIOUS_EMPLOYMENT = {
    "council": "Council",
    "nhs": "NHS",
    "private_provider": "Private care provider",
    "voluntary_provider": "Voluntary care provider",
    "pa_for_individual": "Personal assistant employed by an individual",
    "outside_care": "Outside social care",
    "not_working": "Not working",
}
REASONS = {
    "flexibility": "Flexibility",
    "control_over_care": "Control over the care given",
    "better_pay": "Better pay",
    "values": "Personal values",
    "caring_responsibilities": "Own caring responsibilities",
    "redundancy": "Redundancy",
    "health": "Own health",
    "other": "Other",
}
INTENTIONS = {
    "very_likely": "Very likely",
    "likely": "Likely",
    "unsure": "Unsure",
    "unlikely": "Unlikely",
    "very_unlikely": "Very unlikely",
}
QUALIFICATIONS = {
    "none": "No social care qualification",
    "level_2": "Level 2",
    "level_3": "Level 3",
    "level_4": "Level 4",
    "level_5_plus": "Level 5 or above",
}
CARE_CERTIFICATE = {"yes": "Yes", "working_towards": "Working towards", "no": "No"}
CONSENTED_ANSWER = {"yes": "Yes", "no": "No", "prefer_not_to_say": "Prefer not to say"}
AGE_BANDS = {
    "16_24": "16 to 24",
    "25_34": "25 to 34",
    "35_44": "35 to 44",
    "45_54": "45 to 54",
    "55_64": "55 to 64",
    "65_plus": "65 or over",
    "prefer_not_to_say": "Prefer not to say",
}
