/* Small site helpers: the "include answers when printing" choice, link targets for print, copying a
   paragraph's address when its ¶ number is clicked, and a language switcher that always leads to the
   twin page. No network, no dependencies. */
(function () {
  "use strict";
  var KEY = "papersite.printAnswers";
  // Links whose targets are not worth printing: the paragraph numbers, concept links in running text,
  // heading permalinks and footnote markers.
  var QUIET = ".para-num, .concept-link, .headerlink, .footnote-ref, .footnote-backref, .md-content__button";

  function choice() {
    try { return localStorage.getItem(KEY) !== "no"; } catch (e) { return true; }
  }

  function apply(on) {
    document.documentElement.setAttribute("data-print-answers", on ? "yes" : "no");
    var boxes = document.querySelectorAll("input[data-print-answers]");
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = on;
  }

  function markTargets() {
    var links = document.querySelectorAll(".md-content a[href]");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      if (a.matches(QUIET) || a.closest("sup, .kwic, svg")) continue;
      var target = a.href;
      if (target && target.indexOf("javascript:") !== 0) a.setAttribute("data-print-href", target);
    }
  }

  document.addEventListener("change", function (ev) {
    var box = ev.target;
    if (!box.matches || !box.matches("input[data-print-answers]")) return;
    try { localStorage.setItem(KEY, box.checked ? "yes" : "no"); } catch (e) { /* private mode */ }
    apply(box.checked);
  });

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a.para-num") : null;
    if (!a || !navigator.clipboard || !window.isSecureContext) return;
    navigator.clipboard.writeText(a.href).then(function () {
      a.classList.add("copied");
      setTimeout(function () { a.classList.remove("copied"); }, 1500);
    }, function () { /* the address bar still shows the link */ });
  });

  // Material intercepts clicks on the language links and looks the twin page up in sitemap.xml; without
  // a site_url the sitemap is empty, so whenever it has loaded before the click, Material sends the
  // reader to the other variant's home instead of the twin. Every variant has the same page paths
  // (overrides/partials/alternate.html), so the link itself is right: let the browser follow it.
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest(".md-select__link[hreflang]") : null;
    if (link) ev.stopPropagation();
  }, true);

  function init() { apply(choice()); markTargets(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
