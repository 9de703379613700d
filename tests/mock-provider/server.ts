import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { BEHAVIOR_HEADER, BehaviorParseError, parseBehavior } from "./behavior";
import { Exchange } from "./exchange";
import { openAIError } from "./openai-format";
import { defaultRoutes, matchRoute } from "./routes";
import { MockState } from "./state";
import type { MockRoute } from "./route";
import type { MockBehavior, MockProvider, RecordedRequest } from "./types";

export interface MockProviderOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Loopback by default: the mock must never be reachable from outside. */
  host?: string;
  /** Extra routes, tried before the built-in ones. */
  routes?: MockRoute[];
}

/** Starts an LLM provider double speaking OpenAI's wire format over node:http. */
export async function startMockProvider(options: MockProviderOptions = {}): Promise<MockProvider> {
  const host = options.host ?? "127.0.0.1";
  const routes = [...(options.routes ?? []), ...defaultRoutes];
  const state = new MockState();
  const live = new Set<Exchange>();
  // Connections that carried a provider call (control calls aside): how well a client pools.
  const sockets = { opened: 0, seen: new WeakSet<object>() };

  const server = createServer({ noDelay: true }, (req, res) => {
    handle(req, res, routes, state, live, sockets).catch((error: unknown) => {
      console.error("[mock-provider] handler failed:", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" }).end(JSON.stringify(openAIError(500)));
      else res.destroy();
    });
  });

  // Idle connections stay as long as a hosted provider keeps them (about a minute), not
  // node's 5 s: a client's pooling, not the mock's impatience, decides what gets reused.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    // Deep accept queue: the streams2k benchmark opens thousands of connections at once.
    server.listen({ port: options.port ?? 0, host, backlog: 4096 }, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;

  return {
    url,
    openaiBaseUrl: `${url}/v1`,
    port,
    requests: state.requests,
    count: (pathPrefix) => state.count(pathPrefix),
    reset: () => state.reset(),
    setBehavior: (behavior) => {
      state.defaultBehavior = behavior;
    },
    enqueue: (...behaviors) => {
      state.queue.push(...behaviors);
    },
    waitFor: (predicate, timeoutMs) => state.waitFor(predicate, timeoutMs),
    close: async () => {
      // Stop in-flight exchanges first (their timers go with them), then drop keep-alive sockets.
      for (const exchange of live) exchange.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, routes: MockRoute[], state: MockState, live: Set<Exchange>, sockets: SocketCount) {
  const url = new URL(req.url ?? "/", "http://mock.local");
  const method = req.method ?? "GET";
  const match = matchRoute(routes, method, url.pathname);
  const body = parseBody(await readBody(req));
  const control = match?.route.control === true;
  if (!control && !sockets.seen.has(req.socket)) {
    sockets.seen.add(req.socket);
    state.connectionsOpened = ++sockets.opened;
  }

  const fields: Omit<RecordedRequest, "seq"> = {
    method,
    path: url.pathname,
    url: url.pathname + url.search,
    headers: req.headers,
    body,
    receivedAt: Date.now(),
    behavior: {},
    tokensSent: 0,
    closedEarly: false,
    cut: false,
  };
  const record = control ? { seq: 0, ...fields } : state.add(fields);
  const exchange = new Exchange(req, res, url, match?.params ?? {}, body, record, state);
  if (!exchange.closed) {
    live.add(exchange);
    res.on("close", () => live.delete(exchange));
  }

  if (!match) {
    return exchange.json(404, openAIError(404, `Unknown request URL: ${method} ${url.pathname}`));
  }
  if (control) return match.route.handle(exchange, state);

  let fromHeader: MockBehavior | null = null;
  try {
    const header = req.headers[BEHAVIOR_HEADER];
    fromHeader = typeof header === "string" ? parseBehavior(header) : null;
  } catch (error) {
    if (!(error instanceof BehaviorParseError)) throw error;
    return exchange.json(400, openAIError(400, error.message));
  }
  const modelOf = match.route.modelOf ?? defaultModelOf;
  exchange.behavior = record.behavior = state.resolve(modelOf(body, match.params), fromHeader);

  // A stall holds even the headers back; a client giving up meanwhile ends the exchange.
  if (exchange.behavior.stallMs && !(await exchange.sleep(exchange.behavior.stallMs))) return;
  await match.route.handle(exchange, state);
}

interface SocketCount {
  opened: number;
  seen: WeakSet<object>;
}

function defaultModelOf(body: unknown): string | undefined {
  const model = typeof body === "object" && body !== null ? (body as { model?: unknown }).model : undefined;
  return typeof model === "string" ? model : undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    const done = () => resolve(Buffer.concat(chunks).toString("utf8"));
    req.on("end", done);
    // A client leaving mid-upload: go on with what arrived; the exchange then sees the closed socket.
    req.on("close", done);
    req.on("error", reject);
  });
}

function parseBody(text: string): unknown {
  if (text.trim() === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
