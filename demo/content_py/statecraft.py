"""Demo publications: sanctions, export controls and economic statecraft."""

from .markup import to_html

PUBLICATIONS = [
    {
        "slug": "closing-the-gaps-sanctions-enforcement",
        "title": "Closing the Gaps: Making Sanctions Enforcement Match the Ambition of Sanctions Policy",
        "type": "Report",
        "dek": "Designations are announced in a day. Enforcing them takes years, staff and data "
        "that most agencies do not have.",
        "summary": "Sanctions programmes have grown dramatically in scope while the capacity to enforce "
        "them has grown slowly, if at all. This report maps where evasion happens, why enforcement "
        "lags, and what a properly resourced enforcement system would look like.",
        "authors": ["Zoë Ørsted-Núñez", "Marcus Feld"],
        "areas": ["Economic Statecraft", "Supply Chains & Maritime Trade"],
        "tags": ["sanctions", "enforcement", "financial crime", "shipping"],
        "days_ago": 40,
        "featured": True,
        "related": ["transshipment-hubs-re-export-problem", "sanctions-fatigue-is-a-policy-choice"],
        "body": to_html("""
## The enforcement gap

Over the past decade, sanctions have become the instrument of first resort in foreign policy.
The number of designated people, companies and vessels has multiplied, and the measures
themselves have become more complex: sectoral restrictions, price caps, export bans on specific
categories of goods, and rules on services such as insurance and accounting. Announcing these
measures is quick. Making them stick is not.

Enforcement depends on a chain of institutions: the agency that writes the rules, the customs
service that inspects goods, the financial-intelligence unit that reads suspicious-activity
reports, the prosecutors who bring cases, and the banks, shippers and insurers who are asked to
police their own customers. In most countries we examined, the staff and budgets of these
institutions have grown far more slowly than the programmes they administer.[^1] The result is an
enforcement gap: a widening distance between what the rules prohibit and what the state can
detect and punish.

> Announcing sanctions is quick. Making them stick is not.

## Where evasion happens

Evasion is rarely exotic. Our review of public enforcement actions and court records over several
years found that most cases fell into a small number of familiar patterns.

### Intermediaries and shell companies

The most common technique is to insert a company, often newly registered, between the sanctioned
party and the rest of the world. Ownership is disguised through nominee directors or registries
that do not record beneficial owners. Banks screen names against lists, but a new company with a
clean name passes the screen.

### Transshipment and re-export

Goods that cannot be sold directly to a sanctioned country are sold to a trading company in a third
country, which re-exports them. Trade statistics often reveal the pattern in aggregate — sudden
surges in exports of a controlled item to a small neighbouring economy — long before any individual
shipment is stopped.

### Maritime deception

Tankers and bulk carriers switch off their location transponders, transfer cargo between ships at
sea, change names and flags, and use insurers of uncertain standing. Each of these practices has
legitimate uses, which is precisely what makes them useful for concealment.

### Professional enablers

Behind many schemes stand lawyers, accountants, company-formation agents and trust providers who
set up the structures. Few of them face the same due-diligence obligations as banks, and fewer
still are ever prosecuted.[^2]

| Evasion pattern | Where it shows up first | Who is best placed to detect it |
|---|---|---|
| Shell-company intermediaries | Company registries, bank onboarding | Financial-intelligence units, banks |
| Transshipment and re-export | Trade statistics, customs declarations | Customs, export-control agencies |
| Maritime deception | Satellite and transponder data | Maritime agencies, insurers, flag registries |
| Professional enablers | Corporate structures across cases | Prosecutors, professional regulators |

## Why enforcement lags

Three constraints recur. The first is people. Sanctions investigations need analysts who can read
trade data, corporate filings and shipping records, and investigators who can turn patterns into
evidence. These skills are scarce and well paid in the private sector. Enforcement agencies often
lose their best staff to the banks they supervise.

The second is data. The information needed to see evasion exists, but it sits in different places
under different legal regimes: customs declarations in one agency, suspicious-activity reports in
another, beneficial-ownership data in a registry that may be incomplete, and commercial shipping data
that agencies must buy. Sharing across these silos often requires a formal request for each case.

The third is incentives. Enforcement actions are slow, legally risky and, when successful, rarely
newsworthy. Designations, by contrast, can be announced at a press conference. Political attention
flows to the announcement and away from the follow-through.

A fourth constraint is legal. Many sanctions laws were drafted for a world of direct
transactions, and make it hard to pursue a company that sold to an intermediary which then sold
on. Prosecutors must often prove that a defendant knew the ultimate destination of the goods,
which is difficult when the chain runs through several jurisdictions. Some countries have
responded by creating offences for failing to carry out adequate due diligence, which shift the
question from what a firm knew to what it should have checked. That approach deserves wider use,
with clear guidance on what adequate diligence means so that honest firms can meet it.

## What a properly resourced system would look like

Closing the gap does not require new sanctions. It requires treating enforcement as a standing
capability rather than a series of one-off cases.

First, enforcement budgets should be tied to the scope of sanctions programmes. When a government
adds a major new programme, it should publish an estimate of the enforcement resources the programme
requires and fund them in the same budget cycle. Second, a joint analytical cell — staffed from
customs, the financial-intelligence unit, the export-control agency and maritime authorities, with a
legal basis to share data — should look for patterns across cases rather than waiting for
individual referrals. Third, beneficial-ownership registries should be complete, verified and
available to investigators without delay. Fourth, the due-diligence obligations that apply to banks
should be extended, in proportionate form, to the professionals who create corporate structures.

Finally, governments should measure and publish enforcement outcomes: the number of investigations
opened, penalties imposed, goods seized and cases referred for prosecution, broken down by
programme. What is measured tends to be resourced.

## The private sector's part

Governments cannot enforce sanctions alone. Most of the day-to-day screening is done by banks,
insurers, shipping companies, freight forwarders and exporters, who are legally required to avoid
dealing with sanctioned parties. Their compliance teams are, in aggregate, far larger than any
government's enforcement staff. How well they work depends heavily on what governments give them.

### Guidance that is specific

Compliance officers consistently ask for the same thing: concrete examples of evasion patterns,
updated often. General warnings to "be vigilant" are of little use. Advisories that describe the
specific techniques seen in recent cases — the kind of corporate structure, the routing of
payments, the typical cargo descriptions — allow firms to adjust their screening rules within days.

### Information that flows both ways

Firms file suspicious-activity reports and hear nothing back. A modest amount of feedback — which
reports were useful, which patterns are of interest — would improve the quality of future reports.
Some jurisdictions have created public–private partnerships in which vetted compliance staff and
investigators share information on specific typologies under legal protection. These deserve to
be expanded to sanctions work.

### Penalties that are predictable

Large penalties against firms that fail in their obligations are an essential deterrent. But when
the basis for penalties is unclear, firms respond by refusing whole categories of business rather
than managing risk. That "de-risking" pushes legitimate trade and humanitarian payments towards
less transparent channels — the opposite of what sanctions policy intends. Published enforcement
guidelines, explaining how penalties are calculated and what counts as mitigation, help firms
calibrate their controls.

## Recommendations

1. Publish an enforcement resource estimate with every major new sanctions programme, and fund it.
2. Create a standing joint analytical cell with a clear legal basis for sharing customs, financial
and maritime data.
3. Complete and verify beneficial-ownership registries, and give investigators direct access.
4. Extend proportionate due-diligence obligations to company-formation agents, lawyers and
accountants who create corporate structures.
5. Report enforcement outcomes annually by programme, so that legislators can judge whether
sanctions are being enforced as well as announced.

## Notes

1. We compared staffing figures published in agency annual reports and budget documents with the
number of designations and programmes administered over the same period. The comparison is
approximate, because agencies define enforcement staff differently.
2. The institute's dataset of enforcement actions is described in a separate methodology note,
available on request.
"""),
    },
    {
        "slug": "export-controls-early-warning-desk",
        "title": "Export Controls Need an Early-Warning Desk",
        "type": "Policy Memo",
        "dek": "Diversion shows up in trade data months before it shows up in a case file.",
        "summary": "Controlled technologies reach restricted end users mostly through third "
        "countries, and the pattern is visible in ordinary trade statistics long before an "
        "investigation begins. This memo proposes a small analytical desk to watch for it.",
        "authors": ["Zoë Ørsted-Núñez", "Priya Raghunathan"],
        "areas": ["Economic Statecraft", "Technology & Governance"],
        "tags": ["export controls", "semiconductors", "trade data", "enforcement"],
        "days_ago": 134,
        "body": to_html("""
## The problem

Export controls on advanced chips, machine tools and other dual-use goods are only as good as the
ability to see where the goods end up. Diversion rarely involves a direct shipment to a restricted
buyer. It runs through distributors and trading companies in third countries, some of them set up
for the purpose, which re-export to the final destination.

The pattern is often visible in public trade statistics: a sudden rise in imports of a controlled
category by a small economy with no obvious industrial use for it, followed by a matching rise in
that economy's exports to a restricted destination.[^1] By the time an investigation opens, the
route has usually been in use for months and the companies involved have been replaced.

## The proposal

We propose a small early-warning desk inside the export-control agency, with a staff of perhaps a
dozen analysts, whose only job is to watch for these signals and pass them to enforcement and
diplomatic teams. It would:

- monitor monthly trade data for controlled categories across all trading partners, flagging
anomalies against a baseline;
- match flagged flows against licence data, to see whether the goods were exported legally in the
first place;
- brief diplomats, so that the government can raise specific flows with the transit country before
they become entrenched;
- publish an annual, aggregated report on diversion trends, so that exporters know which routes
regulators are watching.

> A dozen analysts watching trade data will not stop diversion. They will shorten the time
> between when it starts and when someone notices.

## Cost and risks

The desk would be cheap relative to the value of the controls it supports. Its main risk is false
positives: trade data is noisy, and a surge in imports can have innocent explanations. That is why
the desk should flag rather than accuse, and why its findings should go to investigators and
diplomats, not directly into penalties.

## Notes

1. Trade statistics are published with a lag and use product categories that are broader than
control lists. Both limitations reduce precision but do not remove the signal.
"""),
    },
    {
        "slug": "sanctions-fatigue-is-a-policy-choice",
        "title": "Sanctions Fatigue Is a Policy Choice",
        "type": "Commentary",
        "dek": "Sanctions stop working when governments stop enforcing them, not when they stop "
        "believing in them.",
        "summary": "It has become common to say that sanctions are losing their force. Much of that "
        "decline is a result of choices about enforcement, and those choices can be reversed.",
        "authors": ["Zoë Ørsted-Núñez"],
        "areas": ["Economic Statecraft"],
        "tags": ["sanctions", "enforcement", "foreign policy"],
        "days_ago": 97,
        "body": to_html("""
Around the second year of any major sanctions programme, a familiar argument appears. The targeted
economy has adapted. Trade has rerouted. Prices of the restricted goods have risen, but the goods
still arrive. Sanctions, the argument goes, have run their course.

There is truth in the observations. Sanctioned economies do adapt, and evasion networks do mature.
But the conclusion confuses an outcome with a cause. Sanctions lose force over time mostly because
the effort to enforce them falls while the effort to evade them rises. The first of those is a
choice governments make, often without noticing they are making it.

Consider what typically happens after a programme is announced. The initial designations are
prepared by a small team working long hours. Once they are published, the team moves on to the next
crisis. The follow-up work — updating lists as companies change names, pursuing the trading houses
that appear in third countries, prosecuting the professionals who build the structures — is left to
agencies whose budgets were set before the programme existed.

> Evasion is a full-time job for the people who profit from it. Enforcement has to be one too.

Evasion, meanwhile, is a full-time job for the people who profit from it. They learn which banks
ask fewer questions, which flags of convenience are cheapest, and which routes customs services do
not inspect. If enforcement stands still while evasion learns, the programme decays. That is not
fatigue. It is arithmetic.

It is also worth remembering what sanctions were meant to achieve. Few programmes aim to halt a
targeted economy outright. Most aim to raise the cost of particular activities — financing a war,
acquiring weapons technology, enriching a governing circle — and to keep raising it. Measured
against that goal, a programme that forces its target to pay more for every component, to route
its trade through expensive intermediaries and to accept worse terms from its buyers is working,
even when the headline trade figures look unimpressive.

The remedy is not complicated, though it is unglamorous. Fund the agencies that enforce sanctions
in proportion to the programmes they administer. Publish what they achieve each year. And treat the
second and third years of a programme as the period when its success is decided, not the period
when everyone else moves on.
"""),
    },
    {
        "slug": "transshipment-hubs-re-export-problem",
        "title": "Transshipment Hubs and the Re-Export Problem",
        "type": "Issue Brief",
        "dek": "Small trading economies have become the hinge of sanctions evasion. "
        "Most of them would rather not be.",
        "summary": "A handful of trading hubs handle a disproportionate share of goods that are later "
        "diverted to sanctioned destinations. This brief explains why, and how sanctioning "
        "governments can work with those hubs rather than against them.",
        "authors": ["Zoë Ørsted-Núñez", "Ελένη Καραγιάννη"],
        "areas": ["Economic Statecraft", "Supply Chains & Maritime Trade"],
        "tags": ["sanctions", "transshipment", "trade data", "diplomacy"],
        "days_ago": 510,
        "body": to_html("""
## Why hubs matter

Entrepôt economies — small states and free-trade zones that make their living by moving goods
between larger markets — are built to be efficient, fast and light on paperwork. Those are exactly
the qualities an evasion network looks for. When a sanctioned country can no longer buy a product
directly, trade through such hubs tends to rise sharply, even though little of the product is
consumed there.[^1]

Most hub governments do not set out to facilitate evasion. Their customs services are geared to
speed, their company registries to ease of incorporation, and their legal systems may not
recognise another country's sanctions as binding. Pressure on them tends to be public, abrupt and
framed as an accusation, which makes cooperation politically difficult.

## A better approach

- **Share the data first.** Before raising a concern publicly, give the hub's customs authority the
trade anomalies that prompted it. Many hubs lack the analytical capacity to spot the pattern
themselves.
- **Offer technical help.** Training for customs officers, shared risk-targeting tools and
support for beneficial-ownership registries are cheaper than sanctions on the hub itself.
- **Focus on the firms, not the country.** Designating the specific trading companies involved
keeps the pressure on evaders and allows the hub's government to act without appearing to
concede.
- **Keep escalation credible.** If cooperation fails, targeted measures against the hub's
financial institutions remain available, and the hub should know it.

> Most hub governments do not set out to facilitate evasion. They are built for speed,
> and speed is what evaders need.

## What to watch

The most useful early indicator is a divergence between a hub's imports of a restricted category
and its plausible domestic demand. Analysts should track those ratios monthly and share them with
partner governments, rather than waiting for the annual trade statistics.

## Notes

1. The institute's analysis compared import growth in restricted product categories for a group of
trading hubs with their own domestic consumption estimates. The full dataset is maintained by the
Economic Statecraft programme.
"""),
    },
    {
        "slug": "secondary-sanctions-guide-mid-sized-banks",
        "title": "Forthcoming: A Practical Guide to Secondary Sanctions for Mid-Sized Banks",
        "type": "Policy Memo",
        "dek": "Secondary sanctions put banks far from the target in the front line. "
        "Most are not staffed for it.",
        "summary": "Secondary sanctions expose banks with no direct ties to a sanctioned country to "
        "serious penalties. This memo offers a proportionate compliance approach for mid-sized "
        "banks and asks regulators to publish clearer guidance.",
        "authors": ["Zoë Ørsted-Núñez"],
        "areas": ["Economic Statecraft"],
        "tags": ["sanctions", "banking", "compliance", "financial crime"],
        "days_ago": -5,
        "body": to_html("""
## Why mid-sized banks are exposed

Secondary sanctions threaten penalties against foreign firms that deal with a sanctioned party,
even when the transaction has no connection to the sanctioning country. For large global banks,
this risk has long been managed by big compliance departments. For mid-sized regional banks, which
may handle trade finance for exporters in third countries, the exposure is newer and the resources
to manage it are thinner.

## A proportionate approach

- Map which customers trade in sectors targeted by secondary measures, rather than screening every
customer with the same intensity.
- Ask for documentation on end users for trade-finance transactions in those sectors, and record
why each one was accepted.
- Watch for the common warning signs: newly formed counterparties, unusual routing, and payments
through jurisdictions with no link to the goods.
- Train front-line staff, not only compliance officers, since relationship managers often see the
first signs.

## What regulators should do

Regulators should publish worked examples of what they consider adequate diligence for
mid-sized institutions. Banks that cannot tell what is expected of them tend to respond by
refusing whole categories of customers, which pushes legitimate trade towards less transparent
channels.

> Banks that cannot tell what is expected of them tend to refuse whole categories of customers.
"""),
    },
    {
        "slug": "humanitarian-carve-outs-make-the-licence-fast",
        "title": "Sanctions and Humanitarian Carve-Outs: Make the Licence Fast",
        "type": "Policy Memo",
        "dek": "An exemption that takes four months to approve is not an exemption "
        "during a cholera outbreak.",
        "summary": "Humanitarian exemptions in sanctions regimes are generous on paper and slow in "
        "practice, and banks' caution slows them further. This memo proposes service standards "
        "for licensing and a safe-harbour letter that banks can rely on.",
        "authors": ["Zoë Ørsted-Núñez", "Kwame Asante-Ellis"],
        "areas": ["Economic Statecraft", "Health Security"],
        "tags": ["sanctions", "humanitarian aid", "banking", "licensing"],
        "days_ago": 950,
        "body": to_html("""
## The problem

Almost every modern sanctions programme includes exemptions for food, medicine and humanitarian
aid. In practice, aid organisations working in sanctioned countries report long delays. Some
exemptions require a specific licence, which can take months. Even where a general exemption
applies, banks often refuse to process the payments, because the penalty for a mistake is large
and the fee for the transaction is small.[^1]

In a slow-moving crisis, delay is costly. In an outbreak or a disaster, it can be fatal. Medical
supplies that arrive after an epidemic has peaked do little good.

## Recommendations

1. Licensing agencies should adopt published service standards — for example, a decision on
humanitarian licence applications within ten working days — and report how often they meet them.
2. Governments should issue comfort letters that banks can rely on when processing payments for
licensed or exempt humanitarian activity, making clear that good-faith processing will not be
penalised.
3. A single point of contact in the sanctions agency should handle urgent requests from aid
organisations during declared emergencies.
4. Agencies should publish anonymised examples of approved transactions, so that banks and aid
groups can see what is permitted.

> An exemption that banks are too nervous to use is an exemption in name only.

## Why this is in the sanctioning government's interest

Sanctions are meant to pressure governments, not to harm the populations they rule. Visible
humanitarian harm undermines international support for a programme and hands its targets a
propaganda gift. Fast, predictable licensing is therefore not only a humanitarian concern; it
protects the legitimacy of the sanctions themselves.

## Notes

1. Based on a survey of aid organisations carried out by the institute; responses were anonymous.
"""),
    },
]
