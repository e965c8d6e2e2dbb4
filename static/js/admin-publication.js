// The publication form: an image chosen for the hero needs its description before the form is
// sent. Caught here, before the upload, a forgotten description costs nothing; caught by the
// server after it, the editor would have to choose the file again. The server checks it too.
document.addEventListener("DOMContentLoaded", () => {
  const image = document.getElementById("id_hero_image");
  const description = document.getElementById("id_hero_alt");
  if (!image || !description) return;
  const message = "Describe the image for readers who cannot see it (required with an image).";
  description.addEventListener("input", () => description.setCustomValidity(""));
  image.form.addEventListener("submit", (event) => {
    if (image.files.length > 0 && !description.value.trim()) {
      event.preventDefault();
      description.setCustomValidity(message);
      description.reportValidity();
    }
  });
});

// Steps that take work off the site (Unpublish, Cancel schedule) ask first.
document.addEventListener("click", (event) => {
  const button = event.target.closest("input[data-confirm]");
  if (button && !window.confirm(button.dataset.confirm)) event.preventDefault();
});

// The body's length while writing: words and reading time, counted as the server counts them
// (publications/body.py: words between tags, WORDS_PER_MINUTE a minute, rounded up).
const WORDS_PER_MINUTE = 230;

function countWords(element) {
  const blocks = element.querySelectorAll("p, li, h2, h3, h4, blockquote, td, th");
  const text = blocks.length ? Array.from(blocks, (block) => block.textContent).join(" ") : element.textContent;
  return text.split(/\s+/).filter(Boolean).length;
}

function whenEditorReady(field, then) {
  const found = field.querySelector(".ProseMirror");
  if (found) return then(found);
  const observer = new MutationObserver(() => {
    const editor = field.querySelector(".ProseMirror");
    if (editor) {
      observer.disconnect();
      then(editor);
    }
  });
  observer.observe(field, { childList: true, subtree: true });
}

document.addEventListener("DOMContentLoaded", () => {
  const field = document.querySelector(".field-body");
  if (!field) return;
  const stats = document.createElement("p");
  stats.className = "help body-stats";
  stats.id = "body-stats";
  stats.setAttribute("role", "status");
  field.querySelector(".flex-container, div")?.after(stats);
  whenEditorReady(field, (editor) => {
    // The browser's spell-check, on (django-prose-editor turns it off unless told otherwise),
    // and the editable area named for screen readers, as its label names the hidden textarea.
    editor.setAttribute("spellcheck", "true");
    editor.setAttribute("aria-label", "Body");
    let timer = null;
    const show = () => {
      const words = countWords(editor);
      const minutes = Math.ceil(words / WORDS_PER_MINUTE);
      stats.textContent = `${words.toLocaleString()} ${words === 1 ? "word" : "words"} · ${minutes} min read`;
      stats.dataset.words = String(words);
    };
    show();
    new MutationObserver(() => {
      clearTimeout(timer);
      timer = setTimeout(show, 250);
    }).observe(editor, { childList: true, subtree: true, characterData: true });
  });
});

// The checks before publishing, run by the server on the form as it stands (nothing is saved),
// from the first keystroke: a moment after typing stops, and again when a field changes.
function showChecks(box, problems) {
  let listing;
  if (problems.length === 0) {
    listing = document.createElement("p");
    listing.className = "checks checks--ok";
    listing.textContent = "✓ Ready: every check passes.";
  } else {
    listing = document.createElement("ul");
    listing.className = "checks checks--failed";
    for (const problem of problems) {
      const item = document.createElement("li");
      item.textContent = `✗ ${problem.message}`;
      listing.append(item);
    }
  }
  box.replaceChildren(listing);
}

document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector(".live-checks");
  const form = box?.closest("form");
  if (!box || !form || !box.dataset.url) return;
  let timer = null;
  let pending = null;
  const run = async () => {
    const data = new FormData(form);
    for (const [name, value] of Array.from(data.entries())) {
      if (value instanceof File) data.delete(name); // files stay where they are until Save
    }
    if (form.querySelector("#id_hero_image")?.files.length) data.set("hero_chosen", "1");
    data.set("publication", box.dataset.publication || "");
    pending?.abort();
    pending = new AbortController();
    try {
      const response = await fetch(box.dataset.url, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": data.get("csrfmiddlewaretoken") || "" },
        signal: pending.signal,
      });
      if (response.ok) showChecks(box, (await response.json()).problems);
    } catch (error) {
      if (error.name !== "AbortError") throw error;
    }
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(run, 600);
  };
  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
  // Select2 (areas, the byline's experts) announces its choices through jQuery only.
  window.django?.jQuery?.(form).on("select2:select select2:unselect", soon);
  run();
});

