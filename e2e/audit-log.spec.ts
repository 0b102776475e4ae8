import fs from "node:fs";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, createStaffAccount, demo, signInAs } from "./helpers";

/** "2026-12-05": the UTC calendar day `days` from now; a day back covers "today" in any zone. */
const utcDay = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("an admin filters the audit log to one action and target, opens the target and exports exactly that", async ({ page: admin }) => {
  await signInAs(admin, demo.admin, DEMO_PASSWORD, "/admin");
  // An audited change of this test's own: a new staff account (action user.created, target the new user).
  const name = `Audit Trail ${Date.now()}`;
  const { email } = await createStaffAccount(admin, name, "CS rep");
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const userRow = admin.locator(`[data-testid="user-row"][data-email="${email}"]:visible`);
  const publicId = ((await userRow.getByText(/^CSR-\d{6}$/).textContent()) ?? "").trim();
  expect(publicId).toMatch(/^CSR-\d{6}$/);

  // From the sidebar's Admin group.
  await admin.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" }).click();
  await expect(admin).toHaveURL(/\/admin\/audit$/);
  await expect(admin.getByRole("heading", { name: "Audit log" })).toBeVisible();

  const filters = admin.getByRole("search", { name: "Filter the audit log" });
  await filters.getByLabel("Action").selectOption("user.created");
  await filters.getByLabel("Target", { exact: true }).fill(publicId);
  await filters.getByLabel("From").fill(utcDay(-1));
  await filters.getByRole("button", { name: "Search" }).click();
  await expect(admin).toHaveURL(/[?&]action=user\.created/);
  await expect(admin).toHaveURL(new RegExp(`[?&]target=${publicId}`));

  // :visible: the table row on a desktop, the card on a phone (both are in the page).
  const rows = admin.locator('[data-testid="audit-row"]:visible');
  await expect(rows).toHaveCount(1);
  const row = rows.first();
  await expect(row).toHaveAttribute("data-action", "user.created");
  // Who (name, role, public ID), and the target named and linked.
  await expect(row).toContainText("Admin ·");
  await expect(row).toContainText(/ADM-\d{6}/);
  const target = row.getByRole("link", { name: `${name} (${publicId})` });
  await expect(target).toHaveAttribute("href", `/admin/users?q=${publicId}`);
  await expect(row).toContainText(email);

  // The export carries the same filters and holds exactly the row on screen.
  const exportLink = filters.getByTestId("audit-export");
  await expect(exportLink).toHaveAttribute("href", /action=user\.created/);
  await expect(exportLink).toHaveAttribute("href", new RegExp(`target=${publicId}`));
  const [download] = await Promise.all([admin.waitForEvent("download"), exportLink.click()]);
  expect(download.suggestedFilename()).toMatch(/^audit-log-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = fs.readFileSync(await download.path(), "utf8").replace(/^\uFEFF/, "");
  const records = csv.split("\r\n").filter(Boolean);
  expect(records[0]).toMatch(/^Time \([^)]+\),Time \(UTC\),Actor,Actor role,Actor public ID,Action,Target type,Target ID,Target,Target link,IP,Details,Metadata \(JSON\)$/);
  expect(records).toHaveLength(2);
  expect(records[1]).toContain(",Admin,ADM-");
  expect(records[1]).toContain(",user.created,user,");
  expect(records[1]).toContain(`${name} (${publicId})`);

  // The action alone: every row on the page is that action, and the export says the same.
  await filters.getByLabel("Target", { exact: true }).fill("");
  await filters.getByRole("button", { name: "Search" }).click();
  await expect(admin).not.toHaveURL(/target=CSR/);
  await expect(rows.first()).toBeVisible();
  for (const action of await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute("data-action")))) expect(action).toBe("user.created");
  const all = await admin.request.get((await filters.getByTestId("audit-export").getAttribute("href")) ?? "");
  expect(all.status()).toBe(200);
  expect(all.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(all.headers()["content-disposition"]).toMatch(/^attachment; filename="audit-log-/);
  const exported = (await all.text()).split("\r\n").filter(Boolean).slice(1);
  expect(exported.length).toBeGreaterThan(0);
  for (const record of exported) expect(record).toContain(",user.created,user,");

  // Opening the target from the log.
  await admin.goto(`/admin/audit?action=user.created&target=${publicId}`);
  await rows.first().getByRole("link", { name: `${name} (${publicId})` }).click();
  await expect(admin).toHaveURL(new RegExp(`/admin/users\\?q=${publicId}$`));
  await expect(admin.locator(`[data-testid="user-row"][data-email="${email}"]:visible`)).toBeVisible();
});

test("the audit log and its export are for admins only", async ({ page }) => {
  await signInAs(page, demo.support, DEMO_PASSWORD, "/support");
  await expect(page.getByRole("link", { name: "Audit log" })).toHaveCount(0);
  const refused = await page.request.get("/api/admin/audit/export");
  expect(refused.status()).toBe(403);
  const response = await page.goto("/admin/audit");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
});
