import { expect, it } from "vitest";
import { progressPerFile } from "./submit-with-progress";

it("fills each file's bar in order as bytes go out", () => {
  expect(progressPerFile([100, 100], 0, 220)).toEqual([0, 0]);
  expect(progressPerFile([100, 100], 60, 220)).toEqual([0.5, 0]);
  expect(progressPerFile([100, 100], 160, 220)).toEqual([1, 0.5]);
  expect(progressPerFile([100, 100], 220, 220)).toEqual([1, 1]);
});

it("never reports more than done", () => {
  expect(progressPerFile([10], 500, 300)).toEqual([1]);
});
