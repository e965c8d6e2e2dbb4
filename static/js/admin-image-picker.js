// The media library's picker, opened by the body editor's figure dialog ("Browse…"). Choosing an
// image (or uploading one) hands its address, library number, description and caption back to
// the dialog the way CKEditor's file browsers do, which django-prose-editor understands.
function handBack(picker, data) {
  const callback = picker.dataset.callback;
  const tools = window.opener?.CKEDITOR?.tools;
  if (!callback || !tools) return false;
  tools.callFunction(Number(callback), data.url, {
    id: Number(data.id),
    alternative_text: data.alt || "",
    caption: data.caption || "",
  });
  window.close();
  return true;
}

document.addEventListener("DOMContentLoaded", () => {
  const picker = document.querySelector(".image-picker");
  if (!picker) return;
  const picked = picker.querySelector("[data-picked]");
  if (picked) handBack(picker, picked.dataset);
  picker.addEventListener("click", (event) => {
    const button = event.target.closest(".image-picker__choose");
    if (button) handBack(picker, button.dataset);
  });
});
