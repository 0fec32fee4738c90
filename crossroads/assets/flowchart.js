/*
 * Crossroads decision flowchart.
 *
 * One question at a time; the answers so far live in the URL, keyed by question id
 * (?q-realtime=yes&q-language=python), so every state has its own address, the browser's
 * back and forward buttons work, and a link keeps landing sensibly after questions are
 * added or reordered: answers to unknown questions are dropped, missing ones are asked.
 * All text comes from data and is inserted with textContent, never as HTML; the one
 * exception is a grade, which the engine renders and escapes (crossroads/grades.py), so it
 * has the same icon, colour and word as on every page.
 */
(function () {
  "use strict";

  var root = document.getElementById("cr-flow");
  var source = document.getElementById("cr-flow-data");
  if (!root || !source) return;
  var flow = JSON.parse(source.textContent);
  var PREFIX = flow.questionPrefix;  // the page registry's, so links and sections agree

  function capitalised(text) { return text.charAt(0).toUpperCase() + text.slice(1); }

  function h(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (name === "text") node.textContent = value;
      else if (name === "onclick") node.addEventListener("click", value);
      else if (value !== null && value !== false) node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      if (child) node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* Walk from the start, following the answers in the URL, until a question lacks one. */
  function stateFromUrl() {
    var params = new URLSearchParams(window.location.search);
    var path = [];
    var node = flow.start;
    while (flow.questions[node]) {
      var question = flow.questions[node];
      var wanted = params.get(PREFIX + node);
      var answer = question.answers.filter(function (a) { return a.id === wanted; })[0];
      if (!answer) break;
      path.push({ question: node, answer: answer });
      node = answer.next;
    }
    return { path: path, node: node };
  }

  function urlFor(path) {
    var params = new URLSearchParams(window.location.search);
    Array.from(params.keys()).forEach(function (key) {
      if (key.indexOf(PREFIX) === 0) params.delete(key);
    });
    path.forEach(function (step) { params.set(PREFIX + step.question, step.answer.id); });
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "");
  }

  function go(path) {
    window.history.pushState(null, "", urlFor(path));
    render(true);
  }

  function absolute(url) {
    return new URL(url, window.location.href).href;
  }

  function md(text) {
    return String(text).replace(/([\\`*_{}\[\]()#+!|<>~])/g, "\\$1");
  }

  function markdownFor(path, outcome, fit) {
    var lines = [
      "## Decision: " + md(outcome.title),
      "",
      "Made with the [Crossroads decision guide](" + window.location.href + ").",
      "",
      "| Question | Answer |",
      "| --- | --- |"
    ];
    path.forEach(function (step) {
      lines.push("| " + md(flow.questions[step.question].text) + " | " + md(step.answer.label) + " |");
    });
    lines.push("", "**Recommendation:** " + md(outcome.title) +
      (outcome.technology ? " (" + md(outcome.technology) + ")" : ""), "", md(outcome.reason), "");
    if (outcome.useCase) {
      lines.push("Use case: [" + md(outcome.useCase.title) + "](" + absolute(outcome.useCase.url) + ")" +
        (fit ? " (" + md(outcome.technology) + ": " + md(fit.textContent) + ")" : ""), "");
    }
    lines.push("Criteria: " + outcome.criteria.map(function (c) {
      return "[" + md(c.name) + "](" + absolute(c.url) + ")";
    }).join(", "), "", "Sources:", "");
    outcome.sources.forEach(function (s) {
      lines.push("- [" + md(s.title) + "](" + s.url + "), " + md(s.publisher) + ", checked " + s.checked +
        ": “" + md(s.quote) + "”");
    });
    return lines.join("\n") + "\n";
  }

  function answersSoFar(path) {
    if (!path.length) return null;
    return h("nav", { "class": "cr-flow__path", "aria-label": "Your answers so far" }, [
      h("h2", { "class": "cr-flow__path-title", text: "Your answers so far" }),
      h("ol", {}, path.map(function (step, index) {
        var question = flow.questions[step.question];
        return h("li", {}, [
          h("span", { "class": "cr-flow__q", text: question.text }), " ",
          h("strong", { text: step.answer.label }), " ",
          h("button", {
            type: "button", "class": "md-button cr-flow__change", text: "Change",
            "aria-label": "Change your answer to: " + question.text,
            onclick: function () { go(path.slice(0, index)); }
          })
        ]);
      }))
    ]);
  }

  function questionView(path, id) {
    var question = flow.questions[id];
    var heading = h("h2", { "class": "cr-flow__heading", tabindex: "-1",
      text: "Question " + (path.length + 1) + ": " + question.text });
    return { heading: heading, announce: heading.textContent, view: h("section", { "class": "cr-flow__question", "data-question": id }, [
      heading,
      question.help ? h("p", { text: question.help }) : null,
      h("div", { "class": "cr-flow__answers", role: "group", "aria-label": question.text },
        question.answers.map(function (answer) {
          return h("button", {
            type: "button", "class": "md-button cr-flow__answer", "data-answer": answer.id,
            text: answer.label,
            onclick: function () { go(path.concat([{ question: id, answer: answer }])); }
          });
        }))
    ]) };
  }

  function outcomeView(path, id) {
    var outcome = flow.outcomes[id];
    var heading = h("h2", { "class": "cr-flow__heading", tabindex: "-1",
      text: "Recommendation: " + outcome.title });
    var fit = null;
    if (outcome.fit) {
      fit = h("span");
      fit.innerHTML = outcome.fit;  // engine-made badge (grades.py), data already escaped
      fit = fit.firstChild;
    }
    var markdown = markdownFor(path, outcome, fit);
    var status = h("p", { "class": "cr-flow__copied", role: "status" });
    var text = h("textarea", { readonly: true, rows: "10", "aria-label": "This decision as Markdown" });
    text.value = markdown;
    var copy = h("button", {
      type: "button", "class": "md-button md-button--primary cr-flow__copy",
      text: "Copy this decision as Markdown",
      onclick: function () {
        var done = function () { status.textContent = "Copied. Paste it into your decision record or pull request."; };
        var fallback = function () {
          details.open = true; text.focus(); text.select();
          status.textContent = "Select the Markdown below and copy it.";
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(markdown).then(done, fallback);
        } else {
          fallback();
        }
      }
    });
    var details = h("details", { "class": "cr-flow__markdown" }, [h("summary", { text: "Show the Markdown" }), text]);
    // The decision's own address: the answers taken, never a ?h= search highlight.
    var share = h("button", {
      type: "button", "class": "md-button cr-flow__link", text: "Copy link to this decision",
      onclick: function () {
        var params = new URLSearchParams(window.location.search);
        params.delete("h");
        var query = params.toString();
        var url = window.location.origin + window.location.pathname + (query ? "?" + query : "");
        share.setAttribute("data-url", url);
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(url).then(function () { status.textContent = "Link copied."; },
            function () { window.prompt("Copy this link:", url); });
        } else {
          window.prompt("Copy this link:", url);
        }
      }
    });
    var useCase = outcome.useCase ?
      ["Use case: ", h("a", { href: outcome.useCase.url, text: outcome.useCase.title })].concat(
        fit ? [" (" + outcome.technology + ": ", fit, ")"] : [], [". "]) : [];
    var links = h("p", {}, useCase.concat(["Criteria: "]).concat(outcome.criteria.reduce(function (all, c, i) {
        if (i) all.push(", ");
        all.push(h("a", { href: c.url, text: c.name }));
        return all;
      }, []), ["."]));
    var sources = h("ul", {}, outcome.sources.map(function (s) {
      return h("li", {}, [h("a", { href: s.url, text: s.title }), ", " + s.publisher + ", checked ",
        h("time", { datetime: s.checked, text: s.checked }),
        " ", h("button", { type: "button", "class": "cr-quote-toggle", "aria-expanded": "false", text: "What it says" }),
        h("blockquote", { "class": "cr-quote", text: s.quote })]);
    }));
    return { heading: heading, announce: heading.textContent, view: h("section", { "class": "cr-flow__outcome", "data-outcome": id }, [
      heading,
      outcome.technology ? h("p", { "class": "cr-flow__technology", text: capitalised(flow.words.one) + ": " + outcome.technology }) : null,
      h("p", { text: outcome.reason }),
      links,
      h("div", { "class": "cr-sources" }, [h("p", { text: "Sources:" }), sources]),
      copy, share, status, details
    ]) };
  }

  var live = h("p", { "class": "cr-flow__live", role: "status", "aria-live": "polite" });

  function render(moveFocus) {
    var state = stateFromUrl();
    var canonical = urlFor(state.path);
    if (canonical !== window.location.pathname + window.location.search) {
      window.history.replaceState(null, "", canonical + window.location.hash);
    }
    var shown = flow.questions[state.node] ? questionView(state.path, state.node) : outcomeView(state.path, state.node);
    var controls = h("div", { "class": "cr-flow__controls" }, [
      h("button", { type: "button", "class": "md-button cr-flow__back", text: "Back",
        disabled: state.path.length === 0,
        onclick: function () { go(state.path.slice(0, -1)); } }),
      h("button", { type: "button", "class": "md-button cr-flow__restart", text: "Restart",
        disabled: state.path.length === 0,
        onclick: function () { go([]); } })
    ]);
    root.replaceChildren(answersSoFar(state.path) || document.createTextNode(""), shown.view, controls, live);
    live.textContent = shown.announce;
    if (moveFocus) shown.heading.focus();
  }

  window.addEventListener("popstate", function () { render(true); });
  root.hidden = false;
  render(false);
  // A shared decision opens at its answers, the recommendation just below them.
  var path = root.querySelector(".cr-flow__path");
  if (path && !window.location.hash) path.scrollIntoView();
})();
