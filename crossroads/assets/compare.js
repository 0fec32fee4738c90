/*
 * Crossroads "compare any": pick what to compare and the criteria, the table shows just those.
 * The guide's own word for what it compares comes with the data (data.words).
 * The choice lives in the URL (?t=alpha,beta&c=speed,safety) so it can be shared;
 * the shown table can be copied as Markdown or downloaded as CSV. Without JavaScript the
 * whole table shows. Text from data is inserted as text, never as HTML.
 */
(function () {
  "use strict";
  var root = document.getElementById("cr-picker");
  var source = document.getElementById("cr-picker-data");
  var table = root && root.parentElement.querySelector(".cr-compare table");
  if (!root || !source || !table) return;
  var data = JSON.parse(source.textContent);

  function h(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (name === "text") node.textContent = value;
      else if (name === "onclick") node.addEventListener("click", value);
      else if (name === "onchange") node.addEventListener("change", value);
      else if (value !== null && value !== false) node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) { if (child) node.appendChild(child); });
    return node;
  }

  function fromUrl(key, all) {
    var raw = new URLSearchParams(window.location.search).get(key);
    if (!raw) return all.map(function (x) { return x.id; });
    var wanted = raw.split(",");
    var known = all.map(function (x) { return x.id; }).filter(function (id) { return wanted.indexOf(id) >= 0; });
    return known.length ? known : all.map(function (x) { return x.id; });
  }

  var chosen = { t: fromUrl("t", data.technologies), c: fromUrl("c", data.criteria) };
  // The section the table is in: its links carry the choice (sections.js reads data-query).
  var heading = root.previousElementSibling;
  while (heading && heading.tagName !== "H2") heading = heading.previousElementSibling;

  // The choice as a query, ?t=…&c=…, kept in the address with any other parameter.
  function query(params) {
    [["t", data.technologies], ["c", data.criteria]].forEach(function (pair) {
      if (chosen[pair[0]].length === pair[1].length) params.delete(pair[0]);
      else params.set(pair[0], chosen[pair[0]].join(","));
    });
    var text = params.toString().replace(/%2C/g, ",");
    return text ? "?" + text : "";
  }

  function saveToUrl() {
    window.history.replaceState(null, "", window.location.pathname +
      query(new URLSearchParams(window.location.search)) + window.location.hash);
    heading.setAttribute("data-query", query(new URLSearchParams()));
  }

  function apply() {
    // data.columns: the technology of each table column after the first, in table order.
    var techs = data.columns.map(function (id) { return chosen.t.indexOf(id) >= 0; });
    var rows = data.criteria.map(function (c) { return chosen.c.indexOf(c.id) >= 0; });
    table.querySelectorAll("tr").forEach(function (row, index) {
      var isHeader = row.parentElement.tagName === "THEAD";
      if (!isHeader) row.hidden = !rows[index - 1];
      Array.prototype.forEach.call(row.children, function (cell, column) {
        if (column > 0) cell.hidden = !techs[column - 1];
      });
    });
    status.textContent = "Showing " + chosen.t.length + " of " + data.technologies.length +
      " " + data.words.many + " and " + chosen.c.length + " of " + data.criteria.length + " criteria." +
      (chosen.t.length < 2 ? " Tick at least two " + data.words.many + "." : "") +
      (chosen.c.length < 1 ? " Tick the criteria to show." : "");
  }

  function ordered(list, ids) {
    return list.filter(function (x) { return ids.indexOf(x.id) >= 0; });
  }

  function shownTable() {
    var techs = ordered(data.technologies, chosen.t);
    return {
      header: ["Criterion"].concat(techs.map(function (t) { return t.name; })),
      rows: ordered(data.criteria, chosen.c).map(function (c) {
        return [c.name].concat(techs.map(function (t) {
          var cell = data.cells[t.id][c.id];
          return cell.reason ? cell.verdict + ": " + cell.reason : cell.verdict;
        }));
      })
    };
  }

  function asMarkdown() {
    var shown = shownTable();
    var escape = function (text) { return String(text).replace(/([\\|*_`\[\]<>])/g, "\\$1"); };
    var line = function (cells) { return "| " + cells.map(escape).join(" | ") + " |"; };
    return [line(shown.header), "|" + shown.header.map(function () { return " --- |"; }).join("")]
      .concat(shown.rows.map(line)).join("\n") + "\n\nSource: " + window.location.href + "\n";
  }

  function asCsv() {
    var shown = shownTable();
    var quote = function (text) {
      text = String(text);
      if (/^[=+\-@\t\r]/.test(text)) text = "'" + text;  // never a formula in a spreadsheet
      return '"' + text.replace(/"/g, '""') + '"';
    };
    return [shown.header].concat(shown.rows).map(function (cells) {
      return cells.map(quote).join(",");
    }).join("\r\n") + "\r\n";
  }

  function onTick(box) {
    var key = box.getAttribute("data-kind");
    var ids = Array.prototype.map.call(
      root.querySelectorAll('input[data-kind="' + key + '"]:checked'), function (i) { return i.value; });
    // Unticking may not empty a working table; after "None", building up is fine.
    if (key === "t" && ids.length < 2 && chosen.t.length >= 2) {
      box.checked = true;
      status.textContent = "Keep at least two " + data.words.many + " to compare.";
      return;
    }
    if (!ids.length && chosen[key].length) { box.checked = true; return; }
    chosen[key] = ids;
    saveToUrl();
    apply();
  }

  function setAll(key, ids) {
    chosen[key] = ids;
    root.querySelectorAll('input[data-kind="' + key + '"]').forEach(function (box) {
      box.checked = ids.indexOf(box.value) >= 0;
    });
    saveToUrl();
    apply();
  }

  var status = root.querySelector(".cr-picker__status");
  var copied = root.querySelector(".cr-picker__copied");
  var markdownBox = root.querySelector("textarea");
  var all = { t: data.technologies, c: data.criteria };

  // The controls come with the page; the choice in the URL sets the boxes.
  root.querySelectorAll("input[data-kind]").forEach(function (box) {
    box.checked = chosen[box.getAttribute("data-kind")].indexOf(box.value) >= 0;
    box.addEventListener("change", function () { onTick(box); });
  });
  root.querySelectorAll("button[data-all]").forEach(function (button) {
    var key = button.getAttribute("data-all");
    button.addEventListener("click", function () { setAll(key, all[key].map(function (x) { return x.id; })); });
  });
  root.querySelectorAll("button[data-none]").forEach(function (button) {
    button.addEventListener("click", function () { setAll(button.getAttribute("data-none"), []); });
  });
  // Onto the clipboard, saying so; where that is not allowed, fallback offers the text.
  function copy(text, said, fallback) {
    var done = function () { copied.textContent = said; };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, fallback);
    else fallback();
  }
  root.querySelector(".cr-picker__markdown").addEventListener("click", function () {
    var text = asMarkdown();
    markdownBox.value = text;
    copy(text, "Copied.", function () {
      markdownBox.hidden = false; markdownBox.focus(); markdownBox.select();
      copied.textContent = "Select the Markdown below and copy it.";
    });
  });
  root.querySelector(".cr-picker__csv").addEventListener("click", function () {
    var link = h("a", { href: URL.createObjectURL(new Blob([asCsv()], { type: "text/csv" })),
      download: "crossroads-comparison.csv" });
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
  root.querySelector(".cr-picker__link").addEventListener("click", function () {
    var url = window.location.origin + window.location.pathname + heading.getAttribute("data-query") +
      "#" + heading.id;
    copy(url, "Link copied.", function () { window.prompt("Copy this link:", url); });
  });
  root.hidden = false;
  saveToUrl();
  apply();
  // A link to this table with a choice in it opens at the table, once the page has settled.
  if (window.location.hash === "#" + heading.id && heading.getAttribute("data-query")) {
    window.addEventListener("load", function () { status.scrollIntoView(); });
  }
})();
