"""Every Django form renders with NL Design System (Utrecht) classes, labels and error summary."""

from __future__ import annotations

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# (classes, extra class when the field has errors) per widget. Full class names only:
# scripts/purge_css.py keeps the NL Design System CSS of the class names written in the code.
WIDGET_CLASSES = {
    forms.CheckboxInput: ("utrecht-checkbox utrecht-checkbox--html-input", "utrecht-checkbox--invalid"),
    forms.Select: ("utrecht-select utrecht-select--html-select", "utrecht-select--invalid"),
    forms.SelectMultiple: ("utrecht-select utrecht-select--html-select", "utrecht-select--invalid"),
    forms.Textarea: ("utrecht-textarea utrecht-textarea--html-textarea", "utrecht-textarea--invalid"),
    forms.RadioSelect: ("", ""),
    forms.CheckboxSelectMultiple: ("", ""),
    forms.ClearableFileInput: ("", ""),
}
TEXTBOX_CLASSES = ("utrecht-textbox utrecht-textbox--html-input", "utrecht-textbox--invalid")


class UtrechtBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        css, invalid = next(
            (classes for widget_type, classes in WIDGET_CLASSES.items() if isinstance(widget, widget_type)),
            TEXTBOX_CLASSES,
        )
        if css:
            attrs["class"] = f"{css} {attrs.get('class', '')}".strip()
            if self.errors:
                attrs["class"] += " " + invalid
        return attrs


class FormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
    bound_field_class = UtrechtBoundField

    def render(self, template_name, context, request=None):
        # A <select> renders one template per <option>; filter forms have a hundred options, which
        # cost ~15 ms per page. Same HTML as Django's select.html/select_option.html, built in Python.
        if template_name == "django/forms/widgets/select.html":
            return _render_select(context["widget"])
        return super().render(template_name, context, request)


def _attrs(attrs: dict) -> str:
    return "".join(
        f" {escape(name)}" if value is True else f' {escape(name)}="{escape(str(value))}"'
        for name, value in attrs.items()
        if value is not False
    )


def _render_select(widget: dict) -> SafeString:
    parts = [f'<select name="{escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{escape(group_name)}">')
        for option in options:
            parts.append(
                f'\n  <option value="{escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
                f"{escape(option['label'])}</option>"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def add_service_errors(form: forms.Form, error) -> None:
    """Show a service's ValidationError on the form: per field where the field is on the form, else at
    the top (the error summary)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, errors in error.message_dict.items():
        for message in errors:
            form.add_error(field if field in form.fields else None, message)
