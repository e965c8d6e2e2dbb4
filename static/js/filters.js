// The publication list's filters, applied as each is chosen. Without this script (or when
// anything goes wrong) the form works as it is written: choose, then press "Filter".
//
// The list is fetched and put in place rather than the page reloaded, so the focus stays in the
// box just changed: keyboards that change a select box with the arrow keys send a change for
// every step, and reloading the page each time would throw the reader out of the form. The new
// count is read out (the count is a status region) and the address follows the filters.
(function () {
  "use strict";
  var form = document.querySelector("form[data-filters]");
  var results = document.querySelector("[data-filter-results]");
  var count = document.querySelector("[data-filter-count]");
  if (!form || !results || !count) return;
  if (!window.fetch || !window.DOMParser || !window.URLSearchParams || !window.history.replaceState) return;

  form.classList.add("filters--live");
  var latest = 0;

  function address() {
    var query = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value) query.append(name, value);
    });
    var text = query.toString();
    return form.action + (text ? "?" + text : "");
  }

  function apply() {
    var url = address();
    var request = ++latest;
    results.setAttribute("aria-busy", "true");
    fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) throw new Error("status " + response.status);
        return response.text();
      })
      .then(function (html) {
        if (request !== latest) return; // a later choice is on its way
        var page = new DOMParser().parseFromString(html, "text/html");
        var freshResults = page.querySelector("[data-filter-results]");
        var freshCount = page.querySelector("[data-filter-count]");
        var freshActions = page.querySelector("[data-filter-actions]");
        var actions = form.querySelector("[data-filter-actions]");
        if (!freshResults || !freshCount) throw new Error("unexpected answer");
        results.innerHTML = freshResults.innerHTML;
        count.textContent = freshCount.textContent;
        if (actions && freshActions) actions.innerHTML = freshActions.innerHTML;
        document.title = page.title;
        window.history.replaceState(null, "", url);
        results.removeAttribute("aria-busy");
      })
      .catch(function () {
        form.submit();
      });
  }

  form.addEventListener("change", apply);
})();
