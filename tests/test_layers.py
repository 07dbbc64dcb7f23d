"""The layers of bot/ (docs/architecture.md): each package imports only from its own layer or
the ones below, packages import each other without cycles, and the triage domain needs neither
Rasa nor a web framework nor a database, so it can be read and tested on its own."""

from __future__ import annotations

import ast
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

from tests.conftest import PROJECT_ROOT

# Lowest first. actions/ (Rasa SDK actions) sits with the Rasa plug-ins.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("bot.triage",),
    ("bot.pictures",),
    ("bot.config", "bot.redaction"),
    ("bot.storage",),
    ("bot.alerts",),
    ("bot.rasa_plugins", "actions"),
    ("bot.apps",),
    ("bot.ops",),
)
# Sub-layers whose own subpackages are the unit of the no-cycle rule.
SPLIT = ("bot.triage", "bot.rasa_plugins", "bot.apps", "bot.ops")
FRAMEWORKS = {"rasa", "rasa_sdk", "sanic", "starlette", "sqlalchemy", "telegram", "aiohttp",
              "httpx", "redis", "socketio", "psycopg2", "jinja2"}  # fmt: skip


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted([*PROJECT_ROOT.glob("bot/**/*.py"), *PROJECT_ROOT.glob("actions/**/*.py")]):
        name = ".".join(path.relative_to(PROJECT_ROOT).with_suffix("").parts)
        yield name.removesuffix(".__init__"), path


def imports(path: Path) -> Iterator[str]:
    """Every module a file imports, at the top or inside a function."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def layer_of(module: str) -> int | None:
    for index, prefixes in enumerate(LAYERS):
        if any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes):
            return index
    return None


def package_of(module: str) -> str:
    parts = module.split(".")
    if parts[0] == "actions":
        return "actions"
    if ".".join(parts[:2]) in SPLIT and len(parts) > 2:
        return ".".join(parts[:3])
    return ".".join(parts[:2])


def test_every_module_belongs_to_a_layer():
    assert [name for name, _ in modules() if name != "bot" and layer_of(name) is None] == []


def test_no_import_goes_up_a_layer():
    upward = [
        f"{name} imports {target}"
        for name, path in modules()
        for target in imports(path)
        if (layer_of(target) or 0) > (layer_of(name) or 0)
    ]
    assert upward == []


def test_packages_import_each_other_without_cycles():
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in modules():
        for target in imports(path):
            if layer_of(target) is not None and package_of(target) != package_of(name):
                graph[package_of(name)].add(package_of(target))
    cycles: list[list[str]] = []

    def visit(package: str, path: list[str]) -> None:
        for target in sorted(graph[package]):
            if target in path:
                cycles.append(path[path.index(target) :] + [target])
            else:
                visit(target, [*path, target])

    for package in sorted(graph):
        visit(package, [package])
    assert cycles == []


def test_the_triage_domain_imports_no_framework():
    found = [
        f"{name} imports {target}"
        for name, path in modules()
        if name.startswith("bot.triage")
        for target in imports(path)
        if target.split(".")[0] in FRAMEWORKS
    ]
    assert found == []
