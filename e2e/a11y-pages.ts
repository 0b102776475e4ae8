import { type Browser, type BrowserContext, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import * as navigation from "../components/portal/navigation";
import { desktop, expectAccessible, expectNoAxeProblems, phone } from "./a11y-check";
import { demo } from "./helpers";
import { issueInvoice } from "./invoice-helpers";
import { signInAndLand } from "./signed-in";

// Every page of every role, at 1280 px and 390 px: no critical or serious axe violation and no
// sideways scroll on a phone. One signed-in context per role; one test per page, so a failure names it.
// The roles are split over two spec files (a11y-staff, a11y-people) so both workers share the work.

export type RoleKey = "admin" | "cs_rep" | "teacher" | "student";

/** Called at the top of each a11y spec file (trace is a per-worker option, not a describe one). */
export function configurePageChecks() {
  // Contexts outlive single tests here; a failure's message (rule, target, overflow) says what to fix.
  test.use({ trace: "off" });
  // A first visit compiles the page on the dev server; an invoice may have to be issued first.
  test.describe.configure({ timeout: 300_000 });
}

/** Every href the shell's navigation lists for a role, whatever shape (flat or grouped) it has. */
function hrefsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => hrefsIn(item, into));
  else if (value && typeof value === "object") {
    const href = (value as { href?: unknown }).href;
    if (typeof href === "string" && href.startsWith("/")) into.add(href);
    Object.values(value).forEach((item) => hrefsIn(item, into));
  }
  return into;
}

function navigationHrefs(role: RoleKey): string[] {
  const exported = navigation as Record<string, unknown>;
  const forRole = (exported.navigationFor as Record<RoleKey, unknown> | undefined)?.[role];
  const account = exported.accountNavigation;
  return [...hrefsIn([forRole, account])];
}

/** Opens the first row of a list by clicking it, so the detail page has a real id. */
async function openFirstRow(page: Page, listPaths: string[], detailPattern: RegExp): Promise<string> {
  for (const listPath of listPaths) {
    await page.goto(listPath);
    // Lists render a table and a phone card list; only the layout on screen is clickable.
    const links = page.locator("main a[href]").filter({ visible: true });
    const firstMatch = async () => (await links.evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""))).findIndex((href) => detailPattern.test(href.split("?")[0] ?? ""));
    // A list may stream in after the page's heading: give its rows a moment before trying the next list.
    const index = await expect
      .poll(firstMatch, { timeout: 5_000 })
      .toBeGreaterThanOrEqual(0)
      .then(firstMatch, () => -1);
    if (index >= 0) {
      await links.nth(index).click();
      await expect(page).toHaveURL(detailPattern, { timeout: 60_000 });
      return new URL(page.url()).pathname;
    }
  }
  throw new Error(`no row linking to ${detailPattern} on ${listPaths.join(", ")}`);
}

const uuid = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const detail = (base: string) => new RegExp(`${base}/${uuid}$`);
const missingId = "00000000-0000-4000-8000-000000000000";

type Extra = { name: string; open: (page: Page, browser: Browser) => Promise<unknown> };

