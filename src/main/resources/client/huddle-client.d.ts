// Type declarations for the Huddle browser client (huddle-client.js, served as
// javascript/ActionheroWebsocketClient.js). Defines the global `ActionheroWebsocketClient`;
// also `module.exports` under CommonJS.

declare namespace ActionheroWebsocketClient {
  type State = 'disconnected' | 'connecting' | 'connected' | 'reconnecting' | 'timeout';
  type MessageId = number | string;
  type Callback<T = Reply> = (reply: T) => void;

  interface ReconnectOptions {
    /** first delay in ms (default 500) */
    min?: number;
    /** largest delay in ms (default 30000) */
    max?: number;
    /** growth per attempt (default 2) */
    factor?: number;
    /** attempts before giving up (default Infinity; null also means Infinity) */
    retries?: number | null;
    /** 0..1: delay = min(max, min*factor^(n-1)) * (1 - jitter*random) (default 0.5) */
    jitter?: number;
  }

  interface Options {
    /** origin for the websocket and the HTTP fallback; null = window.location.origin */
    url?: string | null;
    /** websocket path including the context path (default "/primus") */
    pathname?: string;
    /** HTTP API base including the context path (default "/api") */
    apiPath?: string;
    /** cookie forwarded as the query parameter of the same name (default "sessionID") */
    cookieKey?: string;
    /** ms without a server ping before the connection is considered dead (default 45000; 0 = off) */
    pingTimeout?: number;
    /** ms for one websocket attempt to open (default 10000; 0 = off) */
    timeout?: number;
    /** ms before a request fails with "request timed out" (default 30000; 0 = off) */
    requestTimeout?: number;
    /** requests kept while not connected; overflow fails the oldest (default 100) */
    queueSize?: number;
    /** backoff settings, or false for no automatic reconnect */
    reconnect?: ReconnectOptions | false;
    /** WebSocket constructor to use instead of the global one */
    WebSocket?: { new (url: string): WebSocket };
    /** fetch implementation for the HTTP fallback instead of the global one */
    fetch?: typeof fetch;
    [key: string]: unknown;
  }

  /** Any reply (`context: "response"`). Verb replies carry status/data; action replies are the action's response. */
  interface Reply {
    context: 'response';
    messageId: MessageId;
    /** present on failure; synthetic values: "request timed out", "connection lost", "offline queue full", "not connected" */
    error?: unknown;
    status?: string;
    data?: any;
    [key: string]: any;
  }

  interface Details {
    id: string;
    fingerprint: string;
    remoteIP?: string;
    remotePort?: number | string;
    params?: Record<string, unknown>;
    connectedAt?: number;
    rooms: string[];
    totalActions?: number;
    pendingActions?: number;
    [key: string]: unknown;
  }

  interface DetailsReply extends Reply {
    data: Details;
  }

  interface RoomViewReply extends Reply {
    data: {
      room: string;
      members: Record<string, Member>;
      membersCount: number;
    };
  }

  /** Error thrown by rejected promises; `reply` is the reply (or synthetic reply) that failed. */
  interface ReplyError extends Error {
    reply: Reply | { error: unknown; [key: string]: any };
  }

  interface Member {
    id: string;
    joinedAt: number;
    user?: string | null;
    metadata?: { displayName?: string; [key: string]: unknown };
    /** per-user rooms: the user's connection ids */
    connections?: string[];
    [key: string]: unknown;
  }

  interface SayMessage {
    context: 'user';
    message: any;
    room: string;
    /** connection id of the sender, "0" for server messages */
    from: string;
    sentAt: number;
  }

  interface PresenceMessage {
    context: 'presence';
    event: 'snapshot' | 'join' | 'leave' | 'update';
    room: string;
    members?: Record<string, Member>;
    membersCount?: number;
    member?: Member;
  }

  interface PushMessage {
    context: string;
    [key: string]: any;
  }

  interface Events {
    /** configured (details refreshed, rooms joined); the payload is the detailsView reply */
    connected: (details: DetailsReply) => void;
    disconnected: (info: { reason: string; code?: number; willReconnect: boolean; [key: string]: unknown }) => void;
    error: (error: Error) => void;
    /** a reconnect attempt is starting now */
    reconnect: (info: { attempt: number }) => void;
    /** a reconnect attempt is scheduled */
    reconnecting: (info: { attempt: number; delay: number }) => void;
    /** after an automatic reconnect: metadata re-sent, rooms re-joined, details refreshed */
    reconnected: (info: { rooms: string[]; failedRooms: string[] }) => void;
    'reconnect failed': (info: { attempts: number }) => void;
    /** connect timeout or missed heartbeat */
    timeout: (info: { reason: 'connect' | 'heartbeat' }) => void;
    /** every change of `state` */
    state: (info: { state: State; previous: State }) => void;
    /** the websocket opened (before configuration) */
    open: () => void;
    /** every decoded non-control frame */
    message: (message: any) => void;
    welcome: (message: { welcome: string; context: 'api' }) => void;
    say: (message: SayMessage) => void;
    alert: (message: PushMessage) => void;
    api: (message: PushMessage) => void;
    presence: (message: PresenceMessage) => void;
    join: (message: PresenceMessage) => void;
    leave: (message: PresenceMessage) => void;
    update: (message: PresenceMessage) => void;
    members: (info: { room: string; members: Member[] }) => void;
  }
}

