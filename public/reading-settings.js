// Applies the reader's theme, text size and line width before the first paint, so a dark or
// sepia page never flashes light. Kept in step with src/reader/articles/reading-settings.ts.
(function () {
  var allowed = {
    theme: ['light', 'dark', 'sepia'],
    textSize: ['small', 'large'],
    lineWidth: ['narrow', 'wide'],
  };
  var attributes = {
    theme: 'data-theme',
    textSize: 'data-text-size',
    lineWidth: 'data-line-width',
  };
  var settings = {};
  try {
    settings = JSON.parse(localStorage.getItem('chronicle-reading-settings')) || {};
  } catch {
    settings = {};
  }
  for (var name in allowed) {
    if (allowed[name].indexOf(settings[name]) !== -1) {
      document.documentElement.setAttribute(attributes[name], settings[name]);
    }
  }
})();