// The search and social preview, as the title, summary (or dek) and hero image are typed or
// chosen: cut where Google and social cards cut them, with the lengths beside the limits.
function shortened(text, limit) {
  const words = text.split(/\s+/).filter(Boolean).join(" ");
  if (words.length <= limit) return words;
  const cut = words.slice(0, limit - 1);
  return `${(cut.includes(" ") ? cut.slice(0, cut.lastIndexOf(" ")) : cut).replace(/[ ,.;:]+$/, "")}…`;
}

document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector(".share-preview-box");
  const form = box?.closest("form");
  const title = document.getElementById("id_title");
  if (!box || !form || !title) return;
  const limits = JSON.parse(box.dataset.limits);
  const part = (name) => box.querySelector(`[data-preview="${name}"]`);
  const summary = document.getElementById("id_summary");
  const dek = document.getElementById("id_dek");
  const hero = document.getElementById("id_hero_image");
  const show = () => {
    const text = title.value.trim();
    const pageTitle = text ? `${text} | ${box.dataset.site}` : box.dataset.site;
    const description = (summary?.value.trim() || dek?.value.trim() || "");
    part("search_title").textContent = shortened(pageTitle, limits.search_title);
    part("search_description").textContent =
      shortened(description, limits.search_description) || "(no summary yet)";
    part("card_title").textContent = shortened(text, limits.card_title);
    part("card_description").textContent = shortened(description, limits.card_description);
    const over = (length, limit) => (length > limit ? ` (cut after ${limit})` : "");
    part("counts").textContent =
      `Title with the site's name: ${pageTitle.length} characters${over(pageTitle.length, limits.search_title)}. ` +
      `Description: ${description.length} characters; search results show about ${limits.search_description}` +
      `${over(description.length, limits.search_description)}, cards about ${limits.card_description}.`;
  };
  for (const field of [title, summary, dek]) field?.addEventListener("input", show);
  hero?.addEventListener("change", () => {
    const file = hero.files[0];
    if (!file) return;
    // A data: address (the CSP allows data: images, not blob:).
    const reader = new FileReader();
    reader.addEventListener("load", () => {
      part("image").src = reader.result;
      part("image").hidden = false;
      part("no_image")?.remove();
    });
    reader.readAsDataURL(file);
  });
  show();
});

// Autosave: while the form has changes, a private working copy is kept every half minute
// (publications/autosave.py), offered back the next time the form opens. Leaving with changes
// not saved asks first.
const AUTOSAVE_SECONDS = 30;

document.addEventListener("DOMContentLoaded", () => {
  const box = document.querySelector(".live-checks");
  const form = box?.closest("form");
  if (!form || !box.dataset.autosave) return;
  let changed = false;
  let unsent = false;
  let submitting = false;
  const status = document.createElement("p");
  status.className = "help autosave-status";
  status.setAttribute("role", "status");
  form.querySelector(".submit-row")?.after(status);
  const markChanged = () => {
    changed = true;
    unsent = true;
  };
  form.addEventListener("input", markChanged);
  form.addEventListener("change", markChanged);
  window.django?.jQuery?.(form).on("select2:select select2:unselect", markChanged);
  form.addEventListener("submit", () => {
    submitting = true;
  });
  window.addEventListener("beforeunload", (event) => {
    if (changed && !submitting) event.preventDefault();
  });
  const formData = () => {
    const data = new FormData(form);
    for (const [name, value] of Array.from(data.entries())) {
      if (value instanceof File) data.delete(name);
    }
    data.set("publication", box.dataset.publication || "");
    return data;
  };
  const keep = async () => {
    if (!unsent || submitting) return;
    unsent = false;
    const data = formData();
    const response = await fetch(box.dataset.autosave, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": data.get("csrfmiddlewaretoken") || "" },
    });
    if (response.ok) status.textContent = (await response.json()).message;
    else unsent = true;
  };
  setInterval(keep, AUTOSAVE_SECONDS * 1000);
  // Leaving the page (or the tab): keep what is there now, by a request that outlives the page.
  const keepOnLeaving = () => {
    if (!unsent || submitting) return;
    unsent = false;
    navigator.sendBeacon(box.dataset.autosave, formData());
  };
  window.addEventListener("pagehide", keepOnLeaving);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") keepOnLeaving();
  });
});
