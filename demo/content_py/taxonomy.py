"""The demo institute's research areas, series, experts and publication types.

All of it is invented. Names are keys: the loader updates rows in place by name, so
editing a description here and running ``load_demo`` again changes it on the site.
"""

# (name, description, parent name or None). Parents come before their children.
RESEARCH_AREAS = [
    (
        "Energy & Infrastructure",
        "Power grids, pipelines, water and the other systems a modern economy quietly assumes "
        "will work: how they fail, who pays to harden them, and how to regulate them for a "
        "harsher climate.",
        None,
    ),
    (
        "Economic Statecraft",
        "Sanctions, export controls and investment screening as instruments of foreign policy, "
        "and the unglamorous enforcement work that decides whether they bite.",
        None,
    ),
    (
        "Supply Chains & Maritime Trade",
        "Shipping lanes, ports, undersea cables and stockpiles: the physical routes of trade "
        "and what happens to prices and security when one of them narrows.",
        "Economic Statecraft",
    ),
    (
        "Technology & Governance",
        "How governments buy, test and oversee digital systems, from AI procurement to public "
        "data, so that new tools serve the public and can be held to account.",
        None,
    ),
    (
        "Health Security",
        "Pandemic preparedness, surveillance, medical countermeasures and surge capacity, "
        "treated as infrastructure that has to work on an ordinary Tuesday, not only in a crisis.",
        None,
    ),
    (
        "Cities & Public Finance",
        "Housing supply, municipal budgets, local debt and the practical arithmetic of paying "
        "for public services at the level of government closest to residents.",
        None,
    ),
]

SERIES = [
    (
        "Stress Test",
        "Stress Test is a memo series that takes one critical system at a time — a regional grid, "
        "a port, a hospital network — and asks what breaks first under a plausible shock, how "
        "the failure would spread, and what a modest investment made now would save later. Each "
        "memo ends with recommendations an agency could act on within a budget cycle.",
    ),
    (
        "The Local Ledger",
        "The Local Ledger is the institute's project on how cities and counties pay for things. "
        "It follows the money through municipal budgets, housing policy and local debt, and "
        "writes for council members, finance directors and the residents who attend budget "
        "hearings. Pieces in the series are written to be read in one sitting.",
    ),
]

# name, role, bio. Slugs are made from the names by the model (transliterated).
AUTHORS = [
    (
        "Tomasz Wierzbicki",
        "Research Director",
        "Tomasz Wierzbicki leads the institute's research programme and edits its Stress Test "
        "series. He spent a decade in emergency-management planning for a regional government "
        "before joining the institute, and writes about how failures cascade between systems.",
    ),
    (
        "Zoë Ørsted-Núñez",
        "Senior Fellow, Economic Statecraft",
        "Zoë Ørsted-Núñez works on sanctions design and enforcement, export controls and the "
        "compliance systems of banks and shippers. She previously worked as a financial-crime "
        "investigator and advises legislators on enforcement budgets.",
    ),
    (
        "Ольга Тихомирова",
        "Senior Fellow, Energy Systems",
        "Ольга Тихомирова (Olga Tikhomirova) studies electricity markets, grid reliability and "
        "the regulation of energy infrastructure in extreme weather. Trained as a power-systems "
        "engineer, she spent eight years in system operations before moving into policy research.",
    ),
    (
        "Priya Raghunathan",
        "Senior Fellow, Technology & Governance",
        "Priya Raghunathan writes about how public agencies buy, evaluate and oversee software "
        "and AI systems. Before joining the institute she ran technology procurement for a "
        "state health department and helped draft its first model-contract templates.",
    ),
    (
        "Kwame Asante-Ellis",
        "Fellow, Health Security",
        "Kwame Asante-Ellis works on pandemic preparedness, public-health surveillance and the "
        "logistics of medical countermeasures. He trained in epidemiology and has worked with "
        "city and county health departments on surge planning.",
    ),
    (
        "Grace Liddell",
        "Fellow and Director, The Local Ledger",
        "Grace Liddell directs The Local Ledger, the institute's project on municipal finance "
        "and housing. A former city budget analyst, she writes about capital planning, housing "
        "supply and how local governments can explain their trade-offs to residents.",
    ),
    (
        "Marcus Feld",
        "Non-Resident Fellow, Maritime Security",
        "Marcus Feld researches shipping, ports and maritime chokepoints and their place in "
        "economic security. He is a former merchant-navy officer and marine-insurance analyst, "
        "and teaches a graduate seminar on the geography of trade.",
    ),
    (
        "Ελένη Καραγιάννη",
        "Research Associate",
        "Ελένη Καραγιάννη (Eleni Karagianni) supports research across the institute's programmes, "
        "with a focus on data analysis and comparative policy. She manages the institute's "
        "datasets on sanctions enforcement actions and municipal capital budgets.",
    ),
]

# name, plural name, position in menus
PUBLICATION_TYPES = [
    ("Report", "Reports", 1),
    ("Policy Memo", "Policy Memos", 2),
    ("Issue Brief", "Issue Briefs", 3),
    ("Commentary", "Commentaries", 4),
]

# (name, description, area names it follows, series names it follows); none of either: everything.
NEWSLETTERS = [
    (
        "The Weekly Brief",
        "Everything we published this week, in one short e-mail on Fridays.",
        [],
        [],
    ),
    (
        "Energy & Infrastructure Update",
        "New work on grids, pipelines, water and the systems a modern economy assumes will work.",
        ["Energy & Infrastructure"],
        ["Stress Test"],
    ),
]
