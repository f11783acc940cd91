/*! Huddle browser client (ActionheroWebsocketClient-compatible) */
/*
 * Huddle browser client: ActionheroWebsocketClient-compatible, no dependencies.
 *
 * Speaks ActionHero's websocket protocol (Primus framing, parser "json") over the browser's
 * plain WebSocket: every frame is one JSON value; "primus::ping::<n>" is answered with
 * "primus::pong::<n>"; "primus::server::close" means the server ended the session on purpose
 * (no reconnect).
 *
 * Compatible with the stock ActionheroWebsocketClient (same methods, callbacks, events and
 * frames), plus:
 *  - reconnect with exponential backoff + jitter after an unexpected close, a failed connect or a
 *    missed heartbeat; after a reconnect: setMetadata (if set), re-join rooms, detailsView, then
 *    emit "reconnected" {rooms, failedRooms};
 *  - per-request timeout (requestTimeout) and failure of in-flight requests on a lost connection;
 *  - bounded offline queue (queueSize), flushed in order once (re)connected;
 *  - presence member lists per room (members(room)), setMetadata(obj);
 *  - room history: asks for positions on the upgrade (?positions=1), remembers per room the last
 *    position and epoch it saw (lastPosition(room)), and after a reconnect re-joins with them
 *    (roomAdd with recover): the missed messages arrive as "say" events before live ones, then a
 *    "recovered" event {room, recovered: true|false, reason?, missed}; roomHistory(room, opts);
 *  - every method returns a Promise as well as calling the stock-style callback.
 *
 * Promise policy: a request's promise resolves with the reply, or rejects with an Error (err.reply =
 * the reply) when the reply carries `error` (including the synthetic timeout / connection lost /
 * queue overflow replies). When a callback was passed, the returned promise is pre-marked as
 * handled, so ignoring it never produces an "unhandled rejection".
 *
 * In-flight policy: requests already written to a socket that dies are failed with
 * {error: "connection lost"} (never re-sent: the server gives the new socket a new connection, and
 * re-sending a `say` could duplicate it). Requests not yet written stay queued and are sent after
 * the reconnect.
 *
 * The server replaces the string token below (including its quotes) by a JSON string literal.
 */
