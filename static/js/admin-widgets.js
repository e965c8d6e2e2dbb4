// The admin's autocomplete boxes (Django's Select2) and inline rows made to pass WCAG checks:
// - a multiple choice box gets no "clear all" cross, which Select2 puts as a <span> straight
//   inside its list of choices (each choice keeps its own cross);
// - each box is named by its field's label, which Select2's combobox does not carry over.
document.addEventListener("DOMContentLoaded", () => {
  // Runs before Django's autocomplete.js starts Select2 (on jQuery's ready, just after this).
  for (const select of document.querySelectorAll("select.admin-autocomplete[multiple]")) {
    select.dataset.allowClear = "false";
  }
});

// The field's label, or in a table of inline rows its column's heading.
function fieldName(select) {
  const label = select.id && document.querySelector(`label[for="${select.id}"]`);
  if (label) return label.textContent.replace(/:\s*$/, "").trim();
  const cell = select.closest("td");
  const heading = cell && cell.closest("table")?.querySelectorAll("thead th")[cell.cellIndex];
  return heading ? heading.textContent.trim() : select.name;
}

function nameAutocompletes() {
  for (const select of document.querySelectorAll("select.admin-autocomplete")) {
    const box = select.nextElementSibling?.querySelector(".select2-selection");
    if (!box) continue;
    const name = fieldName(select);
    box.setAttribute("aria-label", name);
    for (const part of box.querySelectorAll(".select2-search__field, [role=textbox]")) {
      part.setAttribute("aria-label", name);
    }
  }
}

// Fields in the rows of a tabular inline (a byline's position) have only their column heading.
function nameInlineFields() {
  for (const field of document.querySelectorAll(".tabular td :is(input, select, textarea)")) {
    if (field.type === "hidden" || field.labels?.length || field.getAttribute("aria-label")) continue;
    field.setAttribute("aria-label", fieldName(field));
  }
}

// A date and time field is two boxes under one label that names neither (Django's split widget).
function nameDateTimeParts() {
  for (const field of document.querySelectorAll(".datetime input.vDateField, .datetime input.vTimeField")) {
    if (field.labels?.length || field.getAttribute("aria-label")) continue;
    const label = field.closest(".form-row, .fieldBox")?.querySelector("label");
    const name = label ? label.textContent.replace(/:\s*$/, "").trim() : field.name;
    field.setAttribute("aria-label", `${name}, ${field.classList.contains("vDateField") ? "date" : "time"}`);
  }
}

function nameAll() {
  nameAutocompletes();
  nameInlineFields();
  nameDateTimeParts();
}

// Select2 starts after this script and draws its boxes again after each choice, and inline
// rows are added by a button: name whatever appears, a moment after it does.
document.addEventListener("DOMContentLoaded", () => {
  let timer = null;
  nameAll();
  new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(nameAll, 50);
  }).observe(document.body, { childList: true, subtree: true });
});
