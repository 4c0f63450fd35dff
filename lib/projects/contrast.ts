/**
 * Contrast of label colours against Glossa's page in both themes (WCAG 2 relative luminance).
 * An entity tag is drawn as a 2px underline and a tinted band in its type's colour, so the colour
 * is a non-text graphic: WCAG 1.4.11 asks 3:1 against the page behind it.
 */

/** The page backgrounds of the light and dark themes (app/globals.css `--page`). */
export const THEME_PAGES = { light: "#fbfaf7", dark: "#161513" } as const;
export type Theme = keyof typeof THEME_PAGES;

/** WCAG 1.4.11, non-text contrast. */
export const MIN_GRAPHIC_CONTRAST = 3;

/** The relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = parseInt(part, 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of two colours, 1–21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

export interface ThemeContrast {
  theme: Theme;
  /** Rounded to one decimal, as shown to the Manager. */
  ratio: number;
  passes: boolean;
}

/** The colour's contrast against the page in each theme, and whether each reaches 3:1. */
export function themeContrast(color: string): ThemeContrast[] {
  return (Object.keys(THEME_PAGES) as Theme[]).map((theme) => {
    const ratio = contrastRatio(color, THEME_PAGES[theme]);
    return { theme, ratio: Math.floor(ratio * 10) / 10, passes: ratio >= MIN_GRAPHIC_CONTRAST };
  });
}

/** Why a colour is refused (null: it reads in both themes), as the Manager is told. */
export function contrastProblem(color: string): string | null {
  const failing = themeContrast(color).filter((result) => !result.passes);
  if (failing.length === 0) return null;
  const where = failing.map((result) => `${result.ratio}:1 on the ${result.theme} theme`).join(" and ");
  return `${color} is too faint to see (${where}; tags need 3:1): choose a ${failing[0]!.theme === "dark" ? "lighter" : "darker"} colour.`;
}
