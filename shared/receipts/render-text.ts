import { layoutLines, placeLine, type ReceiptDoc } from './layout';

// Plain text at an exact width: the preview's fallback, logs, the `.txt` beside a file
// printer's output, and what tests compare with the virtual printer's decoded bytes.

export interface TextRenderOptions {
  /** Characters per line (32 for 58 mm, 48 for 80 mm). */
  cpl: number;
  /** Show the cut as a dashed marker line (default true). */
  showCuts?: boolean;
}

export const QR_PLACEHOLDER = (data: string): string => `[QR ${data}]`;
export const CUT_MARKER = '- - - - potong - - - -';

/** One string per line, each exactly `cpl` characters wide (a QR placeholder is clipped to fit). */
export function renderTextLines(doc: ReceiptDoc, opts: TextRenderOptions): string[] {
  const { cpl } = opts;
  const out: string[] = [];
  for (const line of layoutLines(doc, cpl)) {
    switch (line.kind) {
      case 'text':
        out.push(placeLine(line.text, line.align, cpl));
        break;
      case 'qr':
        out.push(placeLine(QR_PLACEHOLDER(line.data).slice(0, cpl), 'center', cpl));
        break;
      case 'feed':
        for (let i = 0; i < line.lines; i++) out.push(' '.repeat(cpl));
        break;
      case 'cut':
        if (opts.showCuts ?? true) out.push(placeLine(CUT_MARKER.slice(0, cpl), 'center', cpl));
        break;
    }
  }
  return out;
}

/** The text lines joined with newlines, trailing spaces trimmed (for files and logs). */
export function renderText(doc: ReceiptDoc, opts: TextRenderOptions): string {
  return renderTextLines(doc, opts).map((l) => l.trimEnd()).join('\n') + '\n';
}
