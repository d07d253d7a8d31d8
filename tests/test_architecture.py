"""The floor plan of docs/architecture.md, enforced: each layer imports only from the layers
below it, no import cycle, and no migration imports claimtrack (a migration must replay the
same way forever)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "claimtrack"
# Bottom to top; packages on one line are one layer and must not import each other.
LAYERS = [
    ("core",),
    ("models",),
    ("formats", "extract", "fetch"),
    ("store",),
    ("services",),
    ("interchange",),
    ("render",),
    # The web app: the cli starts it (`claimtrack serve`), so it sits just below the cli and
    # never imports it.
    ("web",),
    ("cli",),
]
RANK = {package: rank for rank, names in enumerate(LAYERS) for package in names}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path) -> set[str]:
    """Every claimtrack module ``path`` imports, at any depth (lazy imports count too)."""
    name = module_name(path) if path.is_relative_to(ROOT) else path.stem
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".")[: len(name.split(".")) - node.level + is_package]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module or ""
            found.add(target)
            found.update(f"{target}.{alias.name}" for alias in node.names)
    return {module for module in found if module.startswith("claimtrack")} - {name}


def modules() -> dict[str, set[str]]:
    known = {module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {
        name: {module for module in imported_modules(path) if module in known}
        for name, path in known.items()
    }


def layer(module: str) -> str | None:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in RANK else None


def test_every_package_has_a_layer() -> None:
    packages = {p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file()}
    assert packages <= set(RANK), f"give {packages - set(RANK)} a layer in docs/architecture.md"


def test_no_module_imports_a_layer_above_its_own_or_a_sibling() -> None:
    wrong = []
    for module, imports in modules().items():
        own = layer(module)
        for target in imports:
            theirs = layer(target)
            if own is None or theirs is None or own == theirs:
                continue
            if RANK[theirs] >= RANK[own]:
                wrong.append(f"{module} imports {target}")
    assert not wrong, "\n".join(sorted(wrong))


def test_the_package_root_imports_nothing_at_start_up() -> None:
    """``import claimtrack`` (and so ``claimtrack --help``) loads no layer: names are lazy."""
    tree = ast.parse((PACKAGE / "__init__.py").read_text(encoding="utf-8"))
    eager = [
        node for node in tree.body
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("claimtrack")
    ]
    assert not eager


def test_no_import_cycles() -> None:
    graph = modules()
    cycles = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                cycles.append(" -> ".join([*path[path.index(target):], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    # A package __init__ that imports its own submodules is not a cycle of design.
    cycles = [c for c in cycles if not _package_and_child(c)]
    assert not cycles, "\n".join(cycles)


def _package_and_child(cycle: str) -> bool:
    first, *_ = cycle.split(" -> ")
    return all(part == first or part.startswith(first + ".") for part in cycle.split(" -> "))


@pytest.mark.parametrize(
    "migration", sorted((ROOT / "alembic" / "versions").glob("*.py")), ids=lambda p: p.name
)
def test_migrations_import_no_claimtrack_code(migration: Path) -> None:
    assert not imported_modules(migration), (
        f"{migration.name} imports claimtrack: copy what it needs into the migration, frozen"
    )


def test_the_check_itself_catches_an_upward_import(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from claimtrack.render.rows import LISTING\n", encoding="utf-8")
    assert imported_modules(bad) >= {"claimtrack.render.rows"}


def test_the_public_api_is_what_all_says_and_every_name_loads() -> None:
    import claimtrack

    assert set(claimtrack.__all__) == {"__version__", *claimtrack._EXPORTS}
    for name in claimtrack.__all__:
        assert getattr(claimtrack, name) is not None
