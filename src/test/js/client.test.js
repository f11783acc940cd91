'use strict';
// Unit tests of the browser client, run in Node without a server:
//   node --test src/test/js/
//   HUDDLE_CLIENT_JS=/tmp/min.js node --test src/test/js/     (the Closure-minified copy)
// The library is evaluated in a vm context with a fake WebSocket, a fake clock, window, document
// and fetch, so every timer (heartbeat, backoff, request timeout) is driven by the test.

const test = require('node:test');
const strict = require('node:assert/strict');
// values created inside the vm context have that realm's prototypes: compare structured clones
const assert = Object.assign(Object.create(strict), {
  deepEqual: (actual, expected, msg) => strict.deepStrictEqual(structuredClone(actual), expected, msg),
});
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const LIB = process.env.HUDDLE_CLIENT_JS ||
  path.join(__dirname, '..', '..', 'main', 'resources', 'client', 'huddle-client.js');
const SOURCE = fs.readFileSync(LIB, 'utf8');
const TOKEN = '"%%HUDDLE_CONFIG%%"';

// ----- harness ---------------------------------------------------------------------------------

function makeClock() {
  let now = 1700000000000;
  let seq = 0;
  const timers = new Map();
  return {
    setTimeout(fn, ms) {
      const id = ++seq;
      timers.set(id, { fn, at: now + (ms > 0 ? ms : 0), id });
      return id;
    },
    clearTimeout(id) {
      timers.delete(id);
    },
    now: () => now,
    pending: () => [...timers.values()].map((t) => t.at - now).sort((a, b) => a - b),
    tick(ms) {
      const end = now + ms;
      for (;;) {
        let next = null;
        for (const t of timers.values()) {
          if (t.at <= end && (!next || t.at < next.at || (t.at === next.at && t.id < next.id))) next = t;
        }
        if (!next) break;
        now = next.at;
        timers.delete(next.id);
        next.fn();
      }
      now = end;
    },
  };
}

class FakeWebSocket {
  constructor(url) {
    this.url = url;
    this.readyState = 0;
    this.sent = [];
    this.closed = false;
    FakeWebSocket.instances.push(this);
  }
  send(data) {
    if (this.readyState !== 1) throw new Error('InvalidStateError');
    this.sent.push(data);
  }
  close() {
    this.closed = true;
    this.readyState = 3;
  }
  // --- test side ---
  open() {
    this.readyState = 1;
    if (this.onopen) this.onopen({});
  }
  recv(value) {
    if (this.onmessage) this.onmessage({ data: JSON.stringify(value) });
  }
  recvRaw(text) {
    if (this.onmessage) this.onmessage({ data: text });
  }
  drop(code = 1006) {
    this.readyState = 3;
    if (this.onclose) this.onclose({ code, reason: '' });
  }
  frames() {
    return this.sent.map((s) => JSON.parse(s));
  }
  take() {
    const f = this.frames();
    this.sent = [];
    return f;
  }
}

function load(opts = {}) {
  const clock = makeClock();
  const instances = [];
  const WS = class extends FakeWebSocket {};
  WS.instances = instances;
  FakeWebSocket.instances = instances;
  const fetchCalls = [];
  const listeners = {};
  const window = {
    location: { origin: opts.origin || 'https://chat.example.com:8443', protocol: 'https:' },
    document: { cookie: opts.cookie === undefined ? 'other=1; sessionID=abc123; x=y' : opts.cookie },
    WebSocket: WS,
    setTimeout: clock.setTimeout,
    clearTimeout: clock.clearTimeout,
    addEventListener: (name, fn) => ((listeners[name] = listeners[name] || []).push(fn)),
    removeEventListener: (name, fn) => (listeners[name] = (listeners[name] || []).filter((f) => f !== fn)),
    fetch: (url, init) => {
      fetchCalls.push({ url, init });
      const body = opts.fetchBody || '{"ok":true}';
      return Promise.resolve({ status: 200, statusText: 'OK', text: () => Promise.resolve(body) });
    },
    JSON, Math: Object.create(Math), Promise, Object, Array, String, Number, Error, RegExp, Date,
  };
  window.window = window;
  window.Math.random = opts.random || (() => 0);
  let src = SOURCE;
  if (opts.baked) src = src.replace(TOKEN, JSON.stringify(JSON.stringify(opts.baked)));
  const ctx = vm.createContext(window);
  vm.runInContext(src, ctx, { filename: LIB });
  const Client = window.ActionheroWebsocketClient;
  assert.equal(typeof Client, 'function');
  return { Client, window, clock, sockets: instances, fetchCalls, listeners };
}

