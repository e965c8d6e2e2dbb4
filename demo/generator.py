"""The vocabulary and text of ``generate_content``: plausible policy prose, made at speed.

Each research area has its topics and its own words, so a word clusters in its area's
publications while common words are everywhere, as in real work; search timings depend on that.
"""

import random

TYPES = ["Policy Memo", "Report", "Issue Brief", "Commentary", "Testimony"]
TYPE_WEIGHTS = [30, 15, 20, 30, 5]

# Each area: its topics (title-sized phrases) and its own words.
AREAS = {
    "Energy Security": (
        [
            "Grid Resilience",
            "Battery Storage",
            "Oil Markets",
            "Nuclear Power",
            "Transmission Lines",
            "LNG Exports",
        ],
        "grid electricity outage utilities pipeline refinery storage transmission blackout fuel reserves",
    ),
    "Climate Adaptation": (
        [
            "Flood Insurance",
            "Heat Waves",
            "Coastal Retreat",
            "Drought Planning",
            "Wildfire Risk",
            "Carbon Pricing",
        ],
        "climate flooding heat drought wildfire emissions resilience insurance coastal adaptation levee",
    ),
    "Economic Statecraft": (
        ["Sanctions Enforcement", "Export Controls", "Investment Screening", "Secondary Sanctions"],
        "sanctions enforcement designations evasion licences export controls screening tariffs coercion",
    ),
    "Trade Policy": (
        [
            "Supply Chains",
            "Trade Agreements",
            "Semiconductor Tariffs",
            "Critical Minerals",
            "Port Congestion",
        ],
        "trade tariffs exports imports shipping supply chain minerals customs agreement duties",
    ),
    "Defense Strategy": (
        ["Force Posture", "Defense Budgets", "Munitions Production", "Alliance Burden-Sharing", "Deterrence"],
        "deterrence alliance munitions procurement readiness budget posture brigade navy army",
    ),
    "Nuclear Policy": (
        ["Arms Control", "Nonproliferation", "Missile Defense", "Enrichment Limits"],
        "nuclear warheads treaty enrichment proliferation missile inspections arsenal verification",
    ),
    "Cybersecurity": (
        ["Ransomware", "Critical Infrastructure Security", "Cyber Norms", "Software Liability"],
        "cyber ransomware hackers vulnerabilities encryption attacks networks incident patching",
    ),
    "Artificial Intelligence": (
        ["AI Procurement", "Model Evaluation", "Algorithmic Accountability", "Compute Governance"],
        "algorithms models compute training datasets evaluation automation procurement audits",
    ),
    "Public Health": (
        ["Hospital Capacity", "Vaccine Uptake", "Drug Prices", "Rural Clinics", "Mental Health Services"],
        "hospitals vaccines patients clinics medicaid nurses prescriptions outbreaks treatment",
    ),
    "Urban Policy": (
        ["Zoning Reform", "Public Transit", "Municipal Budgets", "Housing Supply", "Homelessness"],
        "zoning housing transit rents municipal council permits density neighbourhoods commuters",
    ),
    "Fiscal Policy": (
        ["Debt Ceilings", "Tax Expenditures", "Entitlement Reform", "Budget Rules"],
        "deficit debt taxes spending appropriations revenue budget entitlements pensions",
    ),
    "Migration": (
        ["Asylum Processing", "Labor Migration", "Border Management", "Refugee Resettlement"],
        "asylum migrants border visas refugees resettlement deportation labour permits",
    ),
    "Democracy & Governance": (
        ["Election Security", "Disinformation", "Judicial Independence", "Civil Service Reform"],
        "elections ballots voters disinformation courts judges accountability corruption parliament",
    ),
    "Maritime Security": (
        ["Shipping Lanes", "Naval Presence", "Port Security", "Undersea Cables", "Piracy"],
        "shipping vessels ports straits navy cables piracy chokepoints convoys maritime",
    ),
    "Food Security": (
        ["Grain Exports", "Fertilizer Prices", "Crop Insurance", "Famine Prevention"],
        "grain wheat fertilizer harvest famine farmers crops prices irrigation",
    ),
    "Space Policy": (
        ["Satellite Constellations", "Space Debris", "Launch Capacity", "Orbital Traffic"],
        "satellites orbit launch debris spectrum constellations rockets",
    ),
    "Education": (
        ["School Funding", "Student Debt", "Teacher Shortages", "Workforce Training"],
        "schools teachers students tuition apprenticeships curriculum universities loans",
    ),
    "Global Health Security": (
        ["Pandemic Preparedness", "Disease Surveillance", "Medical Countermeasures"],
        "pandemic surveillance pathogens vaccines stockpiles outbreaks laboratories",
    ),
}
SERIES = [
    "Grid Futures",
    "Sanctions Watch",
    "The Alliance Papers",
    "Cities Lab",
    "AI Governance Project",
    "Arctic Initiative",
    "Budget Brief",
    "Election Integrity Project",
    "Supply Chain Monitor",
    "Health Systems Review",
    "Deterrence Today",
    "Borders & Belonging",
]
FIRST = (  # noqa: SIM905 (a list of names reads better as text)
    "Ada Ben Chloe Daniel Elena Farid Grace Hiro Ines Jamal Kavya Liam Mei Nadia Omar Priya Quentin "
    "Rosa Samuel Tara Umar Vera William Ximena Yusuf Zoe Amara Bruno Camila Dmitri Esther Felix Hana "
    "Ivan Julia Kwame Lena Mateo Noor Olga Pablo Rania Sofia Tomasz Ulla Viktor Wen Yara"
).split()
LAST = (  # noqa: SIM905 (a list of names reads better as text)
    "Okafor Ruiz Nakamura Haddad Lindqvist Mensah Kowalski Chen Dubois Patel Feld Tikhomirova "
    "Asante-Ellis Raghunathan Liddell Ortega Novak Hughes Ibrahim Moreau Takahashi Weber Silva "
    "Andersen Kaur Mbeki Rossi Petrova Goldberg Nguyen Abadi Fischer Castillo Brennan Osei Varga "
    "Holm Suzuki Carvalho Whitaker Zhao Delacroix Jensen Mahmoud"
).split()
ROLES = [
    "Senior Fellow",
    "Fellow",
    "Research Associate",
    "Director",
    "Non-Resident Fellow",
    "Visiting Scholar",
]

