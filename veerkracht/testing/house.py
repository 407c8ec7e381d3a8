"""The house rules, measured from the code itself (DESIGN.md, "Layout").

Used by the house-style tests (``core/tests/test_house_style.py``) and, as a report, by
``python -m veerkracht.testing.house``: view lines that query the ORM, functions over 60 lines,
imports that point up the house or into another domain app, and repeated blocks of six lines.

Layers, from the bottom: ``lib`` (plain helpers) → ``core`` → ``regions`` → ``accounts`` → the domain
apps (every other app). An import may point down or stay inside its own app. A domain app may use
another domain app only through its ``selectors`` (reads) and ``services`` (writes).
"""

from __future__ import annotations

import ast
import hashlib
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
PACKAGE = "veerkracht"
LAYERS = {"lib": 0, "core": 1, "regions": 2, "accounts": 3}
DOMAIN_LAYER = 4
# Project wiring at the top of the package: it may import anything.
WIRING = {"settings", "urls", "wsgi", "asgi", "testing"}
# What one domain app may import from another.
PUBLIC_SURFACE = ("selectors", "services")
LAYER_SUFFIXES = ("models", "views", "forms", "services", "selectors", "permissions", "urls")
MAX_FUNCTION_LINES = 60
MAX_VIEW_LINES = 40
ORM_CALL = re.compile(
    r"\.objects\b|\.(filter|exclude|select_related|prefetch_related|values_list|annotate|aggregate"
    r"|only|defer|order_by|in_bulk|get_or_create|update_or_create|bulk_create)\(|\.(exists|count)\(\)"
)


@dataclass(frozen=True)
class Import:
    source: str  # dotted module that imports
    target: str  # dotted module imported
    line: int

    @property
    def text(self) -> str:
        return f"{self.source}:{self.line} imports {self.target}"


def app_of(module: str) -> str | None:
    """The first package under veerkracht (``veerkracht.actioncentre.views`` → ``actioncentre``)."""
    parts = module.split(".")
    if len(parts) < 2 or parts[0] != PACKAGE:
        return None
    return parts[1]


def layer_of(app: str) -> int:
    return LAYERS.get(app, DOMAIN_LAYER)


def is_test_module(module: str) -> bool:
    parts = module.split(".")
    return "tests" in parts or "migrations" in parts or (len(parts) > 1 and parts[1] == "testing")


def module_name(path: Path, root: Path = ROOT) -> str:
    relative = path.relative_to(root).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def source_files(root: Path = ROOT) -> Iterator[Path]:
    yield from sorted((root / PACKAGE).rglob("*.py"))


def imports_in(source: str, module: str, *, is_package: bool = False) -> list[Import]:
    """Every import in `source` (also inside functions), resolved to absolute dotted names."""
    found = []
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [Import(module, alias.name, node.lineno) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*anchor, base]) if base else ".".join(anchor)
            # `from pkg import name` may import a submodule: count both the package and pkg.name.
            found += [Import(module, f"{base}.{alias.name}", node.lineno) for alias in node.names]
    return found


def project_imports(root: Path = ROOT) -> list[Import]:
    """Imports of the project, each target cut to the project module it names (not the name in it)."""
    result = []
    modules = {module_name(path, root) for path in source_files(root)}
    for path in source_files(root):
        module = module_name(path, root)
        for item in imports_in(
            path.read_text(encoding="utf-8"), module, is_package=path.name == "__init__.py"
        ):
            target = item.target
            while target not in modules and "." in target and target.startswith(f"{PACKAGE}."):
                target = target.rpartition(".")[0]
            result.append(Import(item.source, target, item.line))
    return sorted(set(result), key=lambda i: (i.source, i.line, i.target))


def _through_public_surface(target: str) -> bool:
    parts = target.split(".")
    return len(parts) > 2 and parts[2] in PUBLIC_SURFACE


def house_violations(imports: Iterable[Import]) -> dict[str, list[str]]:
    """{"upward": [...], "across": [...]} for the imports of non-test code."""
    upward, across = [], []
    for item in imports:
        if is_test_module(item.source):
            continue
        source_app, target_app = app_of(item.source), app_of(item.target)
        if source_app is None or target_app is None or source_app == target_app:
            continue
        if source_app in WIRING or target_app in WIRING:
            if target_app == "testing" and source_app not in WIRING:
                upward.append(item.text)
            continue
        source_layer, target_layer = layer_of(source_app), layer_of(target_app)
        if target_layer > source_layer:
            upward.append(item.text)
        elif source_layer == target_layer == DOMAIN_LAYER and not _through_public_surface(item.target):
            across.append(item.text)
    return {"upward": sorted(set(upward)), "across": sorted(set(across))}


def test_module_imports(imports: Iterable[Import]) -> list[str]:
    """Test modules that import another test module (shared helpers belong in factories/conftest)."""
    bad = []
    for item in imports:
        if not is_test_module(item.source):
            continue
        parts = item.target.split(".")
        if "tests" in parts and parts[-1].startswith("test_"):
            bad.append(item.text)
    return sorted(set(bad))