const roles: { key: RoleKey; label: string; email: string; home: string; extras: Extra[] }[] = [
  {
    key: "admin",
    label: "admin",
    email: demo.admin,
    home: "/admin",
    extras: [
      { name: "assignment detail", open: (page) => openFirstRow(page, ["/admin/assignments"], detail("/admin/assignments")) },
      { name: "visitor conversation", open: (page) => openFirstRow(page, ["/admin/visitors", "/admin/visitors?view=offline"], detail("/admin/visitors")) },
      { name: "invoice detail", open: (page, browser) => ensureStudentInvoice(browser).then(() => openFirstRow(page, ["/admin/invoices"], detail("/admin/invoices"))) },
      { name: "new invoice", open: (page) => page.goto("/admin/invoices/new") },
      { name: "404 in the portal", open: (page) => expectNotFound(page, `/admin/assignments/${missingId}`) },
      { name: "403 (another role's area)", open: (page) => expectForbidden(page, "/student") },
    ],
  },
  {
    key: "cs_rep",
    label: "CS rep",
    email: demo.support,
    home: "/support",
    extras: [
      { name: "assignment detail", open: (page) => openFirstRow(page, ["/support/assignments"], detail("/support/assignments")) },
      { name: "message thread", open: (page) => openFirstRow(page, ["/messages"], detail("/messages")) },
      // The demo seed leaves a visitor waiting and an offline lead.
      { name: "visitor conversation", open: (page) => openFirstRow(page, ["/support/visitors", "/support/visitors?view=offline"], detail("/support/visitors")) },
      { name: "visitor offline leads", open: (page) => page.goto("/support/visitors?view=offline") },
      { name: "invoice detail", open: (page, browser) => ensureStudentInvoice(browser).then(() => openFirstRow(page, ["/support/invoices"], detail("/support/invoices"))) },
      { name: "new invoice", open: (page) => page.goto("/support/invoices/new") },
      { name: "new meeting", open: (page) => page.goto("/meetings/new") },
      { name: "404 in the portal", open: (page) => expectNotFound(page, `/support/invoices/${missingId}`) },
      { name: "403 (another role's area)", open: (page) => expectForbidden(page, "/admin") },
    ],
  },
  {
    key: "teacher",
    label: "teacher",
    email: demo.teacher,
    home: "/teacher",
    extras: [
      {
        name: "assignment detail",
        open: (page) => openFirstRow(page, ["offers", "active", "delivered", "completed"].map((tab) => `/teacher/assignments?tab=${tab}`), detail("/teacher/assignments")),
      },
      ...["active", "delivered", "completed"].map((tab) => ({ name: `assignments, ${tab} tab`, open: (page: Page) => page.goto(`/teacher/assignments?tab=${tab}`) })),
      { name: "404 in the portal", open: (page) => expectNotFound(page, `/teacher/assignments/${missingId}`) },
      { name: "403 (another role's area)", open: (page) => expectForbidden(page, "/support") },
    ],
  },
  {
    key: "student",
    label: "student",
    email: demo.student,
    home: "/student",
    extras: [
      { name: "assignment detail", open: (page) => openFirstRow(page, ["/student/assignments"], detail("/student/assignments")) },
      { name: "invoice detail", open: (page, browser) => ensureStudentInvoice(browser).then(() => openFirstRow(page, ["/student/invoices"], detail("/student/invoices"))) },
      { name: "new request", open: (page) => page.goto("/student/assignments/new") },
      // The demo seed gives the student a call tomorrow, an invitation and last week's call.
      { name: "meeting detail", open: (page) => openFirstRow(page, ["/meetings"], detail("/meetings")) },
      { name: "meeting room before it opens", open: async (page) => {
        // Tomorrow's seeded call: the room journey may have a meeting of this student open right now.
        const meetingPath = await openFirstRow(page, ["/meetings?q=Walk+through+the+lab+report"], detail("/meetings"));
        await page.goto(`${meetingPath}/room`);
        await expect(page.getByTestId("room-closed")).toBeVisible();
      } },
      { name: "new meeting", open: (page) => page.goto("/meetings/new") },
      { name: "message thread", open: (page) => openFirstRow(page, ["/messages"], detail("/messages")) },
      { name: "new message dialog", open: async (page) => {
        await page.goto("/messages");
        await page.getByTestId("new-thread").click();
        await expect(page.getByRole("dialog")).toBeVisible();
      } },
      { name: "404 in the portal", open: (page) => expectNotFound(page, `/student/assignments/${missingId}`) },
      { name: "403 (another role's area)", open: (page) => expectForbidden(page, "/teacher") },
    ],
  },
];

/** The 404 page: a streamed page (one with a loading skeleton) keeps status 200, so its heading tells. */
async function expectNotFound(page: Page, path: string) {
  const response = await page.goto(path);
  if (response?.status() !== 404) await expect(page.getByRole("heading", { level: 1 })).toContainText(/not found/i);
}

