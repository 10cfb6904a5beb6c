import PDFDocument from 'pdfkit';
import type { MonitoringOverview } from '../../../shared/contract/monitoring';
import type { Table } from './report-tables';

// The monitoring view as an A4 PDF with pdfkit: title, a bar chart of the daily registrations
// with the target's daily pace as a line (vector drawing, no image), then every table. Helvetica
// is a PDF base font: nothing to ship. Long tables continue on the next page with their header.

const MARGIN = 40;
const FONT = 8.5;
const ROW_H = 13;

type Doc = InstanceType<typeof PDFDocument>;

function drawChart(pdf: Doc, o: MonitoringOverview, y: number, labels: { registrations: string; pace: string }): number {
  const w = pdf.page.width - MARGIN * 2;
  const h = 110;
  const days = o.series;
  if (days.length === 0) return y;
  const max = Math.ceil(Math.max(1, o.targetPacePerDay, ...days.map((d) => d.registrations)));
  const step = w / days.length;
  pdf.save().lineWidth(0.5).strokeColor('#888888').rect(MARGIN, y, w, h).stroke().restore();
  pdf.save().fillColor('#d9822b');
  days.forEach((d, i) => {
    const bh = (d.registrations / max) * (h - 4);
    if (bh > 0) pdf.rect(MARGIN + i * step + step * 0.15, y + h - bh, Math.max(step * 0.7, 0.5), bh).fill();
  });
  pdf.restore();
  const paceY = y + h - (o.targetPacePerDay / max) * (h - 4);
  pdf.save().lineWidth(1).strokeColor('#1f5fbf').dash(4, { space: 3 }).moveTo(MARGIN, paceY).lineTo(MARGIN + w, paceY).stroke().undash().restore();
  pdf.font('Helvetica').fontSize(7).fillColor('#333333')
    .text(`${labels.registrations} (max ${max})   - - ${labels.pace}: ${o.targetPacePerDay}`, MARGIN, y + h + 3, { lineBreak: false });
  return y + h + 16;
}

function drawTable(pdf: Doc, table: Table, y: number): number {
  const width = pdf.page.width - MARGIN * 2;
  const weights = table.widths ?? table.columns.map(() => 1);
  const total = weights.reduce((a, b) => a + b, 0);
  const cols = weights.map((wt) => (wt / total) * width);
  const bottom = pdf.page.height - MARGIN;
  const row = (cells: (string | number | null)[], bold: boolean) => {
    let x = MARGIN;
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(FONT).fillColor('#000000');
    cells.forEach((c, i) => {
      pdf.text(c === null ? '–' : String(c), x + 2, y + 2, { width: cols[i] - 4, height: ROW_H, lineBreak: false, ellipsis: true });
      x += cols[i];
    });
    pdf.save().lineWidth(0.3).strokeColor('#bbbbbb').moveTo(MARGIN, y + ROW_H).lineTo(MARGIN + width, y + ROW_H).stroke().restore();
    y += ROW_H;
  };
  if (y + ROW_H * 3 > bottom) { pdf.addPage(); y = MARGIN; }
  pdf.font('Helvetica-Bold').fontSize(11).fillColor('#000000').text(table.title, MARGIN, y, { lineBreak: false });
  y += 16;
  row(table.columns, true);
  for (const r of table.rows) {
    if (y + ROW_H > bottom) { pdf.addPage(); y = MARGIN; row(table.columns, true); }
    row(r, false);
  }
  return y + 12;
}

export async function monitoringPdf(o: MonitoringOverview, tables: readonly Table[], text: {
  title: string; subtitle: string; registrations: string; pace: string;
}): Promise<Buffer> {
  const pdf = new PDFDocument({ size: 'A4', margin: MARGIN, info: { Title: text.title, Producer: 'Loket' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise<void>((resolve, reject) => { pdf.on('end', () => resolve()); pdf.on('error', reject); });

  pdf.font('Helvetica-Bold').fontSize(15).text(text.title, MARGIN, MARGIN, { lineBreak: false });
  pdf.font('Helvetica').fontSize(9).text(text.subtitle, MARGIN, MARGIN + 20, { width: pdf.page.width - MARGIN * 2 });
  let y = MARGIN + 42;
  y = drawChart(pdf, o, y, text);
  for (const t of tables) y = drawTable(pdf, t, y);
  pdf.end();
  await ended;
  return Buffer.concat(chunks);
}
