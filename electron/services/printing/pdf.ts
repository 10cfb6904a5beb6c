import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { layoutLines, placeLine, type ReceiptDoc } from '../../../shared/receipts/layout';
import { asciiDoc } from '../../../shared/receipts/ascii';

// ReceiptDoc → PDF, for a receipt the worker wants by e-mail and for the closing report's
// archive copy. Courier (a PDF base font, no file to ship) keeps the columns of the paper slip.

export interface PdfOptions {
  cpl: number;
  /** Document title in the PDF's metadata. */
  title?: string;
  /** Base font size in points (default 9). */
  fontSize?: number;
}

const MARGIN = 14;
const MAX_PAGE_HEIGHT = 842; // A4 height: a long report continues on the next page

export async function renderPdf(receipt: ReceiptDoc, opts: PdfOptions): Promise<Buffer> {
  const size = opts.fontSize ?? 9;
  const charW = size * 0.6; // Courier advance width is 600/1000 em
  const lineH = size * 1.25;
  const qrSide = Math.min(opts.cpl * charW * 0.45, 110);
  const lines = layoutLines(asciiDoc(receipt), opts.cpl);
  const qrImages = new Map<string, Buffer>();
  for (const l of lines) {
    if (l.kind === 'qr' && !qrImages.has(l.data)) {
      qrImages.set(l.data, await QRCode.toBuffer(l.data, { type: 'png', errorCorrectionLevel: 'M', margin: 1, scale: 4 }));
    }
  }
  const heightOf = (l: (typeof lines)[number]): number =>
    l.kind === 'text' ? lineH * (l.size === 'double' ? 2 : 1)
      : l.kind === 'qr' ? qrSide + lineH / 2
        : l.kind === 'feed' ? lineH * l.lines
          : lineH; // cut: a dashed rule
  const contentH = lines.reduce((s, l) => s + heightOf(l), 0);
  const pageW = opts.cpl * charW + MARGIN * 2;
  const pageH = Math.min(contentH + MARGIN * 2, MAX_PAGE_HEIGHT);

  const pdf = new PDFDocument({ size: [pageW, pageH], margin: MARGIN, info: { Title: opts.title ?? 'Loket', Producer: 'Loket' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => {
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });

  let y = MARGIN;
  for (const l of lines) {
    const h = heightOf(l);
    if (y + h > pageH - MARGIN && y > MARGIN) {
      pdf.addPage({ size: [pageW, pageH], margin: MARGIN });
      y = MARGIN;
    }
    if (l.kind === 'text') {
      const double = l.size === 'double';
      const cols = double ? Math.floor(opts.cpl / 2) : opts.cpl;
      pdf.font(l.bold ? 'Courier-Bold' : 'Courier').fontSize(double ? size * 2 : size);
      pdf.text(placeLine(l.text, l.align, cols), MARGIN, y, { lineBreak: false });
    } else if (l.kind === 'qr') {
      pdf.image(qrImages.get(l.data)!, (pageW - qrSide) / 2, y, { width: qrSide, height: qrSide });
    } else if (l.kind === 'cut') {
      pdf.save().dash(3, { space: 3 }).moveTo(MARGIN, y + lineH / 2).lineTo(pageW - MARGIN, y + lineH / 2).stroke().undash().restore();
    }
    y += h;
  }
  pdf.end();
  await ended;
  return Buffer.concat(chunks);
}

/** Renders and writes the PDF; returns the path written. */
export async function writePdf(receipt: ReceiptDoc, file: string, opts: PdfOptions): Promise<string> {
  const bytes = await renderPdf(receipt, opts);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, bytes);
  return file;
}