const flush = () => new Promise((r) => setImmediate(r));

/** A tiny scripted server: answers configure traffic on a socket. */
function serve(ws, { id = 'conn-1', rooms = [], failRooms = [] } = {}) {
  const joined = rooms.slice();
  const out = [];
  for (const f of ws.take()) {
    out.push(f);
    if (f.event === 'detailsView') {
      ws.recv({ status: 'OK', context: 'response', data: { id, fingerprint: 'abc123', rooms: joined.slice(), params: {} }, messageId: f.messageId });
    } else if (f.event === 'roomAdd') {
      if (failRooms.includes(f.room)) {
        ws.recv({ status: 'Error: room does not exist', error: 'Error: room does not exist', context: 'response', data: {}, messageId: f.messageId });
      } else {
        joined.push(f.room);
        ws.recv({ status: 'OK', context: 'response', data: true, messageId: f.messageId });
      }
    } else if (f.event === 'action') {
      ws.recv({ ok: true, context: 'response', messageId: f.messageId });
    } else if (f.event) {
      ws.recv({ status: 'OK', context: 'response', messageId: f.messageId });
    }
  }
  return out;
}

async function connected(env, options, serverOpts) {
  const client = new env.Client(options);
  const p = client.connect();
  const ws = env.sockets[env.sockets.length - 1];
  ws.open();
  ws.recv({ welcome: 'Welcome to Huddle', context: 'api' });
  serve(ws, serverOpts);
  const details = await p;
  return { client, ws, details };
}

// ----- tests -----------------------------------------------------------------------------------

test('the config token appears exactly once and the raw source loads with defaults', () => {
  assert.equal(SOURCE.split(TOKEN).length - 1, 1);
  const env = load();
  const c = new env.Client();
  assert.equal(c.options.pathname, '/primus');
  assert.equal(c.options.apiPath, '/api');
  assert.equal(c.options.cookieKey, 'sessionID');
  assert.equal(c.options.pingTimeout, 45000);
  assert.equal(c.options.requestTimeout, 30000);
  assert.equal(c.options.queueSize, 100);
  assert.equal(c.options.reconnect.retries, Infinity);
  assert.equal(c.state, 'disconnected');
  assert.deepEqual([...c.rooms], []);
});

test('baked config (as the server substitutes it) and options merge', () => {
  const env = load({
    baked: { url: null, pathname: '/myapp/primus', apiPath: '/myapp/api', pingTimeout: 20000, reconnect: { max: 8000, retries: null }, queueSize: 5 },
  });
  const c = new env.Client({ reconnect: { min: 100 }, cookieKey: 'sessionID' });
  assert.equal(c.options.pathname, '/myapp/primus');
  assert.equal(c.options.apiPath, '/myapp/api');
  assert.equal(c.options.pingTimeout, 20000);
  assert.equal(c.options.queueSize, 5);
  assert.equal(c.options.reconnect.min, 100);
  assert.equal(c.options.reconnect.max, 8000);
  assert.equal(c.options.reconnect.factor, 2);
  assert.equal(c.options.reconnect.retries, Infinity);
  c.connect();
  assert.match(env.sockets[0].url, /^wss:\/\/chat\.example\.com:8443\/myapp\/primus\?sessionID=abc123&_primuscb=[\w-]+&positions=1$/);
});

test('websocket URL: http->ws, explicit url path ignored, custom cookieKey, no cookie', () => {
  let env = load({ origin: 'http://localhost:8080', cookie: '' });
  let c = new env.Client();
  c.connect();
  assert.match(env.sockets[0].url, /^ws:\/\/localhost:8080\/primus\?_primuscb=[\w-]+&positions=1$/);

  env = load({ cookie: 'fp=zz9; a=b' });
  c = new env.Client({ url: 'http://other.host:9000/some/path', cookieKey: 'fp' });
  c.connect();
  assert.match(env.sockets[0].url, /^ws:\/\/other\.host:9000\/primus\?fp=zz9&_primuscb=/);
});