SUBJECTS = [
    "Policymakers",
    "Regulators",
    "Congress",
    "Allied governments",
    "State agencies",
    "The private sector",
    "Local officials",
    "Treasury",
    "Independent analysts",
    "Industry groups",
    "Oversight bodies",
    "Donors",
]
VERBS = [
    "have underinvested in",
    "increasingly depend on",
    "should prioritize",
    "cannot ignore",
    "must rethink",
    "are poorly prepared for",
    "have long debated",
    "will shape",
    "underestimate",
    "need better data on",
    "have quietly expanded",
    "are struggling to fund",
    "should stop subsidizing",
    "could learn from",
]
TAILS = [
    "over the next decade",
    "despite rising costs",
    "as the risks grow",
    "without clear federal guidance",
    "in the wake of recent crises",
    "at a fraction of the cost",
    "before the next budget cycle",
    "while the evidence base remains thin",
    "even as public support wavers",
    "across most of the country",
    "by roughly 40 percent since 2015",
    "with little coordination between agencies",
]
FOLLOW_UPS = [
    "The evidence points in one direction.",
    "That gap is widening.",
    "The costs of delay compound.",
    "Few of these reforms require new legislation.",
    "The politics are harder than the policy.",
    "Three changes would make the biggest difference.",
    "Past attempts failed for predictable reasons.",
]
HEADINGS = [
    "Background",
    "The problem",
    "What the evidence shows",
    "Why current policy falls short",
    "Options for policymakers",
    "Costs and trade-offs",
    "Lessons from abroad",
    "Recommendations",
    "Implementation",
    "What to watch",
]
TITLE_PATTERNS = [
    "{topic}: {subtitle}",
    "The Case for {topic} Reform",
    "Why {topic} Needs a New Playbook",
    "{topic} and the Future of {other}",
    "Rethinking {topic}",
    "How to Fix {topic}",
    "{topic} After the Crisis",
    "What {topic} Means for {other}",
    "Getting {topic} Right",
]
SUBTITLES = [
    "A Plan for the Next Administration",
    "Lessons from Five Countries",
    "What Congress Should Do Now",
    "Closing the Enforcement Gap",
    "Costs, Risks and Options",
    "A Framework for Action",
    "Options for Allies",
    "Evidence from a Decade of Data",
]


def sentence(rng: random.Random, topics: list[str], words: list[str]) -> str:
    subject = rng.choice(SUBJECTS + topics)
    thing = rng.choice([topic.lower() for topic in topics] + [f"{rng.choice(words)} {rng.choice(words)}"])
    return f"{subject} {rng.choice(VERBS)} {thing} {rng.choice(TAILS)}."


def title(rng: random.Random, topics: list[str]) -> str:
    topic, other = rng.choice(topics), rng.choice(topics)
    return rng.choice(TITLE_PATTERNS).format(topic=topic, other=other, subtitle=rng.choice(SUBTITLES))


def body(rng: random.Random, topics: list[str], words: list[str]) -> str:
    """Sections under Heading 2, as an editor would write them."""
    parts = []
    for heading in rng.sample(HEADINGS, rng.randint(3, 6)):
        parts.append(f"<h2>{heading}</h2>")
        for _ in range(rng.randint(2, 4)):
            sentences = [sentence(rng, topics, words) for _ in range(rng.randint(3, 6))]
            if rng.random() < 0.4:
                sentences.append(rng.choice(FOLLOW_UPS))
            parts.append(f"<p>{' '.join(sentences)}</p>")
    return "".join(parts)
