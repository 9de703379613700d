#!/usr/bin/env node
// The floor of any gateway written in Node: a relay that does nothing but forward each POST
// to the mock over a kept-alive connection and copy the answer back as it arrives (no
// parsing, no auth, no rendering, no logging). What it adds over calling the mock directly
// is the cost of the extra hop itself (two more sockets, two more process wake-ups), which
// no gateway can go below; the bench reports it beside Portkey's gateway and Promptly.
// Usage: node bench/lib/bare-relay.mjs PORT UPSTREAM_ORIGIN (listens on 127.0.0.1 only).
import http from "node:http";

const [port, upstream] = [Number(process.argv[2]), new URL(process.argv[3])];
const agent = new http.Agent({ keepAlive: true, scheduling: "lifo" });

const server = http.createServer((req, res) => {
  const headers = { ...req.headers, host: upstream.host };
  const out = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers, agent }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    res.flushHeaders(); // a stream's headers go out at once, as every gateway here does
    answer.pipe(res);
  });
  out.on("error", () => {
    if (!res.headersSent) res.writeHead(502);
    res.end();
  });
  res.on("close", () => {
    if (!res.writableFinished) out.destroy();
  });
  req.pipe(out);
});
server.listen({ port, host: "127.0.0.1", backlog: 4096 }, () => console.log(`bare relay on 127.0.0.1:${port} → ${upstream.origin}`));
for (const signal of ["SIGTERM", "SIGINT"]) process.on(signal, () => process.exit(0));
