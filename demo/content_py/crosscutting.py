"""Demo publications that cut across the institute's programmes."""

from .markup import to_html

PUBLICATIONS = [
    {
        "slug": "cascades-critical-system-failures",
        "title": "Cascades: How Failures in One Critical System Spread to the Next",
        "type": "Report",
        "dek": "Power, water, telecoms and health care are planned separately and fail together.",
        "summary": "Critical systems depend on each other in ways their separate plans rarely "
        "capture, so a failure in one can spread quickly to the others. Drawing on tabletop "
        "exercises with local officials, this report maps the most common cascades and proposes "
        "joint planning and shared data to interrupt them.",
        "authors": ["Tomasz Wierzbicki", "Ольга Тихомирова", "Kwame Asante-Ellis"],
        "areas": ["Energy & Infrastructure", "Health Security"],
        "series": "Stress Test",
        "tags": ["critical infrastructure", "grid resilience", "interdependencies", "emergency management"],
        "days_ago": 648,
        "body": to_html("""
## Separate plans, shared failures

Every critical system has a continuity plan. The electricity utility plans for storms and equipment
failures. The water utility plans for main breaks and contamination. Telecoms operators plan for
cable cuts and network outages. Hospitals plan for surges and evacuations. Each plan is usually
sound on its own terms. The trouble is that each plan tends to assume the other systems will keep
working.

They often do not. A prolonged power cut stops water pumps once their backup fuel runs low, and
without water pressure hospitals cannot run sterilisation or dialysis. Mobile networks fall silent
as tower batteries drain, so residents cannot call for help and crews cannot coordinate. Fuel
stations cannot pump without power, so the generators that were meant to bridge the gap run dry.
Each system's plan relied on another system that was failing at the same time.[^1]

> Each plan is usually sound on its own terms. The trouble is that each plan assumes the other
> systems will keep working.

## What the exercises showed

Over two years, the institute ran tabletop exercises with local officials in several regions. Each
exercise began with a single shock — a multi-day power outage in winter, a major water-main failure,
a regional telecoms outage — and asked each agency and operator in the room to describe what would
happen, hour by hour. Three patterns appeared in nearly every exercise.

### Backup power is the hinge

Almost every critical facility relies on generators or batteries to survive a power cut. Few had
fuel for more than two or three days, and many relied on the same small number of fuel distributors,
who in turn needed power and communications to operate. In most exercises, the question of who
would receive fuel first had no agreed answer.

### Communications fail quietly

Mobile towers and fixed-line exchanges have battery backup measured in hours. When they fail,
emergency coordination shifts to radio systems that not every agency holds, and the public loses
its main source of information. Officials were often surprised by how quickly this happened.

### Priority lists do not match

Utilities keep lists of priority customers for restoration. Emergency managers keep lists of
critical facilities. Health departments keep lists of residents dependent on powered medical
equipment. In no exercise were these lists the same, and in several the agencies had never seen
each other's.

| Initial shock | First cascade (hours) | Second cascade (days) | Most exposed |
|---|---|---|---|
| Winter power outage | Mobile networks degrade; water pumps on backup |
  Fuel shortages; water pressure falls | Residents on home medical equipment |
| Water-main failure | Hospitals restrict procedures | Firefighting capacity reduced |
  Dialysis patients, care homes |
| Regional telecoms outage | Emergency calls disrupted; payment systems fail |
  Fuel and food distribution slowed | Isolated and older residents |

## A worked example: the third night

To show how these patterns combine, consider the sequence that emerged in one winter exercise. We
describe it hour by hour, as participants did.

### Day one

An ice storm brings down lines across a county, and about a third of customers lose power. Hospitals,
the water plant and the emergency operations centre switch to generators. Mobile networks work, and
the utility posts restoration estimates online. Residents expect a difficult day or two.

### Day two

Restoration is slower than forecast because fallen trees block roads. Mobile towers on battery
backup begin to fail in rural areas. The county's care homes, some without generators, start asking
for help moving residents. The water plant's fuel supplier reports that its own depot has lost power
and is pumping fuel by hand, slowly.

### The third night

By the third night, the water utility warns that pressure will fall in higher parts of the system
unless it receives fuel by morning. The hospital has enough fuel but needs water pressure to run its
sterilisation equipment and dialysis unit. The fuel distributor has trucks but cannot reach some
sites and has no agreed list of who comes first. The health department knows which residents use
home oxygen concentrators, but cannot reach many of them because their phones no longer work.

Nothing in this sequence is exotic. Every element had appeared in some real event known to the
participants. What surprised them was how quickly a manageable power outage became a water, health
and communications emergency, and how many of the decisions that mattered on the third night could
only have been made well weeks before the storm.

> What surprised participants was how many of the decisions that mattered on the third night
> could only have been made well weeks before the storm.

## Interrupting the cascade

The good news from the exercises is that many cascades can be interrupted by modest, practical
steps, most of which involve planning together rather than spending large sums.

**Agree a shared list of critical sites.** Utilities, emergency managers and health departments
should maintain one list of critical facilities, with an agreed order of priority for power
restoration, fuel delivery and water supply. The list should be shared securely and reviewed
annually.

**Plan fuel as a system.** Regions should identify which fuel distributors serve critical sites,
ensure those distributors have backup power and communications themselves, and agree in advance
how scarce fuel will be allocated.

**Extend communications backup where it matters.** Not every mobile tower needs days of backup
power. Those that serve hospitals, emergency operations centres and isolated communities do.
Regulators should require operators to identify and harden these sites.

**Put vulnerable residents on the map.** People who depend on powered medical equipment, who
cannot easily leave their homes or who live alone are the first to be harmed by a cascade and the
hardest to reach once communications fail. Health departments, utilities and social-care
providers should agree how such residents will be identified, contacted before a forecast storm,
and checked on in person if an outage lasts more than a day.

**Exercise across sectors.** Single-agency exercises test plans against the assumptions the
plans already make. Cross-sector exercises test the assumptions. They should be held at least once
a year in each region, with a short public summary of what was learned.

## The role of data

Many of these steps depend on data that exists but is not shared: which feeders serve which
critical sites, which residents depend on powered medical equipment, which fuel depots serve which
hospitals. Privacy and security concerns are real, but they can be addressed with agreements that
limit who sees what and when. In an emergency, the cost of not knowing is far higher than the cost
of a well-governed data-sharing arrangement.

Data also decays. Contact details change, facilities open and close, and lists compiled for one
exercise are out of date by the next. Any data-sharing arrangement should therefore name an owner
responsible for keeping each dataset current and a date by which it is refreshed each year. A list
that is accurate on the day of the emergency is worth more than a better list that was accurate
eighteen months earlier.

## Recommendations

1. Create a single, shared list of critical facilities in each region, with agreed restoration and
fuel priorities, maintained jointly by utilities, emergency managers and health departments.
2. Require critical facilities to hold enough fuel for at least 72 hours of backup operation and
to have contracts for resupply with distributors that themselves have backup power.
3. Require telecoms operators to identify and harden sites that serve critical facilities.
4. Hold cross-sector exercises annually and publish summaries of the lessons learned.
5. Establish data-sharing agreements that allow utilities and health departments to identify
residents dependent on powered medical equipment before an emergency.

## Notes

1. The sequence described here is a composite drawn from the institute's tabletop exercises; it
does not describe any single event or region.
"""),
    },
    {
        "slug": "why-we-write-short",
        "title": "Why We Write Short",
        "type": "Commentary",
        "dek": "A memo that a busy official finishes beats a report that she files.",
        "summary": "The institute publishes most of its work as short memos rather than long "
        "reports. Our research director explains why, and what we lose and gain by it.",
        "authors": ["Tomasz Wierzbicki"],
        "areas": [],
        "tags": ["policy writing", "institute news"],
        "days_ago": 1040,
        "body": to_html("""
When we started this institute, we made a decision that some colleagues in the research world found
odd: most of what we publish would be short. Memos of a few pages, commentary of a few hundred words,
reports only when a subject truly needs one. This note explains why.

The people we most want to reach — legislative staff, agency officials, city finance directors —
are busy in a way that is hard to appreciate from outside. They read on their phones between
meetings. They are asked to form a view on a dozen subjects a week. A hundred-page report, however
good, is more likely to be filed than read. A four-page memo with a clear recommendation on the first
page has a chance.

> A hundred-page report, however good, is more likely to be filed than read.

Writing short is not the same as thinking less. A short memo usually takes longer to write than a
long one, because every sentence has to earn its place and every recommendation has to be specific
enough to act on. Our rule is that the research behind a memo should be as thorough as for a report;
only the writing is compressed. Where readers need the evidence, we publish it separately.

We lose some things by this choice. Short pieces cannot always do justice to uncertainty or to the
strongest counter-arguments. We try to address that by naming the main objection in each memo and
answering it, and by publishing longer reports when a subject is genuinely complex.

We also publish our memos in series, so that a reader who follows a subject — grid resilience,
say, or municipal finance — can see how a set of short pieces adds up to a body of work. The
series pages and the "about this series" notes on each memo are there for that reason.

But we believe the trade is worth it. Research that is not read does not change anything, and we
did not start an institute to produce shelf-ware.
"""),
    },
    {
        "slug": "resilience-has-a-budget-line",
        "title": "Resilience Has a Budget Line, or It Doesn't Exist",
        "type": "Commentary",
        "dek": "Every government says it values resilience. Few can say how much they spend on it.",
        "summary": "Resilience is a popular word in government strategies and a rare one in "
        "budgets. Until preparedness spending is identified and protected, it will be the first "
        "thing cut in a tight year.",
        "authors": ["Tomasz Wierzbicki", "Grace Liddell"],
        "areas": ["Cities & Public Finance", "Energy & Infrastructure"],
        "tags": ["resilience", "municipal budgets", "emergency management", "capital planning"],
        "days_ago": 755,
        "body": to_html("""
Read any recent strategy document from a city, a state agency or a utility, and you will find the
word "resilience". Read the budget that accompanies it, and you will struggle to find the money.
Spending that makes systems more resilient — spare equipment, backup power, staff training,
redundant communications, maintenance — is scattered across departmental budgets, mixed with
routine spending and impossible to total.

That matters because money that cannot be seen cannot be defended. When a budget is tight, the
easiest cuts are the ones whose consequences are distant and uncertain. Postponing the replacement
of a generator or cancelling an exercise saves money this year and costs nothing visible until the
day of the emergency. Those days are rare enough that the cuts are usually safe, until they are not.

> Money that cannot be seen cannot be defended.

We suggest a simple discipline. Each government should identify, across its budget, the spending
whose main purpose is to reduce the impact of disruptions, and report it as a single figure each
year, alongside a short account of what it bought. The definition will be imperfect at first.
That is fine. The point is to make the total visible, so that councils and legislatures can see
whether it is rising or falling and ask why.

A second step is to protect part of that spending from in-year cuts, for example by placing it in
a dedicated reserve or a multi-year appropriation. Resilience pays off over decades; it should not
be decided by the pressures of a single year.

Finally, resilience spending should be reported alongside what it bought, in terms residents can
understand: how many hours of backup power the water plant now has, how many staff were trained for
emergency shelters, how many of the city's critical buildings have been inspected for flood risk.
Numbers like these are harder to cut quietly than an unlabelled line in a departmental budget.

The words in the strategy are a start. The budget line is where the commitment begins.
"""),
    },
]
