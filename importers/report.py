"""What an import did, for the operator: counts per kind and a line for every item skipped,
failed or cleaned, with why. Printed at the end of a run and written to a file."""

from collections import Counter, defaultdict
from dataclasses import dataclass, field

KINDS = ["publications", "pages", "experts", "research areas", "media files"]
OUTCOMES = ["created", "updated", "unchanged", "skipped", "failed"]
# Conversions that lose nothing, reported as counts of items rather than item by item.
ROUTINE = {
    "Gutenberg block comments removed",
    "footnotes turned into numbered notes",
    "title: HTML and entities turned into plain text",
}


@dataclass
class Report:
    source: str = ""
    dry_run: bool = False
    version: str = ""
    site: str = ""
    counts: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    skipped: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    cleaned: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    ignored: Counter = field(default_factory=Counter)
    routine: Counter = field(default_factory=Counter)
    redirects: int = 0

    def count(self, kind: str, outcome: str) -> None:
        self.counts[kind][outcome] += 1

    def skip(self, kind: str, label: str, why: str) -> None:
        self.count(kind, "skipped")
        self.skipped.append(f"{label}: {why}")

    def fail(self, kind: str, label: str, why: str) -> None:
        self.count(kind, "failed")
        self.failed.append(f"{label}: {why}")

    def clean(self, label: str, notes: list[str]) -> None:
        """Lossless conversions every item goes through are counted; anything else is listed."""
        listed = []
        for note in notes:
            what = note.split(" (", 1)[0]
            if what in ROUTINE:
                self.routine[what] += 1
            else:
                listed.append(note)
        if listed:
            self.cleaned.append(f"{label}: " + "; ".join(listed))

    @property
    def imported(self) -> int:
        """Publications and pages now on the site from this export (new, changed or as they were)."""
        return sum(
            self.counts[kind][outcome]
            for kind in ("publications", "pages")
            for outcome in ("created", "updated", "unchanged")
        )

    def render(self) -> str:
        head = f"WordPress import of {self.source}"
        if self.version or self.site:
            head += f" (WXR {self.version or '?'}, {self.site or 'unknown site'})"
        lines = [head]
        if self.dry_run:
            lines.append("DRY RUN: nothing was saved; this is what an import would do.")
        lines += ["", f"{'':16}" + "".join(f"{outcome:>11}" for outcome in OUTCOMES)]
        for kind in KINDS:
            lines.append(f"{kind:16}" + "".join(f"{self.counts[kind][outcome]:>11}" for outcome in OUTCOMES))
        lines.append(
            f"\nItems whose old addresses (<link>, ?p=ID) redirect here once public: {self.redirects}"
        )
        if self.ignored:
            lines.append(
                "Not content, left out: "
                + ", ".join(f"{count} {what}" for what, count in sorted(self.ignored.items()))
            )
        if self.routine:
            lines.append(
                "Converted as a matter of course (items): "
                + "; ".join(f"{what}: {count}" for what, count in sorted(self.routine.items()))
            )
        for title, entries in (
            ("Note", self.notices),
            ("Problems with the file", self.problems),
            ("Failed (nothing of these was saved)", self.failed),
            ("Skipped", self.skipped),
            ("Cleaned", self.cleaned),
        ):
            if entries:
                lines += ["", f"{title} ({len(entries)}):", *(f"  {entry}" for entry in entries)]
        return "\n".join(lines) + "\n"
