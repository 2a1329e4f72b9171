import { darken, luminance, type MantineTheme } from '@mantine/core';

/** WCAG 2.1 AA for text of normal size. */
export const AA = 4.5;

export function contrast(first: string, second: string): number {
  const [light, dark] = [luminance(first), luminance(second)].sort((a, b) => b - a) as [
    number,
    number,
  ];
  return (light + 0.05) / (dark + 0.05);
}

/** The colour darkened, a step at a time, until it reads at `AA` against every background. */
function darkenUntilReadable(colour: string, backgrounds: string[]): string {
  for (let amount = 0; amount < 1; amount += 0.02) {
    const candidate = amount === 0 ? colour : darken(colour, amount);
    if (backgrounds.every((background) => contrast(candidate, background) >= AA)) return candidate;
  }
  return '#000000';
}

/**
 * The light scheme's colour variables, made to read at 4.5:1 once for every colour of the theme,
 * so no page has to pick a darker shade by hand. Mantine's own choices fail for most hues: text
 * in `c="green"` is green 7 (2.8:1 on white), a light badge writes shade 9 on shade 1 (orange
 * 3.6:1), an outline badge writes shade 7 on white, a filled one white on shade 7 (red 3.8:1).
 * Each keeps its hue and is darkened only as far as it must be:
 * - `text` and `outline` read on white and on the colour's light tint (shade 1), where they sit
 *   in alerts and light badges;
 * - `light-color` is the text of light badges and buttons, on that tint;
 * - `filled` carries white text (filled buttons and badges), `filled-hover` a little darker.
 */
export function readableColourVariables(theme: MantineTheme): Record<string, string> {
  const primaryShade =
    typeof theme.primaryShade === 'number' ? theme.primaryShade : theme.primaryShade.light;
  const variables: Record<string, string> = {};
  for (const [name, shades] of Object.entries(theme.colors)) {
    const tint = shades[1];
    const base = shades[primaryShade];
    const text = darkenUntilReadable(base, ['#ffffff', tint]);
    const lightText = darkenUntilReadable(shades[9], [tint]);
    const filled = darkenUntilReadable(base, ['#ffffff']);
    variables[`--mantine-color-${name}-text`] = text;
    variables[`--mantine-color-${name}-outline`] = text;
    variables[`--mantine-color-${name}-light-color`] = lightText;
    variables[`--mantine-color-${name}-filled`] = filled;
    variables[`--mantine-color-${name}-filled-hover`] = darken(filled, 0.1);
  }
  return variables;
}

/**
 * Badges size to their text instead of cutting it short ("IN PRO…" in a narrow column): never
 * narrower than their longest word, and on a second line rather than clipped when even that is
 * too wide for where they sit.
 */
export const BADGE_FITS_ITS_TEXT = {
  root: { height: 'auto', minHeight: 'var(--badge-height)', minWidth: 'min-content' },
  label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.25 },
} as const;
