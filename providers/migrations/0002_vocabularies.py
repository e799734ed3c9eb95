"""The starting vocabularies from the design notes; moderators edit them afterwards."""

from django.db import migrations
from django.utils.text import slugify

VOCABULARIES = {
    "SupportKind": [
        "Personal care",
        "Help at home (cleaning, shopping, meals)",
        "Companionship and befriending",
        "Getting out and about",
        "Activities, hobbies and day opportunities",
        "Short breaks and respite",
        "Support for unpaid carers",
        "Help with paperwork and money",
        "Transport",
        "Gardening and home maintenance",
        "Pets",
        "Wellbeing and therapies",
        "Work, learning and volunteering support",
        "Shared Lives long-term arrangement",
        "Shared Lives short break",
        "Shared Lives day support",
    ],
    "Audience": [
        "Older people",
        "People living with dementia",
        "People with a learning disability",
        "Autistic people",
        "People with a physical disability",
        "People with mental health needs",
        "People with sensory impairment (sight, hearing, dual)",
        "People with long-term conditions",
        "Unpaid carers",
        "Young adults moving to adult services",
    ],
    "AccessFeature": [
        "British Sign Language",
        "Wheelchair accessible premises",
        "Hearing loop",
        "Easy read information",
        "Works with people at home",
        "Women-only support available",
        "Men-only support available",
    ],
    "PaymentMethod": [
        "Direct Payment",
        "Personal budget (council-managed)",
        "Self-funded",
        "NHS continuing healthcare / personal health budget",
    ],
}
# Other languages than English, by ISO 639-1 code (the most spoken in England and Wales).
LANGUAGES = [
    ("cy", "Welsh"),
    ("pl", "Polish"),
    ("ro", "Romanian"),
    ("pa", "Panjabi"),
    ("ur", "Urdu"),
    ("pt", "Portuguese"),
    ("es", "Spanish"),
    ("ar", "Arabic"),
    ("bn", "Bengali"),
    ("gu", "Gujarati"),
    ("it", "Italian"),
    ("lt", "Lithuanian"),
    ("so", "Somali"),
    ("tr", "Turkish"),
    ("zh", "Chinese"),
    ("fr", "French"),
    ("yo", "Yoruba"),
    ("tl", "Tagalog"),
]
SLUGS = {
    "British Sign Language": "bsl",
    "Works with people at home": "home-based",
}


def load(apps, schema_editor):
    for model_name, names in VOCABULARIES.items():
        model = apps.get_model("providers", model_name)
        for order, name in enumerate(names):
            slug = SLUGS.get(name, slugify(name)[:100])
            model.objects.get_or_create(slug=slug, defaults={"name": name, "sort_order": order})
    language = apps.get_model("providers", "Language")
    for order, (code, name) in enumerate(LANGUAGES):
        language.objects.get_or_create(slug=code, defaults={"name": name, "sort_order": order})


class Migration(migrations.Migration):
    dependencies = [("providers", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
