"use client";
import { useCallback, useEffect, useReducer, useRef } from "react";
import { IDLE_RUN, runReducer, type RunAction, type RunState } from "./run-state";
import { streamCompletion } from "./stream-completion";

type RunsState = Record<string, RunState>;
type RunsAction = RunAction & { id: string };

function runsReducer(state: RunsState, action: RunsAction): RunsState {
  const next = runReducer(state[action.id] ?? IDLE_RUN, action);
  return next === state[action.id] ? state : { ...state, [action.id]: next };
}

/**
 * Any number of independent streamed runs, keyed by id (the editor's one run, or one per
 * compare column): each has its own AbortController, so one can stop without the others.
 */
export function useRuns() {
  const [runs, dispatch] = useReducer(runsReducer, {});
  const controllers = useRef(new Map<string, AbortController>());

  const stop = useCallback((id: string) => {
    controllers.current.get(id)?.abort();
  }, []);

  const run = useCallback(async (id: string, ref: string, body: Record<string, unknown>) => {
    controllers.current.get(id)?.abort();
    const controller = new AbortController();
    controllers.current.set(id, controller);
    // A replaced run may still deliver a chunk or its abort: only the current one reports.
    const report = (action: RunAction) => {
      if (controllers.current.get(id) === controller) dispatch({ ...action, id });
    };
    report({ type: "start", at: performance.now() });
    try {
      await streamCompletion(ref, body, controller.signal, (chunk) => report({ type: "chunk", chunk, at: performance.now() }));
      report({ type: "done", at: performance.now() });
    } catch (error) {
      if (controller.signal.aborted) report({ type: "cancel", at: performance.now() });
      else report({ type: "error", message: (error as Error).message || "The run failed", at: performance.now() });
    } finally {
      if (controllers.current.get(id) === controller) controllers.current.delete(id);
    }
  }, []);

  // Leaving the page must not leave streams (and upstream LLM calls) running.
  useEffect(() => {
    const all = controllers.current;
    return () => all.forEach((controller) => controller.abort());
  }, []);

  /** A run that can't start (its draft is invalid): shown as failed, nothing is sent. */
  const refuse = useCallback((id: string, message: string) => {
    controllers.current.get(id)?.abort();
    controllers.current.delete(id);
    const at = performance.now();
    dispatch({ type: "start", at, id });
    dispatch({ type: "error", message, at, id });
  }, []);

  const get = useCallback((id: string): RunState => runs[id] ?? IDLE_RUN, [runs]);
  return { get, run, stop, refuse };
}
