'use strict';
(function () {
  const { api, me, el, time, logout } = window.PeerBot;
  const $ = (id) => document.getElementById(id);

  function line(label, value) {
    const p = el('p');
    p.appendChild(el('strong', '', label + ': '));
    p.appendChild(document.createTextNode(value));
    return p;
  }

  async function open(id) {
    const response = await api('/api/console/summaries/' + encodeURIComponent(id));
    if (!response.ok) { $('summary-view').textContent = 'Could not open this summary.'; return; }
    const s = await response.json();
    const c = s.content;
    const parts = [line('Narrative', c.narrative), line('Client', s.conversationKey), line('Highest tier', s.maxTier)];
    if (c.trend) parts.push(line('Trend', c.trend));
    c.checkIns.forEach((k) => parts.push(line('Check-in ' + time(k.at), 'mood ' + k.mood + ', craving ' + k.craving + (k.anyUse ? ', use' : ''))));
    c.strategies.forEach((x) => parts.push(line('Strategy', x.name + (x.helped === true ? ' (helped)' : x.helped === false ? ' (did not help)' : ''))));
    c.resources.forEach((r) => parts.push(line('Resource', r)));
    c.safetyFlags.forEach((f) => parts.push(line('Safety ' + time(f.at), f.tier + ' · ' + f.category)));
    c.handoffs.forEach((h) => parts.push(line('Peer ' + time(h.closedAt), h.outcome + (h.peerNote ? ' — ' + h.peerNote : ''))));
    $('summary-view').replaceChildren(...parts);
  }

  async function refresh() {
    const response = await api('/api/console/summaries');
    if (response.status === 403) { location.href = '/console/index.html'; return; }
    const rows = await response.json();
    $('summary-rows').replaceChildren(...rows.map((s) => {
      const tr = el('tr');
      [time(s.createdAt), s.conversationKey, s.channelId, s.maxTier].forEach((v) => tr.appendChild(el('td', '', v)));
      const button = el('button', 'btn', 'Open');
      button.type = 'button';
      button.addEventListener('click', () => open(s.id));
      const td = el('td');
      td.appendChild(button);
      tr.appendChild(td);
      return tr;
    }));
  }

  async function start() {
    const who = await me();
    $('me').textContent = who.name + ' · ' + who.role;
    $('logout').addEventListener('click', logout);
    await refresh();
  }

  start();
})();
