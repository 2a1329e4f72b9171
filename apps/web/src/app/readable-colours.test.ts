import { createTheme, DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { AA, contrast, readableColourVariables } from './readable-colours';

const theme = mergeMantineTheme(
  DEFAULT_THEME,
  createTheme({ primaryColor: 'indigo', primaryShade: { light: 7, dark: 5 } }),
);
const variables = readableColourVariables(theme);
const colours = Object.entries(theme.colors).map(([name, shades]) => ({ name, tint: shades[1] }));
const variable = (name: string, kind: string) => variables[`--mantine-color-${name}-${kind}`] ?? '';

describe('readableColourVariables', () => {
  it.each(colours)('writes $name text that reads at 4.5:1 on white and on its tint', (colour) => {
    for (const kind of ['text', 'outline']) {
      expect(contrast(variable(colour.name, kind), '#ffffff')).toBeGreaterThanOrEqual(AA);
      expect(contrast(variable(colour.name, kind), colour.tint)).toBeGreaterThanOrEqual(AA);
    }
    expect(contrast(variable(colour.name, 'light-color'), colour.tint)).toBeGreaterThanOrEqual(AA);
  });

  it.each(colours)('fills $name so that white text on it reads at 4.5:1', (colour) => {
    expect(contrast('#ffffff', variable(colour.name, 'filled'))).toBeGreaterThanOrEqual(AA);
  });

  it('keeps a colour that already reads as it is', () => {
    // White on indigo 7 is about 5:1: the primary colour is not darkened.
    expect(variable('indigo', 'filled')).toBe(theme.colors.indigo?.[7]);
  });
});
