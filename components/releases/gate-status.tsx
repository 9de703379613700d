"use client";
import Link from "next/link";
import type { GateState } from "@/lib/releases/gate";

const TONE: Record<GateState["status"], string> = {
  pending: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  running: "bg-sky-50 text-sky-700 dark:bg-sky-950 dark:text-sky-300",
  passed: "bg-emerald-50 text-emerald-700 dark:bg-emerald-950 dark:text-emerald-300",
  failed: "bg-red-50 text-red-700 dark:bg-red-950 dark:text-red-300",
};

const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;

/** A release request's evaluation gate: its status, pass rate against the bar, and the experiment behind it. */
export function GateStatus({ gate }: { gate: GateState }) {
  return (
    <div data-testid="release-gate" className="flex flex-wrap items-center gap-2 text-sm">
      <h3 className="font-medium">Evaluation gate</h3>
      <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${TONE[gate.status]}`} data-testid="release-gate-status">
        {gate.status}
      </span>
      <span className="text-zinc-600 tabular-nums dark:text-zinc-400" data-testid="release-gate-rate">
        {gate.pass_rate === null ? "no case finished yet" : `pass rate ${percent(gate.pass_rate)}`} · bar {percent(gate.min_pass_rate)} · {gate.finished}/{gate.total} cases
      </span>
      <Link href={`/experiments/${gate.experiment_id}`} className="text-indigo-600 hover:underline dark:text-indigo-400" data-testid="release-gate-experiment">
        Open the experiment
      </Link>
      {gate.override_reason ? <p className="w-full text-xs text-amber-700 dark:text-amber-400">Merged below the bar by an admin: {gate.override_reason}</p> : null}
    </div>
  );
}
