// Live rep counting in the browser: a line-for-line port of backtone/formcheck/live.py.
// The rules themselves (signals, minimum ranges, checks, cues) come from the server as data
// (/coach/rules.json), the same data the Python side is built from; tests run this file and
// live.py over the same synthetic sequences and require the same reps. No DOM here.
"use strict";

const INDEX = {
  nose: 0, left_ear: 7, right_ear: 8, mouth_left: 9, mouth_right: 10,
  left_shoulder: 11, right_shoulder: 12, left_elbow: 13, right_elbow: 14,
  left_wrist: 15, right_wrist: 16, left_hip: 23, right_hip: 24,
  left_knee: 25, right_knee: 26, left_ankle: 27, right_ankle: 28
};
const MEASURE_NAMES = ["torso_angle", "hip_angle", "elbow_angle"];

export function percentile(values, q) {
  const ordered = values.slice().sort((a, b) => a - b);
  const at = q / 100 * (ordered.length - 1);
  const low = Math.floor(at);
  const high = Math.min(low + 1, ordered.length - 1);
  return ordered[low] + (ordered[high] - ordered[low]) * (at - low);
}

function median(values) { return percentile(values, 50); }

function nanmean(values) {
  const finite = values.filter(Number.isFinite);
  return finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : NaN;
}

function distance(a, b) { return Math.hypot(a[0] - b[0], a[1] - b[1]); }

function angle(a, b, c) {
  const ux = a[0] - b[0], uy = a[1] - b[1], vx = c[0] - b[0], vy = c[1] - b[1];
  const norm = Math.hypot(ux, uy) * Math.hypot(vx, vy);
  if (!(norm > 0)) { return NaN; }
  return Math.acos(Math.max(-1, Math.min(1, (ux * vx + uy * vy) / norm))) * 180 / Math.PI;
}

// A bounded list that forgets its oldest entries, like Python's deque(maxlen=...).
class Window {
  constructor(size) { this.size = size; this.items = []; }
  push(value) { this.items.push(value); if (this.items.length > this.size) { this.items.shift(); } }
  get length() { return this.items.length; }
}

class OneEuro {
  constructor(settings) { this.s = settings; this.x = null; this.dx = 0; this.t = 0; }
  static alpha(cutoff, dt) { const tau = 1 / (2 * Math.PI * cutoff); return 1 / (1 + tau / dt); }
  filter(t, x) {
    if (this.x === null || t <= this.t) { this.x = x; this.dx = 0; this.t = t; return x; }
    const dt = t - this.t;
    const dx = (x - this.x) / dt;
    this.dx += OneEuro.alpha(this.s.d_cutoff_hz, dt) * (dx - this.dx);
    const cutoff = this.s.min_cutoff_hz + this.s.beta * Math.abs(this.dx);
    this.x += OneEuro.alpha(cutoff, dt) * (x - this.x);
    this.t = t;
    return this.x;
  }
}

// One frame's landmarks in pixels, y up. `landmarks` is a list of {x, y, visibility}
// (MediaPipe's normalised landmarks) or of [x, y, z, visibility] rows; null when missing.
class Frame {
  constructor(landmarks, width, height) {
    this.lm = landmarks; this.width = width; this.height = height;
  }
  row(name) {
    const p = this.lm ? this.lm[INDEX[name]] : null;
    if (!p) { return [NaN, NaN, NaN]; }
    return Array.isArray(p) ? [p[0], p[1], p[3]] : [p.x, p.y, p.visibility ?? 1];
  }
  point(name) {
    const [x, y] = this.row(name);
    return [x * this.width, (1 - y) * this.height];
  }
  visibility(name) { return this.row(name)[2]; }
  mid(joint) {
    const a = this.point("left_" + joint), b = this.point("right_" + joint);
    return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
  }
  group(group) { return this.mid(group.slice(0, -1)); }
}

