/* CoP Limburg: small enhancements on top of pages that work without JavaScript.
   1. Events that ended after the site was built move out of "komende bijeenkomsten".
   2. The CoPyright catalogue filters narrow the list, show the count and keep the URL in step; each option
      counts the products it would give combined with the options ticked in the other filters, and each group
      says how many of its options are ticked (a closed group on a phone too).
   3. No shortcut of a single key (WCAG 2.1.4): the theme turns p and n (and "," and ".") into "previous page" and
      "next page" through a keydown listener on window; a key typed anywhere stops at the document instead, so it
      only ever does what a key does in a browser. Search has Ctrl+K (search.js). */
(function () {
  "use strict";

  function passed(element, now) {
    var ends = Date.parse(element.getAttribute("data-cop-ends"));
    return !isNaN(ends) && ends < now;
  }

  function moveSessionsThatPassed(now) {
    document.querySelectorAll("[data-cop-upcoming]").forEach(function (list) {
      var recent = list.parentElement.querySelector("[data-cop-recent]");
      var recentList = recent && recent.querySelector("[data-cop-recent-list]");
      list.querySelectorAll("li[data-cop-ends]").forEach(function (item) {
        if (passed(item, now) && recentList) {
          recentList.appendChild(item);
          recent.hidden = false;
        }
      });
      if (!list.querySelector("li")) {
        list.hidden = true;
        var empty = list.parentElement.querySelector("[data-cop-empty]");
        if (empty) empty.hidden = false;
      }
    });
    document.querySelectorAll(".cop-item[data-cop-ends]").forEach(function (article) {
      if (!passed(article, now)) return;
      var note = article.querySelector("[data-cop-passed]");
      var actions = article.querySelector("[data-cop-actions]");
      if (note) note.hidden = false;
      if (actions) actions.hidden = true;
    });
  }

  function filterCatalogue() {
    var form = document.querySelector("[data-cop-filters]");
    var list = document.querySelector("[data-cop-catalogue]");
    if (!form || !list) return;
    var cards = Array.prototype.slice.call(list.querySelectorAll("li"));
    var count = document.querySelector("[data-cop-count]");
    var none = document.querySelector("[data-cop-none]");
    var groups = Array.prototype.slice.call(form.querySelectorAll("details"));
    var names = Array.prototype.map.call(form.querySelectorAll("fieldset input"), function (input) {
      return input.name;
    }).filter(function (name, index, all) { return all.indexOf(name) === index; });

    function chosen() {
      var result = {};
      names.forEach(function (name) {
        result[name] = Array.prototype.map.call(
          form.querySelectorAll("input[name='" + name + "']:checked"),
          function (input) { return input.value; });
      });
      return result;
    }

    function valuesOf(card, name) {
      return (card.getAttribute("data-" + name) || "").split(" ");
    }

    // Within a filter the ticked options add up (or); across filters they narrow (and).
    function matches(card, filters, skip) {
      return names.every(function (name) {
        if (name === skip || !filters[name].length) return true;
        var values = valuesOf(card, name);
        return filters[name].some(function (value) { return values.indexOf(value) !== -1; });
      });
    }

    function updateOptionCounts(filters) {
      form.querySelectorAll("fieldset input").forEach(function (input) {
        var counter = input.parentElement.querySelector("[data-cop-option-count]");
        if (!counter) return;
        var count = cards.filter(function (card) {
          return valuesOf(card, input.name).indexOf(input.value) !== -1 && matches(card, filters, input.name);
        }).length;
        counter.textContent = "(" + count + ")";
      });
    }

    function apply(updateUrl) {
      var filters = chosen();
      var shown = 0;
      cards.forEach(function (card) {
        var visible = matches(card, filters, null);
        card.hidden = !visible;
        if (visible) shown += 1;
      });
      updateOptionCounts(filters);
      groups.forEach(function (group) {
        var chosen = group.querySelector("[data-cop-chosen]");
        var ticked = group.querySelectorAll("input:checked").length;
        chosen.textContent = ticked ? "(" + ticked + " " + chosen.getAttribute("data-cop-chosen") + ")" : "";
      });
      count.textContent = shown + " " + count.getAttribute(shown === 1 ? "data-cop-one" : "data-cop-many");
      none.hidden = shown !== 0;
      if (updateUrl) {
        var params = new URLSearchParams();
        names.forEach(function (name) {
          filters[name].forEach(function (value) { params.append(name, value); });
        });
        var query = params.toString();
        history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
      }
    }

    var params = new URLSearchParams(location.search);
    form.querySelectorAll("fieldset input").forEach(function (input) {
      input.checked = params.getAll(input.name).indexOf(input.value) !== -1;
    });
    // A link with filters opens their groups, so a phone shows what is ticked.
    groups.forEach(function (group) {
      if (group.querySelector("input:checked")) group.open = true;
    });
    form.hidden = false;
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
    apply(false);
  }

  document.addEventListener("keydown", function (event) {
    var single = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
    if (single) event.stopPropagation();
  });

  function start() {
    moveSessionsThatPassed(Date.now());
    filterCatalogue();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(start);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