test('connect: detailsView first, then connected with id/fingerprint, cb(null, reply)', async () => {
  const env = load();
  const client = new env.Client();
  const events = [];
  client.on('welcome', (m) => events.push(['welcome', m.welcome]));
  client.on('connected', () => events.push(['connected']));
  let cbArgs = null;
  const p = client.connect((err, reply) => (cbArgs = [err, reply]));
  assert.equal(client.state, 'connecting');
  const ws = env.sockets[0];
  ws.open();
  ws.recv({ welcome: 'Welcome to Huddle', context: 'api' });
  const frames = ws.take();
  assert.deepEqual(frames, [{ event: 'detailsView', messageId: 1 }]);
  ws.recv({ status: 'OK', context: 'response', data: { id: 'c1', fingerprint: 'abc123', rooms: [] }, messageId: 1 });
  const reply = await p;
  assert.equal(reply.data.id, 'c1');
  assert.equal(client.state, 'connected');
  assert.equal(client.id, 'c1');
  assert.equal(client.fingerprint, 'abc123');
  assert.equal(client.welcomeMessage, 'Welcome to Huddle');
  assert.equal(cbArgs[0], null);
  assert.equal(cbArgs[1], reply);
  assert.deepEqual(events, [['welcome', 'Welcome to Huddle'], ['connected']]);
});

test('framing: ping answered with pong (same number), every frame is one JSON value', async () => {
  const env = load();
  const { client, ws } = await connected(env);
  ws.recv('primus::ping::1795305102352');
  assert.deepEqual(ws.sent, ['"primus::pong::1795305102352"']);
  ws.take();
  client.say('r', 'hi');
  assert.equal(ws.sent.length, 1);
  assert.deepEqual(JSON.parse(ws.sent[0]), { event: 'say', room: 'r', message: 'hi', messageId: 2 });
  // undecodable frames are reported, not fatal
  const errors = [];
  client.on('error', (e) => errors.push(e));
  ws.recvRaw('not json');
  assert.equal(errors.length, 1);
  assert.equal(client.state, 'connected');
  // unknown primus:: strings are data
  const msgs = [];
  client.on('message', (m) => msgs.push(m));
  ws.recv('primus::something::else');
  assert.deepEqual(msgs, ['primus::something::else']);
});

test('heartbeat: pings keep it alive, a missed ping triggers timeout + reconnect', async () => {
  const env = load();
  const { client, ws } = await connected(env);
  const events = [];
  for (const e of ['timeout', 'disconnected', 'reconnecting', 'reconnect']) client.on(e, (x) => events.push([e, x]));
  env.clock.tick(40000);
  ws.recv('primus::ping::1');
  env.clock.tick(40000);
  assert.equal(client.state, 'connected');
  env.clock.tick(5001);
  assert.equal(ws.closed, true);
  assert.equal(client.state, 'reconnecting');
  assert.deepEqual(events.map((e) => e[0]), ['timeout', 'disconnected', 'reconnecting']);
  assert.deepEqual(events[0][1], { reason: 'heartbeat' });
  assert.deepEqual(events[2][1], { attempt: 1, delay: 500 });
  env.clock.tick(500);
  assert.equal(env.sockets.length, 2);
  assert.deepEqual(events[3], ['reconnect', { attempt: 1 }]);
});

test('reply matching by messageId; stock callbacks + promises; error replies reject with .reply', async () => {
  const env = load();
  const { client, ws } = await connected(env);
  const got = [];
  const p1 = client.roomView('lobby', (r) => got.push(['view', r.messageId]));
  const p2 = client.action('randomNumber', { n: 1 }, (r) => got.push(['action', r.messageId]));
  const p3 = client.file('index.html');
  const frames = ws.take();
  assert.deepEqual(frames, [
    { event: 'roomView', room: 'lobby', messageId: 2 },
    { event: 'action', params: { n: 1, action: 'randomNumber' }, messageId: 3 },
    { event: 'file', file: 'index.html', messageId: 4 },
  ]);
  assert.deepEqual(Object.keys(client.callbacks).sort(), ['2', '3', '4']);
  // out of order replies
  ws.recv({ randomNumber: 0.5, context: 'response', messageId: 3 });
  ws.recv({ status: 'Error: connection not in this room (lobby)', error: 'Error: connection not in this room (lobby)', context: 'response', data: {}, messageId: 2 });
  ws.recv({ error: 'that file is not found', content: null, context: 'response', messageId: 4 });
  assert.deepEqual(got, [['action', 3], ['view', 2]]);
  assert.deepEqual(Object.keys(client.callbacks), []);
  assert.equal((await p2).randomNumber, 0.5);
  await assert.rejects(p1, (e) => e.message === 'connection not in this room (lobby)' && e.reply.messageId === 2);
  await assert.rejects(p3, (e) => e.message === 'that file is not found' && e.reply.content === null);
  // custom messageId in params is used (stock rule)
  client.action('status', { messageId: 'custom-id' });
  assert.equal(ws.take()[0].messageId, 'custom-id');
  // pushes never touch callbacks
  const said = [];
  client.on('say', (m) => said.push(m.message));
  client.on('alert', (m) => said.push('alert:' + m.text));
  client.on('api', (m) => said.push('api:' + m.text));
  ws.recv({ message: 'hello', room: 'lobby', from: 'x', context: 'user', sentAt: 1 });
  ws.recv({ text: 'a', context: 'alert' });
  ws.recv({ text: 'b', context: 'api' });
  assert.deepEqual(said, ['hello', 'alert:a', 'api:b']);
});

