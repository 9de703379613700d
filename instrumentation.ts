// Next calls register() once when a server process starts (next start and next dev).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { runStartupTasks } = await import("./lib/lifecycle/startup");
    try {
      await runStartupTasks();
    } catch (error) {
      // Next would log this and go on serving a 500 for every request: stop instead, saying why
      // (a weak PROMPTLY_BOOTSTRAP_API_KEY, a database that can't be reached...).
      console.error(`[promptly] cannot start: ${(error as Error).message}`);
      process.exit(1);
    }
  }
}
