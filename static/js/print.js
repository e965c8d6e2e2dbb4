// Dates the print header (print.css shows it on paper only): "Printed 1 December 2026". The
// page is the same for every reader, so the day it is printed can only be written here.
(function () {
  "use strict";
  var holder = document.querySelector("[data-printed-on]");
  if (!holder || !window.Intl) return;

  function stamp() {
    var day = new Date().toLocaleDateString(document.documentElement.lang || undefined, {
      year: "numeric",
      month: "long",
      day: "numeric",
    });
    holder.textContent = (holder.previousSibling ? " · " : "") + "Printed " + day;
  }

  stamp();
  window.addEventListener("beforeprint", stamp);
})();
