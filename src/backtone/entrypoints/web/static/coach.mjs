// The live camera coach on the today page: MediaPipe's pose model runs in this browser (the
// model and its WebAssembly are served by backtone), the reps are counted by coach-rules.mjs
// with the server's rules, and the count can be put into the card's set. The camera picture
// is never sent anywhere.
import { LiveCounter } from "./coach-rules.mjs";

const panel = document.getElementById("coach");
const video = document.getElementById("coach-video");
const canvas = document.getElementById("coach-canvas");
const countOut = document.getElementById("coach-count");
const statusOut = document.getElementById("coach-status");
const cueOut = document.getElementById("coach-cue");
const watchList = document.getElementById("coach-watch");
const useButton = document.getElementById("coach-use");
const stopButton = document.getElementById("coach-stop");
const speak = document.getElementById("coach-speak");
const BONES = [[11, 12], [11, 13], [13, 15], [12, 14], [14, 16], [11, 23], [12, 24], [23, 24],
  [23, 25], [25, 27], [24, 26], [26, 28], [7, 11], [8, 12]];

let landmarker = null, rules = null, counter = null, stream = null, card = null;
let running = false, frames = 0, startedAt = 0, lastTime = -1;

function say(text) {
  cueOut.textContent = text;
  cueOut.hidden = !text;
  if (text && speak.checked && window.speechSynthesis) {
    window.speechSynthesis.speak(new SpeechSynthesisUtterance(text));
  }
}

async function loadModel() {
  if (landmarker) { return; }
  const [{ FilesetResolver, PoseLandmarker }, data] = await Promise.all([
    import("/coach/runtime/vision_bundle.mjs"),
    fetch("/coach/rules.json").then((r) => r.json())
  ]);
  rules = data;
  const files = await FilesetResolver.forVisionTasks(new URL("/coach/runtime/wasm", location.href).href);
  landmarker = await PoseLandmarker.createFromOptions(files, {
    baseOptions: { modelAssetPath: "/coach/model.task", delegate: "CPU" },
    runningMode: "VIDEO",
    numPoses: 1
  });
}

function watchFor(ruleId) {
  watchList.replaceChildren();
  const rule = rules.rules[ruleId];
  rule.checks.filter((c) => c.live).forEach((check) => {
    const item = document.createElement("li");
    item.textContent = check.cue + " (" + check.views.join(" or ") + " view)";
    watchList.appendChild(item);
  });
}

function draw(landmarks) {
  const ctx = canvas.getContext("2d");
  canvas.width = video.videoWidth; canvas.height = video.videoHeight;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (!landmarks) { return; }
  ctx.strokeStyle = "#50dc78"; ctx.lineWidth = Math.max(2, canvas.width / 200);
  BONES.forEach(([a, b]) => {
    ctx.beginPath();
    ctx.moveTo(landmarks[a].x * canvas.width, landmarks[a].y * canvas.height);
    ctx.lineTo(landmarks[b].x * canvas.width, landmarks[b].y * canvas.height);
    ctx.stroke();
  });
}

function showCount() {
  countOut.textContent = String(counter.count);
  // A warm-up is ticked, not logged: the count tells the person when it is done.
  useButton.textContent = card.querySelector("input[name=reps]")
    ? "Put " + counter.count + " reps in the set" : "Tick it done (" + counter.count + " reps)";
  useButton.disabled = counter.count === 0;
  const seconds = (performance.now() - startedAt) / 1000;
  const fps = seconds > 0 ? frames / seconds : 0;
  panel.dataset.fps = fps.toFixed(1);
  panel.dataset.count = String(counter.count);
  statusOut.textContent = counter.view === "unknown" ? "step into the picture" : counter.view + " view";
}

function judged(rep) {
  if (!rep) { return; }
  const rule = rules.rules[counter.ruleId];
  const cues = rep.flags.map((code) => rule.checks.find((c) => c.code === code).cue);
  say(cues.join(" "));
}

function step() {
  if (!running) { return; }
  if (video.currentTime !== lastTime && video.readyState >= 2) {
    lastTime = video.currentTime;
    const now = performance.now();
    const result = landmarker.detectForVideo(video, now);
    const pose = result.landmarks.length ? result.landmarks[0] : null;
    judged(counter.push(now / 1000, pose, video.videoWidth, video.videoHeight));
    frames += 1;
    draw(pose);
    showCount();
  }
  if (video.requestVideoFrameCallback) { video.requestVideoFrameCallback(step); }
  else { requestAnimationFrame(step); }
}

async function open(button) {
  card = document.getElementById(button.dataset.coachCard);
  const ruleId = button.dataset.coachRule;
  panel.hidden = false;
  panel.dataset.state = "loading";
  document.getElementById("coach-exercise").textContent = card.querySelector("h2").textContent;
  statusOut.textContent = "loading the pose model…";
  say("");
  try {
    await loadModel();
    counter = new LiveCounter(rules, ruleId);
    counter.ruleId = ruleId;
    watchFor(ruleId);
    // The camera opens only once the model is ready, so no rep is missed while it loads.
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "user" }, audio: false });
    video.srcObject = stream;
    await video.play();
    frames = 0; startedAt = performance.now(); lastTime = -1; running = true;
    panel.dataset.state = "counting";
    showCount();
    step();
  } catch (error) {
    panel.dataset.state = "failed";
    statusOut.textContent = "the camera coach could not start: " + (error.message || error);
  }
  panel.scrollIntoView({ block: "nearest" });
}

function stop() {
  running = false;
  if (stream) { stream.getTracks().forEach((t) => t.stop()); stream = null; }
  if (counter) { judged(counter.finish()); showCount(); }
  panel.dataset.state = "stopped";
  statusOut.textContent = "camera off";
}

stopButton.addEventListener("click", stop);
useButton.addEventListener("click", () => {
  stop();
  const reps = card.querySelector("input[name=reps]");
  panel.hidden = true;
  if (!reps) {
    const tick = card.querySelector("form[data-tick] button[type=submit]");
    if (tick) { tick.click(); }
    return;
  }
  reps.value = String(counter.count);
  reps.focus();
});
document.querySelectorAll("button[data-coach-rule]").forEach((button) => {
  button.addEventListener("click", () => { if (running) { stop(); } open(button); });
});
