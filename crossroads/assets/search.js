/*
 * Crossroads: questions typed with hyphens find their answer. Material passes the query
 * through lunr's query lexer, which reads the "-" inside "single-threaded" as "must not
 * contain threaded" and drops every section about threads. A hyphen between two letters
 * or digits becomes a space before Material reads the box; a leading "-" (a reader's own
 * "exclude this word") is kept.
 */
(function () {
  "use strict";
  document.addEventListener("input", function (event) {
    var box = event.target;
    if (!box.matches || !box.matches(".md-search__input")) return;
    var fixed = box.value.replace(/([^\s-])-(?=[^\s-])/g, "$1 ");
    if (fixed === box.value) return;
    var start = box.selectionStart, end = box.selectionEnd;
    box.value = fixed;  // same length, so the caret stays where it was
    box.setSelectionRange(start, end);
  }, true);
})();
