"""Demo publications: shipping, ports, chokepoints and stockpiles."""

from .markup import to_html

PUBLICATIONS = [
    {
        "slug": "narrow-waters-maritime-chokepoints",
        "title": "Narrow Waters: Maritime Chokepoints and the Cost of Disruption",
        "type": "Report",
        "dek": "A few straits and canals carry a large share of world trade. "
        "We modelled what happens when one of them closes.",
        "summary": "A small number of straits and canals concentrate a large share of seaborne trade, "
        "and disruptions to them have become more frequent. Using illustrative scenarios, this "
        "report traces how a closure spreads through freight rates, inventories and prices, and "
        "recommends ways to shorten the damage.",
        "authors": ["Marcus Feld", "Zoë Ørsted-Núñez"],
        "areas": ["Supply Chains & Maritime Trade", "Economic Statecraft"],
        "tags": ["shipping", "chokepoints", "supply chains", "insurance", "maritime security"],
        "days_ago": 196,
        "body": to_html("""
## Why chokepoints matter more than they used to

Seaborne trade follows geography. Ships take the shortest safe route between ports, and on many of
the world's busiest routes that means passing through a narrow strait or a man-made canal. These
chokepoints have always been strategically important. What has changed is how tightly modern
supply chains are wound around them. Container lines run fixed rotations on schedules planned months
ahead; manufacturers hold days rather than weeks of inventory; energy markets price cargoes by the
hour. A disruption that once would have delayed trade now ripples through it.

Disruptions have also become more varied. In recent years, chokepoints have been narrowed by
drought lowering canal water levels, by a single grounded vessel, by attacks on shipping, and by
insurance markets withdrawing cover faster than navies could respond.[^1] Each cause is different;
the economic mechanism that follows is strikingly similar.

## How a closure spreads

We built a simple model of what happens when a major chokepoint is closed or severely restricted.
It is not a forecast; its value is in showing the sequence of effects and which of them policy can
influence.

### Stage one: rerouting

Ships already en route either wait or divert. Diversion around a continent can add one to three
weeks to a voyage. Because the same ships are now at sea for longer, effective shipping capacity
falls even though no ship has been lost. Freight rates on affected routes rise within days.

### Stage two: inventory drawdown

Importers draw on their stocks while delayed cargoes are at sea. Firms with lean inventories feel
the gap first: car plants waiting for components, retailers waiting for seasonal goods, refineries
waiting for crude of a particular grade. Where substitutes exist nearby, prices barely move. Where
they do not, shortages appear.

### Stage three: repricing

If the disruption lasts, higher freight and insurance costs pass into the price of goods. Energy
and food, which are traded in bulk on thin margins, move first; manufactured goods follow with a
lag. A disruption lasting weeks is an inconvenience. One lasting months begins to appear in
inflation statistics.

> A disruption lasting weeks is an inconvenience. One lasting months begins to appear in
> inflation statistics.

The sequence also runs in reverse more slowly than it runs forward. When a route reopens, ships
and containers are in the wrong places, ports face a surge of arrivals, and schedules take weeks to
settle. In our scenarios, freight rates took roughly as long to return to normal after a closure
ended as they took to peak after it began. Policy that shortens a disruption therefore saves more
than the days it removes from the closure itself.

## Three scenarios

To illustrate the range, we modelled three stylised scenarios. The figures are illustrative
assumptions chosen to show the shape of the effects, not estimates for any particular chokepoint.

| Scenario | Duration | Added voyage time | Peak rise in freight rates | Consumer price effect |
|---|---|---|---|---|
| Short obstruction | 1 week | Up to 7 days for queued ships | Moderate, brief | Negligible |
| Security closure | 3 months | 10–14 days via alternative route | Large, sustained |
  Visible in energy and food |
| Prolonged restriction | 12 months | 10–20 days, partial transits |
  Large, then easing as capacity adjusts | Broad but modest |

Two findings stand out. First, the largest costs come not from the first days of a disruption but
from its duration: the longer it lasts, the more it moves from freight markets into prices.
Second, the effects are highly uneven. Economies and industries that depend on a single route, hold
little inventory and have no nearby substitute suppliers bear most of the cost.

## Who bears the cost

The aggregate cost of a disruption matters less to policy than where it falls. Our scenarios
suggest four groups are most exposed.

### Import-dependent manufacturers

Firms that rely on components shipped through a single route, with lean inventories and few
alternative suppliers, face the earliest and sharpest effects. A missing part worth a few dollars
can halt an assembly line. These firms often discover their exposure only in a crisis, because their
suppliers' suppliers use the route even when they do not.

### Energy and food importers

Countries and regions that import much of their fuel or staple food through one chokepoint face
price spikes that feed quickly into household budgets. Poorer households, which spend more of their
income on energy and food, feel this most.

### Exporters on the far side

Disruptions cut both ways. Exporters whose goods must pass through the chokepoint lose access to
markets or face higher costs to reach them, which can be serious for economies that depend on a
small number of export commodities.

### Smaller ports and shipping lines

When large carriers reroute, they may skip smaller ports to save time, leaving those ports without
regular service for weeks. Smaller shipping lines, with less ability to absorb higher fuel and
insurance costs, may withdraw from affected routes altogether.

## What governments can do

Governments cannot move straits. They can shorten the time a disruption lasts, reduce how far it
spreads, and protect those most exposed.

**Keep insurance available.** Commercial war-risk cover is often withdrawn or repriced first, and
ships will not sail without it. Pre-arranged government reinsurance backstops can keep cover
available while navies secure a route, as we argue in a companion memo.

**Hold the right stocks.** Strategic stockpiles of crude oil are common; stockpiles of other
critical inputs, such as fertiliser components or medical precursors, are rare. Governments should
identify the few imports whose loss would cause disproportionate harm and hold enough to bridge a
three-month disruption.

**Invest in alternatives before they are needed.** Rail and pipeline links that bypass a chokepoint
rarely pay for themselves in normal times. Their value is as an option during a crisis, and that
option value should be counted when they are appraised.

**Share information quickly.** During a disruption, shippers, ports and governments each hold part
of the picture. A standing mechanism for sharing vessel positions, port congestion and cargo
priorities helps allocate scarce capacity to the most urgent goods.

## Objections and answers

**"Markets will adjust on their own."** They do, eventually: shipping capacity is redeployed, new
routes are organised and prices fall back. Our argument is not that markets fail to adjust, but
that the adjustment takes months and its costs fall unevenly. Modest public preparation can shorten
the worst period, at a small fraction of the cost of the disruption itself.

**"Stockpiles and backstops are expensive insurance against rare events."** Disruptions to major
chokepoints are no longer rare. Over the past several years, at least one major route has been
seriously restricted in most years, for one reason or another. Insurance against an event that
occurs this often is not exotic; it is prudent.

**"Public reinsurance encourages risk-taking."** It can, if it is priced too cheaply or offered
without conditions. That is why we recommend pricing above normal market rates, conditions on
vessel behaviour, and automatic withdrawal as private capacity returns.

## Recommendations

1. Establish pre-arranged reinsurance backstops for war-risk cover on critical routes, with clear
triggers and pricing.
2. Identify critical imports that depend on a single chokepoint and set stockholding targets for
them, reviewed annually.
3. Include the option value of alternative routes in the appraisal of rail, pipeline and port
projects.
4. Create a standing government–industry cell to share information and prioritise cargoes during
maritime disruptions.
5. Run an annual exercise with shipping lines, insurers and ports that simulates a prolonged
chokepoint closure.

## Notes

1. For a discussion of how insurance markets react to maritime security incidents, see the
institute's memo on war-risk insurance in the Stress Test series.
"""),
    },
    {
        "slug": "war-risk-insurance-closure",
        "title": "War-Risk Insurance Should Not Be the Only Thing Standing Between Shippers and a Closure",
        "type": "Policy Memo",
        "dek": "When underwriters withdraw cover, ships stop sailing, whatever the navy says.",
        "summary": "In a maritime security crisis, the decision that closes a route is often taken by "
        "insurers, not governments. This memo proposes a pre-arranged public reinsurance backstop "
        "to keep cover available while a route is secured.",
        "authors": ["Marcus Feld"],
        "areas": ["Supply Chains & Maritime Trade"],
        "series": "Stress Test",
        "tags": ["shipping", "insurance", "maritime security", "chokepoints"],
        "days_ago": 247,
        "body": to_html("""
## The scenario

Attacks on merchant ships in a busy strait begin with a single incident and escalate over several
weeks. Navies deploy escorts. But the decisive moment comes earlier and more quietly: underwriters
in the war-risk market designate the area a listed zone, premiums multiply, and some insurers
withdraw cover altogether. Shipowners cannot sail uninsured, and charterers will not wait. Traffic
through the strait falls sharply, whatever the security situation on the water.[^1]

## What breaks first

War-risk insurance is a small, specialised market, and its capacity is limited. When risk rises
suddenly, the rational response for each underwriter is to reduce exposure. Collectively, this
can close a route faster than any adversary could. The market is not malfunctioning; it is doing
what markets do with uncertain, correlated risk. But the consequences for trade fall on everyone.

> The decisive moment is often not the attack itself but the day underwriters withdraw cover.

## Recommendations

- Governments should establish a pre-arranged reinsurance backstop for war-risk cover on routes
critical to their trade, activated when commercial capacity falls below a threshold.
- Pricing should be set above normal market rates, so that the backstop supplements rather than
displaces private cover, and should fall as private capacity returns.
- Cover should be conditional on vessels following naval guidance, reporting positions and keeping
transponders switched on.
- Allied governments should coordinate their schemes so that shipowners are not left to choose
between competing terms.

## Notes

1. This scenario is a composite drawn from several incidents and from discussions with
underwriters and shipowners; it does not describe a single event.
"""),
    },
    {
        "slug": "ports-are-data-systems-now",
        "title": "Ports Are Data Systems Now. Defend Them That Way.",
        "type": "Commentary",
        "dek": "A port can be closed by a ransomware gang as effectively as by a storm.",
        "summary": "Modern ports depend on terminal software, customs systems and shared data "
        "platforms, and a cyber incident can halt them as completely as bad weather. Port "
        "security planning has not caught up.",
        "authors": ["Marcus Feld", "Priya Raghunathan"],
        "areas": ["Supply Chains & Maritime Trade", "Technology & Governance"],
        "tags": ["ports", "cybersecurity", "supply chains", "critical infrastructure"],
        "days_ago": 31,
        "body": to_html("""
When people picture port security, they picture fences, cameras, patrol boats and customs officers
opening containers. Those still matter. But the thing most likely to stop a modern port for a week
is not a physical intruder. It is a software outage.

A container terminal today is a data system with cranes attached. Its operating software decides
where each box is stacked, which truck collects it and when, and which ship it is loaded onto. It
exchanges messages with shipping lines, customs, rail operators and hauliers through shared
platforms. When that software is encrypted by ransomware, or when a shared platform goes down, the
cranes can still move but nobody knows which box to move where. Terminals have been reduced to
pen and paper by such incidents, and recovery has taken days.

> A container terminal today is a data system with cranes attached.

Port security regimes were built around physical threats, and many still treat cyber risk as an
IT matter for each company. That is a mistake, because a port is a web of interdependent operators:
the terminal, the port authority, the customs service, the pilots, the logistics firms. The
weakest of them can halt the rest.

Three changes would help. Port authorities should map the digital dependencies of their port as
carefully as they map its berths, including which third-party systems each operator relies on.
Ports should rehearse operating in degraded mode — without the terminal system, without the
shared platform — so that the manual fallback is practised rather than improvised. And governments
should treat major ports as critical infrastructure for cybersecurity purposes, with incident
reporting obligations and access to national response teams.

There is also a role for shipping lines and their customers. Carriers and large importers can
ask, when choosing ports, how quickly each one recovered from its last system outage and whether
it has tested its fallback procedures. Ports compete for business; resilience should be one of the
things they compete on.

Storms come with warnings. Cyber incidents usually do not. That is all the more reason to prepare.
"""),
    },
    {
        "slug": "strategic-stockpiles-what-to-hold",
        "title": "Strategic Stockpiles: What to Hold, Where, and for How Long",
        "type": "Issue Brief",
        "dek": "Stockpiles are expensive, and most of what is stored is never used. "
        "The trick is choosing the few items that matter.",
        "summary": "Governments are rediscovering stockpiles as a tool of economic security, but "
        "indiscriminate stockholding is costly. This brief offers a simple test for deciding which "
        "items deserve a reserve, how large it should be and who should hold it.",
        "authors": ["Marcus Feld", "Kwame Asante-Ellis"],
        "areas": ["Supply Chains & Maritime Trade", "Health Security"],
        "tags": ["stockpiles", "supply chains", "critical inputs", "economic security"],
        "days_ago": 700,
        "body": to_html("""
## A simple test

Not every import needs a reserve. We suggest four questions to decide which do:

1. **Concentration.** Does supply depend on a single route, country or producer?
2. **Substitutability.** If supply stopped, could domestic users switch to an alternative within
weeks?
3. **Consequence.** Would a shortage cause harm far beyond the market for the item itself — in
health care, food production, water treatment or defence?
4. **Storability.** Can the item be stored for years at a reasonable cost without losing quality?

Items that score high on the first three and acceptably on the fourth are candidates for a
reserve. Water-treatment chemicals, some medical precursors and certain fertiliser inputs often
qualify. Most consumer goods do not.

## How large, and for how long

A reserve should be sized to bridge the time it would take to establish an alternative supply,
not to replace imports indefinitely. For most items, that means covering a disruption of about
three months. Larger reserves tie up capital and increase losses to spoilage and obsolescence.

> A reserve should be sized to bridge the time it takes to find another supplier, not to
> replace imports forever.

## Who should hold it

- **Government-owned stocks** suit items that have no commercial use in normal times, or where
the state is the main buyer.
- **Mandated industry stocks**, where firms are required to hold extra inventory, suit items that
move through commercial supply chains and benefit from rotation.
- **Contracted reserves**, in which suppliers are paid to keep surge capacity or priority access,
suit items that spoil or where production capacity matters more than inventory.

Whatever the model, reserves need rotation plans, regular audits and clear rules for release.
A stockpile that cannot be located, has expired or cannot be released quickly gives a false sense
of security.
"""),
    },
    {
        "slug": "chokepoint-stress-test-second-edition",
        "title": "Forthcoming: The Chokepoint Stress Test, Second Edition",
        "type": "Issue Brief",
        "dek": "We reran our chokepoint scenarios with longer disruptions and thinner inventories.",
        "summary": "This update to the institute's chokepoint scenarios extends the modelled disruptions "
        "and adds the effect of lower inventories. Longer closures now pass into consumer prices "
        "faster than in the first edition.",
        "authors": ["Marcus Feld", "Ελένη Καραγιάννη"],
        "areas": ["Supply Chains & Maritime Trade"],
        "series": "Stress Test",
        "tags": ["chokepoints", "shipping", "supply chains", "scenarios"],
        "days_ago": -12,
        "body": to_html("""
## What changed

The first edition of our chokepoint scenarios assumed that importers held inventories at
roughly the levels of a few years ago. Since then, many firms have trimmed stocks again to release
working capital. This edition reruns the scenarios with leaner inventories and adds a longer
disruption of eighteen months.

## Findings

- With leaner inventories, shortages of components appear about a week earlier in the
three-month scenario.
- The consumer price effect of a prolonged restriction is larger and arrives sooner, mainly
through energy and food.
- Alternative routes absorb more traffic than before, but only after several months of
adjustment.

| Scenario | First edition: weeks until shortages | Second edition: weeks until shortages |
|---|---|---|
| Security closure (3 months) | 5 | 4 |
| Prolonged restriction (12 months) | 6 | 5 |
| Extended restriction (18 months) | not modelled | 5 |

> Inventories are the cheapest insurance against a closure, and they are the first thing
> firms cut when money is tight.

## Implications

The case for targeted stockholding of critical inputs is stronger than in the first edition.
Governments should review whether their reserve targets still hold with leaner private inventories.
"""),
    },
    {
        "slug": "undersea-cables-repair-capacity",
        "title": "Undersea Cables: Repair Capacity Is the Real Bottleneck",
        "type": "Issue Brief",
        "dek": "Cables break all the time. What matters is how quickly a ship can fix them.",
        "summary": "Damage to undersea data cables is common and usually accidental, and networks "
        "are built to route around it. The real vulnerability is the small, ageing fleet of repair "
        "ships, which determines how long any break lasts.",
        "authors": ["Marcus Feld", "Priya Raghunathan"],
        "areas": ["Supply Chains & Maritime Trade", "Technology & Governance"],
        "tags": ["undersea cables", "critical infrastructure", "maritime security", "telecoms"],
        "days_ago": 430,
        "body": to_html("""
## Breaks are routine

Almost all international internet traffic travels through cables on the seabed. They are damaged
regularly, most often by fishing gear and ship anchors, occasionally by landslides and earthquakes,
and rarely by deliberate action. Networks are designed with redundancy, so that traffic can be
rerouted when a single cable fails. For well-connected regions, a single break is barely
noticeable.[^1]

The risk lies elsewhere: in simultaneous breaks, in islands and coastal states served by only one
or two cables, and in the time it takes to repair them.

## The repair fleet

Repairs are carried out by specialised ships that locate the damaged section, lift it to the
surface, splice in a new length and lower it again. The global fleet is small, many of its vessels
are old, and they are positioned under regional maintenance agreements funded by cable owners. When
several breaks happen at once, or when a repair ship must wait for permits to work in another
country's waters, repairs can take weeks.

> Networks route around a single break. They cannot route around a repair queue.

## Options

- Governments and cable owners should jointly fund additional repair capacity, including ships and
stocks of spare cable, in regions where it is thinnest.
- Permitting for emergency repairs in territorial waters should be pre-approved, so that ships
can start work within days.
- Small states with one or two connections should be prioritised for new routes and for satellite
backup during outages.
- Incident reporting should distinguish accidental from suspicious damage, with evidence shared
among allied governments.

## Notes

1. Redundancy is uneven: regions with many landing points can absorb several breaks, while some
island states depend on a single system.
"""),
    },
]
