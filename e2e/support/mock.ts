import { E2E } from "./env";

/** The subset of the mock's recorded request that tests read. */
export interface MockRequest {
  seq: number;
  path: string;
  url: string;
  headers: Record<string, string>;
  body: Record<string, unknown>;
  receivedAt: number;
  finishedAt?: number;
  tokensSent: number;
  closedEarly: boolean;
  closedAt?: number;
}

async function control(path: string, body?: unknown) {
  const response = await fetch(`${E2E.mockUrl}/__mock/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`mock ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Steers and inspects the mock LLM provider that the e2e web server config starts. */
export const mock = {
  reset: () => control("reset", {}),
  enqueue: (...behaviors: Record<string, unknown>[]) => control("enqueue", behaviors),
  setDefault: (behavior: Record<string, unknown> | null) => control("behavior", behavior ?? {}),
  requests: (): Promise<MockRequest[]> => control("requests"),
};
