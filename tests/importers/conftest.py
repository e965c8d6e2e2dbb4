"""Running the import command as an operator would, on exports the tests write."""

import io
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from PIL import Image


@dataclass
class Run:
    ok: bool
    output: str
    report: str
    error: str = ""
    progress: str = ""

    def row(self, kind: str) -> dict[str, int]:
        """The report's counts for one kind: {"created": 2, "updated": 0, ...}."""
        line = next(line for line in self.report.splitlines() if line.startswith(kind))
        numbers = [int(part) for part in line[len(kind) :].split()]
        return dict(zip(["created", "updated", "unchanged", "skipped", "failed"], numbers, strict=True))


@pytest.fixture
def run_import(tmp_path):
    """``run_import(xml, "--dry-run")`` writes the export to a file, runs ``import_wordpress``
    on it and returns whether it succeeded, what it printed and the report file it wrote."""
    counter = iter(range(1000))

    def run(document: str | bytes, *args: str) -> Run:
        number = next(counter)
        path = tmp_path / f"export-{number}.xml"
        if isinstance(document, str):
            document = document.encode()
        path.write_bytes(document)
        report = tmp_path / f"report-{number}.txt"
        out, err = io.StringIO(), io.StringIO()
        try:
            call_command(
                "import_wordpress", str(path), *args, "--report", str(report), stdout=out, stderr=err
            )
        except CommandError as error:
            return Run(False, out.getvalue(), report.read_text() if report.exists() else "", str(error))
        return Run(True, out.getvalue(), report.read_text(), progress=err.getvalue())

    return run


@pytest.fixture
def uploads(tmp_path) -> Path:
    """A wp-content/uploads folder with an image, a second image and a PDF."""
    folder = tmp_path / "uploads"
    (folder / "2024" / "03").mkdir(parents=True)
    Image.new("RGB", (1200, 800), "steelblue").save(folder / "2024" / "03" / "chart.png")
    Image.new("RGB", (800, 600), "darkred").save(folder / "2024" / "03" / "map.png")
    (folder / "2024" / "03" / "report.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    return folder
