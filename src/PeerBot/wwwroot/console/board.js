'use strict';
(function () {
  const { api, me, el, duration, time, toast, live, logout } = window.PeerBot;
  const $ = (id) => document.getElementById(id);

  function row(cells, className) {
    const tr = el('tr', className || '');
    cells.forEach((c) => {
      const td = el('td');
      if (c instanceof Node) td.appendChild(c); else td.textContent = c;
      tr.appendChild(td);
    });
    return tr;
  }

  function tierBadge(view) {
    const name = view.tier !== 'none' ? view.tier : view.reason;
    return el('span', 'tier tier-' + name, name);
  }

  async function refresh() {
    const response = await api('/api/coordinator/board');
    if (response.status === 403) { location.href = '/console/index.html'; return; }
    const board = await response.json();
    $('tiles').replaceChildren(...board.tiers.map((t) => {
      const tile = el('div', 'tile' + (t.slaBreaches > 0 ? ' breach' : ''));
      tile.appendChild(el('div', 'tile-sub', t.tier.toUpperCase() + ' waiting'));
      tile.appendChild(el('div', 'tile-num', t.queued));
      tile.appendChild(el('div', 'tile-sub', 'oldest ' + duration(t.oldestWaitSeconds) + (t.slaBreaches ? ' · ' + t.slaBreaches + ' past limit' : '')));
      return tile;
    }));
    $('queue-rows').replaceChildren(...board.queue.map((v) => row(
      [String(v.position), tierBadge(v), v.reason, v.channel, duration(v.waitSeconds), duration(v.limitSeconds),
        v.escalated ? 'ESCALATED' : v.slaBreached ? 'Past limit' : 'Within limit'],
      v.slaBreached ? 'breach' : '')));
    $('claimed-rows').replaceChildren(...board.claimed.map((v) => row([tierBadge(v), v.peerName || '', v.channel, v.claimedAt ? time(v.claimedAt) : ''])));
    $('quiet-rows').replaceChildren(...board.goneQuiet.map((q) => row(
      [q.conversationKey, q.channel, String(q.missedInRow), q.since ? time(q.since) : ''])));
    $('peer-rows').replaceChildren(...board.peers.map((p) => {
      const name = el('span');
      name.appendChild(el('span', 'dot' + (p.online ? ' on' : '')));
      name.appendChild(document.createTextNode(p.name));
      return row([name, p.role, p.caseload + ' / ' + p.cap]);
    }));
    const outcomes = Object.entries(board.outcomesLast24h).map(([k, v]) => row([k, String(v)]));
    outcomes.push(row(['escalated, still waiting', String(board.escalated)]));
    outcomes.push(row(['flagged for supervisor', String(board.supervisorFlags)]));
    $('outcome-rows').replaceChildren(...outcomes);
    const metrics = await api('/api/metrics/handoffs').then((r) => r.json());
    $('metric-rows').replaceChildren(...metrics.timeToClaim.map((m) => row(
      [m.day, m.tier, String(m.claims), duration(m.p50Seconds), duration(m.p90Seconds)])));
  }

  async function start() {
    const who = await me();
    $('me').textContent = who.name + ' · ' + who.role;
    $('logout').addEventListener('click', logout);
    await refresh();
    live('/api/console/events', (type) => {
      if (type === 'escalation') toast('A handoff was escalated to coordinators.', 'alert');
      refresh();
    });
    setInterval(refresh, 15000);
  }

  start();
})();
