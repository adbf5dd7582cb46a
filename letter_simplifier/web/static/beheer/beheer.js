// While an editor types: entries that look like the new term, and whether the
// explanation is plain enough. Asks /beheer/controle (JSON); no inline script.
(function () {
  "use strict";
  var form = document.getElementById("entry-form");
  if (!form) { return; }
  var url = form.getAttribute("data-check-url");
  var before = form.getAttribute("data-before") || "";
  var token = document.querySelector("meta[name=csrf-token]").getAttribute("content");
  var term = document.getElementById("term");
  var plain = document.getElementById("plain");
  var related = document.getElementById("related");
  var lookalikes = document.getElementById("lookalikes");
  var plainCheck = document.getElementById("plain-check");
  var timer = null;
  var asked = 0;

  function list(items) {
    var ul = document.createElement("ul");
    items.forEach(function (item) { ul.appendChild(item); });
    return ul;
  }

  function textItem(text) {
    var li = document.createElement("li");
    li.textContent = text;
    return li;
  }

  function show(box, title, items, ok) {
    box.textContent = "";
    var p = document.createElement("p");
    p.className = ok ? "ok" : "attention";
    p.textContent = title;
    box.appendChild(p);
    if (items.length) { box.appendChild(list(items)); }
  }

  function render(data) {
    if (!term.value.trim()) {
      lookalikes.textContent = "";
    } else if (data.lookalikes.length) {
      show(lookalikes, "Lijkt op een woord dat er al is. Kijk of het niet hetzelfde is:",
        data.lookalikes.map(function (found) {
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = found.url;
          a.textContent = found.term;
          li.appendChild(a);
          if (found.form !== found.term) {
            li.appendChild(document.createTextNode(" (vorm: " + found.form + ")"));
          }
          return li;
        }), false);
    } else {
      show(lookalikes, "Dit woord staat nog niet in de lijst.", [], true);
    }
    if (!plain.value.trim()) {
      plainCheck.textContent = "";
      return;
    }
    var count = data.characters + " van de " + data.max_characters + " tekens.";
    if (data.plain.length) {
      show(plainCheck, "De uitleg is nog niet gewoon genoeg. " + count,
        data.plain.map(function (problem) { return textItem(problem.message); }), false);
    } else {
      show(plainCheck, "De uitleg is gewoon genoeg. " + count, [], true);
    }
  }

  function ask() {
    var mine = ++asked;
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-CSRFToken": token},
      body: JSON.stringify({
        term: term.value, plain: plain.value, before: before,
        related: related.value.split(",").map(function (r) { return r.trim(); })
      })
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      // An older answer that arrives late must not overwrite a newer one.
      if (data && mine === asked) { render(data); }
    }).catch(function () { /* the check helps; the form works without it */ });
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, 300);
  }

  [term, plain, related].forEach(function (field) { field.addEventListener("input", later); });
  if (term.value || plain.value) { ask(); }
})();
