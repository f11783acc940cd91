/*
 * Huddle demo chat, built on the Huddle client (javascript/ActionheroWebsocketClient.js).
 *
 * Stable element ids / selectors for browser tests:
 *   #name-input, #name-save        display name (sent with setMetadata, kept in localStorage)
 *   #room-input, #room-join        join (or create) a room by name
 *   #room-list                     rooms; each room is an element [data-room="<name>"]
 *                                  with data-joined="true|false"; the current one has aria-current="true";
 *                                  a joined room has a leave button .room-leave inside it
 *   #members                       members of the current room; each [data-member-id="<connection id>"]
 *   #messages                      messages of the current room; each .message containing .message-from
 *                                  and .message-text (own messages also have .message-self);
 *                                  status lines are .notice (never .message)
 *   #message-input, #send          compose (Enter sends)
 *   #state                         text and data-state: "connected", "reconnecting" or "offline"
 *   window.huddle                  the ActionheroWebsocketClient instance
 *
 * Everything user-supplied (names, rooms, messages) is rendered with textContent, never as HTML.
 */
(function () {
  'use strict';

  var DEFAULT_ROOM = 'defaultRoom';
  var MAX_MESSAGES = 500;
  var NAME_KEY = 'huddle.displayName';

  var $ = function (id) {
    return document.getElementById(id);
  };
  var el = {
    nameForm: $('name-form'),
    nameInput: $('name-input'),
    roomForm: $('room-form'),
    roomInput: $('room-input'),
    roomList: $('room-list'),
    members: $('members'),
    memberCount: $('member-count'),
    messages: $('messages'),
    composer: $('composer'),
    messageInput: $('message-input'),
    send: $('send'),
    state: $('state'),
    roomTitle: $('room-title'),
    roomSubtitle: $('room-subtitle')
  };

  var client = new ActionheroWebsocketClient();
  window.huddle = client;

  var current = null; // room shown in the chat pane
  var knownRooms = []; // from listRooms + joined + typed
  var history = {}; // room -> [{kind: 'message'|'notice', ...}]
  var unread = {}; // room -> count
  var names = {}; // connection id -> display name (cache, survives leaves)
  var fallbackMembers = {}; // room -> members from roomView when the server sends no presence
  var pendingJoins = {}; // room -> true while a join is in progress
  var wasOnline = false;

  // ----- small helpers -------------------------------------------------------------------------

  function make(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function shortId(id) {
    id = String(id == null ? '' : id);
    return id.length > 8 ? id.slice(0, 8) : id;
  }

  function displayNameOf(member) {
    var md = member && member.metadata;
    var name = md && typeof md.displayName === 'string' ? md.displayName.trim() : '';
    return name || null;
  }

  function nameFor(id) {
    if (String(id) === '0') return 'server';
    if (names[id]) return names[id];
    return 'guest-' + shortId(id);
  }

  function rememberNames(members) {
    (members || []).forEach(function (m) {
      var n = displayNameOf(m);
      if (n && m.id != null) names[m.id] = n;
      if (n && Array.isArray(m.connections)) {
        m.connections.forEach(function (c) {
          names[c] = n;
        });
      }
    });
  }

  function errorText(errOrReply) {
    var reply = errOrReply && errOrReply.reply ? errOrReply.reply : errOrReply;
    var e = reply && reply.error !== undefined ? reply.error : errOrReply && errOrReply.message;
    if (typeof e !== 'string') e = JSON.stringify(e);
    return String(e).replace(/^Error: /, '');
  }

  function messageText(message) {
    if (typeof message === 'string') return message;
    try {
      return JSON.stringify(message);
    } catch (e) {
      return String(message);
    }
  }

  function formatTime(ms) {
    var d = new Date(typeof ms === 'number' ? ms : Date.now());
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function isJoined(room) {
    return client.rooms.indexOf(room) >= 0;
  }

  function addKnownRoom(room) {
    if (typeof room !== 'string' || !room) return;
    if (knownRooms.indexOf(room) < 0) knownRooms.push(room);
  }

  // ----- connection state ----------------------------------------------------------------------

  function uiState(state) {
    if (state === 'connected') return 'connected';
    if (state === 'disconnected') return 'offline';
    return 'reconnecting'; // connecting, reconnecting, timeout: working on it
  }

  function renderState() {
    var s = uiState(client.state);
    el.state.textContent = s;
    el.state.setAttribute('data-state', s);
    el.state.title = 'client state: ' + client.state;
    document.documentElement.setAttribute('data-connection', s);
  }

  client.on('state', renderState);

  client.on('disconnected', function (info) {
    if (info && info.willReconnect) noticeAll('Connection lost. Reconnecting…');
    else if (wasOnline) noticeAll('Disconnected.');
  });

  client.on('reconnected', function (info) {
    noticeAll('Reconnected.');
    (info.failedRooms || []).forEach(function (room) {
      notice(room, 'Could not re-join #' + room + '.');
    });
    refreshRooms();
    renderRooms();
    renderMembers();
  });

  // after a reconnect the missed messages came as ordinary "say" events; the verdict says whether that was all
  client.on('recovered', function (info) {
    if (info.recovered) {
      if (info.missed > 0) {
        notice(info.room, info.missed === 1 ? '↑ 1 message said while you were away.'
          : '↑ ' + info.missed + ' messages said while you were away.');
      }
    } else {
      push(info.room, { kind: 'gap', text: 'Messages may be missing here (' + info.reason + ').', at: Date.now() });
    }
  });

  client.on('connected', function () {
    wasOnline = true;
    renderComposer();
  });

  // ----- rooms ---------------------------------------------------------------------------------

  function refreshRooms() {
    if (client.state !== 'connected') return;
    client.action('listRooms', {}).then(
      function (reply) {
        if (reply && Array.isArray(reply.rooms)) {
          reply.rooms.forEach(addKnownRoom);
          renderRooms();
        }
      },
      function () {
        /* the server may not offer listRooms: joined rooms are still listed */
      }
    );
  }

  function joinRoom(room, select) {
    room = String(room || '').trim();
    if (!room) return Promise.resolve();
    addKnownRoom(room);
    if (isJoined(room)) {
      if (select) selectRoom(room);
      return Promise.resolve();
    }
    if (pendingJoins[room]) return Promise.resolve();
    pendingJoins[room] = true;
    renderRooms();
    return client
      .roomAdd(room)
      .catch(function (err) {
        // rooms must exist before they can be joined: create it, then join again
        if (/does not exist/.test(errorText(err))) {
          return client.send({ event: 'action', params: { action: 'createChatRoom', name: room } }).then(
            function () {
              return client.roomAdd(room);
            },
            function () {
              throw err;
            }
          );
        }
        throw err;
      })
      .then(
        function () {
          delete pendingJoins[room];
          if (select || !current) selectRoom(room);
          else renderRooms();
          notice(room, 'You joined #' + room + '.');
          ensureMembers(room);
          refreshRooms();
        },
        function (err) {
          delete pendingJoins[room];
          renderRooms();
          noticeCurrent('Could not join #' + room + ': ' + errorText(err));
        }
      );
  }

  function leaveRoom(room) {
    client.roomLeave(room).catch(function (err) {
      noticeCurrent('Could not leave #' + room + ': ' + errorText(err));
      renderRooms();
    });
    delete fallbackMembers[room];
    if (current === room) {
      var next = client.rooms.filter(function (r) {
        return r !== room;
      })[0];
      selectRoom(next || null);
    } else {
      renderRooms();
    }
  }

  function selectRoom(room) {
    current = room || null;
    if (current) unread[current] = 0;
    renderRooms();
    renderMessages();
    renderMembers();
    renderComposer();
  }

  function renderRooms() {
    var rooms = knownRooms.slice();
    client.rooms.forEach(function (r) {
      if (rooms.indexOf(r) < 0) rooms.push(r);
    });
    rooms.sort(function (a, b) {
      if (a === DEFAULT_ROOM) return -1;
      if (b === DEFAULT_ROOM) return 1;
      return a.localeCompare(b);
    });
    var focusedRoom = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest('[data-room]')
      : null;
    var focusedKey = focusedRoom ? focusedRoom.getAttribute('data-room') + '|' + document.activeElement.className : null;

    el.roomList.textContent = '';
    rooms.forEach(function (room) {
      var joined = isJoined(room);
      var li = make('li', 'room');
      li.setAttribute('data-room', room);
      li.setAttribute('data-joined', joined ? 'true' : 'false');
      if (room === current) li.setAttribute('aria-current', 'true');
      if (pendingJoins[room]) li.setAttribute('data-pending', 'true');

      var open = make('button', 'room-open');
      open.type = 'button';
      open.appendChild(make('span', 'room-hash', '#'));
      open.appendChild(make('span', 'room-name', room));
      if (!joined) open.appendChild(make('span', 'room-hint', pendingJoins[room] ? 'joining…' : 'join'));
      open.setAttribute('aria-label', (joined ? 'Open room ' : 'Join room ') + room);
      var count = unread[room] || 0;
      if (count && room !== current) {
        var badge = make('span', 'badge', count > 99 ? '99+' : count);
        badge.setAttribute('aria-label', count + ' unread');
        open.appendChild(badge);
      }
      li.appendChild(open);

      if (joined) {
        var leave = make('button', 'room-leave', '×');
        leave.type = 'button';
        leave.title = 'Leave ' + room;
        leave.setAttribute('aria-label', 'Leave room ' + room);
        li.appendChild(leave);
      }
      el.roomList.appendChild(li);
    });

    if (focusedKey) {
      var parts = focusedKey.split('|');
      var again = el.roomList.querySelector('[data-room="' + cssEscape(parts[0]) + '"] .' + (parts[1] || 'room-open'));
      if (again) again.focus();
    }
  }

  function cssEscape(s) {
    return window.CSS && CSS.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, '\\$&');
  }

  el.roomList.addEventListener('click', function (event) {
    var li = event.target.closest('[data-room]');
    if (!li || !el.roomList.contains(li)) return;
    var room = li.getAttribute('data-room');
    if (event.target.closest('.room-leave')) {
      leaveRoom(room);
      return;
    }
    if (isJoined(room)) selectRoom(room);
    else joinRoom(room, true);
  });

  el.roomForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var room = el.roomInput.value.trim();
    if (!room) {
      el.roomInput.focus();
      return;
    }
    el.roomInput.value = '';
    joinRoom(room, true).then(function () {
      el.messageInput.focus();
    });
  });

  // ----- members -------------------------------------------------------------------------------

  function membersOf(room) {
    if (!room) return [];
    var live = client.members(room);
    if (live.length) return live;
    return fallbackMembers[room] || [];
  }

  /** Servers without presence: fall back to one roomView after joining. */
  function ensureMembers(room) {
    setTimeout(function () {
      if (!isJoined(room) || client.members(room).length) return;
      client.roomView(room).then(
        function (reply) {
          var map = (reply.data && reply.data.members) || {};
          fallbackMembers[room] = Object.keys(map).map(function (k) {
            return map[k];
          });
          rememberNames(fallbackMembers[room]);
          if (room === current) renderMembers();
        },
        function () {}
      );
    }, 1500);
  }

  function renderMembers() {
    var list = membersOf(current);
    el.members.textContent = '';
    el.memberCount.textContent = current ? String(list.length) : '';
    if (!current) {
      el.members.appendChild(make('li', 'empty muted', 'Join a room to see who is there.'));
      return;
    }
    list.forEach(function (m) {
      var li = make('li', 'member');
      li.setAttribute('data-member-id', String(m.id));
      if (m.user != null) li.setAttribute('data-member-user', String(m.user));
      var self = m.id === client.id || (Array.isArray(m.connections) && m.connections.indexOf(client.id) >= 0);
      if (self) li.classList.add('member-self');
      var name = displayNameOf(m);
      li.appendChild(make('span', 'avatar', (name || '?').charAt(0).toUpperCase()));
      li.lastChild.setAttribute('aria-hidden', 'true');
      var label = make('span', 'member-name', name || 'guest-' + shortId(m.id));
      if (!name) label.classList.add('muted');
      li.appendChild(label);
      if (self) li.appendChild(make('span', 'tag', 'you'));
      el.members.appendChild(li);
    });
    if (!list.length) el.members.appendChild(make('li', 'empty muted', 'Nobody here yet.'));
  }

  client.on('members', function (info) {
    rememberNames(info.members);
    if (info.members.length) delete fallbackMembers[info.room];
    if (info.room === current) renderMembers();
  });

  client.on('join', function (msg) {
    if (msg.member && msg.member.id !== client.id) {
      rememberNames([msg.member]);
      notice(msg.room, (displayNameOf(msg.member) || nameFor(msg.member.id)) + ' joined.');
    }
  });

  client.on('leave', function (msg) {
    if (msg.member && msg.member.id !== client.id) {
      notice(msg.room, (displayNameOf(msg.member) || nameFor(msg.member.id)) + ' left.');
    }
  });

  client.on('update', function (msg) {
    if (!msg.member) return;
    var before = names[msg.member.id];
    var after = displayNameOf(msg.member);
    rememberNames([msg.member]);
    if (after && before && after !== before) notice(msg.room, before + ' is now ' + after + '.');
  });

  // ----- messages ------------------------------------------------------------------------------

  function push(room, entry) {
    if (!room) return;
    var list = history[room] || (history[room] = []);
    list.push(entry);
    if (list.length > MAX_MESSAGES) list.splice(0, list.length - MAX_MESSAGES);
    if (room === current) {
      appendEntry(entry, true);
    } else if (entry.kind === 'message') {
      unread[room] = (unread[room] || 0) + 1;
      renderRooms();
    }
  }

  function notice(room, text) {
    push(room, { kind: 'notice', text: text, at: Date.now() });
  }

  function noticeCurrent(text) {
    if (current) notice(current, text);
    else window.console && console.warn(text);
  }

  function noticeAll(text) {
    client.rooms.forEach(function (room) {
      notice(room, text);
    });
    if (current && !isJoined(current)) notice(current, text);
  }

  function entryNode(entry) {
    if (entry.kind === 'notice') {
      var n = make('li', 'notice', entry.text);
      return n;
    }
    if (entry.kind === 'gap') {
      var gap = make('li', 'notice notice-gap', entry.text);
      gap.setAttribute('role', 'status');
      return gap;
    }
    var li = make('li', 'message');
    if (entry.self) li.classList.add('message-self');
    if (entry.server) li.classList.add('message-server');
    li.setAttribute('data-from', String(entry.from));
    var meta = make('div', 'message-meta');
    meta.appendChild(make('span', 'message-from', entry.name));
    var time = make('time', 'message-time', formatTime(entry.at));
    time.dateTime = new Date(entry.at).toISOString();
    meta.appendChild(time);
    li.appendChild(meta);
    li.appendChild(make('div', 'message-text', entry.text));
    return li;
  }

  function nearBottom() {
    var m = el.messages;
    return m.scrollHeight - m.scrollTop - m.clientHeight < 80;
  }

  function appendEntry(entry, scroll) {
    var stick = nearBottom();
    var empty = el.messages.querySelector('.empty');
    if (empty) empty.remove();
    el.messages.appendChild(entryNode(entry));
    while (el.messages.children.length > MAX_MESSAGES) el.messages.removeChild(el.messages.firstChild);
    if (scroll && (stick || entry.self)) el.messages.scrollTop = el.messages.scrollHeight;
  }

  function renderMessages() {
    el.messages.textContent = '';
    var list = (current && history[current]) || [];
    if (!list.length) {
      el.messages.appendChild(make('li', 'empty muted', current ? 'No messages yet. Say hello!' : 'Pick or join a room.'));
    }
    list.forEach(function (entry) {
      el.messages.appendChild(entryNode(entry));
    });
    el.messages.scrollTop = el.messages.scrollHeight;
  }

  client.on('say', function (msg) {
    var from = msg.from;
    var self = from != null && from === client.id;
    push(msg.room, {
      kind: 'message',
      from: from,
      name: self ? myName() || nameFor(from) : nameFor(from),
      self: self,
      server: String(from) === '0',
      text: messageText(msg.message),
      at: typeof msg.sentAt === 'number' ? msg.sentAt : Date.now()
    });
  });

  function renderComposer() {
    var can = !!current && isJoined(current);
    el.messageInput.disabled = !can;
    el.send.disabled = !can;
    el.messageInput.placeholder = can ? 'Message #' + current : 'Join a room to chat';
    el.roomTitle.textContent = current ? '#' + current : 'No room selected';
    el.roomSubtitle.textContent = current ? '' : 'Choose a room on the left, or type a name to join one.';
  }

  el.composer.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = el.messageInput.value;
    var room = current;
    if (!room || !text.trim()) return;
    el.messageInput.value = '';
    client.say(room, text).catch(function (err) {
      notice(room, 'Not delivered (' + errorText(err) + '): ' + text);
      if (room === current && !el.messageInput.value) el.messageInput.value = text;
    });
  });

  el.messageInput.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') el.messageInput.value = '';
  });

  // ----- display name --------------------------------------------------------------------------

  function myName() {
    var md = client.metadata;
    return md && typeof md.displayName === 'string' && md.displayName.trim() ? md.displayName.trim() : null;
  }

  function storage(get, value) {
    try {
      if (get) return window.localStorage.getItem(NAME_KEY);
      window.localStorage.setItem(NAME_KEY, value);
    } catch (e) {
      /* storage disabled */
    }
    return null;
  }

  function setName(name, announce) {
    return client.setMetadata({ displayName: name }).then(
      function () {
        if (client.id != null) names[client.id] = name;
        storage(false, name);
        if (announce) noticeCurrent('You are now ' + name + '.');
        renderMembers();
      },
      function (err) {
        noticeCurrent('Could not set your name: ' + errorText(err));
      }
    );
  }

  el.nameForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var name = el.nameInput.value.trim();
    if (!name) {
      el.nameInput.focus();
      return;
    }
    el.nameInput.value = name;
    setName(name, true);
  });

  // ----- start ---------------------------------------------------------------------------------

  renderState();
  renderRooms();
  renderMessages();
  renderMembers();
  renderComposer();

  var saved = storage(true);
  if (saved) {
    el.nameInput.value = saved;
    setName(saved, false); // queued; sent before anything else once connected
  }

  client.connect().then(
    function () {
      if (client.id != null && myName()) names[client.id] = myName();
      refreshRooms();
      return joinRoom(DEFAULT_ROOM, !current);
    },
    function (err) {
      noticeCurrent('Could not connect: ' + errorText(err));
    }
  );

  // a light periodic refresh of the room list while connected
  setInterval(refreshRooms, 30000);
})();
