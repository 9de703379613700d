// Child processes of the bench: each in its own process group (detached), logged to a file,
// and all of them killed, group by group, on exit, error, SIGINT or SIGTERM.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";

const started = new Map(); // pid -> { name, child }

export function startProcess(name, command, args, { cwd, env, logFile }) {
  const fd = fs.openSync(logFile, "w");
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", fd, fd] });
  fs.closeSync(fd);
  const handle = { name, child, pid: child.pid, logFile, exitCode: undefined };
  handle.exited = new Promise((resolve) => {
    child.on("exit", (code, signal) => {
      handle.exitCode = code ?? signal;
      resolve(handle.exitCode);
    });
    child.on("error", (error) => {
      handle.exitCode = `spawn error: ${error.message}`;
      resolve(handle.exitCode);
    });
  });
  started.set(child.pid, handle);
  return handle;
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** SIGTERM every group we started, wait up to `graceMs`, then SIGKILL what is left. */
export async function stopProcess(handle, graceMs = 5000) {
  if (!started.has(handle.pid)) return;
  signalGroup(handle.pid, "SIGTERM");
  const until = Date.now() + graceMs;
  while (groupAlive(handle.pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  if (groupAlive(handle.pid)) signalGroup(handle.pid, "SIGKILL");
  started.delete(handle.pid);
}

export async function stopAll(graceMs = 5000) {
  await Promise.all([...started.values()].map((h) => stopProcess(h, graceMs)));
}

/** Last resort (process 'exit' handler: synchronous only). */
export function killAllSync() {
  for (const pid of started.keys()) signalGroup(pid, "SIGKILL");
  started.clear();
}

export function tail(file, lines = 30) {
  try {
    return fs.readFileSync(file, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "";
  }
}

/** A port that was free on 127.0.0.1 a moment ago. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers 2xx; fails early when `handle` exits; bounded by `timeoutMs`. */
export async function waitForHttp(url, handle, timeoutMs, init = {}) {
  const until = Date.now() + timeoutMs;
  let last = "no answer";
  while (Date.now() < until) {
    if (handle.exitCode !== undefined) {
      throw new Error(`${handle.name} exited (${handle.exitCode}) before ${url} answered; log ${handle.logFile}:\n${tail(handle.logFile)}`);
    }
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${handle.name}: ${url} not ready after ${timeoutMs / 1000} s (${last}); log ${handle.logFile}:\n${tail(handle.logFile)}`);
}
