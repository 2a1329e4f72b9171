import { Textarea, type TextareaProps } from '@mantine/core';

/**
 * A text box that grows with what is typed, by the browser's own `field-sizing: content`:
 * Mantine's `autosize` measures a hidden copy in a layout effect on every render, a forced
 * layout of the whole page when the box first appears with it (20-55 ms on the KPI page).
 * Browsers without field-sizing keep `minRows` lines, and the box can be resized by hand.
 */
export function GrowingTextarea({
  minRows = 2,
  ...props
}: Omit<TextareaProps, 'autosize' | 'maxRows'> & { minRows?: number }) {
  return (
    <Textarea
      rows={minRows}
      resize="vertical"
      {...props}
      styles={{
        input: {
          fieldSizing: 'content',
          minHeight: `calc(${minRows}lh + 2 * var(--input-padding-y) + 2px)`,
          maxHeight: '60vh',
        },
      }}
    />
  );
}
