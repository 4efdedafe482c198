// The phone menu. Loaded in <head> without `defer`, so that the class "js" is on <html> before
// the first paint: only then does the stylesheet fold the navigation, the account links and the
// search box behind the "Menu" button (narrow screens only). Without this script they all stay
// shown, and the button stays hidden.
document.documentElement.classList.add("js");

document.addEventListener("DOMContentLoaded", () => {
  const button = document.querySelector(".menu-toggle");
  if (button) {
    const header = button.closest(".site-header");
    const isOpen = () => button.getAttribute("aria-expanded") === "true";
    const setOpen = (open) => {
      button.setAttribute("aria-expanded", String(open));
      header.classList.toggle("site-header--open", open);
    };
    button.addEventListener("click", () => setOpen(!isOpen()));
    document.addEventListener("keydown", (event) => {
      // Escape closes the menu and gives the focus back to its button (when the button shows:
      // on a wide screen the menu is always laid out and there is nothing to close).
      if (event.key !== "Escape" || !isOpen() || button.offsetParent === null) return;
      setOpen(false);
      button.focus();
    });
  }
  // Disclosures folded on a phone and open on a wide screen (the search filters, which stand
  // beside the results there, so that opening them moves nothing): a stylesheet cannot open them.
  if (window.matchMedia("(min-width: 56rem)").matches) {
    document.querySelectorAll("details[data-open-wide]").forEach((details) => {
      details.open = true;
    });
  }
});
