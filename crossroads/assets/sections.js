/*
 * Crossroads: a page's own code loads on that page alone. A page that needs the flowchart or
 * compare-any names the script in its data block (data-cr-script), so other pages never
 * download it; it lives beside this file.
 */
(function () {
  "use strict";
  var here = document.currentScript;
  if (here) document.querySelectorAll("script[data-cr-script]").forEach(function (data) {
    var script = document.createElement("script");
    script.src = here.src.replace(/[^/]*$/, data.getAttribute("data-cr-script"));
    document.body.append(script);
  });
})();

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
      // The page, what the reader chose in the section (compare.js: data-query) and, in a
      // dated guide, the day (local) the link was copied; never a ?h= search highlight.
      var now = new Date();
      var day = new Date(now - now.getTimezoneOffset() * 6e4).toISOString().slice(0, 10);
      var query = heading.getAttribute("data-query") || "";
      if (dated) query += (query ? "&" : "?") + "since=" + day;
      var url = location.origin + location.pathname + query + "#" + heading.id;
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

/* Evidence beside the statement: a citation marker opens, in place, the source's title, the
   date it was checked and the passage quoted, taken from the page's list of sources. Escape,
   a click elsewhere, focus moving on or the marker again closes it; nothing on the page moves.
   Without JavaScript the marker leads to the passage in that list, which print shows too. */
(function () {
  "use strict";
  var pop, marker;
  function close(refocus) {
    if (!pop) return;
    pop.remove();
    marker.setAttribute("aria-expanded", "false");
    if (refocus) marker.focus({ preventScroll: true });
    pop = marker = null;
  }
  function open(link) {
    var passage = document.getElementById(link.hash.slice(1));  // references.py writes both
    var head = document.createElement("span"), quote = document.createElement("span"),
      more = document.createElement("a");
    // The list entry up to its date: the title (a link to the source), publisher, date.
    for (var n = passage.parentElement.parentElement.firstChild; !/^(BUTTON|UL)$/.test(n.nodeName);
      n = n.nextSibling) head.append(n.cloneNode(true));
    quote.className = "cr-pop__quote";
    quote.textContent = passage.querySelector("button").textContent;
    more.href = link.hash;
    more.textContent = "In the list of sources";
    pop = document.createElement("span");
    pop.id = "cr_pop";
    pop.className = "cr-pop";
    pop.append(head, quote, more);
    link.after(pop);
    marker = link;
    link.setAttribute("aria-expanded", "true");
    // Beside the marker and inside the article; above it when it does not fit below and
    // there is more room above.
    var sup = link.parentElement.getBoundingClientRect(), box = pop.getBoundingClientRect(),
      article = link.closest("article").getBoundingClientRect();
    pop.style.left = Math.max(article.left, Math.min(link.getBoundingClientRect().left,
      article.right - box.width)) - sup.left + "px";
    if (box.bottom > innerHeight && sup.top > innerHeight - sup.bottom) pop.classList.add("cr-pop--up");
  }
  document.querySelectorAll(".cr-cite a").forEach(function (link) {
    link.setAttribute("aria-expanded", "false");
    link.setAttribute("aria-controls", "cr_pop");
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest(".cr-cite > a");
    if (pop && pop.contains(event.target)) {
      if (event.target.closest("a")) close();
      return;
    }
    var again = link && link === marker;
    close();
    if (link) {
      event.preventDefault();
      if (!again) open(link);
    }
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") close(true);
  });
  document.addEventListener("focusin", function (event) {
    if (pop && event.target !== marker && !pop.contains(event.target)) close();
  });
})();
