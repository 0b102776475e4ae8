import type { DemoLogins } from "../demo/demo-logins";
import { DEMO_PASSWORD } from "../demo/seed-demo";

/** Names demo logins only when the database holds them, so a deployer is never told of accounts that do not exist. */
export function bannerText(url: string, demo: DemoLogins | null, mailboxUrl: string | null = null): string {
  const logins = demo
    ? [
        `  Demo logins (password: ${DEMO_PASSWORD})`,
        ...demo.logins.map((login) => `    ${login.email.padEnd(28)} ${login.role}`),
        ...(demo.more > 0 ? [`    …and ${demo.more} more students and teachers`] : []),
        "",
      ]
    : [];
  // Where a reset or verification link lands when no SMTP relay is configured.
  const mailbox = mailboxUrl ? [`  Emails (no SMTP_URL set) are kept in the local mailbox: ${mailboxUrl}`, ""] : [];
  return ["", `  Nano Problem is running at ${url}`, "", ...logins, ...mailbox, "  Press Ctrl-C to stop.", ""].join("\n");
}

export function printBanner(url: string, demo: DemoLogins | null, mailboxUrl: string | null = null): void {
  console.log(bannerText(url, demo, mailboxUrl));
}
