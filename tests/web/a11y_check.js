// Accessible names for every control and the worst text contrast ratio on the page.
() => {
  const nameOf = (el) => {
    if (el.getAttribute('aria-label')) return el.getAttribute('aria-label');
    const by = el.getAttribute('aria-labelledby');
    if (by) return by.split(' ').map(id => (document.getElementById(id) || {}).textContent || '').join(' ');
    if (el.labels && el.labels.length) return Array.from(el.labels).map(l => l.textContent).join(' ');
    if (el.tagName === 'BUTTON') return el.textContent;
    return el.getAttribute('title') || '';
  };
  const unnamed = Array.from(document.querySelectorAll('input, textarea, select, button'))
    .filter(el => el.type !== 'hidden' && el.offsetParent !== null)
    .filter(el => !nameOf(el).trim()).map(el => el.outerHTML.slice(0, 80));
  const rgb = (s) => (s.match(/[\d.]+/g) || []).map(Number);
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) return c;
    }
    return [255, 255, 255];
  };
  let worst = 21, worstText = '';
  for (const el of document.querySelectorAll('p, li, label, h1, h2, h3, td, th, a, button, span, summary, legend, mark, dt, dd, blockquote')) {
    if (!el.offsetParent || !el.textContent.trim()) continue;
    const fg = lum(rgb(getComputedStyle(el).color)), bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < worst) { worst = ratio; worstText = el.textContent.trim().slice(0, 40); }
  }
  return {unnamed, worst, worstText};
}
