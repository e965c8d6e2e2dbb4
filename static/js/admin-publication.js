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
