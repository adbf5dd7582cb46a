// Small progressive enhancements; every page works without JavaScript too.
(function () {
  "use strict";

  // Waiting page: poll the job and show progress; reload when it is done.
  var waiting = document.getElementById("waiting");
  if (waiting) {
    var url = waiting.getAttribute("data-status-url");
    var bar = document.getElementById("progress");
    var step = document.getElementById("step");
    var poll = function () {
      fetch(url, {headers: {"Accept": "application/json"}, cache: "no-store"})
        .then(function (r) { return r.json(); })
        .then(function (s) {
          if (s.state === "done" || s.state === "failed" || s.state === "gone") {
            window.location.reload();
            return;
          }
          bar.value = Math.round((s.progress || 0) * 100);
          bar.textContent = bar.value + "%";
          if (s.step) { step.textContent = s.step; }
          setTimeout(poll, 700);
        })
        .catch(function () { setTimeout(poll, 2000); });
    };
    setTimeout(poll, 500);
  }

  // Buttons that need JavaScript are hidden until it runs.
  document.querySelectorAll(".js-only").forEach(function (el) { el.hidden = false; });

  var printButton = document.querySelector("[data-action=print]");
  if (printButton) {
    printButton.addEventListener("click", function () { window.print(); });
  }

  // Read aloud with the browser's own Dutch voice.
  var speakButton = document.querySelector("[data-action=speak]");
  if (speakButton) {
    if (!("speechSynthesis" in window)) {
      speakButton.hidden = true;
    } else {
      speakButton.addEventListener("click", function () {
        if (window.speechSynthesis.speaking) {
          window.speechSynthesis.cancel();
          speakButton.textContent = "Lees voor";
          return;
        }
        var sheet = document.getElementById("sheet");
        var utterance = new SpeechSynthesisUtterance(sheet.innerText);
        utterance.lang = "nl-NL";
        utterance.rate = 0.95;
        var voice = window.speechSynthesis.getVoices().filter(function (v) {
          return v.lang && v.lang.toLowerCase().indexOf("nl") === 0;
        })[0];
        if (voice) { utterance.voice = voice; }
        utterance.onend = function () { speakButton.textContent = "Lees voor"; };
        window.speechSynthesis.speak(utterance);
        speakButton.textContent = "Stop met voorlezen";
      });
    }
  }

  // Drag and drop files onto the upload form (desktop).
  var form = document.getElementById("upload-form");
  var input = document.getElementById("brief");
  if (form && input && "DataTransfer" in window) {
    document.getElementById("drop-hint").hidden = false;
    ["dragenter", "dragover"].forEach(function (name) {
      form.addEventListener(name, function (e) { e.preventDefault(); form.classList.add("dragging"); });
    });
    ["dragleave", "drop"].forEach(function (name) {
      form.addEventListener(name, function (e) { e.preventDefault(); form.classList.remove("dragging"); });
    });
    form.addEventListener("drop", function (e) {
      if (e.dataTransfer && e.dataTransfer.files.length) { input.files = e.dataTransfer.files; }
    });
  }
}());
