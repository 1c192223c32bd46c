"""The harness and the grader stay easy to see and to change: checked from their source.

- No import cycle among the modules of harness/ and grading/ (and grader.py), counting imports
  inside functions too: a lazy import is still a dependency.
- No function longer than MAX_FUNCTION_LINES in any Python file of the project: the harness,
  the grader, the katas, the solutions, the benchmarks and these checks (the cheating
  submissions in tests/adversarial/ are data, not the project's code).
- Every limit has one home, harness/limits.py: no other module writes one of its values where
  a limit is written (a name for a limit, a time-out, a slice of a message, a help text).
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

from harness import limits

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("harness", "grading")
MAX_FUNCTION_LINES = 50
LIMITS_FILE = ROOT / "harness" / "limits.py"


def module_files() -> dict[str, Path]:
    """Every module of the harness and the grader, by its dotted name."""
    files = {"grader": ROOT / "grader.py"}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            parts = path.relative_to(ROOT).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            files[name] = path
    return files


MODULES = module_files()


def relative(path: Path) -> str:
    try:
        return path.relative_to(ROOT).as_posix()
    except ValueError:  # a scratch file of the checks' own
        return str(path)


# --- import cycles ---------------------------------------------------------------------------


def imported_modules(name: str, path: Path, known: set[str]) -> set[str]:
    """The modules among ``known`` that module ``name`` imports, anywhere in its code."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # a relative import
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # `from package import module` imports the module; `from module import name`, itself.
            found.update(
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base
                for alias in node.names
            )
    return {module for module in found if module in known and module != name}


def import_graph(files: dict[str, Path]) -> dict[str, set[str]]:
    known = set(files)
    return {name: imported_modules(name, path, known) for name, path in files.items()}


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle in ``graph`` as [a, b, ..., a], or None."""
    state: dict[str, str] = {}  # "open" while on the current path, "done" once explored
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = "open"
        path.append(module)
        for imported in sorted(graph[module]):
            if state.get(imported) == "open":
                return path[path.index(imported) :] + [imported]
            if imported not in state:
                cycle = visit(imported)
                if cycle:
                    return cycle
        path.pop()
        state[module] = "done"
        return None

    for module in sorted(graph):
        if module not in state:
            cycle = visit(module)
            if cycle:
                return cycle
    return None


def test_the_import_graph_is_read_from_the_source():
    graph = import_graph(MODULES)
    # The edges this check exists for: if these vanish, the graph is not being read.
    assert "harness.processes" in graph["harness.engine"]
    assert "harness.sandbox.framing" in graph["harness.sandbox.server"]
    assert "harness.sandbox.server" in graph["harness.sandbox.client"]  # imported in a function


def test_no_import_cycle_in_the_harness_or_the_grader():
    cycle = find_cycle(import_graph(MODULES))
    assert cycle is None, (
        "these modules import each other in a circle: " + " -> ".join(cycle) + ". Move what "
        "both need into a module of its own (as harness/processes.py does for process helpers)."
    )


def test_the_cycle_finder_finds_a_cycle():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": set(), "c": {"a", "b"}}) is None


POSIX_ONLY = ("resource", "fcntl", "pwd", "grp", "termios")
SANDBOX_SERVER = "harness.sandbox.server"


def top_level_imports(path: Path) -> set[str]:
    """Modules imported when ``path`` is imported: its imports outside functions."""
    found = set()

    def visit(node: ast.AST) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            if isinstance(child, ast.Import):
                found.update(alias.name for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module:
                found.add(child.module)
                found.update(f"{child.module}.{alias.name}" for alias in child.names)
            visit(child)

    visit(ast.parse(path.read_text()))
    return found


def test_posix_only_modules_load_only_with_the_sandbox_server():
    """A learner on Windows imports the plugin and the sandbox package, never the server."""
    for name, path in MODULES.items():
        imported = top_level_imports(path)
        if name != SANDBOX_SERVER:
            posix = sorted(m for m in imported if m.split(".")[0] in POSIX_ONLY)
            assert not posix, f"{relative(path)} imports {posix}: only the sandbox server may"
        assert SANDBOX_SERVER not in imported, (
            f"{relative(path)} imports the sandbox server when it is loaded: import it in the "
            "function that starts a sandbox"
        )
    assert "resource" in top_level_imports(MODULES[SANDBOX_SERVER])  # the check reads imports


# --- function length -------------------------------------------------------------------------


def long_functions(files) -> list[str]:
    found = []
    for path in files:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    found.append(f"{relative(path)}:{node.lineno} {node.name} ({length} lines)")
    return found


def project_files() -> list[Path]:
    """Every Python file the project writes, but the data that imitates cheaters."""
    environments = [cfg.parent for cfg in ROOT.glob("*/pyvenv.cfg")]  # .venv, whatever its name
    skipped = [*environments, ROOT / ".git", ROOT / "tests" / "adversarial"]
    return [
        path
        for path in sorted(ROOT.rglob("*.py"))
        if not any(path.is_relative_to(folder) for folder in skipped)
        and "site-packages" not in path.parts
    ]


def test_no_function_is_longer_than_the_limit():
    files = project_files()
    assert MODULES["grader"] in files and ROOT / "katas" / "04" / "test_quiz.py" in files
    too_long = long_functions(files)
    assert not too_long, (
        f"functions over {MAX_FUNCTION_LINES} lines: {too_long}. Split each along its steps."
    )


# --- one home for every limit ----------------------------------------------------------------


def limit_values() -> dict[str, float]:
    """Each limit's value, by name; 0 and 1 say nothing about where they came from."""
    values = {
        name: value
        for name, value in vars(limits).items()
        if name.isupper() and isinstance(value, (int, float)) and not isinstance(value, bool)
    }
    return {name: value for name, value in values.items() if value not in (0, 1)}


