"""The shape of the code, checked from the source: which stage may import which,
and that every package the code imports is declared in pyproject.toml."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

from .conftest import ROOT

PACKAGE = ROOT / "letter_simplifier"

# The way data flows (../shared/DESIGN.md): a module may import from its own stage
# and from lower ones, never from a higher one.
RANKS = {
    "model": 0, "errors": 0, "__init__": 0,
    "nlp": 1, "nl": 1, "law": 1,
    "glossary": 2,
    "ingest": 3,
    "analyse": 4,
    "explain": 5,
    "render": 6,
    "pipeline": 7, "readability": 7,
    "jobs": 8, "web": 8, "cli": 8, "evaluate": 8, "__main__": 8,
}


def stage(module: str) -> str:
    """`letter_simplifier.ingest.ocr.prepare` -> `ingest`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """Every module `path` imports, at any depth of the file (lazy imports too)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    own = module_name(path).split(".")
    package = own if path.name == "__init__.py" else own[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.append((node.lineno, name))
    return found


def sources() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py")) if "migrations" not in p.parts]


def test_every_stage_module_is_ranked():
    stages = {stage(module_name(path)) for path in sources()}
    assert stages <= set(RANKS), sorted(stages - set(RANKS))


def test_no_module_imports_a_higher_stage():
    wrong = []
    for path in sources():
        own = stage(module_name(path))
        for line, name in imports(path):
            if name == "app" or name.startswith("app."):
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports the top-level app shim")
            if not name.startswith("letter_simplifier"):
                continue
            other = stage(name)
            if RANKS[other] > RANKS[own]:
                wrong.append(f"{path.relative_to(ROOT)}:{line} ({own}) imports {name} ({other})")
    assert not wrong, "\n".join(wrong)


def test_no_import_hides_a_cycle():
    # A lazy import "to avoid a cycle" within the package is a cycle all the same.
    hidden = []
    for path in sources():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if re.search(r"^\s+from \.+\w* import", line) and "cycle" in line.lower():
                hidden.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
            if re.search(r"^\s+from \.+\w* import.*#.*imports", line):
                hidden.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not hidden, "\n".join(hidden)


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_imported_package_is_declared():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {normalise(re.split(r"[<>=!~\[ ;]", spec)[0]) for spec in project["dependencies"]}
    distributions = packages_distributions()
    missing = set()
    for path in sources():
        for _, name in imports(path):
            top = name.split(".")[0]
            if not top or top == "letter_simplifier" or top in sys.stdlib_module_names:
                continue
            owners = {normalise(d) for d in distributions.get(top, [top])}
            if not owners & declared:
                missing.add(f"{top} ({', '.join(sorted(owners))})")
    assert not missing, sorted(missing)


def test_every_error_class_lives_in_errors_py():
    elsewhere = []
    for path in sources():
        if path.name == "errors.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef) and any(
                    getattr(base, "id", getattr(base, "attr", "")).endswith(
                        ("Error", "Exception", "Unavailable", "Schema", "Timeout"))
                    for base in node.bases):
                elsewhere.append(f"{path.relative_to(ROOT)}: {node.name}")
    assert not elsewhere, elsewhere
