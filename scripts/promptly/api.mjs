// The HTTP client the promptly CLI uses: every call goes through the /v1 API.

export class UsageError extends Error {}

export class ApiCallError extends Error {
  constructor(message, status, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** `api(method, route, body?)` → the parsed JSON answer; a non-2xx answer throws ApiCallError. */
export function client(baseUrl = process.env.PROMPTLY_URL || "http://127.0.0.1:3000", apiKey = process.env.PROMPTLY_API_KEY) {
  if (!apiKey) throw new UsageError("set PROMPTLY_API_KEY");
  const root = `${baseUrl.replace(/\/$/, "")}/v1`;
  const call = async (method, route, body, { raw = false, headers = {} } = {}) => {
    const isText = typeof body === "string";
    const response = await fetch(`${root}${route}`, {
      method,
      headers: { "x-portkey-api-key": apiKey, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
      body: body === undefined ? undefined : isText ? body : JSON.stringify(body),
    });
    if (raw && response.ok) return response;
    const text = await response.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    if (!response.ok) {
      const message = json?.message ?? json?.error?.message ?? text.slice(0, 200);
      throw new ApiCallError(`${method} /v1${route}: HTTP ${response.status}: ${message}`, response.status, json?.error?.code ?? null);
    }
    return json;
  };
  call.baseUrl = baseUrl;
  return call;
}

/** Every page of a Portkey-style list (`current_page`, `page_size`). */
export async function listAll(api, route) {
  const rows = [];
  const join = route.includes("?") ? "&" : "?";
  for (let page = 0; ; page++) {
    const answer = await api("GET", `${route}${join}page_size=100&current_page=${page}`);
    rows.push(...answer.data);
    if (answer.data.length < 100 || rows.length >= answer.total) return rows;
  }
}

/** Progress on stderr, so stdout stays what a script may read. */
export function progress(message) {
  process.stderr.write(`${message}\n`);
}