async function expectForbidden(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers 403`).toBe(403);
}

async function expectPage(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), `${path} answers without an error`).toBeLessThan(400);
}

/**
 * Invoice pages need an issued invoice of the demo student. The demo seed issues two
 * (scripts/demo/seed-demo-invoices.ts); a database seeded before it has none, and then one is
 * drafted, submitted and approved for the student's first assignment.
 */
let invoiceReady: Promise<void> | undefined;
function ensureStudentInvoice(browser: Browser): Promise<void> {
  invoiceReady ??= (async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signInAndLand(page, demo.student, "/student");
    await page.goto("/student/invoices");
    const hrefs = await page.locator("main a[href]").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href") ?? ""));
    if (!hrefs.some((href) => detail("/student/invoices").test(href))) {
      const assignmentPath = await openFirstRow(page, ["/student/assignments"], detail("/student/assignments"));
      const { admin } = await issueInvoice(browser, "Accessibility check: tutoring hour", "40.00", { id: assignmentPath.split("/").pop() ?? "", email: demo.student });
      await admin.context().close();
    }
    await context.close();
  })();
  return invoiceReady;
}

/** Every page of one role's navigation and its extras, each a test. */
export function describeRolePages(key: RoleKey) {
  const role = roles.find((candidate) => candidate.key === key);
  if (!role) throw new Error(`no pages listed for ${key}`);
  test.describe(`pages of the ${role.label}`, () => {
    let context: BrowserContext;
    let page: Page;

    test.beforeAll(async ({ browser }: { browser: Browser }) => {
      context = await browser.newContext();
      page = await context.newPage();
      await signInAndLand(page, role.email, role.home);
    });
    test.afterAll(async () => {
      await context?.close();
    });

    for (const path of navigationHrefs(role.key)) {
      test(path, async () => {
        await expectPage(page, path);
        await expectAccessible(page, `${role.label} ${path}`);
      });
    }
    test("the shell's menus: drawer on a phone, bell and avatar menu on a desktop", async () => {
      await page.goto(role.home);
      await page.setViewportSize(phone);
      await page.getByRole("button", { name: /open (the )?(menu|navigation)/i }).click();
      await expect(page.getByRole("dialog")).toBeVisible();
      await expectNoAxeProblems(page, `${role.label} navigation drawer at 390 px`);
      await page.keyboard.press("Escape");
      await expect(page.getByRole("dialog")).toBeHidden();

      await page.setViewportSize(desktop);
      await page.getByRole("button", { name: /^Notifications/ }).click();
      await expect(page.getByRole("link", { name: /all notifications/i })).toBeVisible();
      await expectNoAxeProblems(page, `${role.label} notifications menu at 1280 px`);
      await page.keyboard.press("Escape");
      await page.getByRole("button", { name: /^Account menu/ }).click();
      await expect(page.getByRole("menuitem", { name: "Profile" })).toBeVisible();
      await expectNoAxeProblems(page, `${role.label} account menu at 1280 px`);
      await page.keyboard.press("Escape");
    });
    for (const extra of role.extras) {
      test(extra.name, async ({ browser }) => {
        await extra.open(page, browser);
        await expectAccessible(page, `${role.label} ${extra.name} (${new URL(page.url()).pathname})`);
      });
    }
  });
}

/** The pages anyone can open without signing in. */
export function describePublicPages() {
test.describe("public pages", () => {
  let context: BrowserContext;
  let page: Page;

  test.beforeAll(async ({ browser }: { browser: Browser }) => {
    context = await browser.newContext();
    page = await context.newPage();
  });
  test.afterAll(async () => {
    await context?.close();
  });

  for (const path of ["/", "/login", "/register", "/forgot-password", "/reset-password", "/verify-email", "/terms", "/privacy", "/contact"]) {
    test(path, async () => {
      await expectPage(page, path);
      await expectAccessible(page, `anonymous ${path}`);
    });
  }
  test("404", async () => {
    await expectNotFound(page, "/no-such-page");
    await expectAccessible(page, "anonymous 404");
  });
  test("403", async () => {
    const response = await page.goto("/forbidden");
    expect([200, 403]).toContain(response?.status());
    await expectAccessible(page, "anonymous 403");
  });
  test("sign-in with errors shown", async () => {
    await page.goto("/login");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Enter your email").first()).toBeVisible();
    await expectAccessible(page, "anonymous /login with field errors");
  });
});
}
