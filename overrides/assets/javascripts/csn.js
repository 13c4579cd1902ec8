/* The consortium's small additions to Material's scripts; loaded just before Material's bundle. */
(function () {
  "use strict";

  // Material's bundle reads every <link rel="alternate"> once the page is parsed, fetches the
  // sitemap.xml next to each and reroutes clicks on links that start with its address: made for
  // alternates that are language roots. Ours are the page's twins (hreflang, for search engines),
  // which the switcher links to directly, so hide them from the bundle while it starts.
  function hideAlternatesFromMaterial() {
    var links = Array.prototype.slice.call(document.querySelectorAll('link[rel="alternate"]'));
    links.forEach(function (link) { link.rel = "csn-alternate"; });
    // Listeners run in the order they were added: this one before the bundle's, which it outlives.
    document.addEventListener("DOMContentLoaded", function () {
      setTimeout(function () {
        links.forEach(function (link) { link.rel = "alternate"; });
      });
    }, { once: true });
  }

  function isShown(element) {
    return element.getClientRects().length > 0;
  }

  // The header's menu and search buttons press Material's hidden checkboxes (its <label> toggles
  // cannot take the keyboard's focus), move the focus into what they open and say whether it is open.
  function connectToggle(button) {
    var checkbox = document.getElementById(button.getAttribute("data-csn-toggle"));
    if (!checkbox) {
      return;
    }
    button.addEventListener("click", function () {
      checkbox.click();
      var inside = checkbox.checked && document.querySelector(button.getAttribute("data-csn-focus"));
      if (inside) {
        inside.focus();  // what was opened takes the focus, so Tab goes on from there
      }
    });
    checkbox.addEventListener("change", function () {
      button.setAttribute("aria-expanded", checkbox.checked ? "true" : "false");
    });
  }

  // Escape closes the open drawer or search and gives the focus back to the button that opened it.
  function closeWithEscape(event) {
    if (event.key !== "Escape") {
      return;
    }
    ["__drawer", "__search"].forEach(function (id) {
      var checkbox = document.getElementById(id);
      var button = document.querySelector('[data-csn-toggle="' + id + '"]');
      if (checkbox && checkbox.checked && button && isShown(button)) {
        if (id === "__drawer") {
          checkbox.click();
          button.focus();
        } else {
          // Material closes the search itself on Escape and blurs its field: focus the button after it.
          setTimeout(function () { button.focus(); });
        }
      }
    });
  }

  hideAlternatesFromMaterial();
  Array.prototype.forEach.call(document.querySelectorAll("[data-csn-toggle]"), connectToggle);
  document.addEventListener("keydown", closeWithEscape);
})();
