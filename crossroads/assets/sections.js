/*
 * Crossroads: a visible "Copy link" control on every section heading, so readers can send a
 * teammate the exact section. Without JavaScript the heading's ¶ permalink still works.
 */
(function () {
  "use strict";
  var article = document.querySelector(".md-content article");
  if (!article) return;
  // A guide with a section history dates the links it copies (?since=DAY); a page opened
  // from one says which sections changed after that day (their headings carry data-changed).
  var dated = document.body.hasAttribute("data-cr-dated");
  var since = (/[?&]since=(\d{4}-\d\d-\d\d)/.exec(location.search) || [])[1];
  if (since) article.querySelectorAll("[data-changed]").forEach(function (heading) {
    var note = heading.nextElementSibling;
    if (heading.getAttribute("data-changed") > since && note && note.classList.contains("cr-changed")) {
      note.classList.add("cr-changed--since");
      note.append(", since this link was shared");
    }
  });
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
      // The page, the day (local) and the anchor: a ?h= search highlight is not part of it.
      var now = new Date();
      var day = new Date(now - now.getTimezoneOffset() * 6e4).toISOString().slice(0, 10);
      var url = location.origin + location.pathname + (dated ? "?since=" + day : "") + "#" + heading.id;
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

/* Folds: "What it says" opens a source's quoted passage, "More detail" (on a phone) the
   reasoning under a verdict, a tap on a passage in the list of sources all of its quote.
   One listener for the page: the fold is the button's next element (a quote), the element
   after the button's paragraph (a detail) or the passage the button is in. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest &&
      event.target.closest(".cr-quote-toggle, .cr-passages-toggle, .cr-detail-toggle, .cr-passage-toggle");
    if (!button) return;
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    var isQuote = button.matches(".cr-quote-toggle, .cr-passages-toggle");
    var isDetail = button.classList.contains("cr-detail-toggle");
    var fold = isQuote ? button.nextElementSibling : button.parentElement;
    if (isDetail) fold = fold.nextElementSibling;
    if (fold) fold.classList.toggle("cr-open", open);
  });
})();
