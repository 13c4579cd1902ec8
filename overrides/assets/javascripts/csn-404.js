/* The bilingual 404 page speaks the visitor's language: when the missing address lies under a
 * language's root (/en/...), that language's text comes first, the page and its search switch to it.
 * Runs before Material's bundle, which reads the search settings from #__config. */
(function () {
  "use strict";
  var page = document.querySelector("[data-csn-error]");
  if (!page) return;
  var path = window.location.pathname;
  var chosen = null;
  page.querySelectorAll("section[data-prefix]").forEach(function (block) {
    var prefix = block.getAttribute("data-prefix");
    var longer = !chosen || prefix.length > chosen.getAttribute("data-prefix").length;
    if (path.indexOf(prefix) === 0 && longer) chosen = block;
  });
  if (!chosen) return;
  var lang = chosen.getAttribute("data-lang");
  if (lang === page.getAttribute("data-default-lang")) return;

  // Text: this language's block and title first.
  var first = page.querySelector("section[data-prefix]");
  if (first !== chosen) first.parentNode.insertBefore(chosen, first);
  var title = page.querySelector(".csn-error__title");
  var heading = title.querySelector('[data-lang="' + lang + '"]');
  title.insertBefore(heading, title.firstChild);
  var separator = title.querySelector(".csn-error__separator");
  if (separator) title.insertBefore(separator, heading.nextSibling);
  document.documentElement.lang = lang;
  document.title = chosen.getAttribute("data-title") + " – " + document.title.split(" – ").pop();

  // Search: this language's index (under its root) and Material's strings in this language.
  var strings = document.querySelector('template.csn-search-strings[data-lang="' + lang + '"]');
  var config = document.getElementById("__config");
  if (config) {
    var settings = JSON.parse(config.textContent);
    settings.base = chosen.getAttribute("data-prefix");
    if (strings) {
      Object.keys(settings.translations || {}).forEach(function (key) {
        var value = strings.getAttribute("data-" + key.replace(/\./g, "-"));
        if (value) settings.translations[key] = value;
      });
    }
    config.textContent = JSON.stringify(settings);
  }
  var input = document.querySelector(".md-search__input");
  if (input && strings) {
    input.placeholder = strings.getAttribute("data-search-placeholder");
    input.setAttribute("aria-label", input.placeholder);
  }
})();
