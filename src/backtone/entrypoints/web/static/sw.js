// backtone's service worker: keeps the pages a session needs, so /today opens with no signal
// after one visit. Pages come from the network when it answers and from this cache when it
// does not; the versioned static files come from the cache first. Writes never pass through
// here: the outbox (outbox.js) keeps them on the phone until the server has them.
"use strict";
var PAGES = "backtone-pages";
var ASSETS = "backtone-assets";
// The pages worth having in a basement: today's session, its swaps and exercise cards, the
// plan and the history. Settings, exports and the like are never kept.
var KEPT = [
  /^\/today$/, /^\/today\/\d+\/swap\/\d+$/, /^\/plan$/, /^\/history$/, /^\/exercises\/[\w-]+$/
];

function keptPage(url) {
  return url.origin === self.location.origin &&
    KEPT.some(function (pattern) { return pattern.test(url.pathname); });
}

self.addEventListener("install", function () { self.skipWaiting(); });
self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

function fromCacheFirst(request) {
  return caches.open(ASSETS).then(function (cache) {
    return cache.match(request).then(function (found) {
      return found || fetch(request).then(function (response) {
        if (response.ok) { cache.put(request, response.clone()); }
        return response;
      });
    });
  });
}

function fromNetworkFirst(request) {
  var url = new URL(request.url);
  var key = url.origin + url.pathname;
  return caches.open(PAGES).then(function (cache) {
    var cached = function (otherwise) {
      return cache.match(key).then(function (found) { return found || otherwise(); });
    };
    return fetch(request).then(function (response) {
      if (response.status === 200 && response.type === "basic" && !response.redirected) {
        cache.put(key, response.clone());
        return response;
      }
      if (response.status >= 500) { return cached(function () { return response; }); }
      return response;
    }, function () {
      return cached(function () {
        return new Response(
          "<!doctype html><title>Offline</title><p>No signal, and this page was not kept on " +
          "this phone. <a href=\"/today\">Today's session</a> is.</p>",
          { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") { return; }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(fromCacheFirst(request));
  } else if (request.mode === "navigate" && keptPage(url)) {
    event.respondWith(fromNetworkFirst(request));
  }
});

// The page lists what it needs (its own files, the swaps and exercise cards of the session);
// the answer tells it the session will open with no signal.
function keep(urls) {
  return Promise.all(urls.map(function (href) {
    var url = new URL(href, self.location.origin);
    if (url.origin !== self.location.origin) { return null; }
    var isAsset = url.pathname.indexOf("/static/") === 0;
    if (!isAsset && !keptPage(url)) { return null; }
    return fetch(url.href, { credentials: "same-origin", redirect: "manual" }).then(function (r) {
      if (r.status !== 200 || r.type !== "basic") { return null; }
      return caches.open(isAsset ? ASSETS : PAGES).then(function (cache) {
        return cache.put(isAsset ? url.href : url.origin + url.pathname, r);
      });
    }, function () { return null; });
  }));
}

self.addEventListener("message", function (event) {
  var data = event.data || {};
  var reply = event.ports && event.ports[0];
  if (data.type === "keep") {
    event.waitUntil(keep(data.urls || []).then(function () {
      if (reply) { reply.postMessage({ kept: true }); }
    }));
  } else if (data.type === "forget") {
    event.waitUntil(caches.delete(PAGES).then(function () {
      if (reply) { reply.postMessage({ forgotten: true }); }
    }));
  }
});

// Background Sync, where the browser has it: wake the open pages, whose outbox sends under
// the account signed in there (the worker holds no session of its own).
self.addEventListener("sync", function (event) {
  if (event.tag !== "backtone-outbox") { return; }
  event.waitUntil(self.clients.matchAll({ type: "window" }).then(function (pages) {
    pages.forEach(function (page) { page.postMessage({ type: "flush" }); });
  }));
});
