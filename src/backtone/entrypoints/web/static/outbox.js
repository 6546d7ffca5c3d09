// The outbox: each set, tick, swap and finish is kept on this phone (IndexedDB) before the
// screen confirms it, then sent in order whenever the server answers: at once, when the
// network comes back, when the page gets focus, or when Background Sync wakes it. Every entry
// keeps its own idempotency key, so a resend after a lost answer stores nothing twice. Every
// entry belongs to the account that logged it and is sent only while that account is signed
// in here: on a shared phone, another account never receives it.
"use strict";
(function () {
  var account = document.body.dataset.account || "";
  if (!window.indexedDB) { return; }  // forms stay plain posts
  var state = "idle";   // idle | sending | offline | server | signed-out
  var sentHere = 0;     // entries this page has seen the server take
  var notices = [];     // what the conflict rules did, for the person to read
  var changed = false;  // a swap, tick or finish was sent: the page shows the old session

  // --- storage -----------------------------------------------------------------------------
  var opened = null;
  function db() {
    opened = opened || new Promise(function (resolve, reject) {
      var request = indexedDB.open("backtone", 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore("outbox", { keyPath: "id", autoIncrement: true });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
    return opened;
  }
  function run(mode, work) {
    return db().then(function (d) {
      return new Promise(function (resolve, reject) {
        var t = d.transaction("outbox", mode);
        var request = work(t.objectStore("outbox"));
        // Resolved once the transaction is on disk, not when the request is queued.
        t.oncomplete = function () { resolve(request ? request.result : undefined); };
        t.onabort = t.onerror = function () { reject(t.error); };
      });
    });
  }
  function add(entry) { return run("readwrite", function (s) { return s.add(entry); }); }
  function save(entry) { return run("readwrite", function (s) { return s.put(entry); }); }
  function remove(id) { return run("readwrite", function (s) { return s.delete(id); }); }
  function all() { return run("readonly", function (s) { return s.getAll(); }); }  // in logged order

  // --- sending -----------------------------------------------------------------------------
  function token() {
    var field = document.querySelector("input[name=csrf_token]");
    return field ? field.value : "";
  }
  function problemOf(response) {
    return response.text().then(function (text) {
      var page = new DOMParser().parseFromString(text, "text/html");
      var said = page.querySelector("[role=alert] strong") || page.querySelector("main h1");
      return (said && said.textContent.trim()) || "the server refused it (" + response.status + ")";
    });
  }
  function send(entry) {
    var body = new URLSearchParams(entry.fields);
    body.set("csrf_token", token());
    body.set("idempotency_key", entry.key);
    body.set("sent_later", "1");
    body.set("logged_at", new Date(entry.created).toISOString());
    return fetch(entry.url, {
      method: "POST", body: body, credentials: "same-origin", redirect: "manual",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      // Sent to the sign-in page, or a form token from another session: keep it for later.
      if (response.type === "opaqueredirect" || response.status === 401 || response.status === 403) {
        state = "signed-out"; return false;
      }
      if (response.status >= 500) { state = "server"; return false; }
      if (response.ok) {
        return response.json().catch(function () { return {}; }).then(function (result) {
          return remove(entry.id).then(function () { taken(entry, result); return true; });
        });
      }
      // Refused (the workout is gone, the exercise unknown...): kept and shown, never dropped.
      return problemOf(response).then(function (problem) {
        entry.problem = problem;
        return save(entry).then(function () { return true; });
      });
    }, function () { state = "offline"; return false; });
  }
  function sendWaiting() {
    return all().then(function (entries) {
      var mine = entries.filter(function (e) { return e.account === account && !e.problem; });
      state = mine.length ? "sending" : "idle";
      return mine.reduce(function (chain, entry) {
        return chain.then(function (goOn) { return goOn && send(entry); });
      }, Promise.resolve(true)).then(function (allSent) {
        if (allSent) { state = "idle"; }
      });
    });
  }
  var flushing = null, again = false;
  function flush() {
    if (!account) { return show(); }
    // An entry added while a round is under way goes in the next round, straight after.
    if (flushing) { again = true; return flushing; }
    // One sender at a time, across this phone's tabs where the browser can say so.
    var go = navigator.locks ? navigator.locks.request("backtone-outbox", sendWaiting) : sendWaiting();
    flushing = go.catch(function () { state = "offline"; }).then(function () {
      flushing = null;
      if (again && (state === "idle" || state === "sending")) { again = false; return flush(); }
      again = false;
      return show();
    });
    return flushing;
  }

  // --- what the screen shows -------------------------------------------------------------
  function badge() {
    var found = document.getElementById("outbox");
    if (!found) {
      found = document.createElement("section");
      found.id = "outbox";
      found.className = "outbox";
      found.setAttribute("role", "status");
      found.setAttribute("aria-live", "polite");
      var main = document.getElementById("main");
      main.insertBefore(found, main.firstChild);
    }
    return found;
  }
  function line(parent, tag, text, cls) {
    var el = document.createElement(tag);
    el.textContent = text;
    if (cls) { el.className = cls; }
    parent.appendChild(el);
    return el;
  }
  function show() {
    return all().then(function (entries) {
      var mine = entries.filter(function (e) { return account && e.account === account; });
      var waiting = mine.filter(function (e) { return !e.problem; });
      var refused = mine.filter(function (e) { return e.problem; });
      var others = entries.length - mine.length;
      var box = badge();
      box.textContent = "";
      var kind = waiting.length ? (state === "signed-out" || !account ? "signed-out" : "pending")
        : refused.length ? "refused" : sentHere ? "done" : others ? "others" : "";
      box.dataset.state = kind;
      box.dataset.waiting = String(waiting.length);
      box.hidden = !kind && !notices.length;
      if (!account && entries.length) {
        line(box, "p", entries.length + " saved on this phone, not yet sent: sign in to send them.", "head");
      } else if (waiting.length) {
        line(box, "p", waiting.length + " saved on this phone, not yet sent" +
          (state === "signed-out" ? ": sign in again to send them." :
           state === "sending" ? "; sending…" : "; they go as soon as the server answers."), "head");
      } else if (sentHere && !refused.length) {
        line(box, "p", "All sent ✓ Everything logged here is on the server.", "head");
        if (changed && location.pathname === "/today") {
          var again = line(box, "a", "Show the session as the server has it");
          again.href = "/today";
        }
      }
      if (waiting.length) {
        var list = line(box, "ol", "", "waiting");
        waiting.forEach(function (e) { line(list, "li", e.label); });
      }
      refused.forEach(function (e) {
        var p = line(box, "p", e.label + " was not stored: " + e.problem + " ", "refused");
        var dismiss = line(p, "button", "Dismiss", "link");
        dismiss.type = "button";
        dismiss.addEventListener("click", function () { remove(e.id).then(show); });
      });
      notices.forEach(function (n) { line(box, "p", n, "notice"); });
      if (others && account) {
        line(box, "p", others + " saved on this phone by another account wait for it to sign in; " +
          "they are never sent under yours.", "others");
      }
    });
  }
  function cardOf(form) { return form.closest(".card"); }
  function pendingLine(card, entry) {
    var list = card && card.querySelector(".done");
    if (!list) { return; }
    var item = line(list, "li", entry.label.replace(/^[^:]*: /, "") + " (saved on this phone, not yet sent)", "pending");
    item.dataset.outboxId = String(entry.id);
  }
  function taken(entry, result) {
    sentHere += 1;
    if (result && result.notice && notices.indexOf(result.notice) < 0) { notices.push(result.notice); }
    var item = document.querySelector("[data-outbox-id='" + entry.id + "']");
    if (item && entry.kind === "tick") {
      item.textContent = item.textContent.replace(" (not yet sent)", "");
    } else if (item) {
      item.classList.remove("pending");
      item.textContent = result && result.sets && result.sets[0] ? result.sets[0].text : item.textContent.replace(/ \(saved.*\)$/, "");
    }
    if (entry.kind !== "set") { changed = true; }
  }

  // --- forms -------------------------------------------------------------------------------
  function newKey() {
    return window.crypto && crypto.randomUUID ? crypto.randomUUID()
      : String(Date.now()) + Math.random().toString(16).slice(2);
  }
  function labelOf(form, kind, fields) {
    var card = cardOf(form);
    var name = card ? card.querySelector("h2").textContent.trim() : "";
    var value = function (key) {
      var found = fields.filter(function (f) { return f[0] === key; })[0];
      return found ? found[1] : "";
    };
    if (kind === "set") {
      var unit = form.dataset.unit || "";
      var what = value("seconds") ? value("seconds") + " s" : value("reps") + " reps";
      if (value("load")) { what += " at " + value("load") + " " + unit; }
      return name + ": " + (value("warmup") ? "ramp-up " : "") + what;
    }
    if (kind === "tick") { return name + ": " + (value("done") === "0" ? "tick undone" : "done"); }
    if (kind === "swap") {
      var chosen = form.querySelector("input[name=exercise_id]:checked");
      var label = chosen ? chosen.parentNode.textContent.trim() : value("exercise_id");
      return "Swap " + (form.dataset.name || "an exercise") + " for " + label;
    }
    return "Finish the workout";
  }
  function confirmOnScreen(form, entry) {
    var card = cardOf(form);
    if (entry.kind === "set") {
      pendingLine(card, entry);
      card.dispatchEvent(new CustomEvent("backtone:set-saved", { bubbles: true }));
      var key = form.querySelector("input[name=idempotency_key]");
      if (key) { key.value = ""; }
    } else if (entry.kind === "tick" && card) {
      var done = form.querySelector("input[name=done]");
      var mark = card.querySelector(".ticked") || line(form, "p", "", "ticked");
      mark.textContent = (done.value === "0" ? "Not done" : "Done ✓") + " (not yet sent)";
      mark.dataset.outboxId = String(entry.id);
      done.value = done.value === "0" ? "1" : "0";
      form.querySelector("button[type=submit]").textContent = done.value === "0" ? "Undo" : "Done";
    }
  }
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var kind = form.dataset ? form.dataset.outbox : "";
    if (!kind || !account) { return; }
    event.preventDefault();
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (name !== "csrf_token" && name !== "idempotency_key") { fields.push([name, String(value)]); }
    });
    var entry = {
      account: account, kind: kind, url: form.getAttribute("action"), fields: fields,
      key: newKey(), label: labelOf(form, kind, fields), created: Date.now(), problem: ""
    };
    if (kind === "finish") {
      // The earlier sets go first; with everything sent, the plain post shows the summary.
      flush().then(all).then(function (entries) {
        var left = entries.filter(function (e) { return e.account === account && !e.problem; });
        if (!left.length && state === "idle") { form.submit(); return; }
        return add(entry).then(function () { return flush(); });
      });
      return;
    }
    var button = form.querySelector("button[type=submit]");
    if (button) { button.disabled = true; }
    add(entry).then(function (id) {
      // Kept on the phone: the screen confirms it now, whatever the network does next.
      entry.id = id;
      confirmOnScreen(form, entry);
      if (button) { button.disabled = false; }
      if (navigator.serviceWorker && window.SyncManager) {
        navigator.serviceWorker.ready.then(function (r) { return r.sync.register("backtone-outbox"); })
          .catch(function () { /* sent on the next online event or focus instead */ });
      }
      return flush().then(function () { if (kind === "swap") { location.href = "/today"; } });
    }, function () {
      form.submit();  // nowhere to keep it: the plain post says what happened
    });
  });

  // Entries still waiting show in their cards on today's page, whichever way it was opened.
  function showWaitingInCards() {
    return all().then(function (entries) {
      entries.forEach(function (e) {
        if (e.account !== account || e.problem) { return; }
        if (e.kind === "tick") {
          var position = (e.fields.filter(function (f) { return f[0] === "position"; })[0] || [])[1];
          var tick = document.querySelector("form[data-outbox=tick][action='" + e.url + "']" +
            ":has(input[name=position][value='" + position + "'])");
          if (tick) { confirmOnScreen(tick, e); }
          return;
        }
        if (e.kind !== "set") { return; }
        var form = document.querySelector("form[data-outbox=set][action='" + e.url + "']");
        var exercise = (e.fields.filter(function (f) { return f[0] === "exercise_id"; })[0] || [])[1];
        var card = exercise && document.getElementById("card-" + exercise);
        if (form && card) { pendingLine(card, e); }
      });
    });
  }

  // --- offline pages -----------------------------------------------------------------------
  function keepPages(registration) {
    var worker = registration.active;
    if (!worker) { return; }
    var urls = [location.pathname, "/today", "/plan", "/history"];
    document.querySelectorAll("link[href], script[src], a[href^='/exercises/'], a[href*='/swap/']")
      .forEach(function (el) { urls.push(el.getAttribute("href") || el.getAttribute("src")); });
    var channel = new MessageChannel();
    channel.port1.onmessage = function () { document.documentElement.dataset.offline = "ready"; };
    worker.postMessage({ type: "keep", urls: urls }, [channel.port2]);
  }
  if (navigator.serviceWorker && account) {
    navigator.serviceWorker.register("/sw.js").then(function () {
      return navigator.serviceWorker.ready;
    }).then(keepPages).catch(function () { /* no worker: pages need the network */ });
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "flush") { flush(); }
    });
  }
  // Signing out forgets the kept pages (the next person on this phone must not see them);
  // the outbox stays, and waits for its own account.
  var logout = document.querySelector("form[action='/logout']");
  if (logout && window.caches) {
    logout.addEventListener("submit", function (event) {
      event.preventDefault();
      caches.delete("backtone-pages").catch(function () {}).then(function () { logout.submit(); });
    });
  }

  window.addEventListener("online", flush);
  window.addEventListener("focus", flush);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "visible") { flush(); }
  });
  // A server that was down says nothing when it is back: ask again now and then.
  setInterval(function () { if (state === "offline" || state === "server") { flush(); } }, 20000);
  showWaitingInCards().then(flush);
})();
