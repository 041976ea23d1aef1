// kwpld serve: small enhancements; every page works without this script.
"use strict";

document.addEventListener("keydown", (event) => {
  // Ctrl+Enter (or Cmd+Enter) in the query editor runs the query
  const editor = document.getElementById("query");
  if (event.target === editor && event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    editor.form.requestSubmit();
  }
});

// While the graph is being rebuilt, the status line follows it (a polite live region).
(() => {
  const line = document.getElementById("graph-status");
  if (!line || line.dataset.state !== "rebuilding") return;
  const follow = () => {
    fetch("/status", { credentials: "same-origin" })
      .then((answer) => answer.json())
      .then((status) => {
        line.dataset.state = status.state;
        line.textContent = status.text;
        if (status.state === "rebuilding") setTimeout(follow, 700);
      })
      .catch(() => setTimeout(follow, 2000));
  };
  setTimeout(follow, 500);
})();
