// Readability check: a live word count under the text box, and a click on a
// sentence highlights its remarks. The page works without this file.
(function () {
  "use strict";
  var box = document.querySelector("textarea[data-count]");
  if (box) {
    var out = document.getElementById(box.getAttribute("data-count"));
    var update = function () {
      var words = box.value.trim() ? box.value.trim().split(/\s+/).length : 0;
      out.textContent = words + (words === 1 ? " woord" : " woorden");
    };
    box.addEventListener("input", update);
    update();
  }
  document.addEventListener("click", function (event) {
    var sentence = event.target.closest ? event.target.closest("a.lb-s") : null;
    if (!sentence) { return; }
    document.querySelectorAll(".lb-active").forEach(function (el) { el.classList.remove("lb-active"); });
    sentence.classList.add("lb-active");
    var remarks = document.getElementById(sentence.getAttribute("href").slice(1));
    if (remarks) { remarks.classList.add("lb-active"); }
  });
})();
