/**
 * Text and outline colours of the workspaces that read at 4.5:1 on white: Mantine's green 9
 * (4.4:1) and orange 9 (4.3:1) fall just short, so those two are darker shades of their own.
 */
export const TONE = {
  green: '#1f6b32',
  orange: '#9c3a06',
  red: 'red.9',
  blue: 'blue.9',
  grey: 'gray.8',
  indigo: 'indigo.8',
} as const;
