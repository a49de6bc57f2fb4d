// The list prerendered into index.html is the page at one path, without a query string. Static
// hosts serve index.html for other URLs too (a deep link, a filtered list): there it is hidden
// before the first paint, and the app renders the right view over it. See docs/first-paint.md.
(function () {
  var script = document.currentScript;
  if (location.pathname !== script.getAttribute('data-path') || location.search !== '') {
    document.documentElement.setAttribute('data-first-screen', 'stale');
  }
})();
