"""Demo publications: energy and infrastructure."""

from .markup import to_html

PUBLICATIONS = [
    {
        "slug": "keeping-the-lights-on-grid-resilience-standard",
        "title": "Keeping the Lights On: A Resilience Standard for Regional Power Grids",
        "type": "Report",
        "dek": "Reliability rules tell utilities how often the power may go out. "
        "Nothing tells them how long.",
        "summary": "Grid regulation measures how often customers lose power, but not how long the "
        "worst outages last or who is left in the dark. This report proposes a resilience "
        "standard built on outage duration, restoration speed and protection of critical loads, "
        "and a cost-sharing model to pay for it.",
        "authors": ["Ольга Тихомирова", "Tomasz Wierzbicki"],
        "areas": ["Energy & Infrastructure"],
        "tags": ["grid resilience", "electricity", "extreme weather", "regulation"],
        "days_ago": 8,
        "featured": True,
        "related": ["black-start-capability-public-good", "cascades-critical-system-failures"],
        "body": to_html("""
## Why reliability standards are not enough

Every regional power system in the country is measured against reliability indices that were
designed for a different era. The two most common count how often the average customer loses power
in a year and how many minutes they spend without it. Those numbers are useful for tracking the
slow wear of an ordinary distribution network: squirrels, ageing insulators, the occasional car
meeting a pole. They are poor guides to the events that now dominate the public experience of
outages: the ice storm that leaves a county dark for six days, the heat dome that forces rolling
cuts at dinner time, the wildfire season in which a utility switches off whole valleys as a
precaution.

The problem is partly statistical. Most utilities are allowed to exclude "major event days" from
the indices they report to regulators, on the reasonable grounds that a once-in-a-decade storm
should not swamp the signal of everyday performance.[^1] But when the major events become the
main source of customer harm, excluding them means the measure no longer describes the thing it
was meant to discipline. A utility can post improving reliability figures in the same years that
its customers spend record hours in the dark.

The problem is also one of incentives. A reliability index rewards a utility for reducing the
number of small, frequent interruptions, which is often cheaper than preparing for the large,
rare ones. Tree trimming near feeders shows up in next year's numbers; a stock of spare
transformers or a hardened substation may not show up for a decade, if ever. Without a measure
that captures the long tail, the long tail goes underfunded.

> A utility can post improving reliability figures in the same years that its customers
> spend record hours in the dark.

## What a resilience standard would measure

We propose that state regulators adopt a resilience standard alongside, not instead of, the
existing reliability indices. It would have three parts, each reported with major events included
and each broken down by feeder so that the distribution of harm is visible, not just its average.

### Duration of the longest outages

The first measure is the share of customers who experience an outage longer than 48 hours in a
year, and separately longer than 96 hours. These thresholds matter because they are where harm
changes character. After two days, refrigerated medicine spoils, small businesses lose stock,
and people who depend on powered medical equipment run out of battery. After four, the outage
becomes a public-health and housing emergency. A standard that counts these customers directly
would give regulators and the public a number that tracks what residents remember.

### Speed of restoration

The second measure is how quickly service returns after a major event: the time taken to restore
50, 90 and 99 percent of affected customers. Restoration curves reveal things averages hide. Two
utilities with the same total customer-minutes lost can have very different curves: one restores
most customers in a day but leaves rural feeders out for a week; another restores everyone
slowly but evenly. Regulators should see the whole curve, and should expect the slowest decile to
improve over time.

### Protection of critical loads

The third measure asks whether designated critical facilities — hospitals, water and wastewater
plants, emergency communications, shelters and fuel terminals — stayed powered or were restored
within an agreed window. Most utilities keep lists of these facilities; far fewer report on how
they fared during events, and fewer still share the lists with the local emergency managers who
depend on them.[^2]

| Measure | What it counts | Suggested first-year target |
|---|---|---|
| Long-outage exposure | Customers without power for more than 48 hours in a year |
  Report only; set baseline |
| Severe-outage exposure | Customers without power for more than 96 hours in a year |
  Report only; set baseline |
| Restoration speed | Hours to restore 90% of customers after a major event |
  Within 10% of three-year median |
| Critical-load protection | Share of designated critical facilities restored within 12 hours | 95% |

The targets in the table are deliberately modest. The first two years of any new standard should
be about building credible baselines, agreeing definitions and making the data public. Penalties
and rewards can follow once everyone trusts the numbers.

## Paying for it

Hardening a grid is expensive, and the costs arrive long before the benefits. Burying a mile of
distribution line, adding sectionalising switches so that a fault isolates a street rather than a
neighbourhood, stocking long-lead equipment and training mutual-aid crews all compete for the same
capital budget as routine replacement. A standard without a funding path will simply be missed.

We recommend three principles for cost recovery. First, resilience investments should be filed
as a distinct plan, separate from the general rate case, with a clear statement of which outages
each project is meant to shorten and by how much. Regulators can then compare projects on a common
basis: cost per customer-hour of long outage avoided. Second, the plan should be reviewed on a
multi-year cycle, so that utilities are not forced to choose between a project that pays off in
year eight and one that improves next year's index. Third, the costs of protecting critical loads
that serve a whole region, such as a water-treatment plant, should not fall only on the customers
of the feeder that happens to supply it.

Utilities will argue, with some justice, that they cannot control the weather. The standard does
not ask them to. It asks them to show how their investments change the consequences of weather
they can reasonably expect, and to report honestly when those consequences are severe.

## Objections and answers

**"The data is too noisy to regulate on."** Year-to-year variation in long outages is large,
because it depends on whether a major storm happens to hit. That is why the standard should be
judged on rolling three- or five-year averages, and why the first years should be for reporting
rather than penalties. Noise is a reason to be patient with the measure, not to avoid it.

**"It will push utilities to over-invest."** Any regulatory measure can be gamed, and a utility
with a guaranteed return on capital has reasons to propose large projects. The defence is the
cost-per-avoided-hour comparison and independent review of the plan. Operational measures —
better outage prediction, pre-positioned crews, clearer communication with customers — often
shorten outages more cheaply than new steel, and the plan should have to show they were
considered.

**"Customers already pay enough."** Customers are already paying for long outages: in spoiled
food, lost wages, hotel rooms, generators and, in the worst cases, lives. Those costs are simply
not on the bill. A resilience standard makes them visible so that a community can decide, with
better information, how much of that private cost it would rather pay collectively in advance.

## Recommendations

1. State regulators should require utilities to report the three resilience measures annually,
by feeder, with major event days included, starting with the next reporting cycle.
2. Utilities should file multi-year resilience plans that estimate, for each project, the long-outage
hours it is expected to avoid, and the cost per avoided hour.
3. Regulators should agree with local emergency managers a shared list of critical facilities and
publish an annual account of how each fared during major events.
4. After two years of baseline data, regulators should set improvement targets for the slowest
decile of feeders, not only for the system average.
5. Legislatures should fund consumer advocates to review resilience plans, so that the case
against an expensive project is heard as clearly as the case for it.

## Notes

1. The exclusion is typically based on a statistical threshold: a day counts as a major event
when its outage minutes are far above the utility's historical norm. The method is sound for its
original purpose; the difficulty is that it removes the events residents care most about.
2. In interviews for this report, emergency managers in three states told us they had never been
given their utility's critical-facility list. Interviews were conducted on condition that
participants and their agencies not be named.
"""),
    },
    {
        "slug": "black-start-capability-public-good",
        "title": "Black-Start Capability Is a Public Good. Pay for It Like One.",
        "type": "Policy Memo",
        "dek": "The ability to restart a grid from nothing is worth a great deal once a decade "
        "and almost nothing on every other day. Markets underprice it.",
        "summary": "A handful of power plants can restart a regional grid after a total blackout, "
        "and that capability is quietly shrinking as older plants retire. This memo argues that "
        "black-start service should be procured competitively, tested under realistic conditions "
        "and paid for as the insurance policy it is.",
        "authors": ["Ольга Тихомирова"],
        "areas": ["Energy & Infrastructure"],
        "series": "Stress Test",
        "tags": ["grid resilience", "electricity", "electricity markets", "blackouts"],
        "days_ago": 66,
        "body": to_html("""
## The scenario

A grid that goes completely dark cannot simply be switched back on. Most power plants need
electricity from the grid to start: to run pumps, fans and control systems. Restoring a system
after a total collapse depends on a small number of units that can start on their own — usually
hydro stations, some gas turbines and, increasingly, batteries — and then energise transmission
lines step by step until larger plants can be brought back.

Regional operators keep restoration plans built around these black-start units. Those plans were
largely written when the fleet was dominated by large thermal plants. As those plants retire, some
black-start units are retiring with them, and the remaining ones are often located far from the
load centres they would need to reach.[^1]

## What breaks first

The weak point is rarely the black-start unit itself. It is the chain around it: the fuel supply
that must be on site without grid power, the communications that must work when telecoms
backup batteries are draining, the transmission path that must be switched manually, and the
handful of people trained to do it. Restoration drills tend to test each link separately. A
realistic test would run them together, at night, with a degraded communications network.

> Restoration drills tend to test each link separately. A realistic test would run them
> together, at night, with a degraded communications network.

## Why the market underprovides it

Black-start capability is a textbook public good. Every customer in the region benefits from it,
no one can be excluded from that benefit, and its value is concentrated in rare events that
markets struggle to price. Most operators pay black-start providers a cost-based fee that covers
equipment and testing, but offers no reward for being better located, faster or more robust. There
is little reason for a new battery or hydro project to offer the service, and little penalty for
an existing provider that lets its readiness slip.

## Recommendations

- Operators should procure black-start service through periodic competitive solicitations that
score location, start-up time, fuel security and the ability to hold voltage on long lines.
- Payments should be large enough to attract new providers, including batteries paired with
grid-forming inverters, and should be clawed back when a unit fails a test.
- At least once every three years, each region should run an integrated restoration exercise
that tests fuel, communications, switching and staffing together, and publish a summary of
what went wrong.
- Regulators should require restoration plans to be updated whenever a black-start unit
announces its retirement, not at the next scheduled review.

## Notes

1. Operators publish little detail on black-start units for security reasons, which is
reasonable. But the aggregate picture — how many units, how old, how far from load — can be
shared without revealing specific sites, and should be.
"""),
    },
    {
        "slug": "transformer-shortage-nobody-planned-for",
        "title": "The Transformer Shortage Nobody Planned For",
        "type": "Commentary",
        "dek": "The most important piece of grid equipment is also the slowest to replace.",
        "summary": "Lead times for large power transformers have stretched from months to years, "
        "and a single failed unit can now leave a substation on borrowed time. Utilities and "
        "regulators should treat spare transformers as shared strategic inventory.",
        "authors": ["Ольга Тихомирова"],
        "areas": ["Energy & Infrastructure", "Supply Chains & Maritime Trade"],
        "tags": ["grid resilience", "supply chains", "electricity", "stockpiles"],
        "days_ago": 22,
        "body": to_html("""
If you want to understand how fragile an electricity network has become, do not look at the power
plants. Look at the transformers. These large, unglamorous machines step voltage up for
transmission and back down for distribution, and almost every kilowatt-hour you use has passed
through several of them. They are also among the slowest pieces of equipment in the economy to
replace.

Utility engineers tell a consistent story. A few years ago, a large power transformer could be
ordered and delivered within a year. Today, the quotes they receive often stretch to two or three
years, and smaller distribution transformers — the grey cans on poles and the green boxes on
suburban lawns — have also become scarce. The reasons are ordinary: a wave of new demand from
housing, data centres and renewable projects, limited factory capacity, and a dependence on a
small number of suppliers for specialised steel and components.

The consequence is that a single failure now carries a much longer tail. A substation that loses
its transformer to a fire, a flood or a deliberate attack may run on a temporary mobile unit, at
reduced capacity, for months. If two such failures happen in the same region in the same season,
there may be no spare at all.

> A spare transformer sitting in a yard looks like waste right up to the day it is the
> only thing that matters.

Part of the fix is industrial: more factory capacity, and standard designs so that a unit built
for one utility can be used by another. But there is also a simpler step regulators can take now.
Most utilities keep some spares, but they do so individually and quietly, and regulators often
view inventory as a cost to be minimised. Utilities in a region should instead be encouraged to
pool spare transformers under shared agreements, with standardised specifications, clear rules on
who may draw on the pool and how it is replenished, and cost recovery that treats the pool as
insurance rather than idle capital.

None of this is exciting. That is the point. The risks that do the most damage are usually the
ones that are too boring to be anyone's priority until the day they become everyone's.
"""),
    },
    {
        "slug": "heat-waves-and-the-evening-peak",
        "title": "Heat Waves and the Evening Peak: What Grid Operators Should Ask For Before Summer",
        "type": "Issue Brief",
        "dek": "The hardest hour on a hot day is no longer mid-afternoon. Planning has not caught up.",
        "summary": "As rooftop solar grows, the most stressful hour for the grid on a hot day has "
        "moved into the early evening, when solar output falls but air-conditioning demand stays "
        "high. This brief sets out what operators should secure before each summer to meet that "
        "shifted peak.",
        "authors": ["Ольга Тихомирова", "Ελένη Καραγιάννη"],
        "areas": ["Energy & Infrastructure"],
        "tags": ["extreme weather", "electricity", "demand response", "heat"],
        "days_ago": 301,
        "body": to_html("""
## The shifted peak

For decades, the hottest afternoons produced the highest demand on the grid, and planners
sized their reserves around the hour between three and five o'clock. Solar panels have changed the
shape of that day. On a sunny afternoon, rooftop and utility-scale solar now meet a large share
of demand. As the sun drops, solar output falls quickly, while homes are still hot and people are
returning to them. The hardest hour for the grid has moved into the early evening.[^1]

This matters because the resources that help in mid-afternoon are not always the ones that help
at seven in the evening. An operator that has secured plenty of capacity for the old peak may
still be short at the new one.

## What to secure before summer

- **Evening-shaped capacity.** Batteries that can discharge for four hours or more across the
evening ramp, and firm generation that can be on line before solar falls off.
- **Demand response that works after work.** Many programmes were designed for commercial
buildings in the afternoon. Residential thermostat and water-heater programmes are better
suited to the evening, and should be enrolled well before the first heat wave.
- **Import agreements tested against neighbours' peaks.** A heat dome rarely respects regional
boundaries. Operators should check whether the imports they count on are likely to be available
when their neighbours are hot too.
- **A public communication plan.** Voluntary conservation appeals work best when they are
specific about timing — "between six and nine tonight" — and issued the day before.

## Who is most exposed

Heat is the deadliest weather hazard in most of the country, and the people most at risk are
older residents, people with chronic illness and people without reliable cooling. An evening
outage during a heat wave removes cooling at exactly the time when homes have absorbed a full day
of heat. Operators and city health departments should share information on which feeders serve
cooling centres, care homes and concentrations of vulnerable residents, so that any unavoidable
load-shedding can be planned around them.

> An evening outage during a heat wave removes cooling at exactly the time when homes have
> absorbed a full day of heat.

## Notes

1. The exact timing depends on the region's solar share, climate and daylight hours; in the
regions we examined the stressful hour fell between six and eight in the evening on the hottest
days of the year.
"""),
    },
    {
        "slug": "heat-pump-winter-peak-who-pays",
        "title": "Draft: Who Pays for the Heat-Pump Winter Peak?",
        "type": "Policy Memo",
        "dek": "Electrifying heat moves the grid's hardest day from summer to winter. "
        "Rate design has to follow.",
        "summary": "As households switch to heat pumps, cold snaps will set the grid's peak demand "
        "in many regions. This draft memo considers how to share the cost of the winter capacity "
        "that shift will require without discouraging electrification.",
        "authors": ["Ольга Тихомирова"],
        "areas": ["Energy & Infrastructure", "Cities & Public Finance"],
        "tags": ["electrification", "heat pumps", "rate design", "electricity"],
        "status": "draft",
        "body": to_html("""
## The question

Heat pumps are efficient, and for most of the year they add modest demand to the grid. On the
coldest days of the year, though, their efficiency falls and their demand rises steeply, at the
same time as everyone else's. In regions that electrify heating quickly, the grid's annual peak
will move from a summer afternoon to a winter morning, and the network will need capacity sized for
a handful of very cold hours.[^1]

## The options

- Recover winter capacity costs from all customers through fixed charges, which is simple but
weakens the signal to reduce peak use.
- Charge heat-pump owners a seasonal demand charge, which sends a clear signal but may slow
adoption among households that can least afford the risk.
- Pay households to install thermal storage or better insulation, and recover the cost as a
grid investment, since avoided peak capacity benefits everyone.

## Working recommendation

Our working view is that the third option, combined with time-varying rates that are simple
enough to understand, is the most promising. The next draft will add estimates of costs per
household under each option.

## Notes

1. Placeholder: add the regional load-shape analysis once the data request is returned.
"""),
    },
    {
        "slug": "cold-snaps-and-gas-pipelines",
        "title": "Cold Snaps and Gas Pipelines: Lessons Worth Keeping",
        "type": "Commentary",
        "dek": "When electricity and gas fail together, each system's backup turns out to be the other.",
        "summary": "Winter storms have repeatedly shown that the gas and power systems depend on each "
        "other in ways neither plans for. Three lessons from recent cold snaps deserve to outlast "
        "the after-action reports.",
        "authors": ["Ольга Тихомирова"],
        "areas": ["Energy & Infrastructure"],
        "tags": ["extreme weather", "natural gas", "grid resilience", "winterisation"],
        "days_ago": 880,
        "body": to_html("""
Every severe cold snap produces a familiar sequence. Demand for heating soars. Gas wells and
processing plants, some of them not built for sustained freezing temperatures, lose output. Gas
power plants, which generate a large share of winter electricity, find their fuel supply
interrupted just as they are most needed. Then, in a twist that surprises each time, some of the gas
system's own compressors and processing equipment lose electric power, which reduces gas supply
further. Each system's backup turns out to be the other.

After-action reports following such events tend to be thorough and sensible. The risk is that
their lessons fade with the next mild winter. Three deserve to be kept.

**First, winterisation has to be mandatory and verified.** Voluntary guidelines for protecting
equipment against freezing have existed for years. They are followed unevenly, because the costs
are certain and the benefits arrive once a decade. Requirements with inspections, and penalties for
failing them, are the only approach that has held up.

**Second, critical gas facilities must be treated as critical electric loads.** Utilities should
know which compressors and processing plants they supply and keep them off rotating outage lists,
in the same way as hospitals. That requires the gas and electricity sides to share information
they have historically kept separate.

**Third, plan for correlated failure.** Reserve margins are often calculated as if generator
outages were independent. In a cold snap they are not: many plants fail for the same reason on the
same morning. Planning studies should model the cold snap explicitly, not assume it away.

> Each system's backup turns out to be the other.

There is a fourth lesson, about communication, that gets less attention. During the worst
hours of a cold-snap emergency, residents often hear conflicting messages from the grid operator,
the local utility, the gas company and the state. Agreeing in advance who speaks, through which
channels, and with what information about the expected length of outages would reduce confusion
and help people make safer choices about heating and shelter.

None of these is new. The lesson of the lessons is that they have to be written into rules,
because memory is not a reliability standard.
"""),
    },
]
