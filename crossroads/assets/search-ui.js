/*
 * Crossroads search: a dialog that finds the section that answers a reader's question.
 *
 * The index (written by crossroads/search/ after any builder) is static files under
 * <root>/search/: a manifest, words in chunks with each word's scored records, and one file
 * per record. A query fetches only the chunks of its own words and the records it shows.
 * tokens() and stem() mirror crossroads/search/words.py exactly: the index stores the words
 * they make, and a browser test checks that both sides agree.
 */
(function () {
  "use strict";
  var SHOWN = 8;            // results shown at first; "More results" adds as many again
  var WAIT_MS = 120;        // typing pause before searching
  var manifest = null, root = "", chunks = {}, records = {};

  // ---- words: the same rules as crossroads/search/words.py ----
  var WORD = /[a-z0-9]+(?:[.+#'\-][a-z0-9]+)*/g, JOINERS = /[.+#'\-]/g;
  function fold(text) {
    return text.toLowerCase().replace(/\u2019/g, "'").normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }
  function stem(word) {
    var n = word.length;
    if (n > 4 && /ies$/.test(word)) return word.slice(0, -3) + "y";
    if (/sses$/.test(word)) return word.slice(0, -2);
    if (n > 3 && /s$/.test(word) && !/(ss|us|is)$/.test(word)) word = word.slice(0, -1);
    if (word.length > 5 && /ing$/.test(word)) return word.slice(0, -3);
    if (word.length > 4 && /ed$/.test(word)) return word.slice(0, -2);
    return word;
  }
  function tokens(text, stop) {
    var found = [], match, folded = fold(text).replace(/'s\b/g, "");
    WORD.lastIndex = 0;
    while ((match = WORD.exec(folded))) {
      var compound = match[0], parts = compound.split(JOINERS);
      var words = parts.length > 1 ? [compound.replace(JOINERS, "")].concat(parts) : parts;
      words.forEach(function (w) { if (!stop[w]) found.push(stem(w)); });
    }
    return found;
  }

  // ---- the index ----
  function fetchJson(path) {
    return fetch(root + "search/" + path).then(function (response) {
      if (!response.ok) throw new Error(path + ": " + response.status);
      return response.json();
    });
  }
  function loadManifest() {
    if (!manifest) {
      manifest = fetchJson("manifest.json").then(function (m) {
        m.stopSet = {};
        m.stop.forEach(function (w) { m.stopSet[w] = true; });
        return m;
      });
    }
    return manifest;
  }
  function chunk(number, m) {
    if (!chunks[number]) chunks[number] = fetchJson("w/" + m.chunks[number][1] + ".json");
    return chunks[number];
  }
  function record(number, m) {
    var file = Math.floor(number / m.records.per);
    if (!records[file]) records[file] = fetchJson(m.records.folder + "/" + file + ".json");
    return records[file].then(function (list) { return list[number % m.records.per]; });
  }
  // The chunks that may hold words starting with `term`.
  function chunksFor(term, m) {
    var first = 0;
    m.chunks.forEach(function (c, i) { if (c[0] <= term) first = i; });
    var last = first;
    while (last + 1 < m.chunks.length && m.chunks[last + 1][0].indexOf(term) === 0) last++;
    var list = [];
    for (var i = first; i <= last; i++) list.push(i);
    return list;
  }
  // record number -> best score of a word matching `term` (whole word, or a prefix of one).
  function postings(term, m) {
    return Promise.all(chunksFor(term, m).map(function (i) { return chunk(i, m); })).then(function (loaded) {
      var found = {};
      loaded.forEach(function (c) {
        c.w.forEach(function (word, i) {
          var exact = word === term;
          if (!exact && (term.length < 3 || word.indexOf(term) !== 0)) return;
          var factor = exact ? 1 : Math.max(0.25, term.length / word.length);
          var list = c.p[i], number = 0;
          for (var k = 0; k < list.length; k += 2) {
            number += list[k];
            // The score, doubled, plus 1 when the word is in the record's heading.
            var score = (list[k + 1] >> 1) * factor, titled = list[k + 1] & 1;
            if (!found[number] || found[number].score < score) {
              found[number] = { score: score, titled: titled || (found[number] ? found[number].titled : 0) };
            } else if (titled) {
              found[number].titled = 1;
            }
          }
        });
      });
      return found;
    });
  }
  function distance(a, b) {
    // Damerau-Levenshtein (adjacent swaps count once): one or two typos.
    var d = [], i, j;
    for (i = 0; i <= a.length; i++) { d[i] = [i]; }
    for (j = 0; j <= b.length; j++) { d[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length][b.length];
  }
  // A heading word (or a word readers ask with; the index marks them) one or two typos from
  // `term`. Looked for among the words that sort near it, and near it with one of its first
  // letters swapped with the next ("falsk", "fatsapi"): a typo elsewhere sorts nearby.
  function correct(term, m) {
    if (term.length < 4) return Promise.resolve(null);
    var variants = [term];
    for (var at = 0; at < 3; at++) {
      variants.push(term.slice(0, at) + term[at + 1] + term[at] + term.slice(at + 2));
    }
    var numbers = [];
    variants.forEach(function (v) {
      chunksFor(v, m).forEach(function (i) { if (numbers.indexOf(i) < 0) numbers.push(i); });
    });
    var starts = variants.map(function (v) { return v[0]; });
    return Promise.all(numbers.map(function (i) { return chunk(i, m); })).then(function (loaded) {
      var allowed = term.length > 5 ? 2 : 1, best = null, bestCost = allowed + 1, bestUses = 0;
      loaded.forEach(function (c) {
        c.k.forEach(function (i) {
          var word = c.w[i];
          // Typos rarely hit the first letter, unless two letters are swapped.
          if (starts.indexOf(word[0]) < 0) return;
          if (Math.abs(word.length - term.length) > allowed) return;
          var cost = distance(term, word), uses = c.p[i].length;
          if (cost < bestCost || (cost === bestCost && uses > bestUses)) {
            best = word; bestCost = cost; bestUses = uses;
          }
        });
      });
      return bestCost <= allowed ? best : null;
    });
  }

  // ---- a query ----
  function notCovered(query, m) {
    var folded = " " + fold(query).replace(/[^a-z0-9.+#]+/g, " ") + " ";
    return m.notCovered.filter(function (entry) {
      return entry.words.some(function (w) { return folded.indexOf(" " + w + " ") >= 0; });
    });
  }
  function search(query, m) {
    var missing = notCovered(query, m), skip = {};
    missing.forEach(function (entry) {
      entry.words.forEach(function (w) { tokens(w, m.stopSet).forEach(function (t) { skip[t] = true; }); });
    });
    var terms = [];
    tokens(query, m.stopSet).forEach(function (t) { if (!skip[t] && terms.indexOf(t) < 0) terms.push(t); });
    return Promise.all(terms.map(function (term) {
      return postings(term, m).then(function (found) {
        if (Object.keys(found).length) return { term: term, found: found };
        return correct(term, m).then(function (fixed) {
          if (!fixed) return { term: term, found: {} };
          return postings(fixed, m).then(function (f) { return { term: term, fixed: fixed, found: f }; });
        });
      });
    })).then(function (perTerm) { return rank(query, terms, perTerm, missing, m); });
  }
  function rank(query, terms, perTerm, missing, m) {
    var total = {}, cover = {}, titled = {}, final = {};
    perTerm.forEach(function (t) {
      Object.keys(t.found).forEach(function (n) {
        total[n] = (total[n] || 0) + t.found[n].score;
        cover[n] = (cover[n] || 0) + 1;
        titled[n] = (titled[n] || 0) + t.found[n].titled;
      });
    });
    var best = 0, n = Math.max(terms.length, 1);
    Object.keys(cover).forEach(function (r) { best = Math.max(best, cover[r]); });
    // A good match holds at least half of the words that matter; fewer is no answer.
    var answered = terms.length > 0 && best >= Math.ceil(terms.length / 2);
    var list = answered ? Object.keys(total).map(Number) : [];
    // The text's score, more for holding more of the words, and up to twice as much when
    // the heading holds them: "Use TOML" is that outcome's title.
    list.forEach(function (r) {
      final[r] = total[r] * (0.5 + 0.5 * cover[r] / n) * (1 + titled[r] / n);
    });
    list.sort(function (a, b) { return (final[b] - final[a]) || (a - b); });
    var asked = perTerm.filter(function (t) { return Object.keys(t.found).length; })
      .map(function (t) { return t.fixed || t.term; });
    list = introsAfterSections(asked, list, cover, m);
    return {
      query: query, terms: terms, answered: answered, results: list, scores: final,
      fixed: perTerm.filter(function (t) { return t.fixed; }),
      unknown: perTerm.filter(function (t) { return !Object.keys(t.found).length; }).map(function (t) { return t.term; }),
      missing: missing
    };
  }
  // A page's intro never comes before a section of the same page that holds the words,
  // unless the page's own title holds them all (a search for "TOML" opens TOML's page).
  function introsAfterSections(terms, list, cover, m) {
    var page = function (n) {
      var p = 0;
      m.pageOf.forEach(function (start, i) { if (start <= n) p = i; });
      return p;
    };
    var intros = {};
    m.intros.forEach(function (n) { intros[n] = true; });
    var out = list.slice();
    list.forEach(function (n) {
      var own = m.pageWords[page(n)];
      var titled = terms.every(function (t) {
        return own.some(function (w) { return w === t || (t.length >= 3 && w.indexOf(t) === 0); });
      });
      if (!intros[n] || titled) return;
      var from = out.indexOf(n), to = from;
      for (var i = from + 1; i < out.length; i++) {
        if (page(out[i]) === page(n) && cover[out[i]] === cover[n]) to = i;
      }
      if (to > from) { out.splice(from, 1); out.splice(to, 0, n); }
    });
    return out;
  }

  // ---- the dialog ----
  var dialog, input, status, notice, list, more, timer = null, latest = 0, shown = 0, current = null;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }
  function build() {
    dialog = element("dialog", "cr-search");
    dialog.setAttribute("aria-label", "Search this guide");
    var form = element("form", "cr-search__bar");
    form.setAttribute("role", "search");
    form.method = "dialog";
    input = element("input", "cr-search__input");
    input.type = "search";
    input.placeholder = "Search: ask a question or type words";
    input.setAttribute("aria-label", "Search this guide");
    input.setAttribute("aria-describedby", "cr-search-status");
    input.setAttribute("aria-controls", "cr-search-results");
    input.autocomplete = "off";
    input.spellcheck = false;
    var close = element("button", "cr-search__close", "Close");
    close.type = "button";
    close.addEventListener("click", function () { dialog.close(); });
    form.appendChild(input);
    form.appendChild(close);
    status = element("p", "cr-search__status");
    status.id = "cr-search-status";
    status.setAttribute("role", "status");
    notice = element("div", "cr-search__notice");
    list = element("ol", "cr-search__results");
    list.id = "cr-search-results";
    list.setAttribute("aria-label", "Results");
    more = element("button", "cr-search__more", "More results");
    more.type = "button";
    more.hidden = true;
    more.addEventListener("click", function () { show(current, shown + SHOWN, true); });
    [form, status, notice, list, more].forEach(function (n) { dialog.appendChild(n); });
    document.body.appendChild(dialog);

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = list.querySelector("a");
      if (first) first.click();
    });
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(run, WAIT_MS);
    });
    dialog.addEventListener("keydown", keys);
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();  // a click on the backdrop
      var link = event.target.closest && event.target.closest("a");
      if (link && list.contains(link)) dialog.close();
    });
    dialog.addEventListener("close", function () {
      if (dialog.opener && dialog.opener.focus) dialog.opener.focus();
    });
  }
  function keys(event) {
    var links = Array.prototype.slice.call(list.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown") {
      event.preventDefault();
      (links[at + 1] || links[0] || input).focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (at > 0 ? links[at - 1] : input).focus();
    }
  }
  function run() {
    var query = input.value.trim(), ticket = ++latest;
    if (!query) { clear(""); return; }
    loadManifest().then(function (m) { return search(query, m); }).then(function (found) {
      if (ticket === latest) show(found, SHOWN, false);
    }).catch(function () {
      if (ticket === latest) clear("Search is not available: its index could not be loaded.");
    });
  }
  function clear(message) {
    list.textContent = "";
    notice.textContent = "";
    status.textContent = message;
    more.hidden = true;
    current = null;
  }
  function link(label, url) {
    var a = element("a", "", label);
    a.href = root + url;
    return a;
  }
  function waysIn(m, into) {
    m.waysIn.forEach(function (way, i) {
      if (i) into.appendChild(document.createTextNode(" · "));
      into.appendChild(link(way.label, way.url));
    });
  }
  function names(list) {
    return list.length < 2 ? list.join("") : list.slice(0, -1).join(", ") + " and " + list[list.length - 1];
  }
  function show(found, count, keepFocus) {
    manifest.then(function (m) {
      current = found;
      notice.textContent = "";
      found.missing.forEach(function (entry) {
        var p = element("p", "cr-search__not-covered");
        p.appendChild(element("strong", "", "This guide does not cover " + entry.name + "."));
        p.appendChild(document.createTextNode(" It compares " + names(m.items) + ". Start from: "));
        waysIn(m, p);
        notice.appendChild(p);
      });
      if (found.fixed.length) {
        notice.appendChild(element("p", "cr-search__fixed", "Showing results for " +
          found.fixed.map(function (t) { return "“" + t.fixed + "” (not “" + t.term + "”)"; }).join(", ") + "."));
      }
      if (!found.answered) {
        list.textContent = "";
        more.hidden = true;
        if (found.terms.length || !found.missing.length) {
          var p = element("p", "cr-search__none");
          p.appendChild(element("strong", "", "This guide has no answer to “" + found.query + "”."));
          p.appendChild(document.createTextNode(" Try other words, or start from: "));
          waysIn(m, p);
          notice.appendChild(p);
        }
        status.textContent = found.missing.length ? "Not covered by this guide." : "No results.";
        dialog.setAttribute("data-query", found.query);  // what is shown is for this query
        return;
      }
      var numbers = found.results.slice(0, count);
      Promise.all(numbers.map(function (n) { return record(n, m); })).then(function (items) {
        if (current !== found) return;
        var before = shown;
        // A heading that is the query itself, word for word, comes first.
        var plain = function (text) { return fold(text).replace(/[^a-z0-9]+/g, " ").trim(); };
        var exact = function (item) { return plain(item.t) === plain(found.query); };
        items = items.filter(exact).concat(items.filter(function (item) { return !exact(item); }));
        list.textContent = "";
        items.forEach(function (item) { list.appendChild(result(item, found)); });
        shown = items.length;
        more.hidden = found.results.length <= shown;
        status.textContent = found.results.length + (found.results.length === 1 ? " section" : " sections") +
          " found" + (found.unknown.length ? "; nothing matches “" + found.unknown.join("”, “") + "”" : "") + ".";
        dialog.setAttribute("data-query", found.query);
        if (keepFocus && list.querySelectorAll("a")[before]) list.querySelectorAll("a")[before].focus();
      });
    });
  }
  function result(item, found) {
    var li = element("li", "cr-search__result");
    var a = element("a");
    a.href = root + item.u;
    if (item.p) a.appendChild(element("span", "cr-search__page", item.p));
    a.appendChild(element("span", "cr-search__title", item.t));
    a.appendChild(excerpt(item.x, found));
    li.appendChild(a);
    return li;
  }
  // About 30 words of the text around its first stretch of query words, the words marked.
  function excerpt(text, found) {
    var out = element("span", "cr-search__excerpt");
    var words = found.terms.concat(found.fixed.map(function (t) { return t.fixed; }));
    var parts = text.split(/(\s+)/), marks = [], firstMark = -1;
    for (var i = 0; i < parts.length; i += 2) {
      var hit = tokens(parts[i], {}).some(function (w) {
        return words.some(function (t) { return w === t || (t.length >= 3 && w.indexOf(t) === 0); });
      });
      marks[i] = hit;
      if (hit && firstMark < 0) firstMark = i;
    }
    var start = Math.max(0, firstMark - 16), end = Math.min(parts.length, start + 60);
    if (start > 0) out.appendChild(document.createTextNode("… "));
    for (var k = start; k < end; k++) {
      if (marks[k]) out.appendChild(element("mark", "", parts[k]));
      else out.appendChild(document.createTextNode(parts[k]));
    }
    if (end < parts.length) out.appendChild(document.createTextNode(" …"));
    return out;
  }

  window.crossroadsSearch = {
    open: function (options) {
      root = options.root;
      if (!dialog || !dialog.isConnected) build();  // instant navigation may swap the body
      dialog.opener = options.opener;
      if (!dialog.open) dialog.showModal();
      input.focus();
      input.select();
      loadManifest();
    },
    // A query's ranked record numbers and scores, without the dialog.
    find: function (siteRoot, query) {
      root = siteRoot;
      return loadManifest().then(function (m) { return search(query, m); });
    },
    // The word rules, to compare with crossroads/search/words.py.
    tokens: function (text, stop) { return tokens(text, stop || {}); }
  };
})();
