// Minimal Direct Line 3.0 client (polling) for the local web chat. No third-party code.
(() => {
  const transcript = document.getElementById('transcript');
  const actions = document.getElementById('actions');
  const form = document.getElementById('composer');
  const input = document.getElementById('message');
  let conversation = null;
  let watermark = '0';
  const seen = new Set();

  async function start() {
    const tokenResponse = await fetch('/webchat/token', { method: 'POST' });
    if (!tokenResponse.ok) { show('bot', 'The chat could not start (' + tokenResponse.status + ').'); return; }
    const token = (await tokenResponse.json()).token;
    const response = await fetch('/v3/directline/conversations', { method: 'POST', headers: { 'Authorization': 'Bearer ' + token } });
    if (!response.ok) { show('bot', 'The chat could not start (' + response.status + ').'); return; }
    conversation = await response.json();
    if (conversation.streamUrl && 'WebSocket' in window) stream(); else poll();
  }

  function stream() {
    const socket = new WebSocket(conversation.streamUrl + '&watermark=' + watermark);
    socket.onmessage = (event) => {
      if (!event.data) return; // keep-alive
      const set = JSON.parse(event.data);
      watermark = set.watermark;
      for (const activity of set.activities) render(activity);
    };
    socket.onclose = () => setTimeout(stream, 1500);
  }

  function headers() {
    return { 'Authorization': 'Bearer ' + conversation.token, 'Content-Type': 'application/json' };
  }

  async function poll() {
    try {
      const response = await fetch(`/v3/directline/conversations/${conversation.conversationId}/activities?watermark=${watermark}`, { headers: headers() });
      if (response.ok) {
        const set = await response.json();
        watermark = set.watermark;
        for (const activity of set.activities) render(activity);
      }
    } finally {
      setTimeout(poll, 700);
    }
  }

  function render(activity) {
    if (seen.has(activity.id) || activity.type !== 'message') return;
    seen.add(activity.id);
    const fromUser = activity.from && activity.from.id === conversation.userId;
    const role = fromUser ? 'user' : (activity.from && activity.from.role === 'peer' ? 'peer' : 'bot');
    if (activity.text) show(role, activity.text, activity.from && activity.from.name);
    if (!fromUser) showActions(activity.suggestedActions);
  }

  function show(role, text, name) {
    const item = document.createElement('li');
    item.className = role;
    item.textContent = role === 'peer' && name ? `${name}: ${text}` : text;
    transcript.appendChild(item);
    item.scrollIntoView({ block: 'end' });
  }

  function showActions(suggested) {
    actions.replaceChildren();
    if (!suggested || !suggested.actions) return;
    for (const action of suggested.actions) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.title;
      button.addEventListener('click', () => send(typeof action.value === 'string' ? action.value : action.title));
      actions.appendChild(button);
    }
  }

  async function send(text) {
    if (!conversation || !text.trim()) return;
    actions.replaceChildren();
    await fetch(`/v3/directline/conversations/${conversation.conversationId}/activities`, {
      method: 'POST', headers: headers(),
      body: JSON.stringify({ type: 'message', text, locale: navigator.language || 'en-US' }),
    });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value;
    input.value = '';
    send(text);
  });

  start();
})();
