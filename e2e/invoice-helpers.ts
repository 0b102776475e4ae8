import { expect, type Browser, type Page } from "@playwright/test";
import { DEMO_PASSWORD, demo, signInAs } from "./helpers";

export async function signedIn(browser: Browser, email: string, home: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, email, DEMO_PASSWORD, home);
  return page;
}

// Found once per worker: the newest rows belong to students that other journeys signed up, so the
// search opens up to ten assignment pages, and any demo assignment serves every invoice journey.
let foundDemoAssignment: { id: string; email: string } | undefined;

/** A demo assignment from the staff list whose owner is a demo student (who signs in with the demo password). */
export async function demoAssignment(rep: Page): Promise<{ id: string; email: string }> {
  foundDemoAssignment ??= await findDemoAssignment(rep);
  return foundDemoAssignment;
}

async function findDemoAssignment(rep: Page): Promise<{ id: string; email: string }> {
  await rep.goto("/support/assignments");
  // The list streams in after its loading skeleton.
  await rep.locator('[data-testid="assignment-row"]:visible').first().waitFor();
  const hrefs = await rep.getByTestId("assignment-row").getByRole("link").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
  for (const href of hrefs.slice(0, 10)) {
    await rep.goto(href);
    const owner = (await rep.getByTestId("assignment-student").textContent()) ?? "";
    const email = /[\w.+-]+@nanoproblem\.test/.exec(owner)?.[0];
    const id = /\/support\/assignments\/([0-9a-f-]{36})$/.exec(href)?.[1];
    if (email && id) return { id, email };
  }
  throw new Error("no demo assignment owned by a demo student");
}

/** The CS rep drafts a one-item invoice and submits it; the admin approves it. */
export async function issueInvoice(browser: Browser, description: string, unitPrice: string, assignment?: { id: string; email: string }) {
  const rep = await signedIn(browser, demo.support, "/support");
  const { id: assignmentId, email: studentEmail } = assignment ?? (await demoAssignment(rep));
  await rep.goto(`/support/invoices/new?assignmentId=${assignmentId}`);
  const item = rep.getByRole("group", { name: "Item 1" });
  await item.getByLabel("Description").fill(description);
  await item.getByLabel("Quantity").fill("1");
  await item.getByLabel("Unit price").fill(unitPrice);
  await rep.getByRole("button", { name: "Save draft" }).click();
  await expect(rep).toHaveURL(/\/support\/invoices\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  const invoiceId = /\/support\/invoices\/([0-9a-f-]{36})$/.exec(rep.url())?.[1] ?? "";
  await rep.getByRole("button", { name: "Submit for approval" }).click();
  await expect(rep.getByTestId("invoice-status")).toHaveText("Pending approval");

  const admin = await signedIn(browser, demo.admin, "/admin");
  await admin.goto(`/admin/invoices/${invoiceId}`);
  await approveInvoice(admin);
  await expect(admin.getByTestId("invoice-status")).toHaveText("Issued");
  const number = ((await admin.getByTestId("invoice-number").textContent()) ?? "").trim();
  return { invoiceId, number, studentEmail, admin };
}

/** Approving asks first: "Approve" opens a dialog whose "Approve and issue …" confirms. */
export async function approveInvoice(admin: Page) {
  await admin.getByRole("button", { name: "Approve", exact: true }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: /^Approve and issue/ }).click();
}

/** Recording a manual payment asks first, naming the amount ("Record $50.00 payment"). */
export async function recordPayment(admin: Page) {
  await admin.getByRole("form", { name: "Record manual payment" }).getByRole("button", { name: "Record payment" }).click();
  await admin.getByRole("alertdialog").getByRole("button", { name: /^Record .+ payment$/ }).click();
}
