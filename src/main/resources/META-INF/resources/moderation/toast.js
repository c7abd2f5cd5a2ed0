// Toasts: short messages at the bottom of the screen, optionally with one action button and a countdown.
import { h } from './dom.js';

/**
 * @param {{message: string, action?: {label: string, onclick: Function}, timeout?: number, countdown?: number, id?: string}} options
 *   countdown: a Date.now() deadline shown as the seconds left; timeout: closes itself after so many milliseconds.
 * @returns {{close: Function, update: Function, element: HTMLElement}}
 */
export function toast({ message, action, timeout, countdown, id }) {
  const container = document.getElementById('toasts');
  const text = h('span', { class: 'toast-text' }, message);
  const left = countdown ? h('span', { class: 'toast-countdown', 'aria-hidden': 'true' }) : null;
  const button = action ? h('button', { type: 'button', class: 'toast-action', onclick: action.onclick }, action.label) : null;
  const el = h('div', { class: 'toast', id }, text, left, button);
  container.append(el);
  let ticker = null;
  if (countdown) {
    const tick = () => {
      const ms = Math.max(0, countdown - Date.now());
      left.textContent = `${Math.ceil(ms / 1000)} s`;
      el.style.setProperty('--progress', String(ms / (countdown - (el.createdAt || Date.now()))));
    };
    el.createdAt = Date.now();
    tick();
    ticker = setInterval(tick, 250);
  }
  const close = () => {
    clearInterval(ticker);
    el.remove();
  };
  if (timeout) setTimeout(close, timeout);
  return {
    element: el,
    close,
    update(newMessage, { keepAction = true } = {}) {
      text.textContent = newMessage;
      if (!keepAction && button) button.remove();
      if (left) { clearInterval(ticker); left.remove(); }
    },
  };
}
