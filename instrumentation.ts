// Runs once when a server starts: a bad environment stops it with the variable named.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { serverEnv } = await import("./lib/env");
  serverEnv();
  const supervisor = Number(process.env.NANO_SUPERVISOR_PID);
  if (supervisor > 0) (await import("./lib/supervisor-watchdog")).watchSupervisor(supervisor);
  // The job queue (mail delivery, …) runs inside the server process: the process that enqueues
  // needs a started queue anyway, and stopping the server (Ctrl-C) stops its workers with it.
  // (Next never calls register() during `next build`.)
  await (await import("./lib/jobs/app-jobs")).startAppJobs();
}