export class LiveCounter {
  // `data` is /coach/rules.json; `exerciseId` one of its rules.
  constructor(data, exerciseId) {
    const rule = data.rules[exerciseId];
    if (!rule) { throw new Error("no live rule for " + exerciseId); }
    this.data = data; this.rule = rule; this.signal = rule.signal;
    const live = data.live;
    this.count = 0; this.view = "unknown"; this.frame = -1;
    this.values = new Window(live.range_frames);
    this.rulers = { torso: new Window(live.ruler_frames), arm: new Window(live.ruler_frames) };
    this.widths = new Window(live.ruler_frames);
    this.torsos = new Window(live.ruler_frames);
    this.dxs = new Window(live.ruler_frames);
    this.vis = { left: new Window(live.ruler_frames), right: new Window(live.ruler_frames) };
    this.smooth = new OneEuro(live);
    this.measureFilters = {};
    MEASURE_NAMES.forEach((name) => { this.measureFilters[name] = new OneEuro(live); });
    this.frames = []; // [signal, measures] since the open rep's low point
    this.offset = 0;
    this.upAt = null; this.upT = 0; this.top = 0; this.pending = null; this.armed = true;
  }

  updateView(f) {
    const left = f.point("left_shoulder"), right = f.point("right_shoulder");
    const hips = f.mid("hip");
    const shoulders = [(left[0] + right[0]) / 2, (left[1] + right[1]) / 2];
    const width = distance(left, right), torso = distance(shoulders, hips);
    if (Number.isFinite(width) && Number.isFinite(torso)) {
      this.widths.push(width); this.torsos.push(torso);
    }
    if (Number.isFinite(left[0] - right[0])) { this.dxs.push(left[0] - right[0]); }
    for (const side of ["left", "right"]) {
      this.vis[side].push(nanmean(["shoulder", "elbow", "hip"].map((j) => f.visibility(side + "_" + j))));
    }
    if (this.widths.length < 3) { this.view = "unknown"; return; }
    const longest = percentile(this.torsos.items, 90);
    const ratio = longest > 0 ? median(this.widths.items) / longest : NaN;
    const v = this.data.view;
    if (!Number.isFinite(ratio)) { this.view = "unknown"; }
    else if (ratio < v.side_below) { this.view = "side"; }
    else if (ratio > v.front_above) {
      const faces = !this.dxs.length || median(this.dxs.items) >= 0;
      this.view = faces ? "front" : "back";
    } else { this.view = "oblique"; }
  }

  nearSide() {
    const score = {};
    for (const side of ["left", "right"]) {
      const v = nanmean(this.vis[side].items);
      score[side] = Number.isFinite(v) ? v : 0;
    }
    return score.left >= score.right ? "left" : "right";
  }

  limb(f, a, b, c) {
    const of = (side) => angle(f.point(side + "_" + a), f.point(side + "_" + b), f.point(side + "_" + c));
    if (this.view === "side") { return of(this.nearSide()); }
    return nanmean([of("left"), of("right")]);
  }

  rawMeasures(f) {
    const hip = f.mid("hip"), shoulder = f.mid("shoulder");
    const dx = shoulder[0] - hip[0], dy = shoulder[1] - hip[1];
    return {
      torso_angle: Number.isFinite(dx + dy) ? Math.atan2(Math.abs(dx), dy) * 180 / Math.PI : NaN,
      hip_angle: this.limb(f, "shoulder", "hip", "knee"),
      elbow_angle: this.limb(f, "shoulder", "elbow", "wrist")
    };
  }

