import { expect, test } from "./fixtures";
import { registerStudent } from "./helpers";

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("the local mailbox lists an email the app sent and shows its HTML sandboxed and its text with links", async ({ browser, page }) => {
  const student = await registerStudent(browser, "Mailbox Student");
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(student.email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByTestId("form-success")).toBeVisible();

  await page.goto("/dev/mailbox");
  await expect(page.getByRole("heading", { level: 1, name: "Mailbox" })).toBeVisible();
  // Each message is a link named "<subject> — <recipient>".
  const message = page.getByRole("link", { name: new RegExp(`password — ${escape(student.email)}$`, "i") });
  await expect(message).toBeVisible();
  await message.click();

  await expect(page).toHaveURL(/\/dev\/mailbox\/[0-9a-f-]{36}$/);
  await expect(page.getByText(student.email, { exact: true })).toBeVisible();
  const frame = page.locator('iframe[title="HTML version"]');
  // Scripts never run in a message's HTML, and it cannot reach the app's origin.
  expect(await frame.getAttribute("sandbox")).not.toMatch(/allow-scripts|allow-same-origin/);
  await expect(page.frameLocator('iframe[title="HTML version"]').getByText("Nano Problem").first()).toBeVisible();
  const textVersion = page.getByRole("region", { name: "Text version" });
  const link = textVersion.getByRole("link", { name: /\/reset-password/ });
  await expect(link).toHaveAttribute("href", /^http:\/\/localhost:\d+\/reset-password/);
});

test("a message id that does not exist answers 404, not an error", async ({ page }) => {
  for (const id of ["00000000-0000-4000-8000-000000000000", "not-an-id"]) {
    const response = await page.goto(`/dev/mailbox/${id}`);
    expect(response?.status()).toBe(404);
  }
});
