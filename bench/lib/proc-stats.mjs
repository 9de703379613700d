// Linux /proc readings for a process tree: CPU time (utime + stime), RSS, VmHWM, and the
// addresses its listening sockets are bound to.
import { execFileSync } from "node:child_process";
import fs from "node:fs";

let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
} catch {
  // 100 on every Linux we know of
}

function readStat(pid) {
  try {
    const text = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may contain spaces and parentheses: fields start after the last ")".
    const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state): ppid = field 4, utime = 14, stime = 15.
    return { ppid: Number(fields[1]), utime: Number(fields[11]), stime: Number(fields[12]), cutime: Number(fields[13]), cstime: Number(fields[14]) };
  } catch {
    return null;
  }
}

/** The pid and all its descendants, alive now. */
export function processTree(rootPid) {
  const children = new Map();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(entry);
    if (!stat) continue;
    const pid = Number(entry);
    if (!children.has(stat.ppid)) children.set(stat.ppid, []);
    children.get(stat.ppid).push(pid);
  }
  const tree = [];
  const queue = [rootPid];
  while (queue.length) {
    const pid = queue.shift();
    if (!fs.existsSync(`/proc/${pid}`)) continue;
    tree.push(pid);
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** CPU milliseconds (user + system) used so far by these processes. */
export function cpuMs(pids) {
  let ticks = 0;
  for (const pid of pids) {
    const stat = readStat(pid);
    if (stat) ticks += stat.utime + stat.stime;
  }
  return (ticks * 1000) / ticksPerSecond;
}

/**
 * CPU milliseconds used so far by this process and everything it started: live descendants
 * plus the children already reaped (cutime + cstime), such as finished wrk runs.
 */
export function ownCpuMs() {
  const self = readStat(process.pid);
  const reaped = self ? ((self.cutime + self.cstime) * 1000) / ticksPerSecond : 0;
  return cpuMs(processTree(process.pid)) + reaped;
}

/** Machine-wide CPU milliseconds: busy (user, nice, system, irq, softirq, steal) and total. */
export function machineCpuMs() {
  const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, idle, iowait, irq, softirq, steal] = fields;
  const busy = user + nice + system + irq + softirq + (steal || 0);
  const toMs = (ticks) => (ticks * 1000) / ticksPerSecond;
  return { busyMs: toMs(busy), totalMs: toMs(busy + idle + (iowait || 0)), stealMs: toMs(steal || 0) };
}

/** Measures how much of the machine other processes used between start() and stop() (%). */
export function startForeignLoad() {
  const m0 = machineCpuMs();
  const own0 = ownCpuMs();
  return () => {
    const m1 = machineCpuMs();
    const own = ownCpuMs() - own0;
    const total = m1.totalMs - m0.totalMs;
    if (total <= 0) return { otherCpuPct: null, stealPct: null };
    return {
      otherCpuPct: Math.max(0, (100 * (m1.busyMs - m0.busyMs - own)) / total),
      stealPct: (100 * (m1.stealMs - m0.stealMs)) / total,
    };
  };
}

function statusKb(pid, field) {
  try {
    const match = fs.readFileSync(`/proc/${pid}/status`, "utf8").match(new RegExp(`^${field}:\\s+(\\d+) kB`, "m"));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export const rssMb = (pids) => pids.reduce((sum, pid) => sum + statusKb(pid, "VmRSS"), 0) / 1024;

/** Per process: command line, current RSS and high-water mark (MB). */
export function describeTree(pids) {
  return pids.map((pid) => {
    let cmd = "";
    try {
      cmd = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").filter(Boolean).join(" ");
    } catch {
      // gone
    }
    return { pid, cmd: cmd.length > 160 ? `${cmd.slice(0, 157)}...` : cmd, rssMb: statusKb(pid, "VmRSS") / 1024, hwmMb: statusKb(pid, "VmHWM") / 1024 };
  });
}

/** Samples the summed RSS of a set of trees every `intervalMs`; `peak(name)` is the highest seen. */
export class RssSampler {
  constructor(intervalMs = 100) {
    this.intervalMs = intervalMs;
    this.trees = new Map(); // name -> pids
    this.peaks = new Map(); // name -> MB, whole tree
    this.largest = new Map(); // name -> MB, its largest process (the server itself)
    this.timer = null;
  }
  watch(name, pids) {
    this.trees.set(name, pids);
  }
  sample() {
    for (const [name, pids] of this.trees) {
      const each = pids.map((pid) => statusKb(pid, "VmRSS") / 1024);
      const mb = each.reduce((a, b) => a + b, 0);
      if (mb > (this.peaks.get(name) ?? 0)) this.peaks.set(name, mb);
      const largest = Math.max(0, ...each);
      if (largest > (this.largest.get(name) ?? 0)) this.largest.set(name, largest);
    }
  }
  /** Starts a fresh peak for every watched tree. */
  start() {
    this.stop();
    this.peaks.clear();
    this.largest.clear();
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }
  stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
  }
  peak(name) {
    return this.peaks.get(name) ?? null;
  }
  peakLargest(name) {
    return this.largest.get(name) ?? null;
  }
}

function socketInodes(pids) {
  const inodes = new Set();
  for (const pid of pids) {
    let fds = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const match = fs.readlinkSync(`/proc/${pid}/fd/${fd}`).match(/^socket:\[(\d+)\]$/);
        if (match) inodes.add(match[1]);
      } catch {
        // closed meanwhile
      }
    }
  }
  return inodes;
}

function decodeAddress(hex, v6) {
  const [addr, port] = hex.split(":");
  const portNumber = parseInt(port, 16);
  if (!v6) {
    const bytes = addr.match(/../g).map((b) => parseInt(b, 16)).reverse();
    return { host: bytes.join("."), port: portNumber };
  }
  // 4 little-endian 32-bit words.
  const words = addr.match(/.{8}/g).map((w) => w.match(/../g).reverse().join(""));
  const full = words.join("");
  const groups = full.match(/.{4}/g).map((g) => g.replace(/^0+(?=.)/, ""));
  return { host: groups.join(":"), port: portNumber };
}

/** The TCP sockets these processes listen on: [{host, port}]. */
export function listeningAddresses(pids) {
  const inodes = socketInodes(pids);
  const found = [];
  for (const [file, v6] of [["/proc/net/tcp", false], ["/proc/net/tcp6", true]]) {
    let lines = [];
    try {
      lines = fs.readFileSync(file, "utf8").trim().split("\n").slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const cols = line.trim().split(/\s+/);
      if (cols[3] !== "0A") continue; // LISTEN
      if (!inodes.has(cols[9])) continue;
      found.push(decodeAddress(cols[1], v6));
    }
  }
  return found;
}

export function isLoopback(host) {
  const h = host.toLowerCase();
  return h.startsWith("127.") || h === "0:0:0:0:0:0:0:1" || h.startsWith("0:0:0:0:0:ffff:7f");
}
