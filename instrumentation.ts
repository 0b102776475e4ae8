// Runs once when a server starts: a bad environment stops it with the variable named.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { serverEnv } = await import("./lib/env");
  serverEnv();
  const supervisor = Number(process.env.NANO_SUPERVISOR_PID);
  if (supervisor > 0) (await import("./lib/supervisor-watchdog")).watchSupervisor(supervisor);
}
