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
