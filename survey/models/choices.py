"""The answer vocabularies of the workforce survey. Values are the stored codes and the
codes of `survey.selectors.response_frame` (see notes/survey-contract.md); labels are
what respondents read. Where the national workforce data set (ASC-WDS) has an item,
these mirror it so results compare with national figures."""

from django.db import models
from django.utils.translation import gettext_lazy as _

PREFER_NOT_TO_SAY = ("prefer_not_to_say", _("Prefer not to say"))


class ProviderKind(models.TextChoices):
    MICRO_ENTERPRISE = "micro_enterprise", _("Micro-enterprise (8 or fewer workers)")
    SHARED_LIVES_CARER = "shared_lives_carer", _("Shared Lives carer")
    SHARED_LIVES_STAFF = "shared_lives_staff", _("Shared Lives scheme staff")
    PERSONAL_ASSISTANT = "personal_assistant", _("Self-employed personal assistant")


class LegalForm(models.TextChoices):
    SOLE_TRADER = "sole_trader", _("Sole trader")
    PARTNERSHIP = "partnership", _("Partnership")
    LIMITED_COMPANY = "limited_company", _("Limited company")
    CIC = "cic", _("Community interest company")
    OTHER = "other", _("Other")


class SupportKind(models.TextChoices):
    PERSONAL_CARE = "personal_care", _("Personal care")
    HELP_AT_HOME = "help_at_home", _("Help at home (cleaning, shopping, meals)")
    COMPANIONSHIP = "companionship", _("Companionship and befriending")
    OUT_AND_ABOUT = "out_and_about", _("Getting out and about")
    ACTIVITIES = "activities", _("Activities, hobbies and day opportunities")
    SHORT_BREAKS = "short_breaks", _("Short breaks and respite")
    CARER_SUPPORT = "carer_support", _("Support for unpaid carers")
    PAPERWORK = "paperwork", _("Help with paperwork and money")
    TRANSPORT = "transport", _("Transport")
    GARDENING = "gardening", _("Gardening and home maintenance")
    PETS = "pets", _("Pets")
    WELLBEING = "wellbeing", _("Wellbeing and therapies")
    WORK_LEARNING = "work_learning", _("Work, learning and volunteering support")
    SHARED_LIVES_LONG_TERM = "shared_lives_long_term", _("Shared Lives long-term arrangement")
    SHARED_LIVES_SHORT_BREAK = "shared_lives_short_break", _("Shared Lives short break")
    SHARED_LIVES_DAY = "shared_lives_day", _("Shared Lives day support")


class TurnoverBand(models.TextChoices):
    UNDER_10K = "under_10k", _("Under £10,000")
    FROM_10K = "10k_20k", _("£10,000 to £19,999")
    FROM_20K = "20k_30k", _("£20,000 to £29,999")
    FROM_30K = "30k_50k", _("£30,000 to £49,999")
    FROM_50K = "50k_90k", _("£50,000 to £89,999")
    OVER_90K = "over_90k", _("£90,000 or more")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class Payer(models.TextChoices):
    DIRECT_PAYMENT = "direct_payment", _("Direct Payment")
    PERSONAL_BUDGET = "personal_budget", _("Personal budget (council-managed)")
    SELF_FUNDED = "self_funded", _("The person pays for themselves (self-funded)")
    NHS = "nhs", _("NHS continuing healthcare or personal health budget")


class PreviousEmployment(models.TextChoices):
    COUNCIL = "council", _("A council")
    NHS = "nhs", _("The NHS")
    PRIVATE_PROVIDER = "private_provider", _("A private care provider")
    VOLUNTARY_PROVIDER = "voluntary_provider", _("A voluntary or charity care provider")
    PA_FOR_INDIVIDUAL = "pa_for_individual", _("A personal assistant employed by an individual")
    OUTSIDE_CARE = "outside_care", _("A job outside social care")
    NOT_WORKING = "not_working", _("I was not working")


class Reason(models.TextChoices):
    FLEXIBILITY = "flexibility", _("Flexible hours to suit my life")
    CONTROL_OVER_CARE = "control_over_care", _("More control over the care I give")
    BETTER_PAY = "better_pay", _("Better pay")
    VALUES = "values", _("To work in a way that fits my values")
    CARING_RESPONSIBILITIES = "caring_responsibilities", _("My own caring responsibilities")
    REDUNDANCY = "redundancy", _("Redundancy or losing a job")
    HEALTH = "health", _("My own health")
    OTHER = "other", _("Another reason")


class Intention(models.TextChoices):
    VERY_LIKELY = "very_likely", _("Very likely")
    LIKELY = "likely", _("Likely")
    UNSURE = "unsure", _("Not sure")
    UNLIKELY = "unlikely", _("Unlikely")
    VERY_UNLIKELY = "very_unlikely", _("Very unlikely")


class Qualification(models.TextChoices):
    NONE = "none", _("None")
    LEVEL_2 = "level_2", _("Level 2")
    LEVEL_3 = "level_3", _("Level 3")
    LEVEL_4 = "level_4", _("Level 4")
    LEVEL_5_PLUS = "level_5_plus", _("Level 5 or above")


class CareCertificate(models.TextChoices):
    YES = "yes", _("Yes, I have completed it")
    WORKING_TOWARDS = "working_towards", _("I am working towards it")
    NO = "no", _("No")


class TrainingTopic(models.TextChoices):
    DEMENTIA = "dementia", _("Dementia")
    MOVING_AND_HANDLING = "moving_and_handling", _("Moving and handling")
    MEDICATION = "medication", _("Medication")
    FIRST_AID = "first_aid", _("First aid")
    SAFEGUARDING = "safeguarding", _("Safeguarding")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    AUTISM_LEARNING_DISABILITY = "autism_learning_disability", _("Autism and learning disability")
    BUSINESS = "business", _("Running a business")
    OTHER = "other", _("Something else")


class YesNo(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")


class DbsCheck(models.TextChoices):
    YES = "yes", _("Yes")
    APPLIED = "applied", _("I have applied for one")
    NO = "no", _("No")


class Registration(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_REQUIRED = "not_required", _("Not required for the work I do")


class AgeBand(models.TextChoices):
    A16_24 = "16_24", _("16 to 24")
    A25_34 = "25_34", _("25 to 34")
    A35_44 = "35_44", _("35 to 44")
    A45_54 = "45_54", _("45 to 54")
    A55_64 = "55_64", _("55 to 64")
    A65_PLUS = "65_plus", _("65 or over")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class Sex(models.TextChoices):
    FEMALE = "female", _("Female")
    MALE = "male", _("Male")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class EthnicGroup(models.TextChoices):
    """The five high-level groups of the ONS 2021 Census classification."""

    ASIAN = "asian", _("Asian, Asian British, Asian Welsh")
    BLACK = "black", _("Black, Black British, Black Welsh, Caribbean or African")
    MIXED = "mixed", _("Mixed or Multiple ethnic groups")
    WHITE = "white", _("White")
    OTHER = "other", _("Other ethnic group")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY


class YesNoPreferNot(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    PREFER_NOT_TO_SAY = PREFER_NOT_TO_SAY
