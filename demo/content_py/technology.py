"""Demo publications: public-sector technology, AI procurement and data."""

from .markup import to_html

PUBLICATIONS = [
    {
        "slug": "buying-judgement-public-sector-ai-procurement",
        "title": "Buying Judgement: A Procurement Framework for Public-Sector AI",
        "type": "Report",
        "dek": "When an agency buys an AI system, it is buying decisions it will have to defend. "
        "Procurement should start there.",
        "summary": "Public agencies are buying AI tools through procurement processes designed for "
        "office furniture and database licences. This report proposes a framework that matches "
        "the depth of scrutiny to the stakes of the decision, and five contract terms that every "
        "agency should insist on.",
        "authors": ["Priya Raghunathan", "Tomasz Wierzbicki"],
        "areas": ["Technology & Governance"],
        "tags": ["AI", "procurement", "accountability", "public sector", "evaluation"],
        "days_ago": 15,
        "featured": True,
        "related": ["five-clauses-every-ai-contract", "pilots-are-not-strategy"],
        "body": to_html("""
## The procurement problem

Public agencies are buying AI systems at a growing rate: tools that triage calls to a benefits
helpline, flag tax returns for audit, summarise case files, schedule inspections or translate
correspondence. Most of these purchases go through procurement rules designed for goods and
conventional software. Those rules are good at ensuring a fair competition on price and
specification. They are poor at answering the questions that matter most for AI: how well does the
system perform for the people this agency actually serves, how will we know if that changes, and who
is accountable when it gets something wrong?

The gap is not mainly one of ethics principles. Most governments have published principles for
trustworthy AI, and most of them say sensible things. The gap is in translating those principles
into the documents that bind a supplier: the tender specification, the evaluation criteria and the
contract. In our review of a sample of public AI contracts, we found that few required the supplier
to share performance data broken down by population group, few gave the agency the right to audit
the system independently, and almost none specified what would happen to the agency's data when the
contract ended.[^1]

> Most governments have published principles for trustworthy AI. Few of those principles have
> made it into a contract.

## Matching scrutiny to stakes

Not every AI purchase deserves the same scrutiny. A tool that suggests subject lines for internal
emails is not in the same category as one that helps decide who is investigated for fraud. Treating
them alike either buries low-risk tools in paperwork or waves high-risk tools through. We propose
three tiers, based on what the system does rather than what technology it uses.

| Tier | What the system does | Examples | Scrutiny required |
|---|---|---|---|
| 1: Support | Helps staff with tasks that do not affect individual decisions |
  Drafting, search, translation of public information | Standard procurement; data-protection check |
| 2: Influence | Shapes decisions about individuals, with a person deciding |
  Triage, risk scores shown to caseworkers |
  Pre-award testing on agency data; group-level performance reporting; audit rights |
| 3: Determine | Makes or effectively makes decisions about individuals |
  Automated eligibility, automated penalties |
  All of tier 2, plus independent evaluation, public notice and a route to human review |

The tier should be decided by the agency at the start of the procurement, recorded, and published.
Suppliers will argue that their product is "only advisory". The test should be how it is used in
practice: a risk score that caseworkers follow nine times out of ten is, for practical purposes,
making the decision.

## Testing before buying

The single most useful change agencies can make is to test systems on their own data before
signing a contract. Vendor demonstrations and published benchmarks tell an agency how a system
performs on someone else's problem. A tool trained on one city's housing applications may perform
quite differently on another's, and a translation tool that works well for common languages may
fail for the languages an agency's residents actually speak.

### What a pre-award test looks like

For tier 2 and tier 3 systems, the tender should include a structured evaluation: shortlisted
suppliers run their systems on a representative, anonymised sample of the agency's historical cases,
under the agency's supervision. The agency measures accuracy, error types and differences in
performance across the groups it serves. The results feed directly into the award decision,
alongside price.

### Who does the testing

Many agencies lack the staff to design such tests. That is a reason to build shared capacity — a
central evaluation team that agencies can call on, or a framework contract with independent
evaluators — not a reason to skip the test.

## Five contract terms

Whatever the tier, we recommend five terms for every AI contract. A companion memo sets out model
language for each.

1. **Performance reporting.** The supplier reports agreed performance measures at regular
intervals, including by population group where the system affects individuals.
2. **Audit access.** The agency, or an auditor it appoints, may test the system independently,
including with new data.
3. **Change notification.** The supplier must notify the agency before material changes to the
model, its training data or its configuration, and the agency may require re-testing.
4. **Data boundaries.** The agency's data may not be used to train models for other customers
without explicit permission, and must be returned or deleted at the end of the contract.
5. **Exit.** The contract specifies how the agency can move to another supplier without losing its
records, including the format in which data and decision logs will be handed over.

## Building the capacity to buy well

None of this works without people who understand both the technology and the agency's business.
Procurement officers are experts in fair competition, not in model evaluation. Programme staff
understand the cases but not the contracts. The agencies that buy well tend to form small
cross-functional teams for each significant purchase, with a named owner who stays with the system
after it is deployed.

Governments can help by creating a small central team that publishes model documents, runs
evaluations on request, and collects lessons from each procurement so that the next agency does not
start from scratch. The cost of such a team is modest compared with the cost of a single failed
system, whether measured in money, in harm to the people affected, or in lost public trust.

## Lessons from early adopters

A handful of agencies have already bought AI systems with some of these safeguards, and their
experience is instructive. Three lessons recur in our conversations with them.

### Testing finds problems demonstrations miss

One agency's pre-award test of call-triage tools found that the highest-scoring product in the
vendor demonstration performed worst on recordings of callers with strong regional accents — a
large share of its actual callers. Without the test, the agency would have bought it. The test
cost a few weeks of staff time and a modest fee to the evaluator.

### Suppliers adapt faster than expected

Agencies worried that demanding terms would deter bidders. In practice, the larger suppliers
accepted performance reporting and audit access with little resistance once they saw the terms
were standard; the hardest negotiations concerned data boundaries, because some suppliers'
business models depend on learning from customer data. Agencies that held firm on this point did
not lose their preferred bidder.

### Ownership after go-live matters most

The systems that worked best were those with a named owner in the programme team who reviewed the
supplier's performance reports, raised questions and, on occasion, paused a change until it had
been re-tested. Where ownership passed to an IT contract manager after deployment, reports were
filed unread.

> The test cost a few weeks of staff time. Without it, the agency would have bought the
> worst-performing product.

## Recommendations

1. Classify every AI procurement into one of three tiers at the outset, based on how the system
will be used, and publish the classification.
2. Require pre-award testing on the agency's own data for tier 2 and tier 3 systems, and weigh the
results in the award decision.
3. Include the five contract terms — performance reporting, audit access, change notification,
data boundaries and exit — in every AI contract.
4. Create a central evaluation and procurement support team that agencies can draw on.
5. Publish a register of tier 2 and tier 3 systems in use, with their purpose and supplier.

## Notes

1. The sample consisted of contracts published on public procurement portals. Because many
contracts are published only in part, our findings describe what was visible, not necessarily
everything agreed.
"""),
    },
    {
        "slug": "five-clauses-every-ai-contract",
        "title": "Five Clauses Every AI Contract Should Include",
        "type": "Policy Memo",
        "dek": "Model contract language for agencies buying AI systems, with notes on what "
        "suppliers will push back on.",
        "summary": "Agencies can protect themselves and the public with a handful of contract terms "
        "on performance, audit, change, data and exit. This memo offers plain-language model "
        "clauses and notes on negotiating them.",
        "authors": ["Priya Raghunathan"],
        "areas": ["Technology & Governance"],
        "tags": ["AI", "procurement", "contracts", "public sector"],
        "days_ago": 80,
        "body": to_html("""
## Why the contract matters

Once a contract is signed, an agency's leverage over its supplier falls sharply. Anything not
written down will have to be negotiated later, from a weaker position. The five clauses below are
the ones we most often find missing from public AI contracts. The wording is illustrative and
should be adapted by the agency's lawyers.

## The clauses

### 1. Performance reporting

"The Supplier shall report to the Authority each quarter the performance measures set out in
Schedule A, including, where the System informs decisions about individuals, those measures broken
down by the groups listed in Schedule A."

*Expect pushback on* the cost of group-level reporting. Agree the groups in advance and keep the
list short.

### 2. Audit access

"The Authority, or an independent auditor appointed by it, may test the System at any time on data
supplied by the Authority, and the Supplier shall provide reasonable assistance."

*Expect pushback on* trade secrets. Offer confidentiality for the auditor's working papers, but not
for the results.

### 3. Change notification

"The Supplier shall give the Authority no less than thirty days' notice of any material change to
the System's model, training data or configuration, and the Authority may require re-testing before
the change takes effect."

### 4. Data boundaries

"Authority Data shall not be used to train or improve any model made available to other customers
without the Authority's prior written consent, and shall be returned or deleted at the end of the
Contract."

### 5. Exit

"On termination, the Supplier shall provide the Authority with all Authority Data and decision logs
in the format set out in Schedule B, and shall cooperate with any replacement supplier for a period
of six months."

> Anything not written down before signing will have to be negotiated later, from a weaker position.

## Using the clauses

These clauses work best alongside the tiered approach set out in the institute's procurement
report: for low-risk support tools, clauses 4 and 5 may be enough; for systems that shape decisions
about individuals, all five should be standard.
"""),
    },
    {
        "slug": "pilots-are-not-strategy",
        "title": "Pilots Are Not Strategy",
        "type": "Commentary",
        "dek": "Government technology is full of successful pilots that never became services.",
        "summary": "Agencies launch AI pilots easily and scale them rarely. The reason is usually "
        "not the technology but the absence of a plan, owner and budget for what happens if the "
        "pilot works.",
        "authors": ["Priya Raghunathan"],
        "areas": ["Technology & Governance"],
        "tags": ["AI", "public sector", "digital services", "innovation"],
        "days_ago": 150,
        "body": to_html("""
There is a particular kind of slide that appears in government technology presentations. It lists
pilots: a chatbot in one office, a document-summarising tool in another, a fraud-detection model
tested on last year's data. Each has a small logo and a green tick. Ask what happened to the
pilots from three years ago, and the room goes quiet.

Pilots are valuable. They let an agency learn cheaply whether an idea works in its own setting.
But a pilot is a question, and too many agencies run pilots without deciding in advance what they
will do with the answer. If the pilot succeeds, who will own the service? Which budget will pay for
it next year, when the innovation fund has moved on? What has to change in staff training, in
procurement, in the legal basis for processing data? Without answers, a successful pilot simply
ends, and its team moves to the next one.

> A pilot is a question. Too many agencies run pilots without deciding what they will do with
> the answer.

The fix is not to stop piloting. It is to require, before a pilot starts, a short plan for what
success would lead to: the named owner of the eventual service, an estimate of running costs, the
procurement route, and the criteria that would count as success. If nobody is willing to sign that
plan, the pilot is probably a demonstration rather than an experiment, and should be described as
one.

Funders of innovation programmes share some of the blame. Grants for pilots are easy to obtain;
money for running a service in its third year is not. A modest change would help: reserve part of
every innovation budget for scaling the pilots that succeed, and let agencies bid for it only with
evidence from the pilot and a signed plan for the service.

Agencies should also count their pilots honestly. A portfolio of twenty pilots and no services is
not a sign of innovation. It is a sign that the hard part — the part where new tools change how
work is done — is being avoided.
"""),
    },
    {
        "slug": "algorithmic-impact-assessments-who-reads-them",
        "title": "Algorithmic Impact Assessments: Who Reads Them?",
        "type": "Issue Brief",
        "dek": "Impact assessments are multiplying. Their audience is often unclear, and so is their effect.",
        "summary": "Many governments now require impact assessments before deploying automated "
        "decision systems. This brief looks at who actually uses them and how to make them "
        "shorter, more specific and more consequential.",
        "authors": ["Priya Raghunathan", "Ελένη Καραγιάννη"],
        "areas": ["Technology & Governance"],
        "tags": ["AI", "accountability", "impact assessment", "transparency"],
        "days_ago": 395,
        "body": to_html("""
## The promise

Algorithmic impact assessments ask an agency, before it deploys an automated system, to describe
what the system does, whom it affects, what could go wrong and how those risks will be managed.
Done well, the exercise forces useful conversations early, when design can still change.

## What we found

We read a sample of published assessments from several jurisdictions.[^1] Three patterns stood out.

- **Length without specificity.** Many ran to dozens of pages but described risks in general
terms ("the system may produce biased outcomes") without saying which groups, how the agency would
measure it, or what level of difference would trigger action.
- **No clear reader.** Few assessments said who they were written for. Documents aimed at everyone
— the public, oversight bodies, internal reviewers — tended to serve none of them well.
- **Little follow-up.** Most assessments were completed once, before deployment. Few were updated
after the system went live, even when it was changed.

> An assessment that nobody is required to read, and nobody updates, is a form, not a safeguard.

## How to make them count

1. Write a one-page public summary for residents and a separate technical annex for reviewers.
2. Replace general statements of risk with specific measures and thresholds that will be monitored.
3. Require an update whenever the system or its use changes materially, and at least once a year.
4. Give a named oversight body the duty to read high-risk assessments and the power to ask questions.

## Notes

1. The sample included assessments published by national and local agencies. We did not assess the
systems themselves, only the documents.
"""),
    },
    {
        "slug": "open-data-without-open-liability",
        "title": "Open Data Without Open Liability: Publishing Infrastructure Data Safely",
        "type": "Policy Memo",
        "dek": "Open infrastructure data helps planners and researchers. Some of it also helps attackers.",
        "summary": "Governments face a genuine tension between publishing infrastructure data for "
        "accountability and withholding it for security. This memo proposes a tiered approach that "
        "keeps most data open while protecting the small share that is truly sensitive.",
        "authors": ["Priya Raghunathan", "Ольга Тихомирова"],
        "areas": ["Technology & Governance", "Energy & Infrastructure"],
        "tags": ["open data", "critical infrastructure", "transparency", "security"],
        "days_ago": 600,
        "body": to_html("""
## The tension

Data on the location, condition and performance of infrastructure — substations, water mains,
bridges, pipelines — is valuable to planners, researchers, journalists and residents. It also
raises an obvious question: could it help someone who wants to cause harm? Faced with that question,
many agencies default to withholding everything, which undermines accountability without much
improving security, since much of the information is visible from the street or in satellite
imagery.

## A tiered approach

- **Open by default:** aggregate performance data (outage statistics, condition ratings by area,
maintenance spending), and locations of assets that are already publicly visible.
- **Shared under agreement:** detailed network models and asset-level condition data, available
to accredited researchers and local governments under a data-sharing agreement.
- **Restricted:** information whose main value is to an attacker, such as specific vulnerabilities,
security arrangements and the dependencies between critical sites.

> Withholding everything undermines accountability without much improving security.

## Making it work

Agencies should publish the criteria they use to place data in each tier, review the placement
periodically, and explain refusals. A small expert panel, including security and transparency
specialists, can adjudicate disputes. The goal is a default of openness with narrow, justified
exceptions, rather than a default of secrecy with occasional releases.
"""),
    },
    {
        "slug": "model-evaluations-benefits-eligibility",
        "title": "In Review: Model Evaluations for Benefits Eligibility Systems",
        "type": "Issue Brief",
        "dek": "Before a model helps decide who gets support, someone should check whom it gets wrong.",
        "summary": "Automated tools increasingly inform decisions about eligibility for public "
        "benefits. This brief, currently in review, sets out a minimum evaluation an agency should "
        "carry out before and after deploying such a tool.",
        "authors": ["Priya Raghunathan", "Kwame Asante-Ellis"],
        "areas": ["Technology & Governance", "Health Security"],
        "tags": ["AI", "evaluation", "public benefits", "accountability"],
        "status": "review",
        "body": to_html("""
## Why eligibility is different

Errors in eligibility decisions fall on people who are, almost by definition, in difficult
circumstances. A wrongful denial can mean missed rent or a missed prescription. Appeals exist, but
they are slow and used least by those who need them most.

## A minimum evaluation

1. Measure error rates in both directions — wrongful denials and wrongful approvals — on a
representative sample of the agency's own historical cases.
2. Compare error rates across groups the agency serves, including by language, age and disability.
3. Check how caseworkers use the tool's output in practice, not only how it is meant to be used.
4. Repeat the evaluation at least annually, and whenever the tool or the eligibility rules change.

> A wrongful denial can mean missed rent or a missed prescription.

## Open questions for reviewers

Reviewers are asked to comment on whether the minimum should be mandatory for all eligibility
tools or only for those that recommend outcomes, and on the cost estimates in the annex.
"""),
    },
]
