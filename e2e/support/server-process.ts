import fs from "node:fs";
import { E2E } from "./env";

/**
 * The process that listens on a port, found the way `ss -p` does: the listening socket's
 * inode in /proc/net/tcp, then the process holding a descriptor on that inode. The shared
 * server is a grandchild of Playwright (serve.mjs → start.mjs → server.mjs), so no test
 * knows its pid otherwise. Linux only, like the rest of the suite's tooling.
 */
export function pidListeningOn(port = E2E.port): number {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!fs.existsSync(table)) continue;
    for (const line of fs.readFileSync(table, "utf8").split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN; field 9 is the inode.
      if (fields.length > 9 && fields[3] === "0A" && parseInt(fields[1].split(":")[1], 16) === port) inodes.add(fields[9]);
    }
  }
  if (inodes.size === 0) throw new Error(`nothing listens on port ${port}`);
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // gone, or not ours to read
    }
    for (const fd of fds) {
      let target: string;
      try {
        target = fs.readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        continue;
      }
      const inode = /^socket:\[(\d+)\]$/.exec(target)?.[1];
      if (inode && inodes.has(inode)) return Number(entry);
    }
  }
  throw new Error(`no readable process holds the socket listening on port ${port}`);
}

/** A process's resident set size in MB, from /proc/PID/status (VmRSS), or null once it is gone. */
export function rssMb(pid: number): number | null {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return null;
  }
  const kb = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status)?.[1];
  return kb === undefined ? null : Number(kb) / 1024;
}

export function isAlive(pid: number): boolean {
  return rssMb(pid) !== null;
}
