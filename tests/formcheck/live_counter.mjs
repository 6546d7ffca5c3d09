// Runs the browser's live counter (static/coach-rules.mjs) over sequences given on stdin as
// JSON {data, exercise, sets: [{times, keypoints ([T][33][4], null for NaN), width, height}]}
// and prints, per set, the count and the judged reps.
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [, , modulePath] = process.argv;
const { LiveCounter } = await import(pathToFileURL(modulePath).href);
const input = JSON.parse(readFileSync(0, "utf8"));
const nan = (v) => (v === null ? NaN : v);
const results = input.sets.map((set) => {
  const counter = new LiveCounter(input.data, input.exercise);
  const reps = [];
  set.keypoints.forEach((frame, i) => {
    const rows = frame.map((row) => row.map(nan));
    const rep = counter.push(set.times[i], rows, set.width, set.height);
    if (rep) { reps.push(rep); }
  });
  const last = counter.finish();
  if (last) { reps.push(last); }
  return { count: counter.count, view: counter.view, reps };
});
process.stdout.write(JSON.stringify(results));
