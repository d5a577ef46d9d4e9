'use strict';
(function () {
  const { api, me, el, duration, time, toast, live, logout } = window.PeerBot;
  const $ = (id) => document.getElementById(id);
  const state = { me: null, queue: [], mine: [], selected: null, detail: null, lastId: 0, loadedAt: Date.now() };

  function tierClass(tier) { return 'tier tier-' + (tier || 'none'); }
  function tierLabel(view) { return view.tier !== 'none' ? view.tier : view.reason; }

  function card(view, mine) {
    const item = el('li', 'card' + (state.selected === view.id ? ' selected' : '') + (view.slaBreached ? ' breached' : ''));
    item.dataset.id = view.id;
    const head = el('div', 'card-head');
    head.appendChild(el('span', tierClass(view.tier === 'none' ? view.reason : view.tier), tierLabel(view)));
    const wait = el('span', 'wait', mine ? 'waited ' + duration(view.waitSeconds) : duration(view.waitSeconds));
    if (!mine) {
      wait.dataset.base = view.waitSeconds;
      wait.title = 'Waiting for ' + duration(view.waitSeconds) + ' (limit ' + duration(view.limitSeconds) + ')';
    }
    head.appendChild(wait);
    item.appendChild(head);
    item.appendChild(el('div', 'card-line', (mine ? 'With you · ' : '#' + view.position + ' · ') + view.reason + ' · ' + view.channel));
    if (view.category) item.appendChild(el('div', 'card-cat', view.category));
    if (view.explanation && !mine) item.appendChild(el('div', 'card-expl', view.explanation));
    if (view.escalated) item.appendChild(el('div', 'badge badge-warn', 'Escalated'));
    item.addEventListener('click', () => select(view.id));
    return item;
  }

  function renderLists() {
    const queue = $('queue'), mine = $('mine');
    queue.replaceChildren(...state.queue.map((v) => card(v, false)));
    mine.replaceChildren(...state.mine.map((v) => card(v, true)));
    $('queue-count').textContent = state.queue.length;
    $('mine-count').textContent = state.mine.length;
    $('queue-empty').hidden = state.queue.length > 0;
    $('mine-empty').hidden = state.mine.length > 0;
    document.title = (state.queue.length ? '(' + state.queue.length + ') ' : '') + 'PeerBot Console';
  }

  async function refreshLists() {
    const [queued, claimed] = await Promise.all([
      api('/api/handoffs?status=queued').then((r) => r.json()),
      api('/api/handoffs?status=claimed').then((r) => r.json()),
    ]);
    state.queue = queued;
    state.mine = claimed.filter((h) => h.peerId === state.me.id);
    state.loadedAt = Date.now();
    renderLists();
  }

  function line(l) {
    const item = el('li', 'line line-' + l.sender);
    const meta = el('div', 'line-meta', (l.sender === 'client' ? 'Client' : l.sender === 'peer' ? 'You' : 'PeerBot') + ' · ' + time(l.at));
    if (l.tier) meta.appendChild(el('span', 'flag ' + tierClass(l.tier), l.tier + (l.category ? ' · ' + l.category : '')));
    item.appendChild(meta);
    item.appendChild(el('div', 'bubble', l.text));
    return item;
  }

  function renderDetail() {
    const d = state.detail;
    if (!d) return;
    const h = d.handoff;
    $('placeholder').hidden = true;
    $('chat').hidden = false;
    $('chat-tier').className = tierClass(h.tier === 'none' ? h.reason : h.tier);
    $('chat-tier').textContent = tierLabel(h);
    $('chat-reason').textContent = 'Reason: ' + h.reason + (h.category ? ' · ' + h.category : '');
    $('chat-meta').textContent = 'Channel: ' + h.channel + ' · opened ' + time(h.createdAt)
      + (h.peerName ? ' · with ' + h.peerName : ' · waiting #' + (h.position || '–'));
    $('explanation').hidden = !h.explanation && !h.clientUnreachable;
    $('explanation').textContent = (h.clientUnreachable ? 'The client\'s channel refuses messages (they may have blocked the bot). ' : '')
      + (h.explanation ? 'Why: ' + h.explanation : '');
    const mineNow = h.state === 'claimed' && h.peerId === state.me.id;
    $('claim').hidden = h.state !== 'queued';
    ['transfer', 'transfer-to', 'requeue', 'close-open'].forEach((id) => { $(id).hidden = !mineNow; });
    $('composer').hidden = !mineNow;
    renderRecovery(d.recovery);
    $('context').hidden = d.context.length === 0;
    $('context-lines').replaceChildren(...d.context.map(line));
    $('transcript').replaceChildren(...d.messages.map(line));
    state.lastId = d.messages.length ? d.messages[d.messages.length - 1].id : 0;
    scrollDown();
  }

  // The client's goals and safety plan (kept only with their consent), shown once the conversation is picked up.
  function renderRecovery(r) {
    const has = r && (r.goals.length > 0 || r.safetyPlan.length > 0);
    $('recovery').hidden = !has;
    if (!has) return;
    $('recovery-goals').replaceChildren(...r.goals.map((g) =>
      el('li', 'line', g.number + '. ' + g.goal + (g.step ? ' — this week: ' + g.step : ''))));
    $('recovery-progress').hidden = !r.goalProgress;
    $('recovery-progress').textContent = r.goalProgress
      ? 'Last check-in, this week\'s step: ' + r.goalProgress + ' (' + time(r.goalProgressAt) + ')' : '';
    $('recovery-plan-title').hidden = r.safetyPlan.length === 0;
    $('recovery-plan').replaceChildren(...r.safetyPlan.map((p) => el('li', 'line', p.step + '. ' + p.part + ': ' + p.text)));
  }

  function scrollDown() {
    const wrap = document.querySelector('.transcript-wrap');
    wrap.scrollTop = wrap.scrollHeight;
  }

  async function select(id) {
    state.selected = id;
    location.hash = 'handoff=' + id;
    const response = await api('/api/handoffs/' + id);
    if (!response.ok) {
      toast(response.status === 403 ? 'That conversation is with another peer.' : 'That conversation is no longer open.', 'warn');
      state.selected = null;
      state.detail = null;
      $('chat').hidden = true;
      $('placeholder').hidden = false;
      return;
    }
    state.detail = await response.json();
    renderDetail();
    renderLists();
  }

  async function loadNewMessages() {
    if (!state.selected) return;
    const response = await api('/api/handoffs/' + state.selected + '/messages?after=' + state.lastId);
    if (!response.ok) return;
    const lines = await response.json();
    for (const l of lines) {
      if (l.id <= state.lastId) continue; // a live event and our own send can fetch the same lines at once
      $('transcript').appendChild(line(l));
      state.lastId = l.id;
    }
    if (lines.length) scrollDown();
  }

  async function act(path, body, okText) {
    const response = await api('/api/handoffs/' + state.selected + path, { method: 'POST', body: body || {} });
    if (response.ok) {
      if (okText) toast(okText, 'ok');
      return response.json();
    }
    const problem = await response.json().catch(() => ({}));
    toast(problem.detail || problem.title || 'That did not work.', 'warn');
    return null;
  }

  async function onEvent(type, data) {
    if (type === 'alert' && data.detail !== 'transferred' && data.detail !== 'client-unreachable') toast('A client is waiting for a peer.', 'alert');
    if (type === 'alert' && data.detail === 'transferred') toast('A conversation was transferred to you.', 'alert');
    if (type === 'alert' && data.detail === 'client-unreachable') toast('The client\'s channel refuses messages: they may have blocked the bot.', 'warn');
    if (type === 'reminder') toast('A client has not heard from you for 5 minutes. Send a message, or put the conversation back in the queue.', 'warn');
    if (type === 'closed' && data.peerId === state.me.id && data.detail === 'client-left') toast('The client went back to the bot; the conversation is closed.', 'warn');
    if (type === 'closed' && data.peerId === state.me.id && data.detail === 'no-response') toast('A conversation was closed after no response.', 'warn');
    await refreshLists();
    if (data.handoffId && data.handoffId === state.selected) {
      if (type === 'message') await loadNewMessages();
      else await select(state.selected);
    }
  }

  async function loadPeers() {
    const peers = await api('/api/console/peers').then((r) => r.json());
    const options = peers.filter((p) => p.id !== state.me.id)
      .map((p) => { const o = el('option', null, p.name + (p.online ? ' (online)' : '')); o.value = p.id; return o; });
    $('transfer-to').replaceChildren(...options);
  }

  function wire() {
    $('logout').addEventListener('click', logout);
    $('claim').addEventListener('click', async () => {
      const view = await act('/claim', null, 'You are now with the client.');
      if (view) { await refreshLists(); await select(view.id); }
      else { await refreshLists(); }
    });
    $('composer').addEventListener('submit', async (event) => {
      event.preventDefault();
      const text = $('message').value.trim();
      if (!text) return;
      $('send').disabled = true;
      const sent = await act('/messages', { text });
      $('send').disabled = false;
      if (sent) { $('message').value = ''; await loadNewMessages(); }
    });
    $('message').addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey) { event.preventDefault(); $('composer').requestSubmit(); }
    });
    $('canned').addEventListener('change', () => {
      if ($('canned').value) { $('message').value = $('canned').value; $('canned').value = ''; $('message').focus(); }
    });
    $('transfer').addEventListener('click', async () => {
      if (!$('transfer-to').value) return;
      if (await act('/transfer', { peerId: $('transfer-to').value }, 'Transferred.')) await refreshLists();
    });
    $('requeue').addEventListener('click', async () => {
      if (await act('/requeue', null, 'Back in the queue.')) { await refreshLists(); await select(state.selected); }
    });
    $('close-open').addEventListener('click', () => $('close-dialog').showModal());
    $('close-cancel').addEventListener('click', () => $('close-dialog').close());
    $('close-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      const result = await act('/close', { outcome: $('outcome').value, note: $('note').value }, 'Conversation closed.');
      $('close-dialog').close();
      if (!result) return;
      $('note').value = '';
      await refreshLists();
      await select(state.selected);
      if (result.debriefDue) $('debrief-dialog').showModal();
    });
    const debrief = async (flag) => {
      await act('/debrief', { flagForSupervisor: flag }, flag ? 'Your supervisor has been asked to check in with you.' : null);
      $('debrief-dialog').close();
    };
    $('debrief-flag').addEventListener('click', () => debrief(true));
    $('debrief-ok').addEventListener('click', () => debrief(false));
    setInterval(() => {
      const elapsed = (Date.now() - state.loadedAt) / 1000;
      document.querySelectorAll('.wait[data-base]').forEach((node) => {
        node.textContent = duration(Number(node.dataset.base) + elapsed);
      });
    }, 1000);
  }

  async function start() {
    state.me = await me();
    $('me').textContent = state.me.name + ' · ' + state.me.role;
    $('board-link').hidden = state.me.role === 'peer';
    wire();
    await refreshLists();
    await loadPeers();
    live('/api/console/events', onEvent);
    const match = /handoff=([0-9a-f-]{36})/.exec(location.hash);
    if (match) await select(match[1]);
  }

  start();
})();