def suffix_files(root: Path = ROOT) -> list[str]:
    """Modules named like `forms_requests.py`: a layer split by suffix instead of a layer package."""
    pattern = re.compile(rf"^({'|'.join(LAYER_SUFFIXES)})_\w+\.py$")
    return [
        str(path.relative_to(root))
        for path in source_files(root)
        if pattern.match(path.name) and not is_test_module(module_name(path, root))
    ]


def is_view_module(module: str) -> bool:
    parts = module.split(".")
    return "views" in parts or parts[-1].startswith("views_") or parts[-1] == "api"


@dataclass(frozen=True)
class Function:
    module: str
    name: str
    line: int
    length: int

    @property
    def text(self) -> str:
        return f"{self.module}:{self.line} {self.name} ({self.length} lines)"


def functions(root: Path = ROOT) -> list[Function]:
    result = []
    for path in source_files(root):
        module = module_name(path, root)
        if is_test_module(module):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                # From the `def` line: a decorator (an API operation's documentation) is not the body.
                result.append(Function(module, node.name, node.lineno, node.end_lineno - node.lineno + 1))
    return result


def orm_lines_in_views(root: Path = ROOT) -> list[str]:
    found = []
    for path in source_files(root):
        module = module_name(path, root)
        if is_test_module(module) or not is_view_module(module):
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            code = line.split("#", 1)[0]
            if ORM_CALL.search(code):
                found.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
    return found


_SKIP_LINE = re.compile(r"^(#|from \S+ import|import |[\[\](){},:;]*$)")


def repeated_blocks(root: Path = ROOT, *, size: int = 6) -> list[tuple[str, str]]:
    """Pairs of places in non-test Python code that share `size` identical lines (blank lines,
    comments, imports and lone brackets left out, white space folded). One pair per maximal run."""
    windows: dict[str, list[tuple[str, int]]] = defaultdict(list)
    for path in source_files(root):
        module = module_name(path, root)
        if is_test_module(module):
            continue
        source = path.read_text(encoding="utf-8")
        in_imports = {
            number
            for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Import | ast.ImportFrom)
            for number in range(node.lineno, node.end_lineno + 1)
        }
        lines = []
        for number, raw in enumerate(source.splitlines(), start=1):
            text = " ".join(raw.split())
            if text and number not in in_imports and not _SKIP_LINE.match(text):
                lines.append((number, text))
        for i in range(len(lines) - size + 1):
            digest = hashlib.sha1("\n".join(t for _n, t in lines[i : i + size]).encode()).hexdigest()  # noqa: S324 - not security
            windows[digest].append((str(path.relative_to(root)), lines[i][0]))
    pairs: set[tuple[str, str]] = set()
    seen_runs: set[tuple[str, str, int]] = set()
    for places in windows.values():
        if len(places) < 2:
            continue
        first = places[0]
        for other in places[1:]:
            # Collapse overlapping windows of one run: key by file pair and line offset.
            key = (first[0], other[0], other[1] - first[1])
            if key in seen_runs:
                continue
            seen_runs.add(key)
            pairs.add((f"{first[0]}:{first[1]}", f"{other[0]}:{other[1]}"))
    return sorted(pairs)


def report(root: Path = ROOT) -> dict[str, int]:
    imports = project_imports(root)
    violations = house_violations(imports)
    funcs = functions(root)
    views = [f for f in funcs if is_view_module(f.module) and not f.name.startswith("_")]
    return {
        "view lines that query the ORM": len(orm_lines_in_views(root)),
        f"functions over {MAX_FUNCTION_LINES} lines": sum(f.length > MAX_FUNCTION_LINES for f in funcs),
        f"views over {MAX_VIEW_LINES} lines": sum(f.length > MAX_VIEW_LINES for f in views),
        "imports up the house": len(violations["upward"]),
        "imports into another domain app (not selectors/services)": len(violations["across"]),
        "suffix files (forms_x.py)": len(suffix_files(root)),
        "test modules importing test modules": len(test_module_imports(imports)),
        "repeated blocks of 6+ lines": len(repeated_blocks(root)),
    }


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    root = ROOT
    for name, value in report(root).items():
        print(f"{value:6d}  {name}")  # noqa: T201 - a command-line report
    if verbose:
        imports = project_imports(root)
        violations = house_violations(imports)
        sections = {
            "ORM in views": orm_lines_in_views(root),
            "long functions": [f.text for f in functions(root) if f.length > MAX_FUNCTION_LINES],
            "upward": violations["upward"],
            "across": violations["across"],
            "suffix files": suffix_files(root),
            "test imports": test_module_imports(imports),
            "repeated": [f"{a} ~ {b}" for a, b in repeated_blocks(root)],
        }
        for title, items in sections.items():
            print(f"\n{title}:")  # noqa: T201
            for item in items:
                print(f"  {item}")  # noqa: T201
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
