/* Small site helpers: the "include answers when printing" choice, the printed pages' running head, copying
   a paragraph's address when its ¶ number is clicked, "cite this paragraph", concept previews and the switch
   for concept links, a language switcher that always leads to the twin page, the search box (opening,
   keyboard shortcuts, loading search.js the first time it is used), and starting Material's bundle at the
   first use of the page. No network, no dependencies. */
(function () {
  "use strict";
  // The site's scripts run: papers.css shows the search box and its header button, which Material hides
  // until its bundle starts. Marked on them, not on <html>: a class there restyles the whole page.
  var searchParts = document.querySelectorAll(".papersite-search, label.md-header__button[for='__search']");
  for (var j = 0; j < searchParts.length; j++) searchParts[j].setAttribute("data-js", "");
  // The "include answers when printing" choice. Its default is the checkbox's own (concept pages print
  // the answers, a reading pack leaves its answer key out: data-print-answers="pack"); each kind of page
  // remembers the reader's choice under its own key.
  function answerBoxes() { return document.querySelectorAll("input[data-print-answers]"); }

  function answerKey() {
    var box = answerBoxes()[0], scope = box ? box.getAttribute("data-print-answers") : "";
    return "papersite.printAnswers" + (scope ? "." + scope : "");
  }

  function choice() {
    var box = answerBoxes()[0], fallback = box ? box.defaultChecked : true;
    try {
      var stored = localStorage.getItem(answerKey());
      return stored === null ? fallback : stored !== "no";
    } catch (e) { return fallback; }
  }

  function apply(on) {
    document.documentElement.setAttribute("data-print-answers", on ? "yes" : "no");
    var boxes = answerBoxes();
    for (var i = 0; i < boxes.length; i++) boxes[i].checked = on;
  }

  document.addEventListener("change", function (ev) {
    var box = ev.target;
    if (!box.matches || !box.matches("input[data-print-answers]")) return;
    try { localStorage.setItem(answerKey(), box.checked ? "yes" : "no"); } catch (e) { /* private mode */ }
    apply(box.checked);
  });

  // The running head of printed pages (papers.css, @page): the page's title, as a CSS string. Set when
  // printing begins, not at load: a custom property on <html> is inherited by every element, so setting
  // it restyles the whole page, the largest part of this file's work at load on a paper page.
  function setRunningHead() {
    var title = document.title.replace(/[\\"]/g, "\\$&").replace(/\s+/g, " ");
    document.documentElement.style.setProperty("--papersite-running-head", '"' + title + '"');
  }

  // The whole concept map (concept index): pointing at a concept's box, or moving to it with the keyboard,
  // marks its arcs and the boxes at their other ends (papers.css fades the rest).
  function mapFocus(ev) {
    var a = ev.target.closest ? ev.target.closest("svg.concept-map-all a[data-key]") : null;
    if (!a && ev.target.closest && ev.target.closest("svg.concept-map-all")) return;  // between boxes: as it was
    var map = a ? a.closest("svg") : document.querySelector("svg.concept-map-all.map-focus");
    if (!map) return;
    var on = map.querySelectorAll(".map-on");
    for (var i = 0; i < on.length; i++) on[i].classList.remove("map-on");
    map.classList.toggle("map-focus", !!a);
    if (!a) return;
    var key = a.getAttribute("data-key"), edges = map.querySelectorAll("path.map-edge"), ends = {};
    ends[key] = true;
    for (var k = 0; k < edges.length; k++) {
      var x = edges[k].getAttribute("data-a"), y = edges[k].getAttribute("data-b");
      if (x === key || y === key) { edges[k].classList.add("map-on"); ends[x] = ends[y] = true; }
    }
    var boxes = map.querySelectorAll("a[data-key]");
    for (var m = 0; m < boxes.length; m++) if (ends[boxes[m].getAttribute("data-key")]) boxes[m].classList.add("map-on");
  }
  document.addEventListener("mouseover", mapFocus);
  document.addEventListener("focusin", mapFocus);

  document.addEventListener("click", function (ev) {
    var a = ev.target.closest ? ev.target.closest("a.para-num") : null;
    if (!a || !navigator.clipboard || !window.isSecureContext) return;
    navigator.clipboard.writeText(a.href).then(function () {
      a.classList.add("copied");
      setTimeout(function () { a.classList.remove("copied"); }, 1500);
    }, function () { /* the address bar still shows the link */ });
  });

  // "Cite this paragraph": next to every ¶ link that carries the passage's GB/T 7714 citation (data-cite,
  // written at build time from the paper's one citation record), a small button copies that citation with
  // the paragraph's address in the variant the reader is in. Its label is drawn by CSS from data-label, so
  // the paragraph's text stays the article's; where the clipboard is not available (a page opened from
  // disk), the citation is shown, as text (textContent), for copying by hand.
  var CITE = {"zh-Hans": ["引用", "复制第 {n} 段的引文"], "zh-Hant": ["引用", "複製第 {n} 段的引文"],
              "en": ["cite", "Copy the citation of paragraph {n}"]};

  function paragraphCitation(a) {
    return a.getAttribute("data-cite") + " " + new URL(a.getAttribute("href"), location.href).href;
  }

  function addCiteButtons() {
    var words = CITE[document.documentElement.lang] || CITE.en;
    var marks = document.querySelectorAll(".md-content a.para-num[data-cite]");
    for (var i = 0; i < marks.length; i++) {
      var a = marks[i];
      if (a.nextElementSibling && a.nextElementSibling.classList.contains("para-cite")) continue;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "para-cite";
      button.setAttribute("data-label", words[0]);
      button.setAttribute("aria-label", words[1].replace("{n}", a.getAttribute("data-n") || ""));
      a.insertAdjacentElement("afterend", button);
    }
  }

  function showCitation(button, text) {
    var box = button.nextElementSibling;
    if (!box || !box.classList.contains("para-cite-text")) {
      box = document.createElement("span");
      box.className = "para-cite-text";
      box.setAttribute("role", "status");
      button.insertAdjacentElement("afterend", box);
    }
    box.textContent = text;
    var range = document.createRange();
    range.selectNodeContents(box);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  document.addEventListener("click", function (ev) {
    var button = ev.target.closest ? ev.target.closest("button.para-cite") : null;
    if (!button) return;
    var a = button.previousElementSibling;
    if (!a || !a.matches("a.para-num[data-cite]")) return;
    var text = paragraphCitation(a);
    if (!navigator.clipboard || !window.isSecureContext) { showCitation(button, text); return; }
    navigator.clipboard.writeText(text).then(function () {
      button.classList.add("copied");
      setTimeout(function () { button.classList.remove("copied"); }, 1500);
    }, function () { showCitation(button, text); });
  });

  // Material intercepts clicks on the language links and looks the twin page up in sitemap.xml; without
  // a site_url the sitemap is empty, so whenever it has loaded before the click, Material sends the
  // reader to the other variant's home instead of the twin. Every variant has the same page paths
  // (overrides/partials/alternate.html), so the link itself is right: let the browser follow it.
  // The twin link keeps the reader's place: the part of the page being read (#p-4, a heading) goes with it.
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest(".md-select__link[hreflang]") : null;
    if (!link) return;
    ev.stopPropagation();
    if (location.hash && link.hash !== location.hash) link.hash = location.hash;
  }, true);

  // Material also requests sitemap.xml beside every <link rel="alternate"> for that lookup. The page's alternates
  // are its twins (overrides/main.html), not the variants' roots, so those would be requests for files that do
  // not exist (papers/sitemap.xml); the lookup is not used (above): they are sent to this variant's own sitemap,
  // or, from disk (where the browser refuses to read files by script), given an empty one.
  var ownSitemap = "data:application/xml," + encodeURIComponent('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>');
  try {
    if (location.protocol !== "file:")
      ownSitemap = new URL(JSON.parse(document.getElementById("__config").textContent).base + "/sitemap.xml", location.href).href;
  } catch (e) { /* keep the empty one */ }
  var alternateSitemaps = {};
  var alternates = document.querySelectorAll("link[rel=alternate][hreflang]");
  for (var k = 0; k < alternates.length; k++) alternateSitemaps[new URL("sitemap.xml", alternates[k].href).href] = true;
  var openRequest = XMLHttpRequest.prototype.open;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    try { if (alternateSitemaps[new URL(String(url), location.href).href]) args[1] = ownSitemap; } catch (e) { /* as asked */ }
    return openRequest.apply(this, args);
  };

  // Concept previews. A concept link in a paper carries the concept's term and short definition
  // (data-term, data-gloss); hovering it, focusing it, or a first tap on a touch screen shows them in a
  // box with a link to the concept page. Everything is set with textContent: the data is only ever text.
  var OPEN = {"zh-Hans": "打开概念页", "zh-Hant": "開啟概念頁", "en": "Open the concept page"};
  var preview = null, owner = null, hideTimer = null, lastPointer = "mouse", openAtPointerDown = null;

  function previewBox() {
    if (preview) return preview;
    preview = document.createElement("div");
    preview.className = "concept-preview";
    preview.id = "concept-preview";
    preview.setAttribute("role", "tooltip");
    preview.hidden = true;
    ["p", "p", "a"].forEach(function (tag, i) {
      var el = document.createElement(tag);
      el.className = ["concept-preview__term", "concept-preview__gloss", "concept-preview__link"][i];
      preview.appendChild(el);
    });
    preview.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    preview.addEventListener("mouseleave", function () { hideSoon(); });
    preview.addEventListener("focusout", function (ev) {
      if (!preview.contains(ev.relatedTarget) && ev.relatedTarget !== owner) hideSoon();
    });
    document.body.appendChild(preview);
    return preview;
  }

  function showPreview(link) {
    var box = previewBox();
    clearTimeout(hideTimer);
    if (owner && owner !== link) owner.removeAttribute("aria-describedby");
    box.children[0].textContent = link.getAttribute("data-term") || link.textContent;
    box.children[1].textContent = link.getAttribute("data-gloss") || "";
    box.children[2].textContent = OPEN[document.documentElement.lang] || OPEN.en;
    box.children[2].setAttribute("href", link.getAttribute("href"));
    box.hidden = false;
    owner = link;
    link.setAttribute("aria-describedby", box.id);
    var r = link.getBoundingClientRect(), width = box.offsetWidth;
    var left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    box.style.left = (left + window.scrollX) + "px";
    box.style.top = (r.bottom + window.scrollY + 6) + "px";
  }

  function hidePreview() {
    if (!preview) return;
    preview.hidden = true;
    if (owner) owner.removeAttribute("aria-describedby");
    owner = null;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hidePreview, 300);
  }

  function conceptLink(ev) {
    return ev.target.closest ? ev.target.closest("a.concept-link[data-gloss][href]") : null;
  }

  // The reader's switch for concept links: a labelled checkbox before a paper's first paragraph. Turned
  // off, the links become plain text (their href is set aside in data-href, so they are neither styled,
  // focused nor followed); the choice is remembered.
  var LINKS_KEY = "papersite.conceptLinks";
  var SHOW_LINKS = {"zh-Hans": "显示概念链接（虚线下划线，指向概念页）", "zh-Hant": "顯示概念連結（虛線底線，指向概念頁）",
                    "en": "Show concept links (dotted underline, leading to the concept pages)"};

  function conceptLinksOn() {
    try { return localStorage.getItem(LINKS_KEY) !== "off"; } catch (e) { return true; }
  }

  function applyConceptLinks(on) {
    document.documentElement.setAttribute("data-concept-links", on ? "on" : "off");
    var links = document.querySelectorAll(".md-content a.concept-link");
    for (var i = 0; i < links.length; i++) {
      var a = links[i];
      if (!on && a.hasAttribute("href")) { a.setAttribute("data-href", a.getAttribute("href")); a.removeAttribute("href"); }
      if (on && a.hasAttribute("data-href")) { a.setAttribute("href", a.getAttribute("data-href")); a.removeAttribute("data-href"); }
    }
    if (!on) hidePreview();
  }

  function addConceptLinkSwitch() {
    var first = document.querySelector(".md-content p.para a.concept-link");
    if (!first || document.querySelector(".concept-link-switch")) return;
    var p = document.createElement("p"), label = document.createElement("label"), box = document.createElement("input");
    p.className = "concept-link-switch";
    box.type = "checkbox";
    box.setAttribute("data-concept-links", "");
    box.checked = conceptLinksOn();
    label.appendChild(box);
    label.appendChild(document.createTextNode(SHOW_LINKS[document.documentElement.lang] || SHOW_LINKS.en));
    p.appendChild(label);
    var para = first.closest("p.para");
    para.parentNode.insertBefore(p, para);
    applyConceptLinks(box.checked);
  }

  document.addEventListener("change", function (ev) {
    var box = ev.target;
    if (!box.matches || !box.matches("input[data-concept-links]")) return;
    try { localStorage.setItem(LINKS_KEY, box.checked ? "on" : "off"); } catch (e) { /* private mode */ }
    applyConceptLinks(box.checked);
  });

  document.addEventListener("pointerdown", function (ev) {
    lastPointer = ev.pointerType || "mouse";
    // Which link's preview was open before this touch (a tap also focuses the link, which opens it).
    openAtPointerDown = preview && !preview.hidden ? owner : null;
  }, true);
  document.addEventListener("mouseover", function (ev) {
    var link = conceptLink(ev);
    if (link && lastPointer === "mouse") showPreview(link);
  });
  document.addEventListener("mouseout", function (ev) {
    var link = conceptLink(ev);
    if (link && !(ev.relatedTarget && preview && preview.contains(ev.relatedTarget))) hideSoon();
  });
  document.addEventListener("focusin", function (ev) {
    var link = conceptLink(ev);
    if (link) showPreview(link);
  });
  document.addEventListener("focusout", function (ev) {
    var link = conceptLink(ev);
    if (link && !(preview && preview.contains(ev.relatedTarget))) hideSoon();
  });
  // On a touch screen the first tap on a concept link shows its preview; the preview's link (or a second
  // tap) opens the concept page.
  document.addEventListener("click", function (ev) {
    var link = conceptLink(ev);
    if (link && lastPointer !== "mouse" && openAtPointerDown !== link) {
      ev.preventDefault();
      showPreview(link);
    } else if (!link && preview && !preview.hidden && !preview.contains(ev.target)) {
      hidePreview();
    }
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && preview && !preview.hidden) {
      var back = owner;
      hidePreview();
      if (back && preview.contains(document.activeElement)) back.focus();
    }
  });

  // Search. A page that is only read loads nothing for it: search.js (and, at the first query, the index)
  // is loaded when the box is focused or typed in. Material's search plugin is not used, so its shortcuts
  // are kept here: "/", "s" or "f" open the search, Escape closes it.
  function searchBox() { return document.querySelector(".papersite-search"); }
  function loadSearch() {
    // The engine and the manifest are requested together (search.js picks meta.js up from S.requested).
    var box = searchBox();
    if (!box || box.getAttribute("data-search-loading")) return;
    box.setAttribute("data-search-loading", "yes");
    var S = window.__papersiteSearch = window.__papersiteSearch || {files: {}, waiting: {}, requested: {}, failed: {}};
    if (!S.add) S.add = function (name, data) { S.files[name] = data; };
    [box.getAttribute("data-search-engine"), box.getAttribute("data-search-root") + "meta.js"].forEach(function (src, i) {
      var s = document.createElement("script");
      s.src = src;
      if (i) {
        S.requested.meta = s;
        s.onerror = function () { S.failed.meta = true; };
      }
      document.head.appendChild(s);
    });
  }
  function openSearch() {
    var toggle = document.getElementById("__search"), box = searchBox();
    if (!box) return;
    if (toggle && !toggle.checked) toggle.checked = true;
    var input = box.querySelector(".md-search__input");
    if (document.activeElement !== input) input.focus();
  }
  function closeSearch() {
    var toggle = document.getElementById("__search"), box = searchBox();
    if (toggle) toggle.checked = false;
    if (box && box.contains(document.activeElement)) document.activeElement.blur();
  }
  document.addEventListener("focusin", function (ev) {
    if (ev.target.matches && ev.target.matches(".papersite-search .md-search__input")) { loadSearch(); openSearch(); }
  });
  document.addEventListener("input", function (ev) {
    if (ev.target.matches && ev.target.matches(".papersite-search .md-search__input")) loadSearch();
  });
  document.addEventListener("change", function (ev) {
    if (ev.target.id === "__search" && ev.target.checked) openSearch();
  });
  // A pointer on the search box or its header button is about to use it: load the engine then.
  ["pointerover", "pointerdown"].forEach(function (type) {
    document.addEventListener(type, function (ev) {
      if (ev.target.closest && ev.target.closest(".papersite-search, label[for='__search']")) loadSearch();
    }, {passive: true});
  });
  document.addEventListener("keydown", function (ev) {
    var box = searchBox();
    if (!box || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var typing = ev.target.closest && ev.target.closest("input, textarea, select, [contenteditable]");
    if (ev.key === "Escape" && box.contains(ev.target)) { closeSearch(); return; }
    if (!typing && (ev.key === "/" || ev.key === "s" || ev.key === "f" || ev.key === "S" || ev.key === "F")) {
      ev.preventDefault();
      openSearch();
    }
  });

  // Material's bundle starts at the reader's first use of the page (a pointer moving or pressed, a key, a
  // scroll, a touch), not at load: all it adds (its tooltips, the table of contents following the scroll,
  // the header's title, the back-to-top button) answers to such use, and its start-up, about half of the
  // main thread's work at load, no longer holds up a page that is only read. overrides/main.html gives its
  // script a type the browser does not run; it is fetched once the page has loaded, so that it starts at
  // once. It waits for DOMContentLoaded, which has passed by then: it is sent again for it.
  var USE = ["pointerdown", "pointermove", "keydown", "touchstart", "wheel", "scroll", "focusin"];
  function heldBundle() { return document.querySelector("script[type='text/x-papersite-on-use'][src]"); }
  function startMaterial() {
    USE.forEach(function (type) { window.removeEventListener(type, startMaterial, true); });
    var held = heldBundle();
    if (!held) return;
    var s = document.createElement("script");
    s.src = held.src;
    s.onload = function () { document.dispatchEvent(new Event("DOMContentLoaded")); };
    held.parentNode.replaceChild(s, held);
  }
  if (heldBundle()) {
    USE.forEach(function (type) { window.addEventListener(type, startMaterial, {capture: true, passive: true}); });
    window.addEventListener("load", function () {
      var held = heldBundle();
      if (!held) return;
      var link = document.createElement("link");
      link.rel = "prefetch";
      link.href = held.src;
      document.head.appendChild(link);
    });
  }

  // Printing opens the article's closed details (the self-check answers), as Material does when it has
  // started, and closes them again afterwards.
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    setRunningHead();
    var closed = document.querySelectorAll(".md-content details:not([open])");
    for (var i = 0; i < closed.length; i++) { closed[i].open = true; openedForPrint.push(closed[i]); }
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (d) { d.open = false; });
    openedForPrint = [];
  });

  function init() { apply(choice()); addCiteButtons(); addConceptLinkSwitch(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
