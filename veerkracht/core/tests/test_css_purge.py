"""The served NL Design System CSS holds every rule the site uses (scripts/purge_css.py)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from django import forms

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = ROOT / "veerkracht" / "static" / "vendor" / "utrecht"


def _load_purge():
    spec = importlib.util.spec_from_file_location("purge_css", ROOT / "scripts" / "purge_css.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


purge = _load_purge()


def _full(name: str = "component-library.css") -> str:
    return (purge.SOURCE_DIR / name).read_text(encoding="utf-8")


def _shipped(name: str = "component-library.css") -> str:
    return (SHIPPED / name).read_text(encoding="utf-8")


def assert_served_css_has_all_rules_for(usage) -> None:
    """Every rule of the full library that can match these classes is also in the served CSS."""
    from_full = purge.purge_components(_full(), usage)
    from_shipped = purge.purge_components(_shipped(), usage)
    assert from_full == from_shipped, "the served CSS lost rules in use: run `make css` and commit the result"


def test_the_served_css_is_what_the_purge_makes_of_the_current_code():
    built = purge.build()
    for name, text in built.items():
        assert _shipped(name) == text, (
            f"{name} is out of date with the templates and code: run `make css` and commit the result"
        )


def test_every_class_written_in_templates_and_code_keeps_its_rules():
    usage = purge.usage_in_code()
    assert not usage.prefixes, f"write full class names, not cut-off ones: {sorted(usage.prefixes)}"
    assert_served_css_has_all_rules_for(usage)


class _AllWidgets(forms.Form):
    text = forms.CharField()
    number = forms.IntegerField()
    email = forms.EmailField()
    date = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))
    area = forms.CharField(widget=forms.Textarea)
    choice = forms.ChoiceField(choices=[("a", "A")])
    choices = forms.MultipleChoiceField(choices=[("a", "A")])
    radio = forms.ChoiceField(choices=[("a", "A")], widget=forms.RadioSelect)
    boxes = forms.MultipleChoiceField(choices=[("a", "A")], widget=forms.CheckboxSelectMultiple)
    agree = forms.BooleanField()


@pytest.mark.parametrize("data", [{}, {"number": "x", "email": "x", "date": "x", "choice": "zz"}])
def test_rendered_forms_with_and_without_errors_keep_their_rules(data):
    """Classes the renderer builds at run time (e.g. `--invalid` on a widget) are in the served CSS."""
    form = _AllWidgets(data=data) if data else _AllWidgets()
    if data:
        assert not form.is_valid()
    html = str(form)
    rendered = set(re.findall(r"utrecht-[A-Za-z0-9_-]+", " ".join(re.findall(r'class="([^"]*)"', html))))
    assert {"utrecht-select--invalid", "utrecht-textbox--invalid"} <= rendered or not data
    assert_served_css_has_all_rules_for(purge.Usage(frozenset(rendered), frozenset(), frozenset()))


def test_the_purge_keeps_media_supports_and_font_face_and_drops_unused_selectors():
    usage = purge.find_usage(['<p class="utrecht-used utrecht-used--big">', 'attrs={"class": "utrecht-py"}'])
    css = """
    @charset "UTF-8";
    /** @license EUPL-1.2 Copyright */
    .utrecht-used { color: var(--a); animation: spin 1s; }
    .utrecht-unused, .utrecht-used--big:not(.utrecht-unused) { color: red; }
    .utrecht-used .utrecht-unused { color: blue; }
    @media (forced-colors: active) { .utrecht-py { color: CanvasText; } .utrecht-gone { color: red; } }
    @supports (display: grid) { .utrecht-gone { display: grid; } }
    @font-face { font-family: X; src: url(x.woff2); font-display: swap; }
    @keyframes spin { to { rotate: 1turn; } }
    @keyframes unused-fade { to { opacity: 0; } }
    """
    out = purge.purge_components(css, usage)
    assert ".utrecht-used{" in out
    assert ".utrecht-used--big:not(.utrecht-unused){color:red;}" in out
    assert ".utrecht-unused," not in out and ".utrecht-used .utrecht-unused" not in out
    assert "@media (forced-colors:active){\n.utrecht-py{color:CanvasText;}\n}" in out
    assert "@supports" not in out and "utrecht-gone" not in out
    assert "@font-face{font-family:X;src:url(x.woff2);font-display:swap;}" in out
    assert "@keyframes spin" in out and "unused-fade" not in out
    assert "@license EUPL-1.2" in out
    assert out.startswith('@charset "UTF-8";')


def test_the_purge_keeps_tokens_referred_to_also_through_other_tokens():
    css = ".theme { --a: var(--b); --b: var(--c, var(--d)); --c: 1px; --d: red; --e: 0; color: red; }"
    out = purge.purge_tokens(css, {"--a"})
    for kept in ("--a:var(--b);", "--b:var(--c,var(--d));", "--c:1px;", "--d:red;", "color:red;"):
        assert kept in out
    assert "--e" not in out


def test_cut_off_class_names_keep_every_class_they_could_become():
    usage = purge.find_usage(['<div class="utrecht-alert--{{ level }}">'])
    assert usage.prefixes == {"utrecht-alert--"}
    out = purge.purge_components(".utrecht-alert--error{color:red}.utrecht-button{color:blue}", usage)
    assert ".utrecht-alert--error" in out and "utrecht-button" not in out
