"""Demo publications: pandemic preparedness and health security."""

from .markup import to_html

PUBLICATIONS = [
    {
        "slug": "ready-by-default-pandemic-preparedness",
        "title": "Ready by Default: Rebuilding Pandemic Preparedness Around Everyday Systems",
        "type": "Report",
        "dek": "Preparedness that only exists during emergencies decays between them. "
        "Build it into what health systems do every day.",
        "summary": "Emergency preparedness funding rises during crises and falls away afterwards, "
        "leaving plans, stockpiles and skills to decay. This report argues for building "
        "preparedness into routine public-health work — surveillance, procurement, staffing and "
        "data — so that it is maintained because it is used.",
        "authors": ["Kwame Asante-Ellis", "Tomasz Wierzbicki"],
        "areas": ["Health Security"],
        "tags": ["pandemic preparedness", "public health", "surveillance", "health workforce"],
        "days_ago": 275,
        "body": to_html("""
## The cycle of panic and neglect

Public-health preparedness follows a familiar cycle. An outbreak exposes gaps: too few tests, not
enough trained contact tracers, data systems that cannot talk to each other, stockpiles that have
expired. Emergency funding arrives, often in large amounts and with short deadlines. Capacity is
built quickly. Then the emergency ends, the funding lapses, and the new capacity decays. Staff hired
on temporary contracts leave. Systems built for the crisis are switched off or left unmaintained.
By the time the next emergency arrives, much of what was learned has to be relearned.[^1]

This cycle is not a failure of any particular government. It is the predictable result of
treating preparedness as a separate activity, funded separately and used only in emergencies.
Capabilities that are not used are not maintained, and capabilities that are not maintained do not
work when they are needed.

> Capabilities that are not used are not maintained, and capabilities that are not maintained
> do not work when they are needed.

## The principle: ready by default

We propose a different principle. Wherever possible, the capabilities needed in an emergency should
be the same ones used in ordinary times, scaled up rather than switched on. A surveillance system
that tracks influenza every winter can track a novel pathogen. A procurement framework used for
routine vaccines can be used to buy countermeasures quickly. Staff who run seasonal vaccination
clinics can run mass vaccination. Data systems that link laboratories and clinics for everyday
reporting can do so in a crisis.

This is not a new idea, but it has rarely been applied systematically. Applying it means asking,
for each emergency capability, what everyday job it could do.

## Four systems to build on

### Surveillance

Many health departments expanded their surveillance during the last pandemic, including wastewater
monitoring, genomic sequencing and syndromic surveillance from emergency departments. These tools
have everyday uses: tracking influenza and respiratory syncytial virus, detecting foodborne
outbreaks, monitoring drug use. Keeping them funded for those purposes keeps them ready for the next
emergency.

Surveillance also depends on relationships. The health officials who used wastewater data most
effectively during the pandemic were those who had worked with the utility staff collecting the
samples and the laboratory analysing them, and who understood the data's quirks. Those working
relationships are part of the capability and are lost when programmes pause.

### Procurement

Emergency procurement is slow and expensive when it starts from scratch. Framework agreements with
pre-qualified suppliers, reserved manufacturing capacity and pre-negotiated prices for surge
quantities can be established in advance and exercised regularly, for example by buying seasonal
supplies through the same mechanism.

### Workforce

The scarcest resource in most emergencies is trained people. A reserve of retired clinicians,
students and volunteers can be maintained if they are trained and used regularly — for seasonal
vaccination campaigns, for mass-gathering events, for local outbreaks. A reserve that exists only
on a list will not be there when called.

### Data

Emergency data systems are often built in a hurry, on temporary contracts, and abandoned afterwards.
The better approach is to invest in the routine reporting links between laboratories, hospitals,
clinics and health departments, with standards that allow them to scale.

| Emergency capability | Everyday use that keeps it ready | Typical owner |
|---|---|---|
| Wastewater surveillance | Seasonal respiratory viruses, drug-use monitoring |
  City or county health department |
| Genomic sequencing | Foodborne outbreaks, antimicrobial resistance | State public-health laboratory |
| Surge procurement frameworks | Seasonal vaccines and routine supplies |
  State or national procurement agency |
| Reserve workforce | Seasonal vaccination, mass gatherings | Health department with volunteer network |
| Electronic case reporting | Notifiable disease reporting | Health department and hospitals |

Routine reporting also builds trust in the data. Clinicians who see that case reports lead to
useful feedback are more likely to report promptly, and a health department that publishes its
routine data every week will have an audience that knows how to read it when the numbers start to
rise.

## Funding preparedness that does not disappear

The hardest part of this approach is financial. Emergency funding is easier to obtain than
steady funding, and everyday uses of preparedness capacity compete with other priorities. We
recommend three changes.

First, governments should move from emergency appropriations to a stable baseline for core
preparedness capabilities, set for several years at a time and protected from annual cuts.
Second, funding should be tied to capabilities and their routine use, not to plans on paper:
a health department should receive funding for a surveillance system in part because it reports
from that system every week. Third, a small share of each emergency appropriation should be
reserved for maintaining what is built after the emergency ends.

None of this requires new institutions. It requires budget officers and legislators to treat
preparedness as a standing service with predictable costs, in the way that fire services are
funded every year regardless of how many fires there were last year.

## Measuring readiness

What is measured tends to be maintained. Preparedness is often measured by whether plans exist and
exercises have been held. Those are necessary but not sufficient. We suggest adding measures of
routine use: how many weeks of the year each surveillance stream reported, how many reserve staff
were deployed in the past year, how quickly procurement frameworks delivered in their last routine
use. These measures reward the approach we propose and are hard to fake.

## Objections and answers

**"Everyday use will wear out emergency capacity."** Some emergency assets, such as a reserve of
ventilators, should not be used routinely. The principle applies to capabilities rather than to
every item: the skills, relationships, data links and procurement routes that turn assets into a
response. Those improve with use and decay without it.

**"Routine work will crowd out emergency readiness."** A surveillance team that spends all winter
on influenza may have less time to plan for a novel pathogen. That is a real risk, and it is why
baseline funding should cover a margin of capacity above routine demand, and why exercises remain
necessary. But a team that has run a surveillance system every week for years will adapt it far
faster than one that must first find the login details.

**"Stable funding will make agencies complacent."** The readiness measures we propose are designed
to prevent exactly that. Funding tied to routine use and published results creates a steady
incentive, rather than the alternation of crisis spending and neglect that has characterised the
field for decades.

**"This is too expensive."** The comparison should not be with zero. It should be with the cost of
rebuilding capacity in a hurry during each emergency, at inflated prices and with untrained staff,
and with the economic and human cost of a slower response. Judged that way, steady investment in
capabilities that are used every year is among the better bargains available to a health system.

> A team that has run a surveillance system every week for years will adapt it far faster than
> one that must first find the login details.

## Recommendations

1. Review each emergency capability and identify an everyday use that would keep it maintained.
2. Establish multi-year baseline funding for core preparedness capabilities, separate from
emergency appropriations.
3. Reserve part of every emergency appropriation for maintaining what it builds.
4. Maintain surge procurement frameworks by using them for routine purchases.
5. Train and deploy reserve health workers at least annually.
6. Report routine-use measures of readiness alongside plans and exercises.

## Notes

1. This pattern has been described in after-action reviews of several outbreaks. Our account draws
on those reviews and on interviews with public-health officials conducted for this report.
"""),
    },
    {
        "slug": "wastewater-surveillance-after-the-emergency",
        "title": "Wastewater Surveillance After the Emergency",
        "type": "Policy Memo",
        "dek": "One of the pandemic's most useful new tools is at risk of being switched off.",
        "summary": "Wastewater monitoring gave health departments early warning of rising infections "
        "at low cost, but many programmes were funded only for the emergency. This memo sets out "
        "the everyday uses that justify keeping them and a funding model to do so.",
        "authors": ["Kwame Asante-Ellis"],
        "areas": ["Health Security"],
        "tags": ["surveillance", "wastewater", "public health", "pandemic preparedness"],
        "days_ago": 115,
        "body": to_html("""
## What it does

Wastewater surveillance tests sewage at treatment plants or upstream sampling points for the
genetic material of pathogens. Because nearly everyone in a sewershed contributes, a single sample
reflects a whole community, including people who never take a test. During the pandemic, it often
signalled rising infections several days before clinical data did.[^1]

## The risk

Many programmes were set up with emergency funding. As that funding ends, some health departments
are reducing sampling or stopping altogether. Once laboratory contracts lapse and trained staff move
on, restarting a programme takes months.

> Once laboratory contracts lapse and trained staff move on, restarting takes months.

## Everyday uses

- Tracking seasonal respiratory viruses to time vaccination campaigns and hospital staffing.
- Detecting outbreaks of gastrointestinal disease early.
- Monitoring trends in drug use, including new synthetic opioids, to guide harm-reduction work.
- Watching for the spread of antimicrobial resistance.

## Recommendations

1. Maintain a core network of sampling sites covering most of the population, sampled at least
weekly.
2. Fund the network through a stable public-health budget line shared between the state and
participating local governments.
3. Publish results on a public dashboard, with clear explanations of what they do and do not show.
4. Agree privacy rules that prevent sampling at a level fine enough to identify households or
small groups.

## Notes

1. The lead time varied between pathogens and communities, and depended on how widely clinical
testing was available at the time.
"""),
    },
    {
        "slug": "next-surge-staffing-crisis",
        "title": "The Next Surge Will Be a Staffing Crisis First",
        "type": "Commentary",
        "dek": "Beds and ventilators can be bought. Nurses cannot be bought in a week.",
        "summary": "Surge planning still concentrates on beds and equipment, but the binding "
        "constraint in the last crisis was trained staff. Planning should start with people.",
        "authors": ["Kwame Asante-Ellis"],
        "areas": ["Health Security"],
        "tags": ["health workforce", "surge capacity", "hospitals", "pandemic preparedness"],
        "days_ago": 52,
        "body": to_html("""
Ask a hospital administrator what they ran out of during the worst weeks of the pandemic, and the
answer is rarely beds. Field hospitals were built; some stood largely empty. Ventilators were
ordered in large numbers; many arrived after the peak. What hospitals ran out of was people: nurses,
respiratory therapists, intensive-care doctors, cleaners, porters. A bed without staff is furniture.

Yet surge plans still tend to be written in the language of equipment. They count beds,
ventilators, masks and oxygen supply. These are easier to count, and they can be bought. Staff
cannot be bought in a week, and the ones who exist are often already exhausted. The health workforce
in many regions has not recovered from the last surge; vacancy rates for nurses remain high, and
many experienced staff have left the profession.

> A bed without staff is furniture.

A staffing-first surge plan would look different. It would start by counting the people who
could be deployed — reserve clinicians, students near the end of their training, staff from
outpatient services that can be paused — and work out what they could safely do. It would set
out in advance the changes to regulations that allow staff to work across state lines or outside
their usual scope, so that these do not have to be improvised. It would plan for rest, because
staff who work without breaks for weeks make mistakes and then leave. And it would protect the
workforce between surges, since the best surge reserve is a health system that is not already
running at its limit.

Planners should also be honest about the limits of redeployment. A nurse from a day-surgery unit
can support an intensive-care team, but cannot replace an experienced critical-care nurse, and
asking staff to work beyond their training without supervision puts patients at risk. Tiered
staffing models, in which a small number of specialists supervise larger teams of redeployed
staff, worked well in many hospitals during the last surge. They need to be written down and
practised, not rediscovered.

None of this is as photogenic as a field hospital. But the next surge, whatever causes it, will
be decided by how many trained people can be at the bedside and for how long.
"""),
    },
    {
        "slug": "stockpiles-that-expire-medical-countermeasures",
        "title": "Stockpiles That Expire: Managing Medical Countermeasures",
        "type": "Issue Brief",
        "dek": "A stockpile is not a warehouse. It is a rotation problem.",
        "summary": "Stockpiles of medicines, vaccines and protective equipment lose value as items "
        "expire, and replenishment is often unfunded. This brief describes rotation, vendor-managed "
        "inventory and shelf-life extension as ways to keep reserves usable.",
        "authors": ["Kwame Asante-Ellis", "Marcus Feld"],
        "areas": ["Health Security", "Supply Chains & Maritime Trade"],
        "tags": ["stockpiles", "medical countermeasures", "procurement", "pandemic preparedness"],
        "days_ago": 810,
        "body": to_html("""
## The problem

Medical stockpiles are bought in bursts, usually after an emergency, and then forgotten. Medicines
and vaccines have expiry dates; masks and gowns degrade; equipment goes out of date. When the next
emergency comes, a significant share of the stockpile may be unusable, and replacing it competes
with every other demand on the budget.

## Three ways to keep reserves usable

- **Rotation.** Where items are also used routinely, such as gloves and common antibiotics,
stockpiles can be rotated through health-system supply chains, with older stock used first and
replaced with new.
- **Vendor-managed inventory.** Suppliers hold a reserve on the government's behalf and rotate it
through their commercial sales, guaranteeing delivery of a set quantity on demand.
- **Shelf-life extension.** For some medicines, testing can show that stock remains safe and
effective beyond the labelled date. Programmes that test and extend shelf life can save
considerable sums.

> A stockpile bought in one burst will expire in one burst.

## Governance

Stockpiles need an owner with a replenishment budget, a public inventory at an aggregate level,
and regular audits that check not only what is held but whether it could be distributed quickly.
A stockpile bought in one burst will expire in one burst; staggering purchases over several years
smooths both costs and expiry.
"""),
    },
    {
        "slug": "hospital-surge-capacity-mid-sized-cities",
        "title": "Forthcoming: Hospital Surge Capacity in Mid-Sized Cities",
        "type": "Policy Memo",
        "dek": "Mid-sized cities have fewer hospitals, fewer specialists and less room for error.",
        "summary": "Surge planning is often designed around large metropolitan hospital systems. "
        "This memo looks at what a serious outbreak would mean for a mid-sized city and what "
        "regional coordination could do to help.",
        "authors": ["Kwame Asante-Ellis", "Grace Liddell"],
        "areas": ["Health Security", "Cities & Public Finance"],
        "series": "Stress Test",
        "tags": ["surge capacity", "hospitals", "regional coordination", "health workforce"],
        "days_ago": -18,
        "body": to_html("""
## The scenario

A respiratory outbreak fills the intensive-care unit of the only large hospital in a city of
around two hundred thousand people within ten days. Neighbouring hospitals are also filling.
Transfers to the regional academic centre slow as it reaches capacity.

## What breaks first

In our tabletop exercise with local officials, the first constraint was not beds but the small
number of intensive-care nurses, followed by the ability to transfer patients: the region had too
few critical-care ambulances for the number of transfers needed.

> The first constraint was not beds but intensive-care nurses.

## Recommendations

- Create a regional transfer centre that balances patients across hospitals in real time.
- Cross-train nurses from other units in basic critical-care support, and refresh the training
every year.
- Agree mutual-aid arrangements for critical-care transport with neighbouring regions.
- Include the city's finance office in surge planning, since overtime and agency staff costs will
strain the municipal budget.
"""),
    },
]
