"""Text of the demo site's home and guidance pages (plain English, UK adult social care)."""


def p(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def h(text):
    return {"type": "heading", "value": text}


def ul(*items):
    return {
        "type": "paragraph",
        "value": "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>",
    }


HOME_INTRODUCTION = (
    "<p>Find local people and small organisations who can help with everyday life: "
    "personal care, getting out and about, short breaks, company and more. "
    "You can pay with a Direct Payment, a personal budget or your own money.</p>"
)

# (slug, title, summary, show_in_menus, body)
GUIDANCE_PAGES = [
    (
        "what-is-a-micro-enterprise",
        "What is a micro-enterprise?",
        "Small, local care and support businesses with 8 or fewer workers.",
        True,
        [
            p(
                "A community micro-enterprise is a very small business or organisation that gives "
                "care or support to people in its local area. It has 8 or fewer workers, paid or "
                "unpaid, and is independent of any larger organisation."
            ),
            p(
                "Many are run by one person who used to work for a council, the NHS or a care "
                "agency and now works for themselves. Because they are small, people often see the "
                "same person each time, and can agree support that fits around their own life."
            ),
            h("What they can help with"),
            ul(
                "personal care and help at home",
                "getting out and about, hobbies and activities",
                "short breaks for unpaid carers",
                "help with paperwork, shopping and meals",
            ),
            h("Checking a micro-enterprise"),
            p(
                "Each listing shows the checks the provider has told us about, such as a DBS check "
                "and public liability insurance. A moderator verifies each check, and it disappears "
                "from the listing when it expires."
            ),
            {
                "type": "inset",
                "value": {
                    "text": "<p>In England, a provider who gives personal care (help with "
                    "washing, dressing or eating) usually has to register with the Care Quality "
                    "Commission (CQC). A self-employed person who works on their own, arranges "
                    "their work directly with the people they support and employs no one usually "
                    "does not. If you are not sure, ask the provider or read the CQC's guidance "
                    "on who needs to register.</p>"
                },
            },
            p(
                '<a href="/find-support/?kind=micro_enterprise">Find micro-enterprises near '
                "you</a>."
            ),
        ],
    ),
    (
        "what-is-shared-lives",
        "What is Shared Lives?",
        "An approved Shared Lives carer shares their family and community life with you.",
        True,
        [
            p(
                "In Shared Lives, an adult who needs support is matched with an approved Shared "
                "Lives carer. They may move in with the carer's family, stay for short breaks, or "
                "spend the day together."
            ),
            p(
                "Shared Lives schemes recruit, train and approve carers, and do the matching. Schemes "
                "are registered with the Care Quality Commission in England and Care Inspectorate "
                "Wales in Wales. On this site you contact the scheme, never a carer directly, and "
                "carers' home addresses are never shown."
            ),
            h("Kinds of Shared Lives arrangement"),
            ul(
                "long-term: living with a Shared Lives carer",
                "short breaks: staying for a few nights",
                "day support: spending the day with a carer and their community",
            ),
            p('<a href="/find-support/?kind=shared_lives">Find Shared Lives schemes near you</a>.'),
        ],
    ),
    (
        "paying-with-a-direct-payment",
        "Paying with a Direct Payment",
        "How to use a Direct Payment or personal budget to pay for the support you choose.",
        True,
        [
            p(
                "If your council has assessed you as eligible for care and support, it must give "
                "you a personal budget. You can ask for some or all of it as a Direct Payment, "
                "which you use to buy the support you choose."
            ),
            h("Using a Direct Payment with a micro-enterprise"),
            p(
                "You can pay a self-employed worker or a micro-enterprise from your Direct Payment. "
                "Agree what they will do, when, and the price, and keep the invoices and receipts "
                "your council asks for."
            ),
            {
                "type": "details",
                "value": {
                    "summary": "What if I pay for my own care?",
                    "text": "<p>You can use this directory whoever pays. Each listing says which ways "
                    "to pay the provider accepts.</p>",
                },
            },
            p(
                '<a href="/find-support/?pay=direct-payment">Find providers who take Direct '
                "Payments near you</a>."
            ),
        ],
    ),
    (
        "accessibility-statement",
        "Accessibility statement",
        "How accessible this website is, and how to report a problem.",
        False,
        [
            p(
                "We want as many people as possible to be able to use this website. You should be "
                "able to change colours, contrast levels and fonts, zoom in up to 400% without the "
                "text spilling off the screen, and navigate the site using just a keyboard, speech "
                "recognition software or a screen reader."
            ),
            h("How we test this website"),
            p(
                "Every page type is checked automatically against the Web Content Accessibility "
                "Guidelines (WCAG) 2.2 level AA in a real browser each time the site changes, and the "
                "HTML is checked against the W3C standard."
            ),
            h("Reporting accessibility problems"),
            p(
                "If you find a problem not listed here, or need information in a different format "
                "such as large print, easy read or audio, contact us using the details on the "
                "contact page. We will reply within 5 working days."
            ),
        ],
    ),
    (
        "privacy-notice",
        "Privacy notice",
        "What information we collect, why, and your rights.",
        False,
        [
            p(
                "We collect the information providers give us to publish their listings, the "
                "messages people send through the site to providers, and survey answers."
            ),
            h("Messages to providers"),
            p(
                "We pass your message to the provider by email and keep it in their inbox on "
                "this site for 12 months, or until they delete it."
            ),
            h("Reports of a problem with a listing"),
            p(
                "Our moderators use your report, and your email address if you give it, to "
                "check the listing. We delete the report 12 months after we have dealt with it."
            ),
            h("Home addresses"),
            p(
                "Providers who work from home never have their address published. We use their "
                "postcode only to work out distances."
            ),
            h("The workforce survey"),
            p(
                "Survey answers are not linked to your account. Only tables that protect every "
                "individual are published, and raw answers are deleted after the retention period."
            ),
            p(
                "While you answer the survey, your browser keeps your receipt code in a cookie "
                "so that you can move between its pages. The cookie is not linked to your "
                "account, and your browser forgets it when you close it, after 4 hours, or "
                "when you choose to finish and forget your response on that device."
            ),
            h("Cookies"),
            p(
                "This site sets only the cookies it needs to work, and none that track you or "
                "come from anyone else: sessionid keeps your shortlist and, if you sign in, "
                "keeps you signed in (2 weeks); csrftoken protects the forms you send from "
                "misuse (1 year); messages carries a one-off notice, such as “your message was "
                "sent”, to the next page (until it is shown); survey_state is the survey "
                "cookie described above."
            ),
            h("Your rights"),
            p(
                "You can ask to see, correct or delete your information. Contact us using the "
                "details on the contact page."
            ),
        ],
    ),
    (
        "contact",
        "Contact",
        "How to contact the team that runs this directory.",
        False,
        [
            p(
                "For help finding support, or to tell us about a problem with a listing, email or "
                "phone us using the details below. To contact a provider, use the contact details "
                "or the message form on their listing."
            ),
            # The same details as the site settings (home.demo._site_settings) in the footer.
            p('Email: <a href="mailto:support@example.org">support@example.org</a>'),
            p("Phone: 01375 000 000 (Monday to Friday, 9am to 5pm)"),
            {
                "type": "warning",
                "value": {
                    "text": "If you think someone is at risk of harm now, "
                    "call 999. To report a concern about an adult's safety, contact your council's "
                    "adult social care team."
                },
            },
        ],
    ),
]

ROUTES = [
    # (block type, heading, text, a seeded page's slug or a path on this site)
    (
        "postcode_search",
        "Find support",
        "Search for care and support near you by postcode and what you need.",
        "find-support",
    ),
    (
        "route",
        "For providers",
        "List your micro-enterprise or Shared Lives scheme and keep it up to date.",
        "/manage/",
    ),
    (
        "route",
        "Workforce survey",
        "Tell us about your work so councils can plan and support self-employed care workers.",
        "/workforce-survey/",  # survey.demo adds the survey page after the site
    ),
]
