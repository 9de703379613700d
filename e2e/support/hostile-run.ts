import { send } from "./raw-http";
import type { FuzzRequest } from "./fuzz";
import { rssMb } from "./server-process";

/** What the hostile-input suites hold the server to. */
export const RSS_LIMIT_MB = 400;

export interface Offence {
  request: FuzzRequest;
  status: number | string;
  answer: string;
}

/**
 * Sends requests and keeps the ones answered 5xx (or not answered at all: a crash, a reset)
 * instead of stopping at the first: the report lists them all, the first few with bodies.
 */
export class HostileRun {
  readonly offences: Offence[] = [];
  /** 5xx answers that pass on the provider's own failure (the mock hanging up a kept-alive socket): correct, counted apart. */
  upstream = 0;
  sent = 0;

  async send(request: FuzzRequest): Promise<{ status: number; text: string } | null> {
    this.sent++;
    try {
      const answer = await send(request);
      if (answer.status >= 500 && answer.text.includes('"type":"upstream_error"')) this.upstream++;
      else if (answer.status >= 500) this.offences.push({ request, status: answer.status, answer: answer.text });
      return answer;
    } catch (error) {
      this.offences.push({ request, status: (error as Error).message, answer: "" });
      return null;
    }
  }

  report(limit = 5): string {
    return this.offences
      .slice(0, limit)
      .map(({ request, status, answer }) => `${status} for ${request.method} ${request.path.slice(0, 200)} headers=${JSON.stringify(request.headers)} body=${String(request.body).slice(0, 400)}\n  -> ${answer.slice(0, 300)}`)
      .join("\n");
  }
}

/** Runs `work` over the items, `concurrency` at a time, in order of the list. */
export async function eachLimited<T>(items: T[], concurrency: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await work(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Samples a process's RSS every quarter second; `stop` gives the peak and whether it is still there. */
export function watchMemory(pid: number) {
  let peak = rssMb(pid) ?? Infinity;
  let gone = false;
  const sample = () => {
    const rss = rssMb(pid);
    if (rss === null) gone = true;
    else peak = Math.max(peak, rss);
  };
  const timer = setInterval(sample, 250);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { peakMb: peak, alive: !gone };
    },
  };
}
