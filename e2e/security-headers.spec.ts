import { type APIResponse } from "@playwright/test";
import { expect, test } from "./fixtures";
import { demo, fillCommonRequest, pdf, submitRequest, textFile } from "./assignment-helpers";
import { signedInPage } from "./signed-in";

const downloadPolicy = "default-src 'none'; sandbox; frame-ancestors 'none'";

// Every value of a header as it came over the wire: a second Content-Security-Policy would show here.
const values = (response: APIResponse, name: string) => response.headersArray().filter((h) => h.name.toLowerCase() === name).map((h) => h.value);

test("a download keeps its own sandbox policy and arrives as a text attachment that is never sniffed or cached", async ({ browser }) => {
  test.setTimeout(300_000);
  // The demo student requests help with a file of their own, so the download is theirs to fetch.
  const page = await signedInPage(browser, demo.student, "/student");
  await fillCommonRequest(page, "Homework", "Sorting in JavaScript");
  await page.getByLabel("Number of problems").fill("2");
  await page.getByLabel("Files").setInputFiles([textFile("solution.js", "const sorted = [3, 1, 2].sort((a, b) => a - b);\n"), pdf("brief.pdf")]);
  await submitRequest(page);

  // Code is kept as text that no OS runs on a double click.
  const code = page.getByRole("link", { name: "solution.js.txt" });
  await expect(code).toBeVisible();
  const download = await page.request.get((await code.getAttribute("href")) ?? "");
  expect(download.status()).toBe(200);
  expect(values(download, "content-security-policy")).toEqual([downloadPolicy]);
  expect(values(download, "content-type")).toEqual(["text/plain; charset=utf-8"]);
  expect(values(download, "x-content-type-options")).toEqual(["nosniff"]);
  expect(values(download, "x-frame-options")).toEqual(["DENY"]);
  expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="solution\.js\.txt"/);
  expect(download.headers()["cache-control"]).toContain("no-store");
  expect(await download.text()).toContain("sort((a, b) => a - b)");

  const brief = await page.request.get((await page.getByRole("link", { name: "brief.pdf" }).getAttribute("href")) ?? "");
  expect(brief.status()).toBe(200);
  expect(values(brief, "content-security-policy")).toEqual([downloadPolicy]);
  expect(values(brief, "content-type")).toEqual(["application/pdf"]);
  expect(brief.headers()["content-disposition"]).toMatch(/^attachment; filename="brief\.pdf"/);
});

test("pages carry the site's policy, and a refused download the download policy", async ({ request }) => {
  const login = await request.get("/login");
  expect(login.status()).toBe(200);
  expect(values(login, "content-security-policy")).toEqual(["frame-ancestors 'none'"]);
  expect(values(login, "x-frame-options")).toEqual(["DENY"]);
  expect(values(login, "x-content-type-options")).toEqual(["nosniff"]);
  expect(values(login, "referrer-policy")).toEqual(["strict-origin-when-cross-origin"]);
  expect(values(login, "x-powered-by")).toEqual([]);

  const anonymous = await request.get("/api/files/00000000-0000-4000-8000-000000000000");
  expect(anonymous.status()).toBe(401);
  expect(values(anonymous, "content-security-policy")).toEqual([downloadPolicy]);
  expect(values(anonymous, "x-content-type-options")).toEqual(["nosniff"]);
});

test("a cross-site post to a server action is refused with 403, never a server error", async ({ request, baseURL }) => {
  const action = { "Next-Action": "7f0000000000000000000000000000000000000000", "Content-Type": "text/plain;charset=UTF-8" };
  for (const origin of ["https://evil.example", "null"]) {
    const refused = await request.post("/login", { headers: { ...action, Origin: origin }, data: "[]" });
    expect(refused.status(), origin).toBe(403);
    expect(await refused.text()).toBe("Cross-site request refused");
  }
  // A form post without Next-Action is still a server action to Next (progressive enhancement).
  const form = await request.post("/student/assignments/new", { headers: { Origin: "https://evil.example" }, multipart: { title: "x" } });
  expect(form.status()).toBe(403);

  // The site's own origin passes the check: an unknown action is Next's to refuse, with a 4xx.
  const own = await request.post("/login", { headers: { ...action, Origin: new URL(baseURL ?? "").origin }, data: "[]" });
  expect(own.status()).not.toBe(403);
  expect(own.status()).toBeLessThan(500);
});