LIMIT_NAME = re.compile(r"TIMEOUT|LIMIT|SECONDS|MEMORY|BYTES", re.IGNORECASE)
LIMIT_KEYWORDS = {"timeout", "call_timeout", "seconds_per_kata", "default"}


ARITHMETIC = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Pow: lambda a, b: a**b,
}


def constant_value(node: ast.AST) -> float | None:
    """The value of a number or of arithmetic on numbers only (``2 * 1024**3``), else None."""
    if isinstance(node, ast.Constant):
        value = node.value
        return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    if isinstance(node, ast.BinOp) and type(node.op) in ARITHMETIC:
        left, right = constant_value(node.left), constant_value(node.right)
        if left is not None and right is not None:
            return ARITHMETIC[type(node.op)](left, right)
    return None


def numbers_in(node: ast.AST) -> list[float]:
    """The value of a constant expression, else every number written in the expression."""
    whole = constant_value(node)
    if whole is not None:
        return [whole]
    found = [constant_value(part) for part in ast.walk(node) if isinstance(part, ast.Constant)]
    return [value for value in found if value is not None]


def limit_sites(tree: ast.AST):
    """(line, value node) wherever a limit belongs: assigned to a limit's name, passed as a
    time-out or a default, a parameter's default, a fallback after ``or``, a slice's bound."""
    for node in ast.walk(tree):
        if isinstance(node, ast.arguments):
            yield from parameter_defaults(node)
        elif isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
            yield node.values[-1].lineno, node.values[-1]
        elif isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            if any(LIMIT_NAME.search(name) for name in names):
                yield node.lineno, node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if LIMIT_NAME.search(node.target.id) and node.value is not None:
                yield node.lineno, node.value
        elif isinstance(node, ast.keyword) and node.arg in LIMIT_KEYWORDS:
            yield node.value.lineno, node.value
        elif isinstance(node, ast.Slice):
            for bound in (node.lower, node.upper):
                if bound is not None:
                    operand = bound.operand if isinstance(bound, ast.UnaryOp) else bound
                    yield bound.lineno, operand


