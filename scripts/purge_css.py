#!/usr/bin/env python3
"""Keep only the NL Design System CSS this site uses (run at vendor time; users need nothing).

Input: the full upstream files in frontend/upstream/utrecht/ (copied from npm by
scripts/vendor-frontend.sh, committed so that this step needs Python only). Output: the served files
in veerkracht/static/vendor/utrecht/.

How it decides:

* Used classes are every `utrecht-…` name written anywhere in `veerkracht/**/*.html` (templates and
  allauth elements) and `veerkracht/**/*.py` (form widget attrs, SVG classes, presenters), tests and
  migrations left out. A name cut
  off by template code or an f-string (`utrecht-alert--{{ level }}`, ends in `-` or `_`) keeps every
  class that starts with it; write full class names in templates to keep the CSS small.
* Component library: a selector in a rule's selector list stays when every `utrecht-…` class in it
  (outside `:not()`, `:is()`, `:where()`, `:has()`, which may match without it) is used; a rule stays
  with its remaining selectors. `@media`, `@supports`, `@container` and `@layer` keep the rules inside
  that stay; `@font-face`, `@property`, `@page` stay; `@keyframes` stay when the kept CSS names them.
  Licence comments are kept at the top.
* Design tokens: a custom property stays when the kept library, our own veerkracht.css or the
  templates/Python code refer to it with `var(--…)`, also through other tokens (transitively).

Usage: scripts/purge_css.py            write the purged files
       scripts/purge_css.py --check    exit 1 when the served files are not what the purge makes
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import tinycss2
from tinycss2 import ast

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "frontend" / "upstream" / "utrecht"
TARGET_DIR = ROOT / "veerkracht" / "static" / "vendor" / "utrecht"
OWN_CSS = ROOT / "veerkracht" / "static" / "css" / "veerkracht.css"
COMPONENTS = "component-library.css"
TOKENS = "design-tokens.css"

CLASS_PREFIX = "utrecht-"
CLASS_WORD = re.compile(r"utrecht-[A-Za-z0-9_-]*")
VAR_REF = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
# Pseudo-classes that can match without the classes inside them.
OPTIONAL_INSIDE = {"not", "is", "where", "has", "matches", "-webkit-any", "-moz-any"}
NESTING_AT_RULES = {"media", "supports", "container", "layer", "document"}
KEPT_AT_RULES = {"font-face", "property", "page", "counter-style", "font-feature-values"}


@dataclass(frozen=True)
class Usage:
    """What the code uses: full class names, cut-off names (prefixes) and token references."""

    classes: frozenset[str]
    prefixes: frozenset[str]
    var_refs: frozenset[str]

    def uses(self, name: str) -> bool:
        return name in self.classes or any(name.startswith(p) for p in self.prefixes)


def source_files(root: Path = ROOT) -> list[Path]:
    package = root / "veerkracht"
    return sorted(
        path
        for pattern in ("**/*.html", "**/*.py")
        for path in package.glob(pattern)
        if not {"migrations", "tests"} & set(path.parts)
    )


def find_usage(texts: list[str]) -> Usage:
    classes, prefixes, var_refs = set(), set(), set()
    for text in texts:
        for word in CLASS_WORD.findall(text):
            (prefixes if word.endswith(("-", "_")) else classes).add(word)
        var_refs.update(VAR_REF.findall(text))
    prefixes.discard(CLASS_PREFIX)  # "utrecht-" alone (e.g. in this kind of comment) is no use
    return Usage(frozenset(classes), frozenset(prefixes), frozenset(var_refs))


def usage_in_code(root: Path = ROOT) -> Usage:
    return find_usage([path.read_text(encoding="utf-8") for path in source_files(root)])


# ------------------------------------------------------------------------------ component library
def _split_selectors(prelude: list) -> list[list]:
    selectors, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    selectors.append(current)
    return selectors


def required_classes(selector: list) -> set[str]:
    """Class names a selector needs to match, leaving out those inside :not()/:is()/…"""
    names = set()
    for before, token in zip([None, *selector], selector, strict=False):
        if token.type == "ident" and before is not None and before.type == "literal" and before.value == ".":
            names.add(token.value)
    return {name for name in names if name.startswith(CLASS_PREFIX)}


def _selector_kept(selector: list, usage: Usage) -> bool:
    # Function tokens (":not(…)" etc.) are nested nodes, so only top-level classes count.
    return all(usage.uses(name) for name in required_classes(selector))


def compact(tokens: list) -> list:
    """Whitespace runs become one space; none after `,` `;` `:`, before `;` or at the ends of a block."""
    result: list = []
    for token in tokens:
        if token.type == "whitespace":
            if result and not (result[-1].type == "literal" and result[-1].value in ",;:"):
                result.append(ast.WhitespaceToken(token.source_line, token.source_column, " "))
            continue
        if token.type == "literal" and token.value == ";" and result and result[-1].type == "whitespace":
            result.pop()
        if token.type == "function":
            token.arguments = compact(token.arguments)
        elif token.type in {"() block", "[] block", "{} block"}:
            token.content = compact(token.content)
        result.append(token)
    while result and result[-1].type == "whitespace":
        result.pop()
    return result


def _serialize(tokens: list) -> str:
    return tinycss2.serialize(compact(list(tokens))).strip()


def _purge_rules(rules: list, usage: Usage) -> list[str]:
    kept: list[str] = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = [s for s in _split_selectors(rule.prelude) if _selector_kept(s, usage)]
            if selectors:
                prelude = ",".join(_serialize(s) for s in selectors)
                kept.append(f"{prelude}{{{_serialize(rule.content)}}}")
        elif rule.type == "at-rule":
            kept += _purge_at_rule(rule, usage)
    return kept


def _purge_at_rule(rule: ast.AtRule, usage: Usage) -> list[str]:
    head = f"@{rule.at_keyword} {_serialize(rule.prelude)}".strip()
    if rule.content is None:
        return [] if rule.lower_at_keyword == "charset" else [f"{head};"]
    if rule.lower_at_keyword in NESTING_AT_RULES:
        inner = _purge_rules(_parse_rules(rule.content), usage)
        return [f"{head}{{\n" + "\n".join(inner) + "\n}"] if inner else []
    # @keyframes are filtered once the kept CSS is known; everything else stays as it is.
    return [f"{head}{{{_serialize(rule.content)}}}"]


def _parse_rules(content: list) -> list:
    return tinycss2.parse_rule_list(content, skip_comments=True, skip_whitespace=True)


def _licence_notices(nodes: list) -> list[str]:
    notices: list[str] = []
    for node in nodes:
        if node.type == "comment" and "@license" in node.value:
            text = f"/*{node.value}*/"
            if text not in notices:
                notices.append(text)
    return notices


def _drop_unused_keyframes(blocks: list[str]) -> list[str]:
    keyframes = re.compile(r"@(?:-webkit-)?keyframes\s+([A-Za-z0-9_-]+)")
    others = "\n".join(b for b in blocks if not keyframes.match(b))
    return [b for b in blocks if not (m := keyframes.match(b)) or re.search(rf"\b{m.group(1)}\b", others)]


def purge_components(css: str, usage: Usage) -> str:
    nodes = tinycss2.parse_stylesheet(css, skip_comments=False, skip_whitespace=True)
    rules = [n for n in nodes if n.type != "comment"]
    blocks = _drop_unused_keyframes(_purge_rules(rules, usage))
    header = [
        '@charset "UTF-8";',
        "/* Only the rules Veerkracht uses, made by scripts/purge_css.py from",
        "   frontend/upstream/utrecht/component-library.css (do not edit; rerun the script). */",
    ]
    return "\n".join(header + _licence_notices(nodes) + blocks) + "\n"


# ------------------------------------------------------------------------------- design tokens
def _declarations(rule: ast.QualifiedRule) -> list:
    return tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)


def _token_definitions(rules: list) -> dict[str, set[str]]:
    """Every custom property the tokens define, with the properties its value(s) refer to."""
    defined: dict[str, set[str]] = {}
    for rule in rules:
        for decl in _declarations(rule) if rule.type == "qualified-rule" else []:
            if decl.type == "declaration" and decl.name.startswith("--"):
                refs = set(VAR_REF.findall(tinycss2.serialize(decl.value)))
                defined.setdefault(decl.name, set()).update(refs)
    return defined


def needed_tokens(defined: dict[str, set[str]], roots: set[str]) -> set[str]:
    needed, todo = set(), list(roots)
    while todo:
        name = todo.pop()
        if name in needed:
            continue
        needed.add(name)
        todo += defined.get(name, ())
    return needed


def _serialize_declaration(decl) -> str:
    important = " !important" if decl.important else ""
    return f"{decl.name}:{_serialize(decl.value)}{important};"


def purge_tokens(css: str, roots: set[str]) -> str:
    nodes = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    needed = needed_tokens(_token_definitions(nodes), roots)
    blocks = []
    for rule in nodes:
        if rule.type != "qualified-rule":
            blocks.append(_serialize([rule]))
            continue
        lines = [
            _serialize_declaration(decl)
            for decl in _declarations(rule)
            if decl.type == "declaration" and (not decl.name.startswith("--") or decl.name in needed)
        ]
        if lines:
            blocks.append(_serialize(rule.prelude) + "{\n" + "\n".join(lines) + "\n}")
    header = (
        "/* Only the design tokens Veerkracht's CSS refers to, made by scripts/purge_css.py from\n"
        "   frontend/upstream/utrecht/design-tokens.css (do not edit; rerun the script).\n"
        "   @license EUPL-1.2, NL Design System example theme (see LICENSE-design-tokens.md). */"
    )
    return "\n".join([header, *blocks]) + "\n"


# ------------------------------------------------------------------------------------- command
def build(root: Path = ROOT) -> dict[str, str]:
    """The purged files by name, from the full upstream files and the code under `root`."""
    source = root / SOURCE_DIR.relative_to(ROOT)
    usage = usage_in_code(root)
    components = purge_components((source / COMPONENTS).read_text(encoding="utf-8"), usage)
    own_css = (root / OWN_CSS.relative_to(ROOT)).read_text(encoding="utf-8")
    roots = set(usage.var_refs) | set(VAR_REF.findall(components)) | set(VAR_REF.findall(own_css))
    tokens = purge_tokens((source / TOKENS).read_text(encoding="utf-8"), roots)
    return {COMPONENTS: components, TOKENS: tokens}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check that the served files are current")
    args = parser.parse_args(argv)
    stale = []
    for name, text in build().items():
        target = TARGET_DIR / name
        before = target.read_text(encoding="utf-8") if target.exists() else ""
        if args.check:
            stale += [name] if before != text else []
            continue
        target.write_text(text, encoding="utf-8")
        full = (SOURCE_DIR / name).stat().st_size
        print(f"purge_css: {name}: {full:,} -> {len(text.encode()):,} bytes")  # noqa: T201
    if stale:
        print(f"purge_css: out of date: {', '.join(stale)}; run scripts/purge_css.py", file=sys.stderr)  # noqa: T201
    return 1 if stale else 0


if __name__ == "__main__":
    raise SystemExit(main())
