import { expect, type Page } from "@playwright/test";

/** The thread's row in the inbox, opened (the inbox is searched so other journeys' threads do not hide it). */
export async function openThreadFromInbox(page: Page, subject: string, search?: string) {
  await page.goto(search ? `/messages?q=${encodeURIComponent(search)}` : "/messages");
  await page.getByTestId("inbox-row").filter({ hasText: subject }).first().getByRole("link").first().click();
  await expect(page.getByTestId("thread-subject")).toContainText(subject);
  await expect(page.getByTestId("connection-state")).toHaveAttribute("data-state", "connected");
}

export function composer(page: Page) {
  return page.getByTestId("composer").getByRole("textbox", { name: "Message" });
}

/** Types and sends with Enter, as a person does. */
export async function sendMessage(page: Page, text: string) {
  await composer(page).fill(text);
  await composer(page).press("Enter");
}

export function message(page: Page, text: string) {
  return page.getByTestId("message").filter({ hasText: text });
}

export const threadIdOf = (page: Page) => new URL(page.url()).pathname.split("/").at(-1) ?? "";
