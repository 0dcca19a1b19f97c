// The demo page's stand-in for LinkedIn's editor: Send is enabled once the box holds text typed
// through real input events (as the page's own editor would see them).
document.addEventListener("input", (e) => {
  const box = e.target.closest?.(".msg-form__contenteditable");
  if (box && e.isTrusted) box.closest("form").querySelector(".msg-form__send-button").disabled = !box.innerText.trim();
});
