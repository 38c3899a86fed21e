// Starts Swagger UI on /docs (a file rather than an inline script, so the page's
// Content-Security-Policy can forbid inline scripts everywhere).
window.ui = window.SwaggerUIBundle({ url: '/openapi.json', dom_id: '#ui', deepLinking: true });
