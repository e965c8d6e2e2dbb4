"""Demo publications: housing, municipal budgets and local public finance."""

from .markup import to_html

PUBLICATIONS = [
    {
        "slug": "building-enough-housing-supply-permitting",
        "title": "Building Enough: Housing Supply, Permitting and the Arithmetic of Affordability",
        "type": "Report",
        "dek": "Rents follow the gap between homes needed and homes built. "
        "Most of that gap is made in city hall.",
        "summary": "Housing has become unaffordable in growing cities mainly because too few homes "
        "have been allowed to be built where people want to live. This report sets out the "
        "arithmetic of the shortfall, the local rules that cause it, and a practical reform "
        "agenda for councils that want to close it.",
        "authors": ["Grace Liddell", "Tomasz Wierzbicki"],
        "areas": ["Cities & Public Finance"],
        "series": "The Local Ledger",
        "tags": ["housing", "zoning", "permitting", "affordability", "local government"],
        "days_ago": 171,
        "body": to_html("""
## The arithmetic

Housing affordability is often discussed as if it were a mystery, or the product of forces no
local government could influence. The basic arithmetic is simpler. In a city whose economy is
growing, the number of households rises each year: people move in for jobs, young adults form their
own households, families grow. If the number of homes does not keep pace, households compete for
the homes that exist, and prices and rents rise until some of them give up — by leaving, by
doubling up, or by never forming a household in the first place.

In the mid-sized growing cities we studied, the number of new homes permitted over the past decade
fell well short of the growth in jobs and households.[^1] The shortfall accumulated year by year.
A deficit of a few hundred homes a year looks small in any single budget cycle; over a decade it
becomes thousands of households priced out, overcrowded or commuting long distances.

> A deficit of a few hundred homes a year looks small in any single budget cycle. Over a decade
> it becomes thousands of households priced out.

## Where the shortfall is made

Construction costs and interest rates matter, and they are largely outside a city's control. But
in most growing cities, a large part of the shortfall is made by local rules that determine what
may be built, where, and how quickly.

### Zoning that forbids the homes people want

Large shares of residential land in many cities are zoned exclusively for detached houses on
sizeable lots. Townhouses, small apartment buildings and the "missing middle" forms common in older
neighbourhoods are often illegal to build on most residential land. The result is that new housing
can only be built on the small share of land zoned for apartments, or on greenfield sites at the
city's edge.

### Permitting that takes too long

Even where a project is allowed, the process of approving it can take many months, and each month
adds financing costs. Discretionary reviews — public hearings, design reviews, variances — add
uncertainty as well as time. A project that might be approved in a year, or might be rejected after
two, carries a risk premium that makes marginal projects unviable.

### Requirements that add cost without value

Minimum parking requirements, minimum unit sizes, setback and height rules, and fees charged per
home rather than per square metre all raise the cost of each new home. Some of these rules serve
real purposes. Many were adopted decades ago and never revisited.

## What the reforms look like

Cities that have increased housing production have generally done several things at once rather
than relying on a single reform. The table below summarises the main levers, their typical effect
and their cost to the city.

| Reform | What it changes | Effect on supply | Direct cost to city |
|---|---|---|---|
| Allow two to four homes per lot in residential zones | What may be built on most land |
  Gradual, broad | Low |
| Allow apartments near transit and commercial corridors | Where density is permitted |
  Significant over time | Low |
| By-right approval for compliant projects | How projects are approved | Faster, more certain |
  Staff time saved |
| Remove parking minimums | Cost per home | Moderate, larger on small sites | None |
| Fee reform: charge per square metre | Cost of smaller homes | Favours smaller, cheaper homes |
  Revenue-neutral if designed well |
| Permit-time guarantees | Length of approval | Lower financing costs | Staffing investment |

### Make approval the default

The single most powerful procedural reform is to make approval the default for projects that comply
with the written rules. If a project meets the zoning code, it should be approved by staff within a
fixed time, without a hearing. Public debate should happen when the rules are written, not project
by project.

### Measure and publish

Cities should publish, every quarter, how many homes have been applied for, approved, started and
completed, and how long each stage took. The same data should show where
permits are being issued, so that councils can see whether growth is spreading across the city or
being squeezed into the few districts where apartments are allowed. Few cities can answer
these questions today. Without the numbers, councils cannot tell whether their reforms are working.

## Affordable housing goes further when building is legal

Subsidised affordable housing and land-use reform are often presented as rival strategies. They
are better understood as complements. Every subsidised project must find a site, win approval and
pay for construction. In a city where most land is zoned for detached houses and every project
needs a hearing, subsidised developers face the same delays, costs and risk of rejection as
anyone else — and their budgets are fixed by the subsidy, so delays translate directly into
fewer homes.

### A worked example

Consider a non-profit developer planning forty affordable apartments. In a city with discretionary
approval, the project might spend eighteen months in review, pay for a parking garage it does not
need, and face a lawsuit from neighbours. In a city with by-right approval and no parking minimum,
the same project could be approved in four months and build on a smaller site. The difference in
cost per home can be large enough to fund several additional apartments from the same subsidy.

Cities that want to make public money go further should start by removing the obstacles that make
every home, subsidised or not, more expensive to build. They can then target subsidy where it is
most needed: homes for households on the lowest incomes, whom no amount of market construction will
reach quickly.

## Objections and answers

**"New market-rate housing only helps the wealthy."** New homes are usually more expensive than
existing ones. But when higher-income households move into new buildings, they stop competing for
older homes, and that competition eases down the chain. Studies of this effect consistently find
that new supply moderates rents in surrounding areas, even when the new homes themselves are
expensive. Subsidised affordable housing remains essential for the lowest-income households, and
land-use reform makes it cheaper to build too.

**"Infrastructure cannot cope."** Growth does require investment in water, sewer, roads and schools.
But infill housing in existing neighbourhoods usually uses infrastructure more efficiently than
greenfield development, and the city's tax base grows with it. The right response is to plan for
growth, not to forbid it.

**"It will change the character of our neighbourhoods."** Gradual change is the usual result of
allowing a few more homes per lot: a duplex here, a row of townhouses there. The alternative — no
change in built form — means change in who can afford to live there.

**"Decisions about neighbourhoods should be made locally."** They are, under these reforms: the
council writes the rules, and residents can argue for the rules they want when the code is drafted.
What changes is that each individual project is not reargued from scratch. Project-by-project
hearings tend to be dominated by the nearest neighbours, who bear concentrated costs, while the
households who would live in the new homes — and who do not yet live in the neighbourhood — have no
voice at all. Setting clear rules in advance is a fairer way to weigh both.

## Recommendations

1. Legalise two to four homes per lot on all residential land, with simple design standards.
2. Allow mid-rise apartments by right along transit and commercial corridors.
3. Approve code-compliant projects administratively within a guaranteed period.
4. Remove minimum parking requirements citywide.
5. Reform development fees so that smaller homes are not charged as much as larger ones.
6. Publish quarterly housing production data, by stage and time taken.

## Notes

1. We compared building-permit data with employment and household estimates for a group of growing
mid-sized cities over ten years. The institute's housing dataset and methodology note are
available from The Local Ledger team.
"""),
    },
    {
        "slug": "hidden-deficit-deferred-maintenance",
        "title": "The Hidden Deficit: Deferred Maintenance in Municipal Budgets",
        "type": "Report",
        "dek": "A balanced budget can hide a growing debt owed to the city's own pipes, roads and roofs.",
        "summary": "Cities balance their budgets each year partly by postponing maintenance, "
        "creating a liability that appears in no financial statement. This report explains how to "
        "measure the maintenance gap and how to build it into budgeting.",
        "authors": ["Grace Liddell", "Ольга Тихомирова"],
        "areas": ["Cities & Public Finance", "Energy & Infrastructure"],
        "series": "The Local Ledger",
        "tags": ["municipal budgets", "infrastructure", "capital planning", "local government"],
        "days_ago": 362,
        "body": to_html("""
## A deficit nobody reports

Most cities are required to balance their operating budgets every year, and most do. But there is a
quiet way to balance a budget that does not appear in any financial statement: postpone the
maintenance of roads, pipes, roofs and equipment. A road resurfaced five years late still looks like
a road. A water main that should have been replaced still carries water, until it breaks.

Each postponed repair becomes a liability. Infrastructure deteriorates faster as it ages, and a
repair deferred today often costs several times as much later, when the asset has failed and must
be rebuilt rather than maintained.[^1] The city has borrowed from its future self without recording
a debt.

> A road resurfaced five years late still looks like a road.

## Measuring the gap

The maintenance gap is the difference between what a city spends maintaining and renewing its
assets and what it would need to spend to keep them in a steady state of repair. Estimating it
requires three pieces of information that many cities do not hold in one place: an inventory of
assets, their condition, and their expected life.

| Asset class | Typical data source | Common data gaps |
|---|---|---|
| Roads | Pavement condition surveys | Surveys out of date; local streets not rated |
| Water and sewer mains | Utility asset registers, break records | Age known, condition estimated |
| Buildings | Facility condition assessments | Assessed rarely; deferred items not costed |
| Vehicles and equipment | Fleet records | Replacement cycles not funded |

## Building it into the budget

- Publish an annual estimate of the maintenance gap alongside the budget, by asset class.
- Set an asset-renewal target — the share of the steady-state requirement the budget funds — and
report progress against it.
- Protect renewal funding from being cut first in a tight year, for example by placing it in a
dedicated reserve.
- Use the gap estimate in borrowing decisions: debt that funds renewal of existing assets should be
assessed differently from debt for new assets.

## Three ways cities have started

Cities that have taken the maintenance gap seriously have tended to start in one of three ways.
Some began with a single asset class where data was already good — usually roads, because pavement
condition surveys are common — and published a gap estimate for that class alone, expanding to
others over several years. Others started with a policy commitment, such as dedicating a fixed
share of any budget surplus to asset renewal, and built the measurement afterwards. A third group
tied the issue to borrowing: before issuing new debt for new facilities, they required an estimate
of the renewal needs of the facilities they already owned.

Each approach has merits. What they share is that the gap became a number discussed in public,
rather than a worry held privately by engineers and finance staff. Once a number is published, the
question changes from whether the city has a maintenance problem to how quickly it intends to
close it.

## What councils can ask

Council members do not need to be engineers to ask good questions. How old are our assets, and
what condition are they in? How much would we need to spend each year to keep them that way? How
much did we spend? If staff cannot answer, the first investment is in finding out.

## Notes

1. The relationship between deferral and eventual cost varies by asset and is uncertain, but the
direction is consistent across the engineering literature: timely maintenance is cheaper than
reconstruction.
"""),
    },
    {
        "slug": "parking-minimums-are-a-housing-tax",
        "title": "Parking Minimums Are a Housing Tax",
        "type": "Policy Memo",
        "dek": "Requiring parking spaces with every new home raises rents for people who may not own a car.",
        "summary": "Minimum parking requirements force builders to provide a set number of spaces "
        "per home, adding substantially to the cost of each unit and making small infill "
        "projects unviable. This memo recommends removing them.",
        "authors": ["Grace Liddell"],
        "areas": ["Cities & Public Finance"],
        "series": "The Local Ledger",
        "tags": ["housing", "parking", "zoning", "affordability"],
        "days_ago": 220,
        "body": to_html("""
## What the rules do

Most zoning codes require a minimum number of off-street parking spaces for each new home,
often one or two per unit regardless of location. Structured or underground parking is expensive
to build, and even surface parking takes land that could hold homes. The cost is built into rents
and sale prices, whether or not the household owns a car.

On small infill sites, the effect is more severe. A narrow lot may be able to hold six apartments
but not six parking spaces, so the project is either reduced or abandoned.

> The cost of a parking space is built into the rent, whether or not the tenant owns a car.

## What happens when they are removed

Cities that have removed parking minimums have not seen new buildings without parking. Builders
still provide spaces where buyers and tenants want them, because it helps sell and rent homes. What
changes is that the number of spaces is decided by demand rather than by a fixed ratio, and small
projects near transit and shops become viable.

## Recommendations

- Remove minimum parking requirements for all residential development citywide.
- Where street parking pressure is a concern, manage it directly with residential permits and
pricing, rather than through requirements on new buildings.
- Require secure bicycle storage and allow car-share spaces in place of private parking.
- Review the effect after three years using permit and parking-occupancy data.
"""),
    },
    {
        "slug": "what-a-city-budget-hearing-should-ask",
        "title": "What a City Budget Hearing Should Actually Ask",
        "type": "Commentary",
        "dek": "Five questions that reveal more about a municipal budget than any line-item debate.",
        "summary": "Budget hearings often get lost in individual line items while the biggest "
        "decisions pass without comment. Five questions can help council members and residents "
        "focus on what matters.",
        "authors": ["Grace Liddell"],
        "areas": ["Cities & Public Finance"],
        "series": "The Local Ledger",
        "tags": ["municipal budgets", "local government", "transparency", "civic participation"],
        "days_ago": 3,
        "body": to_html("""
Anyone who has sat through a city budget hearing knows the pattern. The debate gravitates to small,
visible items — a festival grant, a new vehicle for a department, a consultant's fee — while the
largest decisions in the budget pass with little discussion. This is not because council members
are careless. It is because a budget document is long and dense, and the small items are the ones
people can picture.

Having spent years preparing budgets on the staff side, I would suggest five questions that tell
you more about a budget than any line-item debate.

1. **What are we not maintaining?** Ask for the estimate of deferred maintenance and whether it
grew this year. A budget can balance by letting assets decay.
2. **What is growing faster than revenue?** Usually it is pensions, health insurance or debt
service. These lines shape every future budget.
3. **What did we promise last year, and did it happen?** Compare last year's stated goals with
actual results. Budgets are plans; hearings rarely check whether the plans were carried out.
4. **What is one-off money paying for?** One-time revenues — grants, asset sales, reserves — used
for ongoing costs create a cliff in a future year.
5. **Who would notice if this were cut?** For each major programme, ask who relies on it. The
answers reveal priorities more clearly than any mission statement.

> A budget can balance by letting assets decay.

Residents can ask the same questions. Most cities publish their budgets online, and many hold
hearings at which anyone may speak for a few minutes. Three minutes spent asking what the city is
not maintaining will do more for the city's finances than three minutes spent on any single grant.

None of these questions requires technical expertise. They require only that the people in the
room agree to spend their limited time on the decisions that shape the city's finances for years,
rather than on the ones that are easiest to argue about.
"""),
    },
    {
        "slug": "rainy-day-funds-how-big",
        "title": "Rainy-Day Funds: How Big Is Big Enough?",
        "type": "Issue Brief",
        "dek": "Rules of thumb for reserves are simple. The right answer depends on how volatile "
        "a city's revenue is.",
        "summary": "Cities keep reserves to weather recessions and emergencies, but common rules "
        "of thumb ignore how volatile each city's revenue is. This brief explains a simple "
        "risk-based method for sizing a reserve.",
        "authors": ["Grace Liddell"],
        "areas": ["Cities & Public Finance"],
        "series": "The Local Ledger",
        "tags": ["municipal budgets", "reserves", "fiscal policy", "local government"],
        "days_ago": 468,
        "body": to_html("""
## The rule of thumb

Many cities aim to hold a general-fund reserve equal to a fixed share of annual spending, often
about two months of operating expenditure. The rule is easy to understand and better than no rule.
But it treats every city as if it faced the same risks.

## Why volatility matters

A city that relies mainly on property tax has relatively stable revenue; property values are
reassessed slowly, and tax rates can be adjusted. A city that relies heavily on sales tax, tourism
taxes or income tax faces sharper swings in a downturn. The second city needs a larger reserve to
maintain the same services through a recession.[^1]

## A risk-based method

1. Estimate how far each major revenue source fell in past downturns, relative to its trend.
2. Apply those falls to the current revenue mix to estimate the shortfall in a typical recession.
3. Add an allowance for the city's main non-economic risks, such as a major storm or a large legal
settlement.
4. Set the reserve target to cover the combined shortfall for the time it would take to adjust
spending, typically one to two years.

> A reserve sized by rule of thumb may be too small for a tourist town and too large for a suburb.

## Using the reserve

Rules for drawing on the reserve matter as much as its size. The council should define in advance
what counts as an emergency, how much may be drawn in a single year, and how the reserve will be
rebuilt afterwards.

## Notes

1. The method described here is simplified. Cities with access to a financial adviser may wish to
use a fuller stress test, but the steps above capture most of the difference.
"""),
    },
    {
        "slug": "office-to-residential-conversions",
        "title": "Office-to-Residential Conversions: Where the Numbers Work",
        "type": "Policy Memo",
        "dek": "Empty offices will not solve the housing shortage, but the right buildings can "
        "help revive downtowns.",
        "summary": "Converting vacant offices into homes is harder and more expensive than it looks, "
        "and only a minority of buildings are good candidates. This memo explains which buildings "
        "work and what cities can do to help.",
        "authors": ["Grace Liddell", "Ελένη Καραγιάννη"],
        "areas": ["Cities & Public Finance"],
        "tags": ["housing", "downtowns", "adaptive reuse", "commercial real estate"],
        "days_ago": 552,
        "body": to_html("""
## Why most offices are hard to convert

Office vacancy remains high in many downtowns, and converting offices into homes is an appealing
idea. In practice, most office buildings are poor candidates. Large, deep floor plates leave
interior space far from windows, which cannot legally or comfortably be used for bedrooms. Plumbing
must be extended to every unit. Windows may not open. The cost of conversion can approach that of
new construction.

## Which buildings work

- Older, narrower buildings with floor plates that bring natural light to most of the interior.
- Buildings with operable windows or facades that can be altered affordably.
- Buildings whose owners have already written down their value, so the purchase price reflects
current demand.
- Locations with shops, transit and services nearby, since downtown residents need more than an
office district offers at night.

> Most office buildings are poor candidates. The right ones can still make a difference.

## What cities can do

| Lever | Example | Cost to city |
|---|---|---|
| Code flexibility | Alternative compliance paths for light and ventilation | Low |
| Faster permitting | Dedicated review team for conversions | Staff time |
| Tax incentives | Temporary property-tax abatement tied to affordability | Forgone revenue |
| Public realm | Street improvements, parks, lighting in the converted district | Capital spending |

Cities should start with a building-by-building screen of their office stock to identify
promising candidates, and focus their support on those.
"""),
    },
    {
        "slug": "property-tax-relief-without-starving-schools",
        "title": "Draft: Property Tax Relief That Doesn't Starve Schools",
        "type": "Issue Brief",
        "dek": "Caps on property tax are popular and blunt. Targeted relief can be both.",
        "summary": "Rising assessments have made property tax relief a priority for many "
        "legislatures, but broad caps can leave school districts short. This draft brief compares "
        "targeted alternatives.",
        "authors": ["Grace Liddell"],
        "areas": ["Cities & Public Finance"],
        "series": "The Local Ledger",
        "tags": ["property tax", "schools", "municipal budgets", "tax policy"],
        "status": "draft",
        "body": to_html("""
## The problem

When home values rise quickly, property tax bills follow, and homeowners on fixed incomes can
struggle to pay. Broad caps on assessment growth or tax rates respond to that pressure but reduce
revenue for every local service, including schools, and they favour long-time owners of expensive
homes.

## Alternatives to compare

- **Circuit breakers** that cap property tax as a share of household income.
- **Deferral programmes** that let older homeowners postpone tax until the home is sold.
- **Homestead exemptions** that exempt a fixed amount of value for owner-occupied homes.

## To do before review

Add cost estimates for each option and examples of how each would affect a typical household.
"""),
    },
    {
        "slug": "small-cities-shared-procurement-offices",
        "title": "Small Cities Need Shared Procurement Offices",
        "type": "Commentary",
        "dek": "A town of twenty thousand cannot hire a software-contracts lawyer. "
        "Twenty towns together can.",
        "summary": "Small local governments buy increasingly complex technology and services with "
        "very few specialist staff. Pooling procurement expertise across towns would save money "
        "and avoid bad contracts.",
        "authors": ["Grace Liddell", "Priya Raghunathan"],
        "areas": ["Cities & Public Finance", "Technology & Governance"],
        "tags": ["procurement", "local government", "shared services", "public sector"],
        "days_ago": 330,
        "body": to_html("""
A small town buys many of the same things as a large city: payroll software, a permitting system,
body-worn cameras for the police, cloud storage for records, perhaps now an AI tool to answer
residents' questions. What it lacks is the staff to buy them well. The town's procurement may be
handled by the clerk, part time, alongside a dozen other duties. Vendors, meanwhile, employ
experienced sales teams and lawyers whose job is to sell exactly these systems on their own
standard terms.

The results are predictable. Small governments sign long contracts with automatic renewals, pay
for features they do not use, and discover too late that their data is locked in a proprietary
format. Nobody is negligent; the contest is simply unequal.

> The contest between a part-time clerk and a vendor's sales team is simply unequal.

The answer is to pool expertise. State associations of municipalities, regional councils or groups
of neighbouring towns can share a procurement office with specialists in technology contracts, run
joint tenders, and maintain model contracts that any member can use. Some already do this for road
salt and vehicles; the same logic applies with more force to software and services, where the
contract terms matter as much as the price.

The savings are not only in price. A shared office can negotiate terms that a single small town
could not: the right to leave at the end of a short contract, the return of data in an open format,
caps on annual price increases, and clear commitments on security and support. Once negotiated,
those terms become the starting point for every member's next purchase. The office also builds a
memory of which products worked and which did not, which no single clerk can hold.

Shared offices do not remove local choice. Each town can still decide what it needs. What it gains
is someone on its side of the table who has read the contract before.
"""),
    },
]
