// Progressive enhancement: the rest timer, started by each set logged on today's page.
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
