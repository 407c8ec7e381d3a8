"""Every Django form renders with NL Design System (Utrecht) classes, labels and error summary."""

from __future__ import annotations

from django import forms
from django.forms.boundfield import BoundField
from django.forms.renderers import TemplatesSetting

WIDGET_CLASSES = {
    forms.CheckboxInput: "utrecht-checkbox utrecht-checkbox--html-input",
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.SelectMultiple: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.RadioSelect: "",
    forms.CheckboxSelectMultiple: "",
    forms.ClearableFileInput: "",
}


class UtrechtBoundField(BoundField):
    def build_widget_attrs(self, attrs, widget=None):
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        css = next(
            (cls for widget_type, cls in WIDGET_CLASSES.items() if isinstance(widget, widget_type)),
            "utrecht-textbox utrecht-textbox--html-input",
        )
        if css:
            attrs["class"] = f"{css} {attrs.get('class', '')}".strip()
            if self.errors:
                attrs["class"] += " " + css.split()[0] + "--invalid"
        return attrs


class FormRenderer(TemplatesSetting):
    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"
    bound_field_class = UtrechtBoundField
