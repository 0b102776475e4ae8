import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, demo, signInAs } from "./helpers";

const cases = [
  { email: demo.student, home: "/student", refused: ["/admin", "/admin/users", "/support", "/teacher"] },
  { email: demo.teacher, home: "/teacher", refused: ["/admin/users", "/support", "/student"] },
  { email: demo.support, home: "/support", refused: ["/admin", "/teacher"] },
  { email: demo.admin, home: "/admin", refused: ["/student", "/support"] },
];

for (const { email, home, refused } of cases) {
  test(`${email} is refused other roles' areas with 403`, async ({ page }) => {
    await signInAs(page, email, DEMO_PASSWORD, home);
    for (const path of refused) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();
    }
  });
}

test("the notification summary needs a session", async ({ request }) => {
  const response = await request.get("/api/notifications/summary");
  expect(response.status()).toBe(401);
});
