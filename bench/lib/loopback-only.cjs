// Preload (`node --require`) for servers that listen on every interface by default (Portkey's
// gateway calls listen(port) with no host): every TCP listen() is rewritten to 127.0.0.1.
"use strict";
const net = require("node:net");

const HOST = "127.0.0.1";
const original = net.Server.prototype.listen;

net.Server.prototype.listen = function listenOnLoopback(...args) {
  const first = args[0];
  // Unix sockets, pipes, inherited handles: not TCP, nothing to rewrite.
  const isHandle = first !== null && typeof first === "object" && ("_handle" in first || "fd" in first || "path" in first || "handle" in first);
  if (isHandle || (typeof first === "string" && !/^\d+$/.test(first))) return original.apply(this, args);

  const callback = typeof args[args.length - 1] === "function" ? args.pop() : undefined;
  const port = args[0];
  let options;
  if (port !== null && typeof port === "object") {
    options = { ...port, host: HOST };
  } else {
    // listen([port[, host[, backlog]]]): the host, if any, is replaced.
    options = { port: port === undefined || port === null ? 0 : Number(port), host: HOST };
    const backlog = args.slice(1).find((a) => typeof a === "number");
    if (backlog !== undefined) options.backlog = backlog;
  }
  return callback ? original.call(this, options, callback) : original.call(this, options);
};
