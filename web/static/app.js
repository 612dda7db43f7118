// Progressive enhancement only: every form works without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function setupPostings() {
    var fields = Array.prototype.slice.call(document.querySelectorAll(".posting-field"));
    var button = document.getElementById("add-posting");
    if (!fields.length || !button) { return; }
    fields.forEach(function (field, i) {
      if (i > 0) { field.classList.add("is-hidden"); }
    });
    button.addEventListener("click", function () {
      var next = fields.filter(function (f) { return f.classList.contains("is-hidden"); })[0];
      if (next) {
        next.classList.remove("is-hidden");
        next.querySelector("textarea").focus();
      }
      if (!fields.some(function (f) { return f.classList.contains("is-hidden"); })) {
        button.hidden = true;
      }
    });
  }

  var STATUS = { accepted: "Accepted", edited: "Edited: your version will be used", rejected: "Rejected" };

  function setupRewrites() {
    document.querySelectorAll("article.rewrite").forEach(function (card) {
      var status = card.querySelector(".status");
      var area = card.querySelector("textarea");
      function show(value) {
        card.classList.remove("decided-accepted", "decided-edited", "decided-rejected");
        if (value) { card.classList.add("decided-" + value); }
        if (status) { status.textContent = value ? STATUS[value] : ""; }
      }
      card.querySelectorAll("input[type=radio]").forEach(function (radio) {
        radio.addEventListener("change", function () {
          show(radio.value);
          if (radio.value === "edited" && area) { area.focus(); }
        });
      });
      if (area) {
        area.addEventListener("input", function () {
          var edited = card.querySelector("input[value=edited]");
          if (edited && !edited.checked) { edited.checked = true; show("edited"); }
        });
      }
    });
    document.querySelectorAll("button.copy").forEach(function (button) {
      button.addEventListener("click", function () {
        var source = document.getElementById(button.getAttribute("data-copy"));
        if (!source) { return; }
        var done = function () { button.textContent = "Copied"; };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(source.value).then(done, function () {});
        } else {
          source.select();
          document.execCommand("copy");
          done();
        }
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    setupPostings();
    setupRewrites();
  });
}());
