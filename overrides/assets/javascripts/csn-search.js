/* The header's search box, answered by Pagefind (site/pagefind/) in the page's language.
 *
 * Pagefind's script is loaded only once the visitor opens the search (or arrives with ?q=), and
 * fetches only the parts of the index that the words typed need. Results are drawn with Material's
 * classes and strings (from #__config, which the bilingual 404 page switches to the visitor's
 * language); an excerpt keeps only its text and Pagefind's <mark>s, whatever the indexed page held.
 * Keyboard: "/", "s" or "f" opens the search, the arrows move between the field and the results,
 * Enter opens the focused result (the first from the field), Escape closes the search. */
(function () {
  "use strict";
  var root = document.querySelector("[data-csn-search]");
  var toggle = document.getElementById("__search");
  if (!root || !toggle) return;
  var input = root.querySelector(".md-search__input");
  var form = root.querySelector("form");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var scrollwrap = root.querySelector(".md-search__scrollwrap");
  var PAGE_SIZE = 10;  // results drawn at a time; more as the list is scrolled to its end
  var pagefind = null;
  var latest = 0;  // the number of the latest search: an older one's late answer is dropped
  var found = [];  // the current search's results not drawn yet
  var drawing = false;

  function translate(key, count) {
    var config = document.getElementById("__config");
    var strings = config ? JSON.parse(config.textContent).translations || {} : {};
    return (strings[key] || "").replace("#", String(count));
  }

  function loadPagefind() {
    if (!pagefind) {
      var bundle = new URL(root.getAttribute("data-bundle"), document.baseURI).href;
      pagefind = import(bundle).then(function (module) {
        return module.options({ excerptLength: 24 }).then(function () { return module; });
      });
    }
    return pagefind;
  }

  function open() {
    if (!toggle.checked) toggle.click();  // a click, so that csn.js sees the change (aria-expanded)
    loadPagefind();
  }

  function close() {
    if (toggle.checked) toggle.click();
    input.blur();
  }

  // The excerpt's text and <mark> elements only: parsed in an inert document, nothing else is kept.
  function excerptNodes(excerpt) {
    var parsed = new DOMParser().parseFromString("<p>" + excerpt + "</p>", "text/html").body;
    var nodes = [];
    parsed.querySelectorAll("p").forEach(function (p) {
      p.childNodes.forEach(function (node) {
        if (node.nodeName === "MARK") {
          var mark = document.createElement("mark");
          mark.textContent = node.textContent;
          nodes.push(mark);
        } else {
          nodes.push(document.createTextNode(node.textContent));
        }
      });
    });
    return nodes;
  }

  function resultItem(data) {
    var item = document.createElement("li");
    item.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = data.url;
    link.tabIndex = -1;  // reached with the arrows, as in Material
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var title = document.createElement("h1");
    title.textContent = data.meta && data.meta.title ? data.meta.title : data.url;
    var teaser = document.createElement("p");
    teaser.className = "md-search-result__teaser";
    excerptNodes(data.excerpt || "").forEach(function (node) { teaser.appendChild(node); });
    article.appendChild(title);
    article.appendChild(teaser);
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  // The next results, drawn once their pages' data has come: the count is said with the first ones.
  function drawMore(number, count) {
    if (drawing && count === undefined) return Promise.resolve();
    drawing = true;
    var batch = found.splice(0, PAGE_SIZE);
    return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
      if (number !== latest) return;
      if (count !== undefined) {
        list.textContent = "";
        meta.textContent = translate(count === 0 ? "search.result.none" : count === 1 ? "search.result.one"
          : "search.result.other", count);
      }
      pages.forEach(function (data) { list.appendChild(resultItem(data)); });
    }).finally(function () { if (number === latest) drawing = false; });
  }

  function search() {
    var query = input.value.trim();
    var number = ++latest;
    drawing = false;
    if (!query) {
      found = [];
      list.textContent = "";
      meta.textContent = translate("search.result.placeholder");
      return;
    }
    loadPagefind().then(function (module) {
      return module.debouncedSearch(query, {}, 120);
    }).then(function (answer) {
      if (!answer || number !== latest) return;  // a later search replaced this one
      found = answer.results.slice();
      return drawMore(number, answer.results.length);
    });
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll(".md-search-result__link"));
  }

  function onKey(event) {
    var active = document.activeElement;
    var typing = active && (active.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName));
    if (!toggle.checked) {
      if (!typing && !event.ctrlKey && !event.metaKey && !event.altKey && /^[sf/]$/.test(event.key)) {
        event.preventDefault();
        open();
        input.focus();
      }
      return;
    }
    var results = links();
    var position = results.indexOf(active);
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (active !== input && position < 0) return;
      event.preventDefault();
      var next = position + (event.key === "ArrowDown" ? 1 : -1);
      if (next < 0) {
        input.focus();
      } else if (next < results.length) {
        results[next].focus();
        results[next].scrollIntoView({ block: "nearest" });
        if (next === results.length - 1) drawMore(latest);
      }
    } else if (event.key === "Enter" && active === input && results.length) {
      event.preventDefault();
      results[0].click();
    }
  }

  input.addEventListener("focus", open);
  input.addEventListener("input", search);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("reset", function () { setTimeout(search); });
  toggle.addEventListener("change", function () { if (toggle.checked) loadPagefind(); });
  scrollwrap.addEventListener("scroll", function () {
    if (scrollwrap.scrollTop + scrollwrap.clientHeight >= scrollwrap.scrollHeight - 40) drawMore(latest);
  });
  document.addEventListener("keydown", onKey);

  // A link to a search (?q=words) opens it with its results.
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    open();
    search();
  }
})();
