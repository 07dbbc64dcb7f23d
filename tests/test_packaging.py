"""Every third-party package that the installed code (bot/, actions/, bench/) imports is declared
in pyproject.toml's `[project] dependencies`, not only brought along by Rasa or by the dev tools:
a production install (`pip install .`, no extras) must have it."""

from __future__ import annotations

import ast
import fnmatch
import subprocess
import sys
from collections import defaultdict
from collections.abc import Iterator
from functools import cache
from importlib.metadata import distributions, packages_distributions
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10: pytest's own dependency
    import tomli as tomllib

PROJECT_ROOT = Path(__file__).resolve().parent.parent
INSTALLED_PACKAGES = ("bot", "actions", "bench")
# Imports that need another package's optional dependency, which the import itself does not name.
NEEDS = {"starlette.templating": "jinja2"}


def imports(path: Path) -> Iterator[str]:
    """The absolute modules that a file imports, wherever in the file (functions too)."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def third_party_imports() -> dict[str, set[str]]:
    """Top-level module -> the files importing it, without the standard library and our own."""
    found: dict[str, set[str]] = defaultdict(set)
    for package in INSTALLED_PACKAGES:
        for path in sorted((PROJECT_ROOT / package).rglob("*.py")):
            where = str(path.relative_to(PROJECT_ROOT))
            for module in imports(path):
                top = module.partition(".")[0]
                if top in sys.stdlib_module_names or top in INSTALLED_PACKAGES:
                    continue
                found[top].add(where)
                if module in NEEDS:
                    found[NEEDS[module]].add(f"{where} ({module})")
    return found


@cache
def distributions_of_modules() -> dict[str, set[str]]:
    """Top-level module -> the distributions installing it.

    Python 3.10's packages_distributions() reads only top_level.txt, which wheels not built by
    setuptools (httpx, starlette, ...) lack: their top-level names come from their file lists.
    """
    found: dict[str, set[str]] = defaultdict(set)
    for module, names in packages_distributions().items():
        found[module].update(canonicalize_name(name) for name in names)
    for distribution in distributions():
        name = canonicalize_name(distribution.metadata["Name"])
        for file in distribution.files or ():
            top = file.parts[0]
            if top.endswith((".dist-info", ".egg-info", ".data", ".pth")) or top in ("..", "/"):
                continue
            if len(file.parts) == 1:
                if not file.name.endswith((".py", ".so", ".pyd")):
                    continue
                top = file.name.partition(".")[0]
            found[top].add(name)
    return found


def pyproject() -> dict:
    return tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())


def declared() -> set[str]:
    return {
        canonicalize_name(Requirement(line).name) for line in pyproject()["project"]["dependencies"]
    }


def undeclared_imports() -> dict[str, str]:
    """Imported top-level module -> why the declared dependencies do not cover it."""
    dependencies = declared()
    modules = distributions_of_modules()
    problems: dict[str, str] = {}
    for top, files in sorted(third_party_imports().items()):
        owners = modules.get(top, set())
        more = f" and {len(files) - 3} more" if len(files) > 3 else ""
        where = ", ".join(sorted(files)[:3]) + more
        if not owners:
            problems[top] = f"no installed distribution provides it (imported by {where})"
        elif not owners & dependencies:
            problems[top] = f"{' or '.join(sorted(owners))}, imported by {where}"
    return problems


def test_every_third_party_import_is_a_declared_dependency():
    problems = undeclared_imports()
    assert not problems, "not in [project] dependencies of pyproject.toml:\n" + "\n".join(
        f"  {module}: {why}" for module, why in problems.items()
    )


def test_the_check_sees_imports_in_functions_and_the_distribution_behind_them():
    # bench/run.py imports psycopg2 inside a function; the distribution is psycopg2-binary.
    assert "bench/run.py" in third_party_imports()["psycopg2"]
    assert "psycopg2-binary" in distributions_of_modules()["psycopg2"]
    # Without top_level.txt: found from the distribution's file list.
    assert "httpx" in distributions_of_modules()["httpx"]


def test_the_dev_tools_are_not_runtime_dependencies():
    assert not declared() & {"pytest", "pytest-asyncio", "ruff", "mypy", "playwright"}


def package_files() -> list[Path]:
    """The files of the packages as the repository has them (not results or caches beside them)."""
    try:
        listed = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard", "--"]
            + list(INSTALLED_PACKAGES),
            cwd=PROJECT_ROOT,
            capture_output=True,
            check=True,
        ).stdout.decode()
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    return [PROJECT_ROOT / name for name in sorted(listed.split("\0")) if name]


def test_every_data_file_of_the_packages_is_installed():
    # `pip install .` copies only what [tool.setuptools.package-data] names (every folder is a
    # package: namespace packages are found); the review app's templates were once left out.
    patterns = pyproject()["tool"]["setuptools"]["package-data"]
    missing = []
    for path in package_files():
        if path.suffix == ".py" or not path.is_file():
            continue
        relative = path.relative_to(PROJECT_ROOT)
        in_any_package = any(fnmatch.fnmatch(path.name, p) for p in patterns.get("*", []))
        in_its_package = any(
            relative.is_relative_to(key.replace(".", "/"))
            and fnmatch.fnmatch(str(relative.relative_to(key.replace(".", "/"))), p)
            for key, listed in patterns.items()
            if key != "*"
            for p in listed
        )
        if not (in_any_package or in_its_package):
            missing.append(str(relative))
    assert not missing, f"not in [tool.setuptools.package-data]: {missing}"
