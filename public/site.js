// The site's only script for reading, and optional: every page is complete without it.
// It is loaded blocking in <head> so a saved theme is applied before the first paint.
(function () {
  var root = document.documentElement;
  root.classList.add('js');
  var KEY = 'theme';
  var stored = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch {
    // Storage blocked (private mode, policy): follow the system theme.
  }
  if (stored === 'light' || stored === 'dark') root.setAttribute('data-theme', stored);
  var systemDark = matchMedia('(prefers-color-scheme: dark)');
  function currentTheme() {
    return root.getAttribute('data-theme') || (systemDark.matches ? 'dark' : 'light');
  }

  function setUpThemeToggle(button) {
    function sync() {
      button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
    }
    button.addEventListener('click', function () {
      var next = currentTheme() === 'dark' ? 'light' : 'dark';
      root.setAttribute('data-theme', next);
      try {
        localStorage.setItem(KEY, next);
      } catch {
        // Storage blocked: the choice lasts for this page only.
      }
      sync();
    });
    systemDark.addEventListener('change', sync);
    sync();
  }

  // Marks the table-of-contents entry of the section being read.
  function setUpScrollSpy(toc) {
    var links = Array.prototype.slice.call(toc.querySelectorAll('a[href^="#"]'));
    var targets = links.map(function (link) {
      return document.getElementById(decodeURIComponent(link.hash.slice(1)));
    });
    if (!('IntersectionObserver' in window) || targets.indexOf(null) !== -1) return;
    function update() {
      var line = window.innerHeight * 0.25;
      var active = 0;
      targets.forEach(function (target, i) {
        if (target.getBoundingClientRect().top <= line) active = i;
      });
      links.forEach(function (link, i) {
        if (i === active) link.setAttribute('aria-current', 'true');
        else link.removeAttribute('aria-current');
      });
    }
    var observer = new IntersectionObserver(update, { rootMargin: '0px 0px -70% 0px' });
    targets.forEach(function (t) {
      observer.observe(t);
    });
    update();
  }

  // Print buttons need a script to open the dialog; without one, Ctrl+P does the same.
  function setUpPrintButton(button) {
    button.addEventListener('click', function () {
      window.print();
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('[data-theme-toggle]').forEach(setUpThemeToggle);
    document.querySelectorAll('[data-print-page]').forEach(setUpPrintButton);
    document.querySelectorAll('[data-toc]').forEach(setUpScrollSpy);
  });
})();

// Sharing (src/share/): section links and "Cite this". Without this script the links still work
// as links and the references can be selected by hand; with it, activating a section link also
// copies its full address, each reference has a working Copy button, and the access date a style
// asks for is filled in with today's date in that style's own form (prepared at build time).
(function () {
  var status = null;
  // One polite live region for the whole page, added before anything is announced in it.
  function announce(text) {
    if (!status) return;
    status.textContent = '';
    window.setTimeout(function () {
      status.textContent = text;
    }, 60);
  }
  function copy(text, done) {
    if (!navigator.clipboard || !navigator.clipboard.writeText) return;
    navigator.clipboard.writeText(text).then(done, function () {
      // Permission refused: the address bar (links) or the page (references) still has it.
    });
  }
  function flag(element, attribute) {
    element.setAttribute(attribute, '');
    window.setTimeout(function () {
      element.removeAttribute(attribute);
    }, 2000);
  }
  function fillAccessDate(slot) {
    var forms = (slot.getAttribute('data-accessed-forms') || '').split('|');
    var sample = (slot.getAttribute('data-accessed-sample') || '').split(' ');
    var today = new Date();
    var form = forms[today.getMonth()];
    if (forms.length !== 12 || sample.length !== 2 || !form) return;
    slot.textContent = form
      .replace(sample[1], String(today.getFullYear()))
      .replace(sample[0], String(today.getDate()));
  }

  document.addEventListener('DOMContentLoaded', function () {
    status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    status.setAttribute('data-share-status', '');
    document.body.appendChild(status);
    document.querySelectorAll('[data-accessed]').forEach(fillAccessDate);

    document.addEventListener('click', function (event) {
      var target = event.target instanceof Element ? event.target : null;
      var link = target && target.closest('a[data-section-link]');
      if (link) {
        // The browser still follows the link, so the address bar shows the same URL.
        copy(link.href, function () {
          flag(link, 'data-copied');
          announce('Link copied: ' + link.href);
        });
        return;
      }
      var button = target && target.closest('button[data-copy]');
      if (button) {
        var source = document.getElementById(button.getAttribute('data-copy'));
        if (!source) return;
        copy(source.textContent.replace(/\s+/g, ' ').trim(), function () {
          flag(button, 'data-copied');
          announce((button.getAttribute('data-copy-label') || 'Text') + ' copied');
        });
      }
    });
  });
})();
