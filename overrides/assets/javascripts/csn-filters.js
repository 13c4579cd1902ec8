/* Filters of the projects index, by theme and by status. The page lists every project without
 * JavaScript; this script shows the filters, hides the projects that do not match and keeps the
 * choice in the address (?theme=…&status=…) so that a filtered view can be shared.
 * Within a group a project matches any ticked value; across groups it must match each group. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-csn-filters]");
  var list = document.querySelector("[data-csn-projects]");
  if (!form || !list) return;
  var cards = Array.prototype.slice.call(list.querySelectorAll("[data-status]"));
  var count = document.querySelector("[data-csn-count]");
  var none = document.querySelector("[data-csn-none]");
  var allText = count ? count.textContent : "";
  var plural = new Intl.PluralRules(document.documentElement.lang || "fr");
  var groups = ["theme", "status"];

  function ticked(name) {
    return Array.prototype.slice.call(form.querySelectorAll('input[name="' + name + '"]:checked'))
      .map(function (input) { return input.value; });
  }

  function matches(card, chosen) {
    var themes = (card.getAttribute("data-themes") || "").split(" ");
    var themeOk = !chosen.theme.length || chosen.theme.some(function (t) { return themes.indexOf(t) >= 0; });
    var statusOk = !chosen.status.length || chosen.status.indexOf(card.getAttribute("data-status")) >= 0;
    return themeOk && statusOk;
  }

  function apply(updateAddress) {
    var chosen = { theme: ticked("theme"), status: ticked("status") };
    var shown = 0;
    cards.forEach(function (card) {
      var visible = matches(card, chosen);
      card.hidden = !visible;
      if (visible) shown += 1;
    });
    var filtering = chosen.theme.length + chosen.status.length > 0;
    if (count) {
      var template = count.getAttribute(plural.select(shown) === "one" ? "data-one" : "data-other");
      count.textContent = filtering
        ? template.replace("{n}", shown).replace("{total}", cards.length) : allText;
    }
    if (none) none.hidden = shown > 0;
    if (updateAddress) {
      var params = new URLSearchParams(window.location.search);
      groups.forEach(function (name) {
        params.delete(name);
        chosen[name].forEach(function (value) { params.append(name, value); });
      });
      var query = params.toString();
      window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") +
        window.location.hash);
    }
  }

  function readAddress() {
    var params = new URLSearchParams(window.location.search);
    groups.forEach(function (name) {
      var wanted = params.getAll(name);
      form.querySelectorAll('input[name="' + name + '"]').forEach(function (input) {
        input.checked = wanted.indexOf(input.value) >= 0;
      });
    });
  }

  form.hidden = false;
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  // A reset clears the boxes after this event: apply once it is done.
  form.addEventListener("reset", function () { window.setTimeout(function () { apply(true); }, 0); });
  window.addEventListener("popstate", function () { readAddress(); apply(false); });
  readAddress();
  apply(false);
})();