declare class ActionheroWebsocketClient {
  constructor(options?: ActionheroWebsocketClient.Options);

  id: string | null;
  fingerprint: string | null;
  rooms: string[];
  state: ActionheroWebsocketClient.State;
  welcomeMessage: string | null;
  /** last messageId used (1, 2, 3, ... per client) */
  messageId: number;
  /** pending reply handlers by messageId */
  callbacks: Record<string, (reply: ActionheroWebsocketClient.Reply) => void>;
  options: ActionheroWebsocketClient.Options;
  /** metadata set with setMetadata (re-sent after reconnects) */
  metadata: Record<string, unknown> | null;
  /** the current WebSocket, if any */
  socket: WebSocket | null;

  /**
   * Opens the connection; resolves (and calls cb(null, reply)) with the detailsView reply once
   * configured. Rejects (cb(error)) when it gives up or disconnect() is called first.
   */
  connect(cb?: (error: Error | null, details?: ActionheroWebsocketClient.DetailsReply) => void): Promise<ActionheroWebsocketClient.DetailsReply>;
  /** Over the websocket when connected, else the HTTP fallback (cb gets the parsed JSON body). */
  action<T = any>(name: string, params?: Record<string, any> | null, cb?: ActionheroWebsocketClient.Callback<T & ActionheroWebsocketClient.Reply>): Promise<T & ActionheroWebsocketClient.Reply>;
  action<T = any>(name: string, cb: ActionheroWebsocketClient.Callback<T & ActionheroWebsocketClient.Reply>): Promise<T & ActionheroWebsocketClient.Reply>;
  say(room: string, message: any, cb?: ActionheroWebsocketClient.Callback): Promise<ActionheroWebsocketClient.Reply>;
  roomAdd(room: string, cb?: ActionheroWebsocketClient.Callback): Promise<ActionheroWebsocketClient.Reply>;
  roomLeave(room: string, cb?: ActionheroWebsocketClient.Callback): Promise<ActionheroWebsocketClient.Reply>;
  roomView(room: string, cb?: ActionheroWebsocketClient.Callback<ActionheroWebsocketClient.RoomViewReply>): Promise<ActionheroWebsocketClient.RoomViewReply>;
  detailsView(cb?: ActionheroWebsocketClient.Callback<ActionheroWebsocketClient.DetailsReply>): Promise<ActionheroWebsocketClient.DetailsReply>;
  file(path: string, cb?: ActionheroWebsocketClient.Callback): Promise<ActionheroWebsocketClient.Reply>;
  documentation(cb?: ActionheroWebsocketClient.Callback): Promise<ActionheroWebsocketClient.Reply>;
  /** Closes on purpose: no reconnect; pending requests fail. */
  disconnect(): Promise<void>;
  /** Low-level: adds a messageId, writes now or queues, cb(reply). */
  send(args: Record<string, any>, cb?: ActionheroWebsocketClient.Callback): Promise<ActionheroWebsocketClient.Reply>;

  /** Sets this connection's presence metadata (action setMetadata); re-sent after reconnects. */
  setMetadata(metadata: Record<string, unknown>, cb?: ActionheroWebsocketClient.Callback): Promise<ActionheroWebsocketClient.Reply>;
  /** Current members of a room from presence (snapshot + join/leave/update), ordered by joinedAt. */
  members(room: string): ActionheroWebsocketClient.Member[];
  /** The delay (ms) the backoff uses for a 1-based reconnect attempt. */
  reconnectDelay(attempt: number): number;

  // stock helpers
  defaults(): ActionheroWebsocketClient.Options;
  urlWithSession(): string;
  getCookie(name: string): string | null;
  handleMessage(message: any): void;
  actionWeb(params: Record<string, any>, cb?: ActionheroWebsocketClient.Callback<any>): Promise<any>;
  actionWebSocket(params: Record<string, any>, cb?: ActionheroWebsocketClient.Callback<any>): Promise<ActionheroWebsocketClient.Reply>;

  // event emitter
  on<E extends keyof ActionheroWebsocketClient.Events>(event: E, listener: ActionheroWebsocketClient.Events[E]): this;
  on(event: string, listener: (...args: any[]) => void): this;
  addListener<E extends keyof ActionheroWebsocketClient.Events>(event: E, listener: ActionheroWebsocketClient.Events[E]): this;
  addListener(event: string, listener: (...args: any[]) => void): this;
  once<E extends keyof ActionheroWebsocketClient.Events>(event: E, listener: ActionheroWebsocketClient.Events[E]): this;
  once(event: string, listener: (...args: any[]) => void): this;
  off(event?: string, listener?: (...args: any[]) => void): this;
  removeListener(event?: string, listener?: (...args: any[]) => void): this;
  removeAllListeners(event?: string): this;
  listeners(event: string): Array<(...args: any[]) => void>;
  emit(event: string, ...args: any[]): boolean;
}

export = ActionheroWebsocketClient;
export as namespace ActionheroWebsocketClient;
