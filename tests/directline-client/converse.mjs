// Holds a short conversation with a Direct Line endpoint through the official client library
// (botframework-directlinejs) and prints one JSON line with what happened. Exit code 0 on success.
// Usage: node converse.mjs <domain e.g. http://127.0.0.1:5000/v3/directline> <secret> <message>...
import WebSocket from 'ws';
import XMLHttpRequest from 'xhr2';

global.WebSocket = WebSocket;
global.XMLHttpRequest = XMLHttpRequest;

const { DirectLine, ConnectionStatus } = await import('botframework-directlinejs');

const [domain, secret, ...messages] = process.argv.slice(2);
const userId = 'dljs-user';
const directLine = new DirectLine({ secret, domain, webSocket: true });
const botReplies = [];
const statuses = [];
let waiting = null;

const timeout = setTimeout(() => finish(false, 'timed out'), 20000);

directLine.connectionStatus$.subscribe((status) => statuses.push(ConnectionStatus[status]));
directLine.activity$.subscribe((activity) => {
  if (activity.type !== 'message' || activity.from.id === userId) return;
  botReplies.push({ id: activity.id, text: activity.text, replyToId: activity.replyToId,
    suggestedActions: (activity.suggestedActions?.actions ?? []).length });
  if (waiting) { const w = waiting; waiting = null; w(); }
});

function nextReply() { return new Promise((resolve) => { waiting = resolve; }); }

function finish(ok, error) {
  clearTimeout(timeout);
  console.log(JSON.stringify({ ok, error, statuses, botReplies, conversationId: directLine.conversationId }));
  directLine.end();
  process.exit(ok ? 0 : 1);
}

try {
  await nextReply(); // welcome
  for (const text of messages) {
    const replied = nextReply();
    await new Promise((resolve, reject) => directLine
      .postActivity({ type: 'message', from: { id: userId, name: 'Tester' }, text, locale: 'en-US' })
      .subscribe({ next: resolve, error: reject }));
    await replied;
  }
  finish(true);
} catch (error) {
  finish(false, String(error));
}
