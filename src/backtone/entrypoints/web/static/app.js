// Progressive enhancement: the rest timer, started by each set logged on today's page.
"use strict";
(function () {
  var timer = document.getElementById("rest-timer");
  var left = document.getElementById("rest-left");
  var endsAt = 0, tick = null, wake = null, audio = null, notified = false;
  var SAVED = "backtone-rest-ends";  // the end time outlives a reload or a discarded tab

  function clock(seconds) {
    var s = Math.max(0, Math.ceil(seconds));
    return Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }
  function beep(times) {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      for (var n = 0; n < (times || 2); n++) {
        var osc = audio.createOscillator(), gain = audio.createGain(), at = audio.currentTime + n * 0.3;
        osc.frequency.value = 880;
        gain.gain.value = 0.2;
        osc.connect(gain); gain.connect(audio.destination);
        osc.start(at); osc.stop(at + 0.18);
      }
    } catch (e) { /* no sound on this browser */ }
    if (navigator.vibrate) { navigator.vibrate([200, 100, 200]); }
  }
  // At zero on a locked phone the page cannot be seen: a notification says it, where the
  // person allowed them (through the service worker, as phones require).
  function notify() {
    if (notified || !window.Notification || Notification.permission !== "granted") { return; }
    notified = true;
    var text = { body: "Time for the next set.", tag: "backtone-rest", renotify: true };
    var fallback = function () { try { new Notification("Rest over", text); } catch (e) { /* none */ } };
    if (navigator.serviceWorker && navigator.serviceWorker.controller) {
      navigator.serviceWorker.ready.then(function (r) { return r.showNotification("Rest over", text); })
        .catch(fallback);
    } else { fallback(); }
  }
  // The time left is always worked out from the end time, never counted down: a hidden or
  // locked page whose timers were held back still shows the right time when it wakes.
  function update() {
    if (!endsAt) { return; }
    var remaining = (endsAt - Date.now()) / 1000;
    left.textContent = clock(remaining);
    timer.dataset.left = String(Math.max(0, Math.ceil(remaining)));
    if (remaining <= 0) {
      clearInterval(tick); tick = null; endsAt = 0;
      localStorage.removeItem(SAVED);
      timer.classList.add("finished");
      timer.dataset.state = "done";
      if (document.visibilityState === "hidden") { notify(); }
      beep();
    }
  }
  function run(until) {
    endsAt = until;
    notified = false;
    localStorage.setItem(SAVED, String(until));
    timer.hidden = false;
    timer.classList.remove("finished");
    timer.dataset.state = "running";
    update();
    if (!tick) { tick = setInterval(update, 250); }
  }
  function startRest(seconds) {
    if (!timer || !seconds) { return; }
    run(Date.now() + seconds * 1000);
  }
  if (timer) {
    document.getElementById("rest-add").addEventListener("click", function () {
      if (!tick) { startRest(15); } else { run(endsAt + 15000); }
    });
    document.getElementById("rest-skip").addEventListener("click", function () {
      clearInterval(tick); tick = null; endsAt = 0; timer.hidden = true;
      timer.dataset.state = "skipped";
      localStorage.removeItem(SAVED);
    });
    var saved = parseInt(localStorage.getItem(SAVED) || "0", 10);
    if (saved > Date.now()) { run(saved); }
    document.addEventListener("visibilitychange", function () {
      update();
      if (document.visibilityState === "visible" && wake) { keepScreenOn(); }
    });
  }

  // Asked for by the person: notifications at zero, and the screen kept on for the session.
  function keepScreenOn() {
    return navigator.wakeLock.request("screen").then(function (lock) {
      wake = lock;
      document.documentElement.dataset.wakeLock = "on";
    });
  }
  var tools = document.getElementById("session-tools");
  if (tools && timer) {
    tools.hidden = false;
    var alerts = document.getElementById("rest-alerts");
    if (!window.Notification) { alerts.hidden = true; }
    else if (Notification.permission === "granted") { alerts.textContent = "Rest alerts are on"; alerts.disabled = true; }
    alerts.addEventListener("click", function () {
      Notification.requestPermission().then(function (answer) {
        alerts.textContent = answer === "granted" ? "Rest alerts are on" : "Alerts are blocked in this browser";
        alerts.disabled = true;
      });
    });
    var awake = document.getElementById("screen-on");
    if (!navigator.wakeLock) { awake.hidden = true; }
    awake.addEventListener("click", function () {
      if (wake) {
        wake.release(); wake = null; awake.textContent = "Keep the screen on";
        document.documentElement.dataset.wakeLock = "off";
        return;
      }
      keepScreenOn().then(function () { awake.textContent = "Let the screen sleep"; })
        .catch(function () { awake.textContent = "The screen cannot be kept on here"; });
    });
  }

  // Timed holds: a few seconds to get ready, the hold counted from timestamps, a sound at the
  // end, and the seconds held put in the set (or the stretch ticked off).
  var GET_READY = 5;
  document.querySelectorAll("button[data-hold]").forEach(function (button) {
    var card = button.closest(".card");
    var out = card.querySelector("output.hold");
    var holding = null;
    button.hidden = false;
    button.addEventListener("click", function () {
      if (holding) { clearInterval(holding); holding = null; button.textContent = "Start the hold"; out.hidden = true; return; }
      var seconds = parseInt(button.dataset.hold, 10);
      var box = card.querySelector("input[name=seconds]");
      if (box && box.value) { seconds = parseInt(box.value, 10) || seconds; }
      var startsAt = Date.now() + GET_READY * 1000, holdEnds = startsAt + seconds * 1000;
      out.hidden = false;
      button.textContent = "Stop";
      var step = function () {
        var now = Date.now();
        if (now < startsAt) {
          out.dataset.phase = "ready";
          out.textContent = "Get ready… " + Math.ceil((startsAt - now) / 1000);
        } else if (now < holdEnds) {
          if (out.dataset.phase !== "hold") { out.dataset.phase = "hold"; beep(1); }
          out.textContent = "Hold " + clock((holdEnds - now) / 1000);
        } else {
          clearInterval(holding); holding = null;
          out.dataset.phase = "done";
          out.textContent = "Done: " + seconds + " s";
          button.textContent = "Start the hold";
          beep(3);
          if (box) { box.value = String(seconds); }
        }
      };
      step();
      holding = setInterval(step, 200);
    });
  });

  // A set kept by the outbox (outbox.js) starts the rest timer of its card.
  document.addEventListener("backtone:set-saved", function (event) {
    startRest(parseInt(event.target.dataset.rest, 10));
  });

  var zone = document.querySelector("select[data-guess-zone]");
  if (zone && window.Intl) {
    var guess = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (guess && !Array.prototype.some.call(zone.options, function (o) { return o.value === guess; })) {
      var option = document.createElement("option");
      option.value = guess; option.textContent = guess;
      zone.appendChild(option);
    }
    if (guess) { zone.value = guess; }
  }
})();
