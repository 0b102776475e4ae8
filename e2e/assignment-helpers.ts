import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demo, signInAs } from "./helpers";

export const pdf = (name: string, text = "A brief") => ({ name, mimeType: "application/pdf", buffer: Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${text}\ntrailer << >>\n%%EOF\n`) });
export const textFile = (name: string, text: string) => ({ name, mimeType: "text/plain", buffer: Buffer.from(text) });

/** A signed-in page in a browser context of its own. */
export async function signedInPage(browser: Browser, email: string, home: string, password = DEMO_PASSWORD) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email, password, home);
  return page;
}

export async function fillCommonRequest(page: Page, service: "Writing" | "Homework" | "Exam", title: string) {
  await page.goto("/student/assignments/new");
  await page.getByLabel("Service").selectOption({ label: service });
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Subject").fill("Economics");
  await page.getByLabel("Instructions").fill("Please follow the attached rubric closely and cite at least five sources.");
  await page.getByLabel("Due date").fill("2031-03-14T17:00");
}

/** Submits the request form and returns the new assignment's detail URL path. */
export async function submitRequest(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Submit request" }).click();
  // A request with files is one upload and a transaction; on a loaded machine it took over 20 s.
  await expect(page).toHaveURL(/\/student\/assignments\/[0-9a-f-]{36}$/, { timeout: 60_000 });
  await expect(page.getByTestId("assignment-status")).toContainText("Waiting for a teacher");
  return new URL(page.url()).pathname;
}

export async function assignmentCode(page: Page): Promise<string> {
  return ((await page.getByTestId("assignment-code").textContent()) ?? "").trim();
}

/** The CS rep opens the request from the queue and assigns a primary teacher and optional helpers. */
export async function assignFromQueue(rep: Page, code: string, primaryName: string, helperNames: string[] = []) {
  await rep.goto("/support/queue");
  await rep.locator(`[data-testid="assignment-row"][data-code="${code}"]`).getByRole("link").click();
  await expect(rep.getByTestId("assignment-code")).toHaveText(code);
  // Searchable pickers: type part of the name, choose the option.
  await rep.getByRole("combobox", { name: "Primary teacher" }).click();
  await rep.getByRole("option", { name: primaryName }).first().click();
  if (helperNames.length > 0) {
    await rep.getByRole("combobox", { name: "Add helpers" }).click();
    for (const name of helperNames) await rep.getByRole("option", { name }).first().click();
    await rep.keyboard.press("Escape");
  }
  await rep.getByRole("button", { name: "Save teachers" }).click();
  await expect(rep.getByTestId("assignment-status")).toContainText("Teacher assigned");
}

export async function openTeacherAssignment(teacher: Page, code: string, tab: "Offers" | "Active" | "Delivered" | "Completed") {
  await teacher.goto("/teacher/assignments");
  await teacher.getByRole("link", { name: tab, exact: true }).click();
  await teacher.locator(`[data-testid="assignment-row"][data-code="${code}"]`).getByRole("link").click();
  await expect(teacher.getByTestId("assignment-code")).toHaveText(code);
}

export { demo };

/** Accepting a delivery asks first: the trigger opens a dialog whose own button confirms. */
export async function acceptDelivery(page: Page) {
  await page.getByRole("button", { name: "Accept delivery" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Accept delivery" }).click();
}

/** Declining an offer asks first, with the reason inside the dialog. */
export async function declineOffer(page: Page, reason: string) {
  await page.getByRole("button", { name: "Decline offer" }).click();
  const dialog = page.getByRole("alertdialog");
  await dialog.getByLabel("Reason").fill(reason);
  await dialog.getByRole("button", { name: "Decline offer" }).click();
}
