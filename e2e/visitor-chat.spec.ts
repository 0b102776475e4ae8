import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { demo } from "./helpers";
import { signedInPage } from "./signed-in";
import { e2eServer, expectAvailability, openVisitorFromQueue, openWidget, prepareWidget, startChat } from "./visitor-helpers";

// One CS rep's console decides whether the widget is online, so these journeys take turns.
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await prepareWidget();
});

async function visitorPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

async function supportConsole(browser: Browser): Promise<Page> {
  const page = await signedInPage(browser, demo.support, "/support");
  await page.goto("/support/visitors");
  await expect(page.getByRole("heading", { name: "Visitors", level: 1 })).toBeVisible();
  return page;
}

test("a visitor on the home page and a CS rep chat live both ways, the conversation survives a reload, and the CS rep converts the visitor into a student who finds it in their inbox", async ({ browser, request }) => {
  const rep = await supportConsole(browser);
  await expectAvailability(request, true);

  const name = `Vera ${Date.now().toString(36)}`;
  const email = `${name.replace(" ", ".").toLowerCase()}@example.com`;
  const badge = rep.getByTestId("visitors-badge").filter({ visible: true });
  const waitingBefore = (await badge.count()) > 0 ? Number(await badge.getAttribute("data-count")) : 0;

  const visitor = await visitorPage(browser);
  const widgetRequests: string[] = [];
  visitor.on("request", (r) => {
    if (/\/widget\/|\/api\/widget\//.test(new URL(r.url()).pathname)) widgetRequests.push(new URL(r.url()).pathname);
  });
  await visitor.goto("/");
  // Until the click the loader only draws its button: no panel, no API call, nothing but itself.
  await expect(visitor.getByRole("button", { name: "Open chat" })).toBeVisible();
  await visitor.waitForTimeout(1_000);
  expect(widgetRequests).toEqual([]);
  let panel = await openWidget(visitor);
  await startChat(panel, { name, email, question: "Do you help with statistics homework? <b>now</b>" });
  // Shown as text, never as markup.
  await expect(panel.getByText("Do you help with statistics homework? <b>now</b>")).toBeVisible();
  // The CS rep's Visitors badge counts the new visitor without a reload.
  await expect(badge).toHaveAttribute("data-count", String(waitingBefore + 1));

  // The queue updates live: no reload on the CS rep's side.
  await openVisitorFromQueue(rep, name);
  await expect(rep.getByTestId("visitor-details")).toContainText(email);
  await rep.getByTestId("claim-visitor").click();
  await expect(rep.getByTestId("claimed-by")).toBeVisible();
  await expect(panel.getByText(/You're chatting with /)).toBeVisible();

  // Typing and a message, CS rep → visitor.
  const repComposer = rep.getByTestId("visitor-composer-input");
  await repComposer.pressSequentially("Yes, we do", { delay: 30 });
  await expect(panel.getByText(/is typing…/)).toBeVisible();
  await repComposer.press("Enter");
  await expect(panel.getByText("Yes, we do")).toBeVisible();

  // Typing and a message, visitor → CS rep; the CS rep's reading shows as "Seen".
  const visitorComposer = panel.getByLabel("Message");
  await visitorComposer.pressSequentially("Great, it is due Friday", { delay: 30 });
  await expect(rep.getByTestId("visitor-typing")).toContainText(`${name} is typing…`);
  await visitorComposer.press("Enter");
  await expect(rep.getByTestId("visitor-message").filter({ hasText: "Great, it is due Friday" })).toBeVisible();
  await expect(panel.getByText("· Seen")).toBeVisible();

  // A reload keeps the conversation (the token lives in the panel's storage).
  await visitor.reload();
  panel = await openWidget(visitor);
  await expect(panel.getByText("Yes, we do")).toBeVisible();
  await expect(panel.getByText("Great, it is due Friday")).toBeVisible();

  // Conversion: the CS rep creates the account and hands over the one-time link.
  await rep.getByTestId("convert-visitor").click();
  const convert = rep.getByTestId("convert-dialog");
  await expect(convert.getByLabel("Email")).toHaveValue(email);
  await convert.getByRole("button", { name: "Create account" }).click();
  const link = await rep.getByTestId("set-password-link").innerText();
  expect(link).toContain("/set-password");
  await expect(panel.getByText("This conversation has moved to your account.")).toBeVisible();

  const student = await visitorPage(browser);
  await student.goto(link.trim());
  await student.getByLabel("New password", { exact: true }).fill("visitor-turned-student-1");
  await student.getByLabel("Confirm new password").fill("visitor-turned-student-1");
  await student.getByRole("button", { name: "Set password" }).click();
  await expect(student.getByTestId("password-reset-done")).toBeVisible();
  await student.getByLabel("Email").fill(email);
  await student.getByLabel("Password").fill("visitor-turned-student-1");
  await student.getByRole("button", { name: "Sign in" }).click();
  await expect(student).toHaveURL(/\/student$/);
  await student.goto("/messages");
  await student.getByTestId("inbox-row").filter({ hasText: "before sign-up" }).first().getByRole("link").first().click();
  await expect(student.getByTestId("message").filter({ hasText: "Do you help with statistics homework?" })).toBeVisible();
  await expect(student.getByTestId("message").filter({ hasText: "Yes, we do" })).toBeVisible();

  // Converting again is refused with a reason, never a second account.
  const again = await rep.request.post(`/api/visitor-sessions/${new URL(rep.url()).pathname.split("/").at(-1)}/convert`, { data: { fullName: name, email } });
  expect(again.status()).toBe(409);

  await Promise.all([rep.context().close(), visitor.context().close(), student.context().close()]);
});

test("with no CS rep online the widget takes the question with an email as an offline lead", async ({ browser, request }) => {
  await expectAvailability(request, false);
  const name = `Otto ${Date.now().toString(36)}`;
  const visitor = await visitorPage(browser, { width: 390, height: 844 });
  await visitor.goto("/");
  const panel = await openWidget(visitor);
  await expect(panel.getByText(/away/i).first()).toBeVisible();
  await startChat(panel, { name, question: "Can someone call me back about exam prep?" });
  // The email is required offline: said next to the field, nothing sent.
  await expect(panel.getByLabel("Email")).toHaveAttribute("aria-invalid", "true");
  await panel.getByLabel("Email").fill("otto@example.com");
  await panel.getByRole("button", { name: /Send message/ }).click();
  await expect(panel.getByText(/email you/i).first()).toBeVisible();

  const rep = await supportConsole(browser);
  await rep.getByRole("link", { name: /Offline leads/ }).click();
  await expect(rep.getByTestId("visitor-row").filter({ hasText: name })).toBeVisible();
  await Promise.all([rep.context().close(), visitor.context().close()]);
});

test("another website listed in WIDGET_ALLOWED_ORIGINS embeds the widget, and a site not listed can neither frame the panel nor call its API", async ({ browser, request }) => {
  const { widgetHostPort, appUrl } = e2eServer();
  if (!widgetHostPort || !appUrl) throw new Error("the e2e server names no widget host site");
  const rep = await supportConsole(browser);
  await expectAvailability(request, true);

  const name = `Hana ${Date.now().toString(36)}`;
  const visitor = await visitorPage(browser);
  // ?user= makes the host site sign its user's id, as its backend would.
  await visitor.goto(`http://localhost:${widgetHostPort}/?user=member-42`);
  const panel = await openWidget(visitor);
  await startChat(panel, { name, question: "I came from the bookshop" });
  await expect(panel.getByText("I came from the bookshop")).toBeVisible();
  const row = rep.getByTestId("visitor-row").filter({ hasText: name });
  await expect(row).toContainText(`localhost:${widgetHostPort}`);
  await expect(row.getByTestId("verified-mark")).toBeVisible();

  // The same site under an origin that is not listed.
  const stranger = await visitorPage(browser);
  await stranger.goto(`http://127.0.0.1:${widgetHostPort}/`);
  await stranger.getByRole("button", { name: "Open chat" }).click();
  const frame = stranger.frameLocator('iframe[title="Chat with us"]');
  await stranger.waitForTimeout(1500);
  await expect(frame.locator(".panel")).toHaveCount(0);
  const fetched = await stranger.evaluate(async (url) => {
    try {
      await fetch(`${url}/api/widget/availability`);
      return "read";
    } catch {
      return "blocked";
    }
  }, appUrl);
  expect(fetched).toBe("blocked");
  const refused = await request.post("/api/widget/sessions", { headers: { Origin: `http://127.0.0.1:${widgetHostPort}` }, data: { name: "X", question: "hi", clientMessageId: crypto.randomUUID() } });
  expect(refused.status()).toBe(403);

  await Promise.all([rep.context().close(), visitor.context().close(), stranger.context().close()]);
});
