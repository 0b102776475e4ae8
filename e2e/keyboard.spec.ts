import { type Locator, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { pdf } from "./assignment-helpers";
import { registerStudent } from "./helpers";

// A student files a request with the keyboard alone: Tab and Enter to move and act, typing to fill.
// Nothing is clicked. Selects, the date field and the OS file dialog are driven on the focused
// control itself (Playwright cannot type into the OS dialog), after the keyboard has put focus there.

/** Presses Tab until `target` has focus; fails if it is not reachable within `max` presses. */
async function tabTo(page: Page, target: Locator, max = 80) {
  const element = await target.elementHandle();
  if (!element) throw new Error(`nothing matches ${target}`);
  for (let presses = 0; presses < max; presses += 1) {
    await page.keyboard.press("Tab");
    if (await element.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${target} was not reached with ${max} presses of Tab`);
}

/** The outline and shadow of the control and of what draws its focus (its labels, its nearest wrappers), and whether each is on screen. */
function focusStyles(control: Locator) {
  return control.evaluate((input) => {
    const candidates: Element[] = [input, ...Array.from((input as HTMLInputElement).labels ?? [])];
    for (let parent = input.parentElement, depth = 0; parent && depth < 3; parent = parent.parentElement, depth += 1) candidates.push(parent);
    return candidates.map((element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 ? `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}` : "none";
      return { visible: box.width >= 16 && box.height >= 16, look: `${outline} | ${style.boxShadow}` };
    });
  });
}

test("a student files a request with the keyboard alone", async ({ browser }) => {
  test.setTimeout(300_000);
  const { page, context } = await registerStudent(browser, "Kai Keyboard");
  await page.setViewportSize({ width: 1280, height: 800 });

  // From the student's home to the request form, through the navigation.
  await tabTo(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Assignments", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/student\/assignments$/);
  await tabTo(page, page.getByRole("main").getByRole("link", { name: /new request|request new assignment|request help/i }).first());
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/student\/assignments\/new$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  // Sent empty: focus moves to the summary of what is wrong, on screen.
  const submit = page.getByRole("button", { name: "Submit request" });
  await tabTo(page, submit, 120);
  await page.keyboard.press("Enter");
  const summary = page.getByTestId("error-summary");
  await expect(summary).toBeFocused();
  await expect(summary).toBeInViewport();
  await expect(summary).toContainText(/title/i);

  // Filled in, field by field.
  await tabTo(page, page.getByLabel("Service", { exact: true }));
  await page.locator(":focus").selectOption({ label: "Homework" });
  await tabTo(page, page.getByLabel("Title", { exact: true }));
  await page.keyboard.type("Keyboard only: limits and continuity");
  await tabTo(page, page.getByLabel("Subject", { exact: true }));
  await page.keyboard.type("Calculus");
  await tabTo(page, page.getByLabel("Instructions", { exact: true }));
  await page.keyboard.type("Five problems on limits; show every step so I can follow the method.");
  await tabTo(page, page.getByLabel("Due date", { exact: true }));
  await page.locator(":focus").fill("2031-05-20T17:00");
  await tabTo(page, page.getByLabel("Number of problems", { exact: true }));
  await page.keyboard.type("5");

  // The file picker: its focus must show (the input itself is visually hidden).
  const picker = page.getByLabel("Files", { exact: true });
  const before = await focusStyles(picker);
  await tabTo(page, picker);
  const after = await focusStyles(picker);
  const shown = after.filter((candidate, index) => candidate.visible && candidate.look !== before[index]?.look && candidate.look !== "none | none");
  expect(shown, `no visible focus indicator on the file picker; before: ${JSON.stringify(before)}, focused: ${JSON.stringify(after)}`).not.toEqual([]);
  await page.locator(":focus").setInputFiles([pdf("limits-brief.pdf", "Problems 1-5")]);
  await expect(page.getByText("limits-brief.pdf")).toBeVisible();

  await tabTo(page, submit);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/student\/assignments\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Keyboard only: limits and continuity");
  await context.close();
});
