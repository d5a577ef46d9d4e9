'use strict';
// Shared by the console pages: API calls with the antiforgery header, formatting, toasts. No innerHTML anywhere:
// everything from the server is set with textContent.
window.PeerBot = (function () {
  let csrf = null;

  async function api(path, options) {
    const init = Object.assign({ credentials: 'same-origin', headers: {} }, options || {});
    if (init.body !== undefined && typeof init.body !== 'string') {
      init.body = JSON.stringify(init.body);
    }
    init.headers['Content-Type'] = 'application/json';
    if (init.method && init.method !== 'GET' && csrf) {
      init.headers['X-CSRF-TOKEN'] = csrf;
    }
    const response = await fetch(path, init);
    if (response.status === 401) {
      location.href = '/console/login.html' + location.hash;
      throw new Error('signed out');
    }
    return response;
  }

  async function me() {
    const response = await api('/api/console/me');
    const value = await response.json();
    csrf = value.csrfToken;
    return value;
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function duration(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    const h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = seconds % 60;
    if (h > 0) return h + 'h ' + String(m).padStart(2, '0') + 'm';
    return m + ':' + String(s).padStart(2, '0');
  }

  function time(iso) {
    return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function toast(text, kind) {
    const box = document.getElementById('toasts');
    if (!box) return;
    const item = el('div', 'toast ' + (kind || ''), text);
    box.appendChild(item);
    setTimeout(() => item.remove(), 8000);
  }

  function live(stream, onEvent) {
    const badge = document.getElementById('live');
    const source = new EventSource(stream);
    source.onopen = () => { badge.textContent = 'Live'; badge.className = 'live on'; };
    source.onerror = () => { badge.textContent = 'Reconnecting…'; badge.className = 'live off'; };
    ['hello', 'queue', 'message', 'alert', 'closed', 'reminder', 'escalation', 'presence'].forEach((type) =>
      source.addEventListener(type, (event) => onEvent(type, JSON.parse(event.data || '{}'))));
    return source;
  }

  async function logout() {
    await api('/console/logout', { method: 'POST' });
    location.href = '/console/login.html';
  }

  return { api, me, el, duration, time, toast, live, logout };
})();
