"""Words the demo listings are made of. Phone numbers are Ofcom's drama ranges and
addresses are example.org/example.com, so nothing reaches a real person."""

FIRST_NAMES = [
    "Janet",
    "Amira",
    "Grace",
    "Tom",
    "Priya",
    "Marek",
    "Siobhan",
    "Kwame",
    "Helen",
    "Ravi",
    "Sandra",
    "Dylan",
    "Fatima",
    "Gareth",
    "Lucy",
    "Oluwaseun",
    "Bernadette",
    "Agnieszka",
    "Colin",
    "Nia",
    "Imran",
    "Jo",
    "Rhiannon",
    "Pauline",
    "Yusuf",
    "Mandy",
    "Stelian",
    "Hannah",
    "Desmond",
    "Leanne",
]
SURNAMES = [
    "Baker",
    "Okafor",
    "Hughes",
    "Patel",
    "Kowalski",
    "Murphy",
    "Mensah",
    "Evans",
    "Shah",
    "Thompson",
    "Davies",
    "Begum",
    "Williams",
    "Clarke",
    "Adeyemi",
    "Nowak",
    "Jones",
    "Ali",
    "Roberts",
    "Campbell",
    "Popescu",
    "Morgan",
    "Khan",
    "Walsh",
]
SERVICES = [
    "Home Help",
    "Companion Care",
    "Support Services",
    "Care at Home",
    "Day Support",
    "Wellbeing Support",
    "Home and Garden Help",
    "Personal Care",
    "Community Support",
    "Friendly Visits",
]
NICE_NAMES = [
    "Bright Days",
    "Kind Hands",
    "Little Acorns",
    "Open Door",
    "Good Neighbours",
    "Steady Steps",
    "Willow",
    "Harbour",
    "Evergreen",
    "Hearth and Home",
    "Silver Linings",
    "Meadow",
    "Compass",
    "Lighthouse",
    "Sunflower",
    "Oak Tree",
    "Riverside",
    "Kingfisher",
]
NICE_NOUNS = ["Support", "Care", "Companions", "Home Support", "Community Care", "Helpers"]
SCHEME_PATTERNS = [
    "Shared Lives {council}",
    "{council} Shared Lives Scheme",
    "Shared Lives Partners {council}",
    "{region} Shared Lives",
]

# District names as people say them.
PLACE_NAMES = {"Bristol, City of": "Bristol"}

# Thurrock outward codes -> the town people would name (area labels).
TOWNS = {
    "RM14": "Bulphan",
    "RM15": "South Ockendon",
    "RM16": "Chafford Hundred",
    "RM17": "Grays",
    "RM18": "Tilbury",
    "RM19": "Purfleet",
    "RM20": "West Thurrock",
    "SS17": "Stanford-le-Hope",
}

OPENINGS = [
    "I have worked in care for {years} years, first for the council and now for myself.",
    "We are a small local team of {workers} people who live in the area we work in.",
    "I set up on my own after {years} years as a care worker so I could give people more time.",
    "We are a family-run business with {workers} workers, all trained and DBS checked.",
]
MIDDLES = [
    "Visits are never rushed: you get the same familiar face each time.",
    "We plan support around what matters to you, not around a rota.",
    "I can help with the things that keep you living well at home and out and about.",
    "We are happy to meet you and your family first, with no charge and no obligation.",
]
CLOSINGS = [
    "We accept Direct Payments and can talk through costs before we start.",
    "Get in touch through this site and I will call you back within two working days.",
    "We cover nearby villages too: ask if you are just outside our area.",
]
SCHEME_TEXT = [
    "Shared Lives matches adults who need support with approved Shared Lives carers, who "
    "share their home and family life.",
    "Every carer is assessed, trained and supported by our scheme workers, and we are "
    "registered with the regulator.",
    "Arrangements can be long-term, short breaks, or day support, and are planned with you "
    "and the people who matter to you.",
]
PRICE_NOTES = [
    "Minimum visit one hour.",
    "Mileage included within 5 miles.",
    "Evening and weekend visits cost £2 more per hour.",
    "Free first visit to get to know each other.",
    "",
]
SCHEME_PRICE_NOTES = [
    "Costs are agreed with your council as part of your support plan.",
    "Short breaks are charged per night; day support per session.",
]
QUALITY_SCHEMES = ["Community Catalysts quality mark", "Small Good Stuff quality standard"]
REJECTION_COMMENTS = [
    "Please remove the comparison with other providers from your summary.",
    "Please add a price per hour, or explain in the price note how costs are worked out.",
    "Your description gives a home address: please give only the area you work in.",
    "Please describe the support you give in plain words; avoid abbreviations.",
]
ENQUIRY_NAMES = ["Margaret", "David", "Sunita", "Peter", "Aisha", "Brian", "Karen", "Joseph"]
ENQUIRY_MESSAGES = [
    "My mum is 84 and lives alone in {town}. She needs help with washing and dressing in "
    "the mornings, about four days a week. Do you have space?",
    "I am a social worker looking for companionship visits for a gentleman who is very "
    "isolated. Could you ring me to talk about it?",
    "Do you take Direct Payments? My son is 22 and autistic and would like support to go "
    "swimming and to the library.",
    "I care for my husband who has dementia and I need a break one afternoon a week. "
    "What would that cost?",
]
