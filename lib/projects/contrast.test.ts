import { describe, expect, it } from "vitest";
import { contrastProblem, contrastRatio, themeContrast } from "./contrast";

describe("contrast of label colours in both themes", () => {
  it("computes WCAG ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBeCloseTo(1, 5);
  });

  it.each([["#2563eb"], ["#9333ea"], ["#059669"], ["#d97706"], ["#64748b"]])("the default colour %s shows in both themes", (color) => {
    expect(themeContrast(color).every((result) => result.passes)).toBe(true);
    expect(contrastProblem(color)).toBeNull();
  });

  it.each<[string, string]>([
    ["#fdfdf0", "light"],
    ["#101010", "dark"],
    ["#facc15", "light"],
  ])("%s is too faint on the %s theme", (color, theme) => {
    expect(themeContrast(color).find((result) => !result.passes)?.theme).toBe(theme);
    expect(contrastProblem(color)).toMatch(new RegExp(`on the ${theme} theme`));
  });
});
