"""The house keeps its shape (README, "Architecture"): apps import downward only and without
cycles, the project package stays wiring, no module grows into a god module, and the demo
content stays data."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ["core", "authors", "research_areas", "regions", "series", "publications", "subscriptions"]
APPS += ["website", "pagecache", "staff", "demo", "importers", "redcell"]
LONGEST_MODULE = 400
LONGEST_PROJECT_PACKAGE = 500


def python_files(folder: str) -> list[Path]:
    return [path for path in (ROOT / folder).rglob("*.py") if "migrations" not in path.parts]


def lines(path: Path) -> int:
    return len(path.read_text().splitlines())


def test_imports_point_one_way_with_no_cycles():
    """import-linter's contracts in pyproject.toml: the layers of apps, and no cycle between the
    modules of any app (imports made inside functions count too)."""
    result = subprocess.run(
        [Path(sys.executable).with_name("lint-imports")], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 kept, 0 broken" in result.stdout


def test_no_module_is_a_god_module():
    too_long = {
        str(path.relative_to(ROOT)): lines(path)
        for app in APPS
        for path in python_files(app)
        if lines(path) > LONGEST_MODULE
    }
    assert too_long == {}


def test_the_project_package_is_wiring_only():
    assert sum(lines(path) for path in python_files("redcell")) < LONGEST_PROJECT_PACKAGE
    assert sorted(path.name for path in python_files("redcell")) == [
        "__init__.py",
        "asgi.py",
        "settings.py",
        "test_settings.py",
        "urls.py",
        "wsgi.py",
    ]


def test_the_demo_content_is_data_not_code():
    content = ROOT / "demo" / "content"
    assert not list(content.rglob("*.py"))
    assert len(list((content / "publications").glob("*.md"))) >= 40
