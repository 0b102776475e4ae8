import { DEMO_PASSWORD, demoUsers } from "@/db/seed";

export function printBanner(url: string): void {
  const logins = ["admin@nanoproblem.test", "support@nanoproblem.test", "teacher@nanoproblem.test", "student@nanoproblem.test"];
  const rows = logins.map((email) => {
    const user = demoUsers.find((u) => u.email === email);
    return `    ${email.padEnd(28)} ${user?.role ?? ""}`;
  });
  console.log(
    [
      "",
      `  Nano Problem is running at ${url}`,
      "",
      `  Demo logins (password: ${DEMO_PASSWORD})`,
      ...rows,
      `    …and ${demoUsers.length - logins.length} more students and teachers`,
      "",
      "  Press Ctrl-C to stop.",
      "",
    ].join("\n"),
  );
}