test('no unhandled rejection when a callback was passed', async () => {
  const env = load();
  const { client, ws } = await connected(env);
  const unhandled = [];
  const onUnhandled = (r) => unhandled.push(r);
  process.on('unhandledRejection', onUnhandled);
  try {
    client.roomAdd('nope', () => {});
    client.say('nope', 'x', () => {});
    client.setMetadata({ displayName: 'A' }, () => {});
    for (const f of ws.take()) ws.recv({ error: 'Error: room does not exist', context: 'response', messageId: f.messageId });
    env.clock.tick(1);
    await flush();
    await flush();
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});

test('request timeout: callback gets {error:"request timed out"}, late reply ignored', async () => {
  const env = load();
  const { client, ws } = await connected(env, { requestTimeout: 5000 });
  const got = [];
  const p = client.say('r', 'x', (r) => got.push(r));
  const id = ws.take()[0].messageId;
  env.clock.tick(4999);
  assert.deepEqual(got, []);
  env.clock.tick(1);
  assert.deepEqual(got, [{ error: 'request timed out', context: 'response', messageId: id }]);
  await assert.rejects(p, /request timed out/);
  ws.recv({ status: 'OK', context: 'response', messageId: id });
  assert.equal(got.length, 1);
  assert.equal(client.callbacks[id], undefined);
});

test('offline queue: bounded, oldest fails, flushed in order after configure', async () => {
  const env = load();
  const client = new env.Client({ queueSize: 3 });
  const got = [];
  for (let i = 1; i <= 5; i++) client.say('r', 'm' + i, (r) => got.push([i, r.error || 'ok']));
  assert.deepEqual(got, [[1, 'offline queue full'], [2, 'offline queue full']]);
  client.connect();
  const ws = env.sockets[0];
  ws.open();
  // configure goes first, queued requests wait for it
  assert.deepEqual(ws.frames().map((f) => f.event), ['detailsView']);
  serve(ws);
  await flush();
  const frames = ws.take();
  assert.deepEqual(frames.map((f) => f.message), ['m3', 'm4', 'm5']);
  for (const f of frames) ws.recv({ status: 'OK', context: 'response', messageId: f.messageId });
  assert.deepEqual(got.slice(2), [[3, 'ok'], [4, 'ok'], [5, 'ok']]);
});

test('reconnect backoff: exponential with jitter, capped, gives up after retries', async () => {
  const env = load({ random: () => 1 });
  const client = new env.Client({ reconnect: { min: 1000, max: 10000, factor: 2, jitter: 0.5, retries: 6 } });
  assert.deepEqual([1, 2, 3, 4, 5, 6].map((n) => client.reconnectDelay(n)), [500, 1000, 2000, 4000, 5000, 5000]);
  env.window.Math.random = () => 0;
  assert.deepEqual([1, 2, 3, 4, 5, 6].map((n) => client.reconnectDelay(n)), [1000, 2000, 4000, 8000, 10000, 10000]);
  const sched = [];
  client.on('reconnecting', (x) => sched.push(x));
  const failed = [];
  client.on('reconnect failed', (x) => failed.push(x));
  const p = client.connect();
  env.sockets[0].drop(); // server down
  for (let i = 1; i < 6; i++) {
    env.clock.tick(sched[sched.length - 1].delay);
    assert.equal(env.sockets.length, i + 1);
    env.sockets[i].drop();
  }
  assert.deepEqual(sched, [
    { attempt: 1, delay: 1000 }, { attempt: 2, delay: 2000 }, { attempt: 3, delay: 4000 },
    { attempt: 4, delay: 8000 }, { attempt: 5, delay: 10000 }, { attempt: 6, delay: 10000 },
  ]);
  env.clock.tick(10000);
  env.sockets[6].drop();
  assert.equal(client.state, 'disconnected');
  assert.deepEqual(failed, [{ attempts: 6 }]);
  await assert.rejects(p, /could not connect/);
  env.clock.tick(60000);
  assert.equal(env.sockets.length, 7);
});

test('connect timeout: state "timeout", event, then reconnect', async () => {
  const env = load();
  const client = new env.Client({ timeout: 3000 });
  const events = [];
  client.on('timeout', (x) => events.push(x));
  client.on('state', (x) => events.push(x.state));
  client.connect();
  env.clock.tick(3000);
  assert.deepEqual(events, ['connecting', 'timeout', { reason: 'connect' }, 'reconnecting']);
  assert.equal(env.sockets[0].closed, true);
  env.clock.tick(500);
  env.sockets[1].open();
  serve(env.sockets[1]);
  assert.equal(client.state, 'connected');
});

test('after a reconnect: setMetadata, roomAdds, detailsView, then queued; reconnected event', async () => {
  const env = load();
  const { client, ws } = await connected(env, {}, { id: 'old' });
  client.setMetadata({ displayName: 'Ada' });
  client.roomAdd('a');
  client.roomAdd('b');
  client.roomAdd('gone');
  serve(ws);
  await flush();
  assert.deepEqual([...client.rooms], ['a', 'b', 'gone']);

  const inflight = [];
  client.say('a', 'lost?', (r) => inflight.push(r.error));
  const events = [];
  for (const e of ['disconnected', 'reconnecting', 'reconnect', 'connected', 'reconnected']) client.on(e, (x) => events.push(e));
  let reconnected = null;
  client.on('reconnected', (x) => (reconnected = x));
  ws.drop(1006);
  assert.deepEqual(inflight, ['connection lost']);
  assert.equal(client.state, 'reconnecting');
  // written during the outage: queued
  const queued = [];
  client.say('a', 'queued', (r) => queued.push(r.status));
  env.clock.tick(500);
  const ws2 = env.sockets[1];
  ws2.open();
  ws2.recv({ welcome: 'again', context: 'api' });
  const frames = ws2.frames();
  assert.deepEqual(frames.map((f) => [f.event, f.room || (f.params && f.params.action)]), [
    ['action', 'setMetadata'], ['roomAdd', 'a'], ['roomAdd', 'b'], ['roomAdd', 'gone'], ['detailsView', undefined],
  ]);
  assert.deepEqual(frames[0].params.metadata, { displayName: 'Ada' });
  serve(ws2, { id: 'new', failRooms: ['gone'] });
  assert.equal(client.id, 'new');
  assert.deepEqual([...client.rooms], ['a', 'b']);
  assert.deepEqual(reconnected, { rooms: ['a', 'b'], failedRooms: ['gone'] });
  assert.deepEqual(events, ['disconnected', 'reconnecting', 'reconnect', 'connected', 'reconnected']);
  const flushed = ws2.take();
  assert.deepEqual(flushed.map((f) => f.message), ['queued']);
  ws2.recv({ status: 'OK', context: 'response', messageId: flushed[0].messageId });
  assert.deepEqual(queued, ['OK']);
});

test('recovery: remembers the last position per room and rejoins with it after a reconnect', async () => {
  const env = load();
  const { client, ws } = await connected(env, {}, { id: 'old' });
  client.roomAdd('a');
  client.roomAdd('b');
  serve(ws);
  await flush();
  assert.equal(client.lastPosition('a'), null);
  ws.recv({ message: 'one', room: 'a', from: 'x', context: 'user', sentAt: 1, position: '5-0', epoch: 'e1' });
  ws.recv({ message: 'two', room: 'a', from: 'x', context: 'user', sentAt: 2, position: '6-0', epoch: 'e1' });
  ws.recv({ message: 'plain', room: 'b', from: 'x', context: 'user', sentAt: 3 });
  assert.deepEqual(client.lastPosition('a'), { position: '6-0', epoch: 'e1' });
  assert.equal(client.lastPosition('b'), null, 'a message without a position changes nothing');

  const said = [];
  const verdicts = [];
  client.on('say', (m) => said.push(m.message));
  client.on('recovered', (v) => verdicts.push(v));
  ws.drop(1006);
  env.clock.tick(500);
  const ws2 = env.sockets[1];
  assert.match(ws2.url, /&positions=1$/);
  ws2.open();
  const joins = ws2.frames().filter((f) => f.event === 'roomAdd');
  assert.deepEqual(joins.map((f) => [f.room, f.recover]), [['a', { position: '6-0', epoch: 'e1' }], ['b', undefined]]);
  // the server replays what was missed, then its verdict, then live messages
  ws2.recv({ message: 'three', room: 'a', from: 'x', context: 'user', sentAt: 4, position: '7-0', epoch: 'e1' });
  ws2.recv({ context: 'recovered', room: 'a', recovered: true, epoch: 'e1', position: '7-0', missed: 1 });
  serve(ws2);
  assert.deepEqual(said, ['three']);
  assert.deepEqual(verdicts.map((v) => [v.room, v.recovered, v.missed]), [['a', true, 1]]);
  assert.deepEqual(client.lastPosition('a'), { position: '7-0', epoch: 'e1' });
});

test('recovery refused: the verdict names the new epoch and position, a later reconnect starts there', async () => {
  const env = load();
  const { client, ws } = await connected(env, {});
  client.roomAdd('a');
  serve(ws);
  await flush();
  ws.recv({ message: 'one', room: 'a', from: 'x', context: 'user', sentAt: 1, position: '5-0', epoch: 'e1' });
  ws.drop(1006);
  env.clock.tick(500);
  const ws2 = env.sockets[1];
  ws2.open();
  const verdicts = [];
  client.on('recovered', (v) => verdicts.push([v.recovered, v.reason]));
  ws2.recv({ context: 'recovered', room: 'a', recovered: false, reason: 'epoch changed', epoch: 'e2', position: '9-0', missed: 0 });
  serve(ws2);
  assert.deepEqual(verdicts, [[false, 'epoch changed']]);
  assert.deepEqual(client.lastPosition('a'), { position: '9-0', epoch: 'e2' });
  ws2.recv({ context: 'recovered', room: 'a', recovered: false, reason: 'no history', missed: 0 });
  assert.equal(client.lastPosition('a'), null, 'a room that keeps nothing gives nothing to recover from');
});

test('recovery bookkeeping: roomLeave forgets the room, positions:false neither asks nor recovers', async () => {
  let env = load();
  let c = await connected(env, {});
  c.client.roomAdd('a');
  serve(c.ws);
  await flush();
  c.ws.recv({ message: 'one', room: 'a', from: 'x', context: 'user', sentAt: 1, position: '5-0', epoch: 'e1' });
  c.client.roomLeave('a');
  assert.equal(c.client.lastPosition('a'), null);

  env = load();
  c = await connected(env, { positions: false });
  assert.doesNotMatch(env.sockets[0].url, /positions/);
  c.client.roomAdd('a');
  serve(c.ws);
  await flush();
  c.ws.recv({ message: 'one', room: 'a', from: 'x', context: 'user', sentAt: 1, position: '5-0', epoch: 'e1' });
  c.ws.drop(1006);
  env.clock.tick(500);
  env.sockets[1].open();
  assert.deepEqual(env.sockets[1].frames().filter((f) => f.event === 'roomAdd').map((f) => f.recover), [undefined]);
});

test('roomHistory sends room, since and limit', async () => {
  const env = load();
  const { client, ws } = await connected(env, {});
  const p = client.roomHistory('a', { since: '5-0', limit: 10 });
  const [frame] = ws.take();
  assert.deepEqual({ event: frame.event, room: frame.room, since: frame.since, limit: frame.limit },
    { event: 'roomHistory', room: 'a', since: '5-0', limit: 10 });
  ws.recv({ status: 'OK', context: 'response', data: { room: 'a', messages: [] }, messageId: frame.messageId });
  assert.equal((await p).data.room, 'a');
});

test('primus::server::close: no reconnect; disconnect(): no reconnect', async () => {
  let env = load();
  let { client, ws } = await connected(env);
  const ev = [];
  client.on('disconnected', (x) => ev.push(x));
  ws.recv('primus::server::close');
  ws.drop(1005);
  assert.equal(client.state, 'disconnected');
  env.clock.tick(120000);
  assert.equal(env.sockets.length, 1);
  assert.equal(ev.length, 1);
  assert.equal(ev[0].willReconnect, false);

  env = load();
  ({ client, ws } = await connected(env));
  const pending = [];
  client.say('r', 'x', (r) => pending.push(r.error));
  client.disconnect();
  assert.equal(client.state, 'disconnected');
  assert.equal(ws.closed, true);
  assert.deepEqual(pending, ['connection lost']);
  ws.drop();
  env.clock.tick(120000);
  assert.equal(env.sockets.length, 1);
});

test('roomAdd/roomLeave keep rooms in sync without extra round trips', async () => {
  const env = load();
  const { client, ws } = await connected(env);
  const r = await Promise.all([client.roomAdd('x'), Promise.resolve(serve(ws))]);
  assert.equal(r[0].data, true);
  assert.deepEqual([...client.rooms], ['x']);
  client.roomAdd('x').catch(() => {});
  const f = ws.take();
  assert.equal(f.length, 1); // no detailsView / re-join traffic
  ws.recv({ status: 'Error: connection already in this room (x)', error: 'Error: connection already in this room (x)', context: 'response', messageId: f[0].messageId });
  assert.deepEqual([...client.rooms], ['x']);
  const leave = client.roomLeave('x');
  assert.deepEqual([...client.rooms], []);
  assert.deepEqual(ws.frames().map((x) => x.event), ['roomLeave']);
  serve(ws);
  await leave;
  assert.deepEqual([...client.rooms], []);
});

test('presence: snapshot + join/update/leave, members events, own metadata, roomLeave drops', async () => {
  const env = load();
  const { client, ws } = await connected(env, {}, { id: 'me' });
  const changes = [];
  const kinds = [];
  client.on('members', (x) => changes.push([x.room, x.members.map((m) => m.id)]));
  for (const k of ['presence', 'join', 'leave', 'update']) client.on(k, (m) => kinds.push(k + ':' + m.event));
  ws.recv({ context: 'presence', event: 'snapshot', room: 'lobby', membersCount: 2, members: {
    me: { id: 'me', joinedAt: 20, user: null, metadata: {} },
    bob: { id: 'bob', joinedAt: 10, user: null, metadata: { displayName: 'Bob' } },
  } });
  assert.deepEqual(client.members('lobby').map((m) => m.id), ['bob', 'me']);
  ws.recv({ context: 'presence', event: 'join', room: 'lobby', member: { id: 'cy', joinedAt: 30, user: null, metadata: {} } });
  ws.recv({ context: 'presence', event: 'update', room: 'lobby', member: { id: 'cy', joinedAt: 30, user: null, metadata: { displayName: 'Cy' } } });
  ws.recv({ context: 'presence', event: 'leave', room: 'lobby', member: { id: 'bob', joinedAt: 10, user: null, metadata: {} } });
  assert.deepEqual(client.members('lobby').map((m) => [m.id, m.metadata.displayName]), [['me', undefined], ['cy', 'Cy']]);
  assert.deepEqual(kinds, ['presence:snapshot', 'presence:join', 'join:join', 'presence:update', 'update:update', 'presence:leave', 'leave:leave']);
  assert.deepEqual(changes, [['lobby', ['bob', 'me']], ['lobby', ['bob', 'me', 'cy']], ['lobby', ['bob', 'me', 'cy']], ['lobby', ['me', 'cy']]]);
  // presence pushes never touch callbacks / say
  assert.deepEqual(Object.keys(client.callbacks), []);
  // own metadata is applied locally once the server accepted it
  client.setMetadata({ displayName: 'Me' });
  serve(ws);
  assert.equal(client.members('lobby')[0].metadata.displayName, 'Me');
  // per-user rooms: keyed by user, with connections
  ws.recv({ context: 'presence', event: 'snapshot', room: 'team', membersCount: 1, members: {
    u1: { id: 'me', joinedAt: 1, user: 'u1', metadata: {}, connections: ['me', 'me2'] },
  } });
  ws.recv({ context: 'presence', event: 'join', room: 'team', member: { id: 'c9', joinedAt: 2, user: 'u2', metadata: {} } });
  assert.deepEqual(client.members('team').map((m) => m.user), ['u1', 'u2']);
  ws.recv({ context: 'presence', event: 'leave', room: 'team', member: { id: 'c9', joinedAt: 2, user: 'u2', metadata: {} } });
  assert.deepEqual(client.members('team').map((m) => m.user), ['u1']);
  // roomLeave drops the list
  client.roomLeave('lobby');
  assert.deepEqual(client.members('lobby'), []);
  assert.deepEqual(changes[changes.length - 1], ['lobby', []]);
  // a late diff for the room just left does not bring a stale list back (but is still emitted)
  const n = kinds.length;
  ws.recv({ context: 'presence', event: 'join', room: 'lobby', member: { id: 'dan', joinedAt: 40, user: null, metadata: {} } });
  assert.deepEqual(client.members('lobby'), []);
  assert.deepEqual(kinds.slice(n), ['presence:join', 'join:join']);
  assert.deepEqual(changes[changes.length - 1], ['lobby', []]);
});

test('presence lists are rebuilt from new snapshots after a reconnect', async () => {
  const env = load();
  const { client, ws } = await connected(env, {}, { id: 'me', rooms: [] });
  client.roomAdd('lobby');
  serve(ws);
  ws.recv({ context: 'presence', event: 'snapshot', room: 'lobby', members: { me: { id: 'me', joinedAt: 1 }, old: { id: 'old', joinedAt: 2 } } });
  ws.drop();
  env.clock.tick(500);
  const ws2 = env.sockets[1];
  ws2.open();
  ws2.recv({ context: 'presence', event: 'snapshot', room: 'lobby', members: { me2: { id: 'me2', joinedAt: 5 } } });
  serve(ws2, { id: 'me2' });
  assert.deepEqual(client.members('lobby').map((m) => m.id), ['me2']);
});

test('setMetadata before connect: sent first in configure, caller resolved', async () => {
  const env = load();
  const client = new env.Client();
  const got = [];
  const p = client.setMetadata({ displayName: 'Ada' }, (r) => got.push(r));
  client.connect();
  const ws = env.sockets[0];
  ws.open();
  const frames = ws.frames();
  assert.deepEqual(frames.map((f) => f.event + ':' + (f.params ? f.params.action : '')), ['action:setMetadata', 'detailsView:']);
  assert.equal(frames[0].messageId, 2); // 1 was the queued call, answered by this one
  serve(ws);
  await flush();
  assert.equal(got.length, 1);
  assert.equal(got[0].ok, true);
  assert.equal((await p).ok, true);
  assert.deepEqual(ws.take(), []); // the queued duplicate was not sent again
});

test('HTTP fallback for action() while not connected', async () => {
  const env = load({ fetchBody: '{"rooms":["defaultRoom"]}' });
  const client = new env.Client({ apiPath: '/ctx/api' });
  const got = [];
  const res = await client.action('listRooms', { a: 1 }, (r) => got.push(r));
  assert.deepEqual(res, { rooms: ['defaultRoom'] });
  assert.deepEqual(got, [res]);
  const call = env.fetchCalls[0];
  assert.equal(call.url, 'https://chat.example.com:8443/ctx/api?action=listRooms');
  assert.equal(call.init.method, 'POST');
  assert.equal(call.init.credentials, 'include');
  assert.equal(call.init.headers['Content-Type'], 'application/json');
  assert.deepEqual(JSON.parse(call.init.body), { a: 1, action: 'listRooms' });
  assert.equal(env.sockets.length, 0);

  await client.action('status', { httpMethod: 'get', x: 'a b' });
  const get = env.fetchCalls[1];
  assert.equal(get.init.method, 'GET');
  assert.equal(get.url, 'https://chat.example.com:8443/ctx/api?action=status&x=a%20b');
  assert.equal(get.init.body, undefined);

  const env2 = load({ fetchBody: 'not json', origin: 'http://h' });
  const c2 = new env2.Client({ url: 'http://api.host:81' });
  await assert.rejects(c2.action('x'), (e) => e.reply.error.responseText === 'not json');
  assert.equal(env2.fetchCalls[0].url, 'http://api.host:81/api?action=x');
});

test('emitter: on / once / off / removeListener', () => {
  const env = load();
  const c = new env.Client();
  const got = [];
  const f = (x) => got.push('f' + x);
  c.on('e', f);
  c.once('e', (x) => got.push('once' + x));
  c.emit('e', 1);
  c.emit('e', 2);
  c.off('e', f);
  c.emit('e', 3);
  c.on('e', f);
  c.removeListener('e', f);
  c.emit('e', 4);
  assert.deepEqual(got, ['f1', 'once1', 'f2']);
});

test('browser "online" event retries at once instead of waiting for the backoff', async () => {
  const env = load();
  const { client, ws } = await connected(env, { reconnect: { min: 20000 } });
  ws.drop();
  assert.equal(env.sockets.length, 1);
  env.listeners.online.forEach((fn) => fn());
  assert.equal(env.sockets.length, 2);
  assert.equal(client.state, 'reconnecting');
});
