// Event pages: beside the time in the event's own zone, the same time in the reader's zone
// (when it differs). Without JavaScript the page shows the event's zone only, which is enough.
(function () {
  "use strict";
  var time = document.querySelector("[data-event-start]");
  var out = document.querySelector("[data-event-local]");
  if (!time || !out || !window.Intl || !Intl.DateTimeFormat) return;
  var reader = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!reader || reader === time.getAttribute("data-event-zone")) return;
  var start = new Date(time.getAttribute("data-event-start"));
  var end = new Date(time.getAttribute("data-event-end"));
  if (isNaN(start) || isNaN(end)) return;
  var day = { weekday: "long", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false };
  var clock = { hour: "2-digit", minute: "2-digit", hour12: false, timeZoneName: "short" };
  var sameDay = start.toDateString() === end.toDateString();
  var text = start.toLocaleString(undefined, day) + "–" +
    (sameDay ? end.toLocaleTimeString(undefined, clock) : end.toLocaleString(undefined, Object.assign({ timeZoneName: "short" }, day)));
  out.textContent = "Your time: " + text;
  out.hidden = false;
})();
