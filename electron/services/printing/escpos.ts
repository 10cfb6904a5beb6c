import { ThermalPrinter, PrinterTypes, BreakLine } from 'node-thermal-printer';
import { layoutLines, type Align, type ReceiptDoc, type TextSize } from '../../../shared/receipts/layout';
import { CODE_PAGES, codePageDoc, type CodePage } from '../../../shared/receipts/code-page';

// ReceiptDoc → ESC/POS bytes for EPSON-compatible printers. node-thermal-printer only builds
// the buffer here: it is constructed without an `interface`, so it cannot open anything, and
// the bytes go out through our own connection (connection.ts) with our own timeouts and errors.

export const CHARSETS = CODE_PAGES;
export type Charset = CodePage;

export interface EscPosOptions {
  /** Characters per line: 32 (58 mm) or 48 (80 mm), or what the printer's manual says. */
  cpl: number;
  /** Code page selected with ESC t; text the page lacks is transliterated (code-page.ts), the rest
   *  is encoded by node-thermal-printer (iconv-lite) as that page's bytes. */
  charset?: Charset;
  /** QR module size in dots (1–8); by default 5 on narrow paper and 6 on wide. */
  qrCellSize?: number;
  /** Kick the cash drawer (pin 2) at the start of the job. */
  openDrawer?: boolean;
}

/** ESC p 0 t1 t2: pulse drawer pin 2 for 50 ms on, 500 ms off. (The library's CD_KICK_2 omits t1/t2.) */
export const DRAWER_KICK = Buffer.from([0x1b, 0x70, 0x00, 0x19, 0xfa]);

/** ESC @: initialise (clears modes; the code page goes back to the default). */
const HW_INIT = Buffer.from([0x1b, 0x40]);

type Config = ConstructorParameters<typeof ThermalPrinter>[0];

function newPrinter(cpl: number): ThermalPrinter {
  // No `interface` on purpose (see the file comment); the typings insist on one.
  const config = { type: PrinterTypes.EPSON, width: cpl, breakLine: BreakLine.NONE } as unknown as Config;
  return new ThermalPrinter(config);
}

export function renderEscPos(doc: ReceiptDoc, opts: EscPosOptions): Buffer {
  const { cpl } = opts;
  const charset = opts.charset ?? 'PC858_EURO';
  const cellSize = opts.qrCellSize ?? (cpl <= 32 ? 5 : 6);
  if (!Number.isInteger(cellSize) || cellSize < 1 || cellSize > 8) throw new RangeError(`QR cell size must be 1..8, got ${cellSize}`);
  const lines = layoutLines(codePageDoc(doc, charset), cpl);
  const p = newPrinter(cpl);

  let align: Align = 'left';
  let bold = false;
  let size: TextSize = 'normal';
  const reset = (): void => {
    p.add(HW_INIT);
    p.setCharacterSet(charset);
    align = 'left';
    bold = false;
    size = 'normal';
  };
  const setAlign = (a: Align): void => {
    if (a === align) return;
    if (a === 'center') p.alignCenter();
    else if (a === 'right') p.alignRight();
    else p.alignLeft();
    align = a;
  };
  const setBold = (b: boolean): void => {
    if (b !== bold) p.bold(b);
    bold = b;
  };
  const setSize = (s: TextSize): void => {
    // GS ! leaves the bold bit alone (ESC ! would clear it).
    if (s !== size) p.setTextSize(s === 'double' ? 1 : 0, s === 'double' ? 1 : 0);
    size = s;
  };

  reset();
  if (opts.openDrawer) p.add(DRAWER_KICK);
  for (const line of lines) {
    switch (line.kind) {
      case 'text':
        setAlign(line.align);
        setSize(line.size);
        setBold(line.bold);
        // Trailing spaces would be sent for nothing; alignment is the printer's job.
        p.print(line.align === 'left' ? line.text.trimEnd() : line.text);
        p.newLine();
        break;
      case 'qr':
        setAlign('center');
        p.printQR(line.data, { cellSize, correction: 'M', model: 2 });
        break;
      case 'feed':
        for (let i = 0; i < line.lines; i++) p.newLine();
        break;
      case 'cut':
        p.cut();
        reset();
        break;
    }
  }
  return Buffer.from(p.getBuffer());
}