(function (root) {
  'use strict';

  var BAKED = {};
  try {
    BAKED = JSON.parse("%%HUDDLE_CONFIG%%") || {};
  } catch (e) {
    BAKED = {}; // raw, un-baked source (tests, development)
  }

  var DEFAULTS = {
    url: null, // null: window.location.origin
    pathname: '/primus',
    apiPath: '/api',
    cookieKey: 'sessionID',
    pingTimeout: 45000,
    timeout: 10000, // connect timeout (ms) for one websocket attempt
    requestTimeout: 30000,
    queueSize: 100,
    positions: true, // ask for each room message's position and epoch, and recover rooms after a reconnect
    reconnect: { min: 500, max: 30000, factor: 2, retries: Infinity, jitter: 0.5 }
  };

  var ERR_TIMEOUT = 'request timed out';
  var ERR_LOST = 'connection lost';
  var ERR_QUEUE = 'offline queue full';
  var ERR_CLOSED = 'not connected';

  var WS_OPEN = 1;

  function hasOwn(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }

  function isObject(v) {
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  }

  function merge(target, source) {
    if (!isObject(source)) return target;
    for (var key in source) {
      if (!hasOwn(source, key) || source[key] === undefined) continue;
      if (key === 'reconnect' && isObject(source[key])) {
        target[key] = merge(merge({}, isObject(target[key]) ? target[key] : {}), source[key]);
      } else {
        target[key] = source[key];
      }
    }
    return target;
  }

  function num(v, dflt) {
    return typeof v === 'number' && !isNaN(v) ? v : dflt;
  }

  /** Report an exception thrown by user code without breaking the client's own state. */
  function rethrowLater(err) {
    setTimeout(function () {
      throw err;
    }, 0);
  }

  function noop() {}

  function errorFromReply(reply) {
    var e = reply && reply.error;
    var text = typeof e === 'string' ? e.replace(/^Error: /, '') : JSON.stringify(e);
    var err = new Error(text);
    err.reply = reply;
    return err;
  }

  // ---------------------------------------------------------------------------------------------
  // Minimal event emitter
  // ---------------------------------------------------------------------------------------------

  function Emitter() {
    this._events = {};
  }

  Emitter.prototype.on = function (event, fn) {
    (this._events[event] || (this._events[event] = [])).push({ fn: fn, once: false });
    return this;
  };
  Emitter.prototype.addListener = Emitter.prototype.on;

  Emitter.prototype.once = function (event, fn) {
    (this._events[event] || (this._events[event] = [])).push({ fn: fn, once: true });
    return this;
  };

  Emitter.prototype.off = function (event, fn) {
    if (event === undefined) {
      this._events = {};
      return this;
    }
    var list = this._events[event];
    if (!list) return this;
    if (fn === undefined) {
      delete this._events[event];
      return this;
    }
    for (var i = list.length - 1; i >= 0; i--) {
      if (list[i].fn === fn) {
        list.splice(i, 1);
        break;
      }
    }
    if (!list.length) delete this._events[event];
    return this;
  };
  Emitter.prototype.removeListener = Emitter.prototype.off;

  Emitter.prototype.removeAllListeners = function (event) {
    return this.off(event);
  };

  Emitter.prototype.listeners = function (event) {
    return (this._events[event] || []).map(function (l) {
      return l.fn;
    });
  };

  /** Calls every listener; a throwing listener is reported asynchronously and does not stop the others. */
  Emitter.prototype.emit = function (event) {
    var list = this._events[event];
    if (!list || !list.length) return false;
    var args = Array.prototype.slice.call(arguments, 1);
    list = list.slice();
    for (var i = 0; i < list.length; i++) {
      var l = list[i];
      if (l.once) this.off(event, l.fn);
      try {
        l.fn.apply(this, args);
      } catch (err) {
        rethrowLater(err);
      }
    }
    return true;
  };

  // ---------------------------------------------------------------------------------------------
  // The client
  // ---------------------------------------------------------------------------------------------

  /**
   * @constructor
   * @param {Object=} options merged over the baked defaults
   */
  function ActionheroWebsocketClient(options) {
    Emitter.call(this);
    this.options = merge(merge(merge({}, DEFAULTS), BAKED), options);
    if (this.options.reconnect && this.options.reconnect.retries == null) {
      this.options.reconnect.retries = Infinity; // JSON cannot carry Infinity
    }
    this.callbacks = {};
    this.id = null;
    this.fingerprint = null;
    this.rooms = [];
    this.state = 'disconnected';
    this.welcomeMessage = null;
    this.messageId = 0;
    this.metadata = null;
    this.socket = null; // the current WebSocket (stock: `client`, the Primus socket)

    this._queue = []; // request entries not yet written
    this._inflight = []; // request entries written to the current socket
    this._presence = {}; // room -> {perUser: bool, members: {key: member}}
    this._positions = {}; // room -> {position, epoch} of the last room message seen
    this._connectWaiters = [];
    this._gen = 0; // socket generation; events of older sockets are ignored
    this._attempt = 0; // reconnect attempt counter (reset when connected)
    this._everConnected = false; // configured at least once since the last explicit connect()
    this._serverClosed = false;
    this._wasConnected = false; // "disconnected" not yet emitted for the last connected session
    this._reconnectTimer = null;
    this._connectTimer = null;
    this._pingTimer = null;
    this._onlineHandler = null;
  }

  ActionheroWebsocketClient.prototype = Object.create(Emitter.prototype);
  ActionheroWebsocketClient.prototype.constructor = ActionheroWebsocketClient;

  var proto = ActionheroWebsocketClient.prototype;

  /** The baked defaults merged with the built-in ones (stock: `defaults()`). */
  proto.defaults = function () {
    return merge(merge({}, DEFAULTS), BAKED);
  };

  // ----- state & helpers ------------------------------------------------------------------------

  proto._setState = function (state) {
    var previous = this.state;
    if (previous === state) return;
    this.state = state;
    this.emit('state', { state: state, previous: previous });
  };

  proto._origin = function () {
    var url = this.options.url;
    if (url == null || url === '' || url === 'window.location.origin') {
      url = root.location && root.location.origin;
    }
    if (!url) throw new Error('ActionheroWebsocketClient: no url option and no window.location');
    return String(url).replace(/\/+$/, '');
  };

  /** Stock helper: value of a cookie, read with the same unanchored regex as the stock client. */
  proto.getCookie = function (name) {
    var doc = root.document;
    var cookies = doc && typeof doc.cookie === 'string' ? doc.cookie : '';
    var escaped = String(name).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    var match = cookies.match(new RegExp(escaped + '=([^;]+)'));
    return match ? match[1] : null;
  };

  /** The websocket URL: origin (http->ws, https->wss) + pathname + ?sessionID=..&_primuscb=.. */
  proto.urlWithSession = function () {
    var origin = this._origin();
    var m = /^([a-z][a-z0-9+.-]*:)?\/\/[^\/?#]*/i.exec(origin);
    var base = m ? m[0] : origin;
    base = base.replace(/^http(s?):/i, 'ws$1:');
    if (base.indexOf('//') === 0) {
      var secure = root.location && root.location.protocol === 'https:';
      base = (secure ? 'wss:' : 'ws:') + base;
    }
    var path = this.options.pathname || '/primus';
    if (path.charAt(0) !== '/') path = '/' + path;
    var query = [];
    var cookie = this.getCookie(this.options.cookieKey);
    if (cookie && cookie.length > 0) query.push(this.options.cookieKey + '=' + cookie);
    query.push('_primuscb=' + Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 8));
    if (this.options.positions) query.push('positions=1');
    return base + path + '?' + query.join('&');
  };

  proto._clearTimer = function (name) {
    if (this[name] != null) {
      clearTimeout(this[name]);
      this[name] = null;
    }
  };

  proto._resetHeartbeat = function () {
    var self = this;
    var gen = this._gen;
    this._clearTimer('_pingTimer');
    var ms = this.options.pingTimeout;
    if (!ms || ms <= 0 || ms === Infinity) return;
    this._pingTimer = setTimeout(function () {
      self._pingTimer = null;
      if (gen !== self._gen) return;
      self._setState('timeout');
      self.emit('timeout', { reason: 'heartbeat' });
      self._lost({ reason: 'heartbeat timeout' });
    }, ms);
  };

  proto._write = function (obj) {
    var ws = this.socket;
    if (!ws || ws.readyState !== WS_OPEN) return false;
    try {
      ws.send(JSON.stringify(obj));
      return true;
    } catch (err) {
      this.emit('error', err);
      return false;
    }
  };

  // ----- connection lifecycle -------------------------------------------------------------------

  /**
   * Opens the websocket; on open sends setMetadata (if any), roomAdd for every room in `rooms` and
   * detailsView; calls cb(null, detailsReply) once that reply arrived. Returns a Promise of it.
   */
  proto.connect = function (cb) {
    var self = this;
    var promise = new Promise(function (resolve, reject) {
      self._connectWaiters.push({ cb: cb, resolve: resolve, reject: reject });
    });
    if (typeof cb === 'function') promise.catch(noop);
    this._serverClosed = false;
    this._everConnected = false;
    this._wasConnected = false;
    this._attempt = 0;
    this._clearTimer('_reconnectTimer');
    this._listenOnline();
    this._closeSocket();
    this._failInflight(ERR_LOST);
    this._setState('connecting');
    this._open(false);
    return promise;
  };

  proto._listenOnline = function () {
    var self = this;
    if (this._onlineHandler || !root || typeof root.addEventListener !== 'function') return;
    this._onlineHandler = function () {
      // the browser came back online: retry now instead of waiting for the backoff timer
      if (self._reconnectTimer != null) {
        self._clearTimer('_reconnectTimer');
        self._attemptReconnect();
      }
    };
    root.addEventListener('online', this._onlineHandler);
  };

  proto._unlistenOnline = function () {
    if (this._onlineHandler && root && typeof root.removeEventListener === 'function') {
      root.removeEventListener('online', this._onlineHandler);
    }
    this._onlineHandler = null;
  };

  proto._open = function (isReconnect) {
    var self = this;
    var gen = ++this._gen;
    var WS = this.options.WebSocket || root.WebSocket;
    var ws;
    try {
      if (typeof WS !== 'function') throw new Error('WebSocket is not available');
      ws = new WS(this.urlWithSession());
    } catch (err) {
      this.emit('error', err);
      setTimeout(function () {
        if (gen === self._gen) self._lost({ reason: 'open failed' });
      }, 0);
      return;
    }
    this.socket = ws;
    try {
      ws.binaryType = 'arraybuffer';
    } catch (e) {
      /* ignore */
    }

    this._clearTimer('_connectTimer');
    var connectTimeout = this.options.timeout;
    if (connectTimeout && connectTimeout > 0 && connectTimeout !== Infinity) {
      this._connectTimer = setTimeout(function () {
        self._connectTimer = null;
        if (gen !== self._gen) return;
        self._setState('timeout');
        self.emit('timeout', { reason: 'connect' });
        self._lost({ reason: 'connect timeout' });
      }, connectTimeout);
    }

    ws.onopen = function () {
      if (gen !== self._gen) return;
      self._clearTimer('_connectTimer');
      self._resetHeartbeat();
      self.emit('open');
      self._configure(isReconnect && self._everConnected);
    };
    ws.onmessage = function (event) {
      if (gen !== self._gen) return;
      self._onFrame(event.data);
    };
    ws.onerror = function (event) {
      if (gen !== self._gen) return;
      var err = new Error('websocket error');
      err.event = event;
      self.emit('error', err);
      // browsers follow an error with a close; some implementations (Node 20) never do
      self._lost({ reason: 'error' });
    };
    ws.onclose = function (event) {
      if (gen !== self._gen) return;
      self._lost({ reason: 'closed', code: event && event.code, closeReason: event && event.reason });
    };
  };

  /** Detaches and closes the current socket without triggering the reconnect logic. */
  proto._closeSocket = function () {
    var ws = this.socket;
    this._gen++;
    this.socket = null;
    this._clearTimer('_connectTimer');
    this._clearTimer('_pingTimer');
    if (!ws) return;
    ws.onopen = ws.onmessage = ws.onerror = ws.onclose = null;
    try {
      ws.close();
    } catch (e) {
      /* ignore */
    }
  };

  /** Handles the loss of the current socket: reconnect unless it was ended on purpose. */
  proto._lost = function (info) {
    var wasConnected = this._wasConnected;
    this._closeSocket();
    this._failInflight(ERR_LOST);
    var detail = merge({}, info);
    if (this._serverClosed) {
      this._end(merge(detail, { reason: 'server closed', willReconnect: false }));
      return;
    }
    var rc = this.options.reconnect;
    var retries = rc ? num(rc.retries, Infinity) : 0;
    if (!rc || this._attempt >= retries) {
      if (rc) {
        this.emit('reconnect failed', { attempts: this._attempt });
        this.emit('error', new Error('could not connect after ' + this._attempt + ' attempts'));
      }
      this._end(merge(detail, { willReconnect: false }));
      return;
    }
    if (wasConnected) {
      this._wasConnected = false;
      this._setState('reconnecting');
      this.emit('disconnected', merge(detail, { willReconnect: true }));
    }
    this._scheduleReconnect();
  };

  /** The backoff delay for a 1-based attempt: min(max, min*factor^(n-1)) * (1 - jitter*random). */
  proto.reconnectDelay = function (attempt) {
    var rc = this.options.reconnect || {};
    var min = num(rc.min, 500);
    var max = num(rc.max, 30000);
    var factor = num(rc.factor, 2);
    var jitter = Math.min(Math.max(num(rc.jitter, 0), 0), 1);
    var base = Math.min(max, min * Math.pow(factor, attempt - 1));
    return Math.max(0, Math.round(base * (1 - jitter * Math.random())));
  };

  proto._scheduleReconnect = function () {
    var self = this;
    var attempt = ++this._attempt;
    var delay = this.reconnectDelay(attempt);
    this._setState('reconnecting');
    this.emit('reconnecting', { attempt: attempt, delay: delay });
    this._clearTimer('_reconnectTimer');
    this._reconnectTimer = setTimeout(function () {
      self._reconnectTimer = null;
      self._attemptReconnect();
    }, delay);
  };

  proto._attemptReconnect = function () {
    this.emit('reconnect', { attempt: this._attempt });
    this._open(true);
  };

  /** Final stop (disconnect(), server close, retries exhausted): no reconnect. */
  proto._end = function (detail) {
    var wasDisconnected = this.state === 'disconnected';
    this._clearTimer('_reconnectTimer');
    this._closeSocket();
    this._unlistenOnline();
    this._wasConnected = false;
    this._failInflight(ERR_LOST);
    this._failQueued(ERR_CLOSED);
    this._setState('disconnected');
    var waiters = this._connectWaiters;
    this._connectWaiters = [];
    waiters.forEach(function (w) {
      var err = new Error(detail.reason === 'client' ? 'disconnected' : 'could not connect');
      err.reply = { error: err.message };
      w.reject(err);
      if (typeof w.cb === 'function') {
        try {
          w.cb(err);
        } catch (e) {
          rethrowLater(e);
        }
      }
    });
    this._dropAllPresence();
    if (!wasDisconnected || detail.reason === 'client') this.emit('disconnected', detail);
  };

  /** Closes the connection on purpose; no reconnect. Pending requests fail. */
  proto.disconnect = function () {
    this._end({ reason: 'client', willReconnect: false });
    return Promise.resolve();
  };

  /** After open: setMetadata (if any) -> roomAdd for each room -> detailsView, then "connected". */
  proto._configure = function (isReconnect) {
    var self = this;
    var gen = this._gen;
    var rooms = this.rooms.slice();
    var failedRooms = [];
    var details = null;
    var pending = 1;
    var finished = false;

    function step() {
      if (--pending > 0 || finished) return;
      finished = true;
      if (gen !== self._gen) return;
      self._configured(details, rooms, failedRooms, isReconnect);
    }

    // queued setMetadata calls are answered by the configure one (sent first, with the latest value)
    var metaEntries = this._takeQueued(function (e) {
      return e.args.event === 'action' && e.args.params && e.args.params.action === 'setMetadata';
    });
    if (this.metadata || metaEntries.length) {
      pending++;
      this._request(
        { event: 'action', params: { action: 'setMetadata', metadata: this.metadata || {} } },
        function (reply) {
          metaEntries.forEach(function (e) {
            self._settle(e, merge(merge({}, reply), { messageId: e.id }));
          });
          step();
        },
        true
      );
    }
    rooms.forEach(function (room) {
      pending++;
      var join = { event: 'roomAdd', room: room };
      var last = self._positions[room];
      if (isReconnect && self.options.positions && last && last.position && last.epoch) {
        join.recover = { position: last.position, epoch: last.epoch };
      }
      self._request(
        join,
        function (reply) {
          if (reply.error && !/already in this room/.test(String(reply.error))) failedRooms.push(room);
          step();
        },
        true
      );
    });
    this._request(
      { event: 'detailsView' },
      function (reply) {
        details = reply;
        step();
      },
      true
    );
  };

  proto._configured = function (details, rooms, failedRooms, isReconnect) {
    var self = this;
    if (details && (details.error === ERR_TIMEOUT || details.error === ERR_LOST)) {
      // the server does not answer: treat like a dead connection
      this._lost({ reason: 'configure timeout' });
      return;
    }
    var data = details && details.data;
    if (isObject(data)) {
      if (data.id !== undefined) this.id = data.id;
      if (data.fingerprint !== undefined) this.fingerprint = data.fingerprint;
      if (Array.isArray(data.rooms)) this.rooms = data.rooms.slice();
      else this.rooms = rooms.filter(notIn(failedRooms));
    } else {
      this.rooms = rooms.filter(notIn(failedRooms));
    }
    // lists of rooms we are no longer in are dropped; the others are rebuilt by the new snapshots
    Object.keys(this._presence).forEach(function (room) {
      if (self.rooms.indexOf(room) < 0) self._dropPresence(room);
    });
    this._attempt = 0;
    this._everConnected = true;
    this._wasConnected = true;
    this._setState('connected');
    this._flushQueue();
    this.emit('connected', details);
    if (isReconnect) this.emit('reconnected', { rooms: this.rooms.slice(), failedRooms: failedRooms });
    var waiters = this._connectWaiters;
    this._connectWaiters = [];
    waiters.forEach(function (w) {
      w.resolve(details);
      if (typeof w.cb === 'function') {
        try {
          w.cb(null, details);
        } catch (e) {
          rethrowLater(e);
        }
      }
    });
  };

  function notIn(list) {
    return function (x) {
      return list.indexOf(x) < 0;
    };
  }

  // ----- incoming frames ------------------------------------------------------------------------

  proto._onFrame = function (raw) {
    if (typeof raw !== 'string') return; // the protocol is text only
    var msg;
    try {
      msg = JSON.parse(raw);
    } catch (err) {
      this.emit('error', new Error('undecodable frame: ' + raw.slice(0, 100)));
      return;
    }
    if (typeof msg === 'string' && msg.indexOf('primus::') === 0) {
      if (msg.indexOf('primus::ping::') === 0) {
        this._write('primus::pong::' + msg.slice('primus::ping::'.length));
        this._resetHeartbeat();
        return;
      }
      if (msg === 'primus::server::close') {
        this._serverClosed = true;
        this._lost({ reason: 'server closed' });
        return;
      }
      if (msg.indexOf('primus::id::') === 0 || msg.indexOf('primus::pong::') === 0) return;
    }
    this.handleMessage(msg);
  };

  /** Stock dispatch: "message" for every frame, then by context. */
  proto.handleMessage = function (message) {
    this.emit('message', message);
    if (!message || typeof message !== 'object') return;
    var context = message.context;
    if (context === 'response') {
      var fn = this.callbacks[message.messageId];
      delete this.callbacks[message.messageId];
      if (typeof fn === 'function') {
        try {
          fn(message);
        } catch (err) {
          rethrowLater(err);
        }
      }
    } else if (context === 'user') {
      if (typeof message.position === 'string' && typeof message.epoch === 'string') {
        this._positions[message.room] = { position: message.position, epoch: message.epoch };
      }
      this.emit('say', message);
    } else if (context === 'recovered') {
      this._onRecovered(message);
    } else if (context === 'alert') {
      this.emit('alert', message);
    } else if (message.welcome && context === 'api') {
      this.welcomeMessage = message.welcome;
      this.emit('welcome', message);
    } else if (context === 'api') {
      this.emit('api', message);
    } else if (context === 'presence') {
      this._onPresence(message);
    }
  };

  // ----- requests -------------------------------------------------------------------------------

  /**
   * Registers a request and writes it now (connected) or queues it. `internal` requests (the
   * configure sequence) bypass the queue; `handled` pre-marks the promise as handled (the caller
   * passed a callback). Returns the entry.
   */
  proto._request = function (args, cb, internal, handled) {
    var self = this;
    this.messageId++;
    var id = (args.params && args.params.messageId) || args.messageId || this.messageId;
    args.messageId = id;
    var entry = { id: id, args: args, cb: cb, done: false, sent: false, timer: null };
    entry.promise = new Promise(function (resolve, reject) {
      entry.resolve = resolve;
      entry.reject = reject;
    });
    if (handled || internal) entry.promise.catch(noop);
    entry.handler = function (reply) {
      self._settle(entry, reply);
    };
    this.callbacks[id] = entry.handler;
    var ms = this.options.requestTimeout;
    if (ms && ms > 0 && ms !== Infinity) {
      entry.timer = setTimeout(function () {
        entry.timer = null;
        self._settle(entry, { error: ERR_TIMEOUT, context: 'response', messageId: id });
      }, ms);
    }
    if (internal || (this.state === 'connected' && this.socket && this.socket.readyState === WS_OPEN)) {
      if (this._write(args)) {
        entry.sent = true;
        this._inflight.push(entry);
      } else if (internal) {
        this._settle(entry, { error: ERR_LOST, context: 'response', messageId: id });
      } else {
        this._enqueue(entry);
      }
    } else {
      this._enqueue(entry);
    }
    return entry;
  };

  proto._enqueue = function (entry) {
    this._queue.push(entry);
    var size = num(this.options.queueSize, 100);
    while (this._queue.length > Math.max(0, size)) {
      var oldest = this._queue[0];
      this._settle(oldest, { error: ERR_QUEUE, context: 'response', messageId: oldest.id });
    }
  };

  proto._takeQueued = function (predicate) {
    var taken = this._queue.filter(predicate);
    this._queue = this._queue.filter(function (e) {
      return !predicate(e);
    });
    return taken;
  };

  proto._flushQueue = function () {
    var queue = this._queue;
    this._queue = [];
    for (var i = 0; i < queue.length; i++) {
      var entry = queue[i];
      if (entry.done) continue;
      if (this._write(entry.args)) {
        entry.sent = true;
        this._inflight.push(entry);
      } else {
        // socket gone while flushing: keep the rest queued, in order
        this._queue = queue.slice(i).filter(function (e) {
          return !e.done;
        });
        return;
      }
    }
  };

  proto._settle = function (entry, reply) {
    if (entry.done) return;
    entry.done = true;
    if (entry.timer != null) clearTimeout(entry.timer);
    entry.timer = null;
    if (this.callbacks[entry.id] === entry.handler) delete this.callbacks[entry.id];
    var i = this._queue.indexOf(entry);
    if (i >= 0) this._queue.splice(i, 1);
    i = this._inflight.indexOf(entry);
    if (i >= 0) this._inflight.splice(i, 1);
    if (typeof entry.cb === 'function') {
      try {
        entry.cb(reply);
      } catch (err) {
        rethrowLater(err);
      }
    }
    if (reply && reply.error) entry.reject(errorFromReply(reply));
    else entry.resolve(reply);
  };

  proto._failInflight = function (error) {
    var list = this._inflight;
    this._inflight = [];
    for (var i = 0; i < list.length; i++) {
      this._settle(list[i], { error: error, context: 'response', messageId: list[i].id });
    }
  };

  proto._failQueued = function (error) {
    var list = this._queue;
    this._queue = [];
    for (var i = 0; i < list.length; i++) {
      this._settle(list[i], { error: error, context: 'response', messageId: list[i].id });
    }
  };

  /**
   * Low-level: sends `args` with a messageId (args.params.messageId, args.messageId or the next
   * counter value) and calls cb(reply). Written now when connected, else queued (queueSize).
   */
  proto.send = function (args, cb) {
    return this._request(args || {}, cb, false, typeof cb === 'function').promise;
  };

  /** send() with an internal wrapper callback; the promise is pre-handled only if userCb was given. */
  proto._send = function (args, userCb, wrapper) {
    return this._request(args, wrapper, false, typeof userCb === 'function').promise;
  };

  // ----- stock API ------------------------------------------------------------------------------

  proto.action = function (action, params, cb) {
    if (typeof params === 'function') {
      cb = params;
      params = null;
    }
    if (!isObject(params)) params = {};
    params.action = action;
    if (this.state !== 'connected') return this.actionWeb(params, cb);
    return this.actionWebSocket(params, cb);
  };

  proto.actionWebSocket = function (params, cb) {
    return this.send({ event: 'action', params: params }, cb);
  };

  /**
   * HTTP fallback (stock semantics): method params.httpMethod (default POST) to
   * url + apiPath + '?action=' + name, JSON body, cookies included; cb(parsed JSON body).
   */
  proto.actionWeb = function (params, cb) {
    var self = this;
    var method = String(params.httpMethod || 'POST').toUpperCase();
    var url = this._origin() + this.options.apiPath + '?action=' + encodeURIComponent(params.action);
    if (method === 'GET') {
      Object.keys(params).forEach(function (k) {
        if (k === 'action' || k === 'httpMethod' || params[k] === undefined) return;
        url += '&' + encodeURIComponent(k) + '=' + encodeURIComponent(params[k]);
      });
    }
    var withBody = method !== 'GET' && method !== 'HEAD';
    var body = JSON.stringify(params);
    var promise = new Promise(function (resolve) {
      self._http(method, url, withBody ? body : null, resolve);
    }).then(function (reply) {
      if (typeof cb === 'function') {
        try {
          cb(reply);
        } catch (err) {
          rethrowLater(err);
        }
      }
      if (reply && reply.error) throw errorFromReply(reply);
      return reply;
    });
    if (typeof cb === 'function') promise.catch(noop);
    return promise;
  };

  proto._http = function (method, url, body, done) {
    var ms = this.options.requestTimeout;
    var useTimeout = ms && ms > 0 && ms !== Infinity;
    function parse(status, statusText, text) {
      try {
        return JSON.parse(text);
      } catch (e) {
        return { error: { status: status, statusText: statusText, responseText: text } };
      }
    }
    var doFetch = this.options.fetch || root.fetch;
    if (typeof doFetch === 'function') {
      var controller = typeof root.AbortController === 'function' ? new root.AbortController() : null;
      var timer = null;
      if (useTimeout) {
        timer = setTimeout(function () {
          if (controller) controller.abort();
          done({ error: ERR_TIMEOUT });
          done = noop;
        }, ms);
      }
      var init = {
        method: method,
        credentials: 'include',
        headers: { 'Content-Type': 'application/json' }
      };
      if (body !== null) init.body = body;
      if (controller) init.signal = controller.signal;
      doFetch.call(root, url, init)
        .then(function (res) {
          return res.text().then(function (text) {
            return parse(res.status, res.statusText, text);
          });
        })
        .then(
          function (reply) {
            if (timer != null) clearTimeout(timer);
            done(reply);
          },
          function (err) {
            if (timer != null) clearTimeout(timer);
            done({ error: { status: 0, statusText: String((err && err.message) || err), responseText: '' } });
          }
        );
      return;
    }
    var XHR = root.XMLHttpRequest;
    if (typeof XHR !== 'function') {
      done({ error: 'no fetch or XMLHttpRequest available' });
      return;
    }
    var xhr = new XHR();
    xhr.open(method, url, true);
    xhr.withCredentials = true;
    xhr.setRequestHeader('Content-Type', 'application/json');
    if (useTimeout) xhr.timeout = ms;
    xhr.onload = function () {
      done(parse(xhr.status, xhr.statusText, xhr.responseText));
    };
    xhr.onerror = function () {
      done({ error: { status: 0, statusText: 'network error', responseText: '' } });
    };
    xhr.ontimeout = function () {
      done({ error: ERR_TIMEOUT });
    };
    xhr.send(body);
  };

  proto.say = function (room, message, cb) {
    return this.send({ event: 'say', room: room, message: message }, cb);
  };

  proto.file = function (file, cb) {
    return this.send({ event: 'file', file: file }, cb);
  };

  proto.documentation = function (cb) {
    return this.send({ event: 'documentation' }, cb);
  };

  /** detailsView; also refreshes `id` and `fingerprint` from the reply. */
  proto.detailsView = function (cb) {
    var self = this;
    return this._send({ event: 'detailsView' }, cb, function (reply) {
      if (reply && isObject(reply.data) && !reply.error) {
        if (reply.data.id !== undefined) self.id = reply.data.id;
        if (reply.data.fingerprint !== undefined) self.fingerprint = reply.data.fingerprint;
      }
      if (typeof cb === 'function') cb(reply);
    });
  };

  proto.roomView = function (room, cb) {
    return this.send({ event: 'roomView', room: room }, cb);
  };

  /** roomAdd; on success (or "already in this room") the room is added to `rooms`. */
  proto.roomAdd = function (room, cb) {
    var self = this;
    return this._send({ event: 'roomAdd', room: room }, cb, function (reply) {
      if (!reply.error || /already in this room/.test(String(reply.error))) {
        if (self.rooms.indexOf(room) < 0) self.rooms.push(room);
      }
      if (typeof cb === 'function') cb(reply);
    });
  };

  /**
   * roomLeave; the room is removed from `rooms` (and its member list dropped) at once, like the stock
   * client, so a reconnect does not re-join it; it is put back if the server refuses for another
   * reason than "not in this room".
   */
  proto.roomLeave = function (room, cb) {
    var self = this;
    delete this._positions[room];
    var index = this.rooms.indexOf(room);
    if (index >= 0) this.rooms.splice(index, 1);
    this._dropPresence(room);
    return this._send({ event: 'roomLeave', room: room }, cb, function (reply) {
      var e = reply.error;
      if (e && e !== ERR_TIMEOUT && !/not in this room|does not exist/.test(String(e))) {
        if (index >= 0 && self.rooms.indexOf(room) < 0) self.rooms.push(room);
      }
      if (typeof cb === 'function') cb(reply);
    });
  };

  /** The position and epoch of the last message seen in `room` ({position, epoch}), or null. */
  proto.lastPosition = function (room) {
    var last = this._positions[room];
    return last ? { position: last.position, epoch: last.epoch } : null;
  };

  /**
   * The verdict after a recovery: from now on, positions continue from the one it names (or from the
   * next message, when the room kept none); then "recovered" for the page.
   */
  proto._onRecovered = function (message) {
    if (typeof message.epoch === 'string' && typeof message.position === 'string') {
      this._positions[message.room] = { position: message.position, epoch: message.epoch };
    } else {
      delete this._positions[message.room];
    }
    this.emit('recovered', message);
  };

  /**
   * roomHistory: the room's recent messages (members only), oldest first. `options`: {since: a
   * position, limit: n}; the reply's data is {room, epoch, complete, more, messages}.
   */
  proto.roomHistory = function (room, options, cb) {
    if (typeof options === 'function') {
      cb = options;
      options = null;
    }
    var args = { event: 'roomHistory', room: room };
    if (options && options.since != null) args.since = options.since;
    if (options && options.limit != null) args.limit = options.limit;
    return this.send(args, cb);
  };

  /**
   * Sets this connection's presence metadata (server action `setMetadata`), remembers it and
   * re-sends it after every reconnect before rooms are re-joined. Always goes over the websocket
   * (queued while not connected), never over HTTP.
   */
  proto.setMetadata = function (metadata, cb) {
    var self = this;
    this.metadata = isObject(metadata) ? metadata : {};
    var args = { event: 'action', params: { action: 'setMetadata', metadata: this.metadata } };
    return this._send(args, cb, function (reply) {
      if (!reply.error) self._updateOwnMetadata(self.metadata);
      if (typeof cb === 'function') cb(reply);
    });
  };

  // ----- presence -------------------------------------------------------------------------------

  function memberKeyFor(roomState, member) {
    if (roomState.perUser && member.user != null) return String(member.user);
    return String(member.id);
  }

  function findMemberKey(roomState, member) {
    var key = memberKeyFor(roomState, member);
    if (hasOwn(roomState.members, key)) return key;
    var keys = Object.keys(roomState.members);
    for (var i = 0; i < keys.length; i++) {
      var m = roomState.members[keys[i]];
      if (m && m.id === member.id) return keys[i];
      if (m && Array.isArray(m.connections) && m.connections.indexOf(member.id) >= 0) return keys[i];
    }
    return key;
  }

  proto._onPresence = function (msg) {
    this.emit('presence', msg);
    var room = msg.room;
    if (room == null) return;
    var state = this._presence[room];
    var member = isObject(msg.member) ? msg.member : null;
    var key;
    switch (msg.event) {
      case 'snapshot': {
        state = { perUser: false, members: {} };
        var list = msg.members || {};
        if (Array.isArray(list)) {
          var asObject = {};
          list.forEach(function (m) {
            if (isObject(m)) asObject[String(m.user != null && m.connections ? m.user : m.id)] = m;
          });
          list = asObject;
        }
        Object.keys(list).forEach(function (k) {
          var m = list[k];
          if (!isObject(m)) return;
          if (Array.isArray(m.connections) || (m.user != null && String(m.user) === k && String(m.id) !== k)) {
            state.perUser = true;
          }
          state.members[k] = m;
        });
        this._presence[room] = state;
        break;
      }
      // diffs only change a list that a snapshot started (the server sends the snapshot right after a
      // join), so a late diff for a room just left does not resurrect its list
      case 'join':
        if (!member) return;
        if (state) state.members[memberKeyFor(state, member)] = member;
        this.emit('join', msg);
        break;
      case 'leave':
        if (!member) return;
        if (state) delete state.members[findMemberKey(state, member)];
        this.emit('leave', msg);
        break;
      case 'update':
        if (!member) return;
        if (state) {
          key = findMemberKey(state, member);
          state.members[key] = merge(merge({}, state.members[key] || {}), member);
        }
        this.emit('update', msg);
        break;
      default:
        return;
    }
    if (state) this.emit('members', { room: room, members: this.members(room) });
  };

  /** The current member list of a room (from presence snapshot + diffs), ordered by joinedAt. */
  proto.members = function (room) {
    var state = this._presence[room];
    if (!state) return [];
    var members = state.members;
    return Object.keys(members)
      .map(function (k) {
        return members[k];
      })
      .sort(function (a, b) {
        return (num(a.joinedAt, 0) - num(b.joinedAt, 0)) || (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0);
      });
  };

  proto._dropPresence = function (room) {
    if (!hasOwn(this._presence, room)) return;
    delete this._presence[room];
    this.emit('members', { room: room, members: [] });
  };

  proto._dropAllPresence = function () {
    var self = this;
    Object.keys(this._presence).forEach(function (room) {
      self._dropPresence(room);
    });
  };

  /** The server does not echo our own metadata change to us: apply it to our own entries. */
  proto._updateOwnMetadata = function (metadata) {
    var self = this;
    if (this.id == null) return;
    Object.keys(this._presence).forEach(function (room) {
      var members = self._presence[room].members;
      var changed = false;
      Object.keys(members).forEach(function (k) {
        var m = members[k];
        if (m && (m.id === self.id || (Array.isArray(m.connections) && m.connections.indexOf(self.id) >= 0))) {
          members[k] = merge(merge({}, m), { metadata: metadata });
          changed = true;
        }
      });
      if (changed) self.emit('members', { room: room, members: self.members(room) });
    });
  };

  ActionheroWebsocketClient.Emitter = Emitter;
  ActionheroWebsocketClient.ActionheroWebsocketClient = ActionheroWebsocketClient;

  if (typeof module === 'object' && module && typeof module.exports === 'object') {
    module.exports = ActionheroWebsocketClient;
  }
  if (root) root.ActionheroWebsocketClient = ActionheroWebsocketClient;
})(
  typeof window !== 'undefined'
    ? window
    : typeof self !== 'undefined'
      ? self
      : typeof globalThis !== 'undefined'
        ? globalThis
        : this
);
