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

// Sharing (src/share/): a section link also copies its full address; Copy buttons copy their
// reference; an access date slot gets today's date in its style's form (made at build time).
(function () {
  var status;
  function copied(element, text, message) {
    if (!navigator.clipboard) return;
    navigator.clipboard.writeText(text).then(
      function () {
        element.setAttribute('data-copied', '');
        setTimeout(function () {
          element.removeAttribute('data-copied');
        }, 2000);
        status.textContent = '';
        setTimeout(function () {
          status.textContent = message;
        }, 60);
      },
      function () {},
    );
  }
  document.addEventListener('DOMContentLoaded', function () {
    status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    document.body.appendChild(status);
    var now = new Date();
    document.querySelectorAll('[data-accessed]').forEach(function (slot) {
      var form = slot.getAttribute('data-accessed-forms').split('|')[now.getMonth()];
      var sample = slot.getAttribute('data-accessed-sample').split(' ');
      slot.textContent = form
        .replace(sample[1], now.getFullYear())
        .replace(sample[0], now.getDate());
    });
    document.addEventListener('click', function (event) {
      var link =
        event.target.closest && event.target.closest('a[data-section-link], button[data-copy]');
      if (!link) return;
      if (link.href) copied(link, link.href, 'Link copied: ' + link.href);
      else {
        var source = document.getElementById(link.getAttribute('data-copy'));
        copied(
          link,
          source.textContent.replace(/\s+/g, ' ').trim(),
          link.getAttribute('data-copy-label') + ' copied',
        );
      }
    });
  });
})();
