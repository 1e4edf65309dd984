/*
 * Search from disk. Browsers refuse to start a Web Worker from a file:// page, so when the site is
 * opened from disk (an instructor's zip), Material's search worker runs in a hidden same-origin
 * iframe instead; the page talks to it through the Worker interface Material uses (postMessage,
 * addEventListener). Over http(s) this file does nothing. No network access is involved.
 */
(function () {
  "use strict";
  if (location.protocol !== "file:") return;

  function FileWorker(url) {
    var listeners = [];
    var queue = [];
    var ready = false;
    var frame = document.createElement("iframe");
    var self = this;
    this.onmessage = null;

    function receive(data) {
      var event = { data: data, type: "message", target: self };
      if (typeof self.onmessage === "function") self.onmessage(event);
      listeners.slice().forEach(function (fn) { fn(event); });
    }

    function deliver(data) {
      frame.contentWindow.dispatchEvent(new MessageEvent("message", { data: data }));
    }

    this.addEventListener = function (type, fn) { if (type === "message") listeners.push(fn); };
    this.removeEventListener = function (type, fn) {
      listeners = listeners.filter(function (other) { return other !== fn; });
    };
    this.postMessage = function (data) { if (ready) deliver(data); else queue.push(data); };
    this.terminate = function () { frame.remove(); };

    frame.hidden = true;
    frame.setAttribute("aria-hidden", "true");
    frame.setAttribute("tabindex", "-1");
    frame.title = "search";
    frame.addEventListener("load", function () {
      ready = true;
      queue.splice(0).forEach(deliver);
    });
    var src = new URL(url, location.href).href;
    frame.srcdoc =
      "<!doctype html><meta charset='utf-8'><script>" +
      "window.postMessage = function (data) { parent.__fileWorkerReceive(frameElement, data); };" +
      "window.importScripts = function () { var urls = [].slice.call(arguments);" +
      "  return urls.reduce(function (p, u) { return p.then(function () { return new Promise(function (ok, no) {" +
      "    var s = document.createElement('script'); s.src = u; s.onload = ok; s.onerror = no;" +
      "    document.head.appendChild(s); }); }); }, Promise.resolve()); };" +
      "<\/script><script src='" + src.replace(/'/g, "%27") + "'><\/script>";
    frame.__receive = receive;
    (document.body || document.documentElement).appendChild(frame);
  }

  window.__fileWorkerReceive = function (frame, data) { frame.__receive(data); };
  window.IFrameWorker = FileWorker;
  window.Worker = FileWorker;
})();
