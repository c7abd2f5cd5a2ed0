// One shared, visible tooltip for elements with data-tooltip: shown on hover and on keyboard focus, hidden on Escape.
const tip = () => document.getElementById('tooltip');
let current = null;

function show(target) {
  const el = tip();
  if (!el) return;
  current = target;
  el.textContent = target.dataset.tooltip;
  el.hidden = false;
  const r = target.getBoundingClientRect();
  const width = el.offsetWidth;
  const left = Math.max(8, Math.min(window.innerWidth - width - 8, r.left + window.scrollX));
  let top = r.bottom + window.scrollY + 6;
  if (r.bottom + el.offsetHeight + 12 > window.innerHeight) top = r.top + window.scrollY - el.offsetHeight - 6;
  el.style.left = `${left}px`;
  el.style.top = `${top}px`;
}

function hide(target) {
  if (target && target !== current) return;
  const el = tip();
  if (el) el.hidden = true;
  current = null;
}

export function installTooltips() {
  const find = (e) => (e.target instanceof Element ? e.target.closest('[data-tooltip]') : null);
  document.addEventListener('mouseover', (e) => { const t = find(e); if (t) show(t); });
  document.addEventListener('mouseout', (e) => { const t = find(e); if (t) hide(t); });
  document.addEventListener('focusin', (e) => { const t = find(e); if (t) show(t); else hide(); });
  document.addEventListener('focusout', (e) => { const t = find(e); if (t) hide(t); });
  document.addEventListener('keydown', (e) => { if (e.key === 'Escape') hide(); });
  window.addEventListener('scroll', () => { if (current) show(current); }, { passive: true });
}
