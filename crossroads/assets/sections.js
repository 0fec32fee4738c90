/*
 * Crossroads: a visible "Copy link" control on every section heading, so readers can send a
 * teammate the exact section. Without JavaScript the heading's ¶ permalink still works.
 */
(function () {
  "use strict";
  var article = document.querySelector(".md-content article");
  if (!article) return;
  article.querySelectorAll("h2[id], h3[id]").forEach(function (heading) {
    if (heading.closest("#cr-flow")) return;
    var permalink = heading.querySelector(".headerlink");
    var name = (heading.textContent || "").replace(permalink ? permalink.textContent : "", "").trim();
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cr-copy-link";
    button.textContent = "Copy link";
    button.setAttribute("aria-label", "Copy link to this section: " + name);
    button.addEventListener("click", function () {
      // The page and the anchor only: a ?h= search highlight is not part of the address.
      var url = window.location.origin + window.location.pathname + "#" + heading.id;
      var done = function (text) {
        button.textContent = text;
        window.setTimeout(function () { button.textContent = "Copy link"; }, 2500);
      };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(url).then(function () { done("Link copied"); },
          function () { window.prompt("Copy this link:", url); });
      } else {
        window.prompt("Copy this link:", url);
      }
      button.setAttribute("data-url", url);
    });
    heading.appendChild(button);
  });
})();

/* A printout shows each source's own words: open the folded quotes while printing. */
(function () {
  "use strict";
  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.filter.call(document.querySelectorAll("details.cr-quote"), function (d) {
      return !d.open;
    });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
})();

/*
 * On a phone, comparison tables are read as blocks (one per criterion, each column's verdict
 * stacked under its name) instead of a box that scrolls sideways. The column names come from
 * the table's header; CSS shows them only in the stacked layout.
 */
(function () {
  "use strict";
  document.querySelectorAll(".cr-compare table, .cr-stack table").forEach(function (table) {
    var names = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
      return (th.textContent || "").trim();
    });
    table.querySelectorAll("tbody tr").forEach(function (row) {
      Array.prototype.forEach.call(row.children, function (cell, column) {
        if (names[column]) cell.setAttribute("data-label", names[column]);
      });
    });
    // An attribute, not a class: Material styles and wraps only tables without a class.
    table.setAttribute("data-cr-stack", "");
  });
})();
