/* Back office: give each autocomplete box (select2) the name of its field, also in rows added later.
   select2 draws its own combobox next to the hidden <select> without a label; screen readers then
   announce an unnamed field (axe: aria-input-field-name). */
(function () {
  "use strict";
  function name(root) {
    root.querySelectorAll("select.admin-autocomplete").forEach(function (select) {
      var box = select.parentElement.querySelector(".select2-selection[role='combobox']");
      var label = document.querySelector("label[for='" + select.id + "']");
      if (!box) { return; }
      // The combobox and the box inside it that shows the chosen value both need the name.
      var parts = [box].concat(Array.prototype.slice.call(box.querySelectorAll("[role='textbox']")));
      parts.forEach(function (part) {
        if (label) {
          if (!label.id) { label.id = select.id + "-label"; }
          part.setAttribute("aria-labelledby", label.id);
        } else {
          var field = select.name.split("-").pop();
          var header = select.closest("table") && select.closest("table").querySelector("thead th.column-" + field);
          part.removeAttribute("aria-labelledby");
          part.setAttribute("aria-label", header ? header.textContent.trim() : field);
        }
      });
    });
  }
  // Rows of a table of inline forms have no <label>s: Django relies on the column headers. Name each
  // field after its column and row ("Naam, rij 2"), the delete box too.
  function rows(root) {
    root.querySelectorAll(".tabular table").forEach(function (table) {
      var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
        return th.textContent.replace(/\s+/g, " ").trim();
      });
      table.querySelectorAll("tbody tr.form-row").forEach(function (tr, index) {
        Array.prototype.forEach.call(tr.children, function (cell, column) {
          cell.querySelectorAll("input:not([type='hidden']), select, textarea").forEach(function (field) {
            if (field.labels && field.labels.length) { return; }
            if (field.getAttribute("aria-label") || field.getAttribute("aria-labelledby")) { return; }
            var header = headers[column] || field.name.split("-").pop();
            field.setAttribute("aria-label", header + ", " + ROW + " " + (index + 1));
          });
        });
      });
    });
  }
  var ROW = document.documentElement.lang === "en" ? "row" : "rij";
  function later() { window.setTimeout(function () { rows(document); name(document); }, 0); }
  document.addEventListener("DOMContentLoaded", later);
  document.addEventListener("formset:added", later);
}());
