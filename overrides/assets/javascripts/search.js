/* CoP Limburg site search: the header button (or Ctrl+K, ⌘K on a Mac) opens a modal dialog; Pagefind's browser
   library and the index chunks a query needs are loaded from this site's pagefind/ folder on first use.
   Results show title, kind, date, "voorbij" for events that ended, and an excerpt with the match marked. */
(function () {
  "use strict";

  // Five results at a time, as Pagefind's own interface shows: each costs its page's fragment (about 1 KB),
  // and a phone shows about four. "Meer resultaten" loads the next five.
  var PAGE_SIZE = 5;
  var dialog = document.querySelector("[data-cop-search]");
  var opener = document.querySelector("[data-cop-search-open]");
  if (!dialog || !opener || typeof dialog.showModal !== "function") {
    if (opener) opener.hidden = true;
    return;
  }
  var input = dialog.querySelector("[data-cop-search-input]");
  var form = dialog.querySelector("[data-cop-search-form]");
  var status = dialog.querySelector("[data-cop-search-status]");
  var list = dialog.querySelector("[data-cop-search-results]");
  var more = dialog.querySelector("[data-cop-search-more]");
  var bundle = new URL(dialog.getAttribute("data-cop-search-bundle"), location.href);
  var pagefind = null;
  var found = [];
  var shown = 0;
  var asked = 0;

  function library() {
    if (!pagefind) {
      pagefind = import(bundle.href + "pagefind.js").then(function (module) {
        return module.options({ baseUrl: new URL("..", bundle).pathname, excerptLength: 24, noWorker: true }).then(function () {
          return module;
        });
      });
    }
    return pagefind;
  }

  function open() {
    if (!dialog.open) dialog.showModal();
    input.focus();
    input.select();
    library();
  }

  function kind() {
    var chosen = form.querySelector("input[name='soort']:checked");
    return chosen ? chosen.value : "";
  }

  function say(text) {
    status.textContent = text;
  }

  /* Only text and <mark> from Pagefind's excerpt reach the page. */
  function excerpt(html) {
    var paragraph = document.createElement("p");
    paragraph.className = "cop-search__excerpt";
    var parsed = new DOMParser().parseFromString("<body>" + html + "</body>", "text/html").body;
    parsed.childNodes.forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) {
        paragraph.appendChild(document.createTextNode(node.textContent));
      } else if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(document.createTextNode(node.textContent || ""));
      }
    });
    return paragraph;
  }

  function item(data) {
    var meta = data.meta || {};
    var entry = document.createElement("li");
    entry.className = "cop-search__result";
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = meta.title || data.url;
    var heading = document.createElement("h3");
    heading.appendChild(link);
    entry.appendChild(heading);
    var facts = document.createElement("p");
    facts.className = "cop-search__facts";
    var parts = [meta.soort, meta.datum];
    var ends = Date.parse(meta.eindigt || "");
    if (!isNaN(ends) && ends < Date.now()) parts.push("voorbij");
    parts.filter(Boolean).forEach(function (text, index) {
      var part = document.createElement("span");
      part.textContent = text;
      if (text === "voorbij") part.className = "cop-search__past";
      if (index) facts.appendChild(document.createTextNode(" · "));
      facts.appendChild(part);
    });
    entry.appendChild(facts);
    entry.appendChild(excerpt(data.excerpt || ""));
    return entry;
  }

  function showMore() {
    var next = found.slice(shown, shown + PAGE_SIZE);
    var query = asked;
    return Promise.all(next.map(function (result) { return result.data(); })).then(function (pages) {
      if (query !== asked) return;
      pages.forEach(function (data) { list.appendChild(item(data)); });
      shown += pages.length;
      more.hidden = shown >= found.length;
    });
  }

  function search() {
    var words = input.value.trim();
    var query = ++asked;
    if (!words) {
      list.replaceChildren();
      more.hidden = true;
      say("");
      return;
    }
    say("Zoeken…");
    library().then(function (module) {
      var filters = kind() ? { soort: kind() } : {};
      return module.debouncedSearch(words, { filters: filters }, 150);
    }).then(function (response) {
      if (!response || query !== asked) return;
      found = response.results;
      shown = 0;
      list.replaceChildren();
      say(found.length === 0 ? "Geen resultaten voor “" + words + "”"
        : found.length === 1 ? "1 resultaat" : found.length + " resultaten");
      return showMore();
    }).catch(function () {
      say("Zoeken lukt nu niet. Probeer het later opnieuw.");
    });
  }

  opener.addEventListener("click", open);
  dialog.querySelector("[data-cop-search-close]").addEventListener("click", function () { dialog.close(); });
  dialog.addEventListener("click", function (event) {
    if (event.target === dialog) dialog.close();  // a click on the backdrop
  });
  // Keys typed in the dialog are for the dialog: the theme's shortcuts ("n", "p", …) must not fire here.
  dialog.addEventListener("keydown", function (event) {
    if (dialog.open) event.stopPropagation();
  });
  // A closed dialog's field can keep focus until the browser's next rendering update; let it go at once,
  // so a key typed right after Escape reaches the page.
  dialog.addEventListener("close", function () {
    if (!dialog.open && dialog.contains(document.activeElement)) document.activeElement.blur();
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); search(); });
  form.addEventListener("input", search);
  form.addEventListener("change", function (event) {
    if (event.target.name === "soort") search();
  });
  more.addEventListener("click", function () {
    var first = shown;
    showMore().then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) link.focus();
    });
  });
  // Ctrl+K or ⌘K, never a key alone: a single-key shortcut fires when a speech-input user says a word or a
  // keyboard user mistypes, and could not be turned off (WCAG 2.1.4). Browsers leave this combination to pages.
  document.addEventListener("keydown", function (event) {
    if (dialog.open || event.altKey || event.shiftKey || !(event.ctrlKey || event.metaKey)) return;
    if (event.key !== "k" && event.key !== "K") return;
    event.preventDefault();
    open();
  });
})();
