/*
 * Crossroads: the search button in the header, on every page of every builder's output.
 * It costs a page almost nothing: the search itself (search-ui.js and its styles) loads the
 * first time a reader opens it, or when they start to reach for it (hover, focus, touch).
 * "/", "s" or "f" open it, as in Material's own search.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  // The engine's assets live at <site root>/assets/crossroads/; the index at <root>/search/.
  var assets = script.src.replace(/[^/]*$/, "");
  var root = assets.replace(/assets\/crossroads\/$/, "");
  var loading = null;

  function load() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var style = document.createElement("link");
        style.rel = "stylesheet";
        style.href = assets + "search.css";
        document.head.appendChild(style);
        var ui = document.createElement("script");
        ui.src = assets + "search-ui.js";
        ui.onload = function () { resolve(window.crossroadsSearch); };
        ui.onerror = reject;
        document.head.appendChild(ui);
      });
    }
    return loading;
  }

  function open(button, text) {
    load().then(function (search) { search.open({ root: root, opener: button, text: text }); });
  }

  function icon() {
    var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    var path = document.createElementNS("http://www.w3.org/2000/svg", "path");
    path.setAttribute("d", "M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5" +
      "-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 " +
      "9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5Z");
    svg.appendChild(path);
    return svg;
  }

  function addButton() {
    if (document.querySelector(".cr-search-button")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "cr-search-button";
    button.setAttribute("aria-haspopup", "dialog");
    button.setAttribute("aria-label", "Search");  // the label is hidden on a phone
    button.setAttribute("aria-keyshortcuts", "/ s f");
    button.appendChild(icon());
    var label = document.createElement("span");
    label.className = "cr-search-button__label";
    label.textContent = "Search";
    button.appendChild(label);
    var key = document.createElement("kbd");
    key.textContent = "/";
    key.setAttribute("aria-hidden", "true");
    button.appendChild(key);
    button.addEventListener("click", function () { open(button); });
    ["pointerenter", "focus", "touchstart"].forEach(function (name) {
      button.addEventListener(name, function () { load(); }, { passive: true, once: true });
    });
    var header = document.querySelector(".md-header__inner");
    if (header) {
      header.insertBefore(button, header.querySelector(".md-header__source"));
    } else {
      button.classList.add("cr-search-button--floating");
      document.body.appendChild(button);
    }
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (["/", "s", "f"].indexOf(event.key) < 0) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (document.querySelector("dialog.cr-search[open]")) return;
    event.preventDefault();
    open(document.querySelector(".cr-search-button"));
  });

  addButton();
  // Material's instant navigation swaps the page without reloading scripts.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(addButton);
})();
