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

/* "What it says": one listener for every citation's folded quote on the page. */
(function () {
  "use strict";
  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".cr-quote-toggle");
    if (!button) return;
    var open = button.getAttribute("aria-expanded") !== "true";
    button.setAttribute("aria-expanded", open ? "true" : "false");
    var quote = button.nextElementSibling;
    if (quote) quote.classList.toggle("cr-quote--open", open);
  });
})();
