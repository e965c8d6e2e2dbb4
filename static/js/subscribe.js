// Sends the sign-up form in place and shows the answer where the form was. Without this
// script (or if anything goes wrong) the form posts as an ordinary page.
(function () {
  "use strict";
  if (!window.fetch || !window.DOMParser || !window.FormData) return;

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!form.matches || !form.matches("[data-subscribe] form.subscribe__form")) return;
    event.preventDefault();
    var holder = form.closest("[data-subscribe]");
    var button = form.querySelector("button[type=submit]");
    if (button) button.disabled = true;

    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        return response.text().then(function (html) {
          var page = new DOMParser().parseFromString(html, "text/html");
          // The thank-you or rate-limit page, or the form again with its errors.
          var outcome = page.querySelector("[data-subscribe-outcome]");
          var again = page.querySelector("[data-subscribe]");
          if (outcome) {
            var message = document.createElement("div");
            message.setAttribute("role", "status");
            message.setAttribute("tabindex", "-1");
            message.className = "notice";
            outcome.querySelectorAll("h1, p").forEach(function (node) {
              var copy = document.createElement("p");
              var inner = copy;
              if (node.tagName === "H1") inner = copy.appendChild(document.createElement("strong"));
              inner.innerHTML = node.innerHTML;
              message.appendChild(copy);
            });
            form.replaceWith(message);
            message.focus();
          } else if (again) {
            holder.innerHTML = again.innerHTML;
            var errors = holder.querySelector("#subscribe-errors");
            if (errors) errors.focus();
          } else {
            throw new Error("unexpected answer");
          }
        });
      })
      .catch(function () {
        form.submit();
      });
  });
})();
