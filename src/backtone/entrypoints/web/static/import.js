// The import page's progress bar: asks the server how far the import has got, moves the bar,
// and shows the result when it ends. Without this script the page refreshes itself instead.
(() => {
  const bar = document.querySelector("progress[data-status]");
  if (!bar) return;
  const words = document.getElementById("import-words");
  const poll = async () => {
    try {
      const answer = await fetch(bar.dataset.status, { headers: { Accept: "application/json" } });
      if (answer.status === 404) {
        window.location.reload(); // the upload is gone: the page says so
        return;
      }
      if (answer.ok) {
        const status = await answer.json();
        if (status.state !== "importing") {
          window.location.reload();
          return;
        }
        if (status.total) {
          bar.max = status.total;
          bar.value = status.done;
        }
        if (words && status.words) words.textContent = status.words;
      }
    } catch (error) {
      // A dropped connection: ask again at the next tick.
    }
    window.setTimeout(poll, 1000);
  };
  window.setTimeout(poll, 500);
})();
