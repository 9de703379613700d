// Next calls register() once when a server process starts (next start and next dev).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { runStartupTasks } = await import("./lib/startup");
    await runStartupTasks();
  }
}
