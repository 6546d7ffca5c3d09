// Progressive enhancement: sets are logged without a reload and start the rest timer.
"use strict";
(function () {
  var timer = document.getElementById("rest-timer");
  var left = document.getElementById("rest-left");
  var endsAt = 0, tick = null, audio = null;

  function show(seconds) {
    var s = Math.max(0, Math.ceil(seconds));
    left.textContent = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  }
  function beep() {
    try {
      audio = audio || new (window.AudioContext || window.webkitAudioContext)();
      [0, 0.3].forEach(function (at) {
        var osc = audio.createOscillator(), gain = audio.createGain();
        osc.frequency.value = 880;
        gain.gain.value = 0.2;
        osc.connect(gain); gain.connect(audio.destination);
        osc.start(audio.currentTime + at); osc.stop(audio.currentTime + at + 0.18);
      });
    } catch (e) { /* no sound on this browser */ }
    if (navigator.vibrate) { navigator.vibrate([200, 100, 200]); }
  }
  function update() {
    var remaining = (endsAt - Date.now()) / 1000;
    show(remaining);
    if (remaining <= 0) {
      clearInterval(tick); tick = null;
      timer.classList.add("finished");
      timer.dataset.state = "done";
      beep();
    }
  }
  function startRest(seconds) {
    if (!timer || !seconds) { return; }
    timer.hidden = false;
    timer.classList.remove("finished");
    timer.dataset.state = "running";
    endsAt = Date.now() + seconds * 1000;
    update();
    if (!tick) { tick = setInterval(update, 250); }
  }
  if (timer) {
    document.getElementById("rest-add").addEventListener("click", function () {
      if (!tick) { startRest(15); } else { endsAt += 15000; update(); }
    });
    document.getElementById("rest-skip").addEventListener("click", function () {
      clearInterval(tick); tick = null; timer.hidden = true; timer.dataset.state = "skipped";
    });
  }

  function newKey() {
    return window.crypto && crypto.randomUUID ? crypto.randomUUID()
      : String(Date.now()) + Math.random().toString(16).slice(2);
  }

  document.querySelectorAll("form[data-quick-log]").forEach(function (form) {
    var keyField = form.querySelector("input[name=idempotency_key]");
    keyField.value = newKey();
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var card = form.closest(".card");
      var button = form.querySelector("button");
      button.disabled = true;
      // The same key on a retry: the server logs the set once however often it is sent.
      var send = function (attempt) {
        return fetch(form.action, {
          method: "POST", body: new FormData(form), credentials: "same-origin",
          headers: { "Accept": "application/json" }
        }).then(function (response) {
          if (response.status >= 500 && attempt < 2) { return send(attempt + 1); }
          return response;
        }, function (error) {
          if (attempt < 2) { return send(attempt + 1); }
          throw error;
        });
      };
      send(0).then(function (response) {
        if (!response.ok) { throw new Error("status " + response.status); }
        return response.json();
      }).then(function (logged) {
        var list = card.querySelector(".done");
        logged.sets.forEach(function (s) {
          var item = document.createElement("li");
          item.textContent = s.text;
          list.appendChild(item);
        });
        keyField.value = newKey();
        startRest(parseInt(card.dataset.rest, 10));
      }).catch(function () {
        form.submit();  // fall back on the plain form post, which shows what went wrong
      }).finally(function () { button.disabled = false; });
    });
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