  signalOf(f, measures) {
    const s = this.signal;
    const shoulder = f.mid("shoulder");
    for (const [ruler, end] of [["torso", f.mid("hip")], ["arm", f.group("wrists")]]) {
      const length = distance(shoulder, end);
      if (Number.isFinite(length)) { this.rulers[ruler].push(length); }
    }
    if (s.kind === "bend") { return 180 - measures.elbow_angle; }
    const raw = f.group(s.upper)[1] - f.group(s.lower)[1];
    if (s.kind === "height") { return s.sign * raw; }
    if (!this.rulers[s.ruler].length) { return NaN; }
    const ratio = raw / percentile(this.rulers[s.ruler].items, 90);
    return s.sign * Math.sqrt(1 - Math.max(-1, Math.min(1, ratio)) ** 2);
  }

  movedEnough(span) {
    if (this.signal.kind !== "height") { return span >= this.rule.min_range; }
    const lengths = Object.values(this.rulers).filter((r) => r.length).map((r) => percentile(r.items, 90));
    return lengths.length > 0 && span / Math.max(...lengths) >= this.rule.min_range;
  }

  // The next frame: its time in seconds and its landmarks (null when nobody was found).
  // Returns a judged rep {number, top_frame, flags} or null; `count` rises as soon as a rep
  // comes back down past the low line.
  push(t, landmarks, width, height) {
    this.frame += 1;
    const f = new Frame(landmarks, width, height);
    this.updateView(f);
    const raw = this.rawMeasures(f);
    const measures = {};
    for (const name of MEASURE_NAMES) {
      measures[name] = Number.isFinite(raw[name]) ? this.measureFilters[name].filter(t, raw[name]) : NaN;
    }
    let value = this.signalOf(f, raw);
    if (!Number.isFinite(value)) { this.frames.push([NaN, measures]); return null; }
    value = this.smooth.filter(t, value);
    this.frames.push([value, measures]);
    this.values.push(value);
    const low = percentile(this.values.items, 5), high = percentile(this.values.items, 95);
    if (!this.movedEnough(high - low)) { return null; }
    const enter = low + this.data.enter_top * (high - low);
    const leave = low + this.data.leave_top * (high - low);
    let here = this.frames.length - 1;
    if (this.upAt !== null) {
      if (value > this.frames[this.top][0]) { this.top = here; }
      if (value < leave) {
        if (t - this.upT >= this.data.live.min_up_s) { this.count += 1; this.pending = this.top; }
        this.upAt = null;
      }
      return null;
    }
    if (value < leave) { this.armed = true; return null; }
    if (value > enter && this.armed) {
      const judged = this.judgePending();
      here = this.frames.length - 1;
      this.upAt = here; this.upT = t; this.top = here;
      this.armed = false;
      return judged;
    }
    return null;
  }

  finish() { return this.judgePending(); }

  lowest(since) {
    let best = Infinity, at = since;
    for (let i = since; i < this.frames.length; i++) {
      const value = this.frames[i][0];
      if (Number.isFinite(value) && value < best) { best = value; at = i; }
    }
    return at;
  }

  judgePending() {
    const top = this.pending;
    if (top === null) { this.drop(this.lowest(0)); return null; }
    const end = this.lowest(top);
    const rep = { number: this.count, top_frame: this.offset + top, flags: this.flags(this.frames.slice(0, end + 1), top) };
    this.drop(end);
    this.pending = null;
    return rep;
  }

  drop(first) { this.frames = this.frames.slice(first); this.offset += first; }

  flags(frames, top) {
    const fired = [];
    for (const check of this.rule.checks) {
      const test = check.live;
      if (!test || !check.views.includes(this.view)) { continue; }
      let series = frames.map((item) => item[1][test.measure]);
      if (test.part === "top") { series = series.slice(Math.max(0, top - 3), top + 4); }
      else if (test.part === "descent") { series = series.slice(top); }
      const finite = series.filter(Number.isFinite);
      if (!finite.length) { continue; }
      let summary;
      if (test.stat === "max") { summary = Math.max(...finite); }
      else if (test.stat === "min") { summary = Math.min(...finite); }
      else { summary = median(finite); }
      if (test.op === "<" ? summary < test.limit : summary > test.limit) { fired.push(check.code); }
    }
    return fired;
  }
}
