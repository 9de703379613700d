import vm from "node:vm";

/**
 * A user's regular expression, run with a time limit: patterns like `(a+)+$` backtrack for
 * minutes on a long answer, and one scorer must not stall the server. V8 checks for
 * interrupts while backtracking, so vm's timeout stops the match.
 */
const REGEX_TIMEOUT_MS = 50;

export function compileError(pattern: string, flags = ""): string | null {
  try {
    new RegExp(pattern, flags);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** True or false, or null when the match ran out of time. */
export function boundedTest(pattern: string, flags: string, input: string): boolean | null {
  const context = vm.createContext({ pattern, flags, input });
  try {
    return vm.runInContext("new RegExp(pattern, flags).test(input)", context, { timeout: REGEX_TIMEOUT_MS }) === true;
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_SCRIPT_EXECUTION_TIMEOUT") return null;
    throw error;
  }
}
