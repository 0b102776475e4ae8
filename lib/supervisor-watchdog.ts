/**
 * When `npm run dev` or the e2e harness starts this server, it exits as soon as that
 * supervisor is gone, even if the supervisor was killed too hard to stop its children.
 */
export function watchSupervisor(pid: number): void {
  const timer = setInterval(() => {
    try {
      process.kill(pid, 0);
    } catch {
      process.exit(0);
    }
  }, 1000);
  timer.unref();
}
