// @ts-check — the site's only script for reading, optional: every page is complete without it.
// Blocking in <head> so a saved theme applies before the first paint; type-checked, shipped as is.
(() => {
  const root = document.documentElement;
  root.classList.add('js');
  const KEY = 'theme';
  /** @type {string | null} */
  let stored = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch {
    // Storage blocked (private mode, policy): follow the system theme.
  }
  if (stored === 'light' || stored === 'dark') root.setAttribute('data-theme', stored);
  const systemDark = matchMedia('(prefers-color-scheme: dark)');
  const currentTheme = () =>
    root.getAttribute('data-theme') || (systemDark.matches ? 'dark' : 'light');

  /** @param {Element} button */
  function setUpThemeToggle(button) {
    const sync = () => button.setAttribute('aria-pressed', String(currentTheme() === 'dark'));
    button.addEventListener('click', () => {
      const next = currentTheme() === 'dark' ? 'light' : 'dark';
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

  /** Marks the table-of-contents entry of the section being read. @param {Element} toc */
  function setUpScrollSpy(toc) {
    const links = /** @type {NodeListOf<HTMLAnchorElement>} */ (
      toc.querySelectorAll('a[href^="#"]')
    );
    const targets = [...links].flatMap(
      (link) => document.getElementById(decodeURIComponent(link.hash.slice(1))) ?? [],
    );
    if (!('IntersectionObserver' in window) || targets.length !== links.length) return;
    const update = () => {
      const line = window.innerHeight * 0.25;
      let active = 0;
      targets.forEach((target, i) => {
        if (target.getBoundingClientRect().top <= line) active = i;
      });
      links.forEach((link, i) => {
        if (i === active) link.setAttribute('aria-current', 'true');
        else link.removeAttribute('aria-current');
      });
    };
    const observer = new IntersectionObserver(update, { rootMargin: '0px 0px -70% 0px' });
    for (const target of targets) observer.observe(target);
    update();
  }

  // Print buttons need a script to open the dialog; without one, Ctrl+P does the same.
  /** @param {Element} button */
  function setUpPrintButton(button) {
    button.addEventListener('click', () => window.print());
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('[data-theme-toggle]').forEach(setUpThemeToggle);
    document.querySelectorAll('[data-print-page]').forEach(setUpPrintButton);
    document.querySelectorAll('[data-toc]').forEach(setUpScrollSpy);
  });
})();

// Sharing (src/share/): a section link also copies its full address; Copy buttons copy their
// reference; an access date slot gets today's date in its style's form (made at build time).
(() => {
  const status = document.createElement('p');
  /** @param {Element} element @param {string} text @param {string} message */
  function copied(element, text, message) {
    if (!navigator.clipboard) return;
    navigator.clipboard.writeText(text).then(
      () => {
        element.setAttribute('data-copied', '');
        setTimeout(() => element.removeAttribute('data-copied'), 2000);
        status.textContent = '';
        setTimeout(() => {
          status.textContent = message;
        }, 60);
      },
      () => {},
    );
  }
  document.addEventListener('DOMContentLoaded', () => {
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    document.body.appendChild(status);
    const now = new Date();
    document.querySelectorAll('[data-accessed]').forEach((slot) => {
      const form = slot.getAttribute('data-accessed-forms')?.split('|')[now.getMonth()];
      const [day, year] = slot.getAttribute('data-accessed-sample')?.split(' ') ?? [];
      if (form && day && year)
        slot.textContent = form
          .replace(year, String(now.getFullYear()))
          .replace(day, String(now.getDate()));
    });
    document.addEventListener('click', (event) => {
      const target = event.target instanceof Element ? event.target : null;
      const link = target?.closest('a[data-section-link], button[data-copy]');
      if (link instanceof HTMLAnchorElement) copied(link, link.href, `Link copied: ${link.href}`);
      else if (link) {
        const source = document.getElementById(link.getAttribute('data-copy') ?? '');
        const text = (source?.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (source) copied(link, text, `${link.getAttribute('data-copy-label') ?? ''} copied`);
      }
    });
  });
})();