def parameter_defaults(arguments: ast.arguments):
    """(line, default) of each parameter named like a limit."""
    positional = [*arguments.posonlyargs, *arguments.args]
    with_defaults = positional[len(positional) - len(arguments.defaults) :]
    pairs = list(zip(with_defaults, arguments.defaults, strict=True))
    keyword_only = zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True)
    pairs += [(a, d) for a, d in keyword_only if d is not None]
    for parameter, default in pairs:
        if LIMIT_NAME.search(parameter.arg) or parameter.arg in LIMIT_KEYWORDS:
            yield default.lineno, default


def copied_limits(path: Path, values: dict[str, float]) -> list[str]:
    tree = ast.parse(path.read_text())
    found = []
    for line, node in limit_sites(tree):
        for value in numbers_in(node):
            for name, limit in values.items():
                copy = f"{relative(path)}:{line} writes {value!r} ({name})"
                if value == limit and copy not in found:  # one site may be reached twice
                    found.append(copy)
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            for name, limit in values.items():
                if name.startswith("SECONDS") and said_in_words(limit).search(node.value):
                    found.append(f"{relative(path)}:{node.lineno} says {limit:g} s ({name})")
    return found


def said_in_words(seconds: float) -> re.Pattern:
    """A time limit as a help text or message would state it: "10 s", "(default 10)"."""
    return re.compile(rf"(?<![\d.]){seconds:g}(\.0)? ?(s|sec|seconds)\b|default {seconds:g}\b")


CHECKED_FOR_LIMITS = [
    path
    for path in [*MODULES.values(), *sorted((ROOT / "benchmarks").glob("*.py"))]
    if path != LIMITS_FILE
]


@pytest.mark.parametrize("path", CHECKED_FOR_LIMITS, ids=relative)
def test_limits_are_written_only_in_the_limits_module(path):
    copies = copied_limits(path, limit_values())
    assert not copies, f"a limit written outside harness/limits.py: {copies}; import it instead"


def test_the_limit_check_finds_a_copied_limit(tmp_path):
    copied = tmp_path / "copied.py"
    copied.write_text(
        f"TEST_TIMEOUT = {limits.SECONDS_PER_TEST}\n"
        f"text = message[: {limits.MESSAGE_LIMIT}]\n"
        f"run(timeout={limits.SECONDS_PER_KATA})\n"
        f"memory = {limits.SANDBOX_MEMORY}\n"
        f"help = 'seconds one test may take (default {limits.SECONDS_PER_TEST})'\n"
        f"def run(kata, seconds_per_kata={limits.SECONDS_PER_KATA}): ...\n"
        f"seconds = option or {limits.SECONDS_PER_KATA}\n"
        f"call_timeout = {limits.SANDBOX_SHARE_OF_TEST} * seconds\n"
        "fine = [1, 2, 3][:2]\n"
    )
    assert len(copied_limits(copied, limit_values())) == 8


# How the README states each limit a learner meets; its number must be the limit's.
README_STATEMENTS = {
    r"Each test may take (\d+) seconds": "SECONDS_PER_TEST",
    r"after (\d+) seconds per kata": "SECONDS_PER_KATA",
}


@pytest.mark.parametrize("statement", README_STATEMENTS)
def test_the_readme_states_the_limits_as_they_are(statement):
    name = README_STATEMENTS[statement]
    found = re.findall(statement, (ROOT / "README.md").read_text())
    assert found, f"the README no longer says {statement!r}: state {name} there, or update this"
    assert {float(n) for n in found} == {getattr(limits, name)}, (
        f"the README says {found} where harness/limits.py's {name} is {getattr(limits, name)}"
    )


def test_pyproject_leaves_the_time_limit_to_the_harness():
    settings = tomllib.loads((ROOT / "pyproject.toml").read_text())
    pytest_settings = settings["tool"]["pytest"]["ini_options"]
    assert "timeout" not in pytest_settings, (
        "pyproject.toml sets pytest's timeout: harness/plugin.py sets it from harness/limits.py"
    )
