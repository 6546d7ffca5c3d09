// Starts Swagger UI on /docs from a file, not an inline script, so the page keeps a strict CSP.
"use strict";
(function () {
  var root = document.getElementById("swagger-ui");
  if (!root || !window.SwaggerUIBundle) return;
  window.SwaggerUIBundle({ url: root.dataset.spec, domNode: root, deepLinking: true });
})();
