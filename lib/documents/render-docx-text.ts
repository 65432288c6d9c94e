import { AlignmentType, TextRun } from 'docx';
import type { Align, Run, Text } from './content.ts';
import { nowrap } from './outline.ts';

export const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const satisfies Record<Align, unknown>;

/** Runs of a text; '\n' becomes a line break. Sizes in points. */
export function runs(t: Text, base: Partial<Run> = {}): TextRun[] {
  const list: Run[] = typeof t === 'string' ? [{ text: t }] : t;
  return list.flatMap((r) =>
    (r.noWrap || base.noWrap ? nowrap(r.text) : r.text).split('\n').map(
      (line, i) =>
        new TextRun({
          text: line,
          break: i > 0 ? 1 : undefined,
          bold: r.bold ?? base.bold,
          italics: r.italics ?? base.italics,
          underline: r.underline ? {} : undefined,
          size: (r.size ?? base.size) ? Math.round((r.size ?? base.size)! * 2) : undefined,
        }),
    ),
  );
}
