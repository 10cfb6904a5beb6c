import { useMemo, type CSSProperties } from 'react';
import { create as createQr } from 'qrcode';
import { layoutLines, placeLine, type ReceiptDoc, type RenderLine } from '../../shared/receipts/layout';
import { CUT_MARKER } from '../../shared/receipts/render-text';

// The receipt as it will print, for the screen: the same layout (wrapping, columns, the
// SALINAN mark) as the paper, in a monospace column `cpl` characters wide.

type Props = {
  doc: ReceiptDoc;
  /** Characters per line of the counter's printer (32 or 48). */
  cpl: number;
  /** Accessible name, already translated (e.g. t('receipt.previewLabel')). */
  label: string;
  className?: string;
};

const paper: CSSProperties = { fontFamily: 'ui-monospace, "DejaVu Sans Mono", Consolas, monospace', display: 'inline-block', padding: '1ch', background: '#fff', color: '#000' };
const row: CSSProperties = { whiteSpace: 'pre', lineHeight: 1.25, margin: 0 };

/** A QR code as SVG squares (no image decoding, nothing inline that a CSP would refuse). */
function QrSvg({ data, side }: { data: string; side: string }) {
  const { size, cells } = useMemo(() => {
    const m = createQr(data, { errorCorrectionLevel: 'M' }).modules;
    const dark: Array<[number, number]> = [];
    for (let r = 0; r < m.size; r++) for (let c = 0; c < m.size; c++) if (m.get(r, c)) dark.push([r, c]);
    return { size: m.size, cells: dark };
  }, [data]);
  const box = size + 2; // one module of quiet zone on each side
  return (
    <svg role="img" aria-label={`QR ${data}`} viewBox={`0 0 ${box} ${box}`} width={side} height={side} shapeRendering="crispEdges">
      <rect x={0} y={0} width={box} height={box} fill="#fff" />
      {cells.map(([r, c]) => <rect key={`${r}-${c}`} x={c + 1} y={r + 1} width={1} height={1} fill="#000" />)}
    </svg>
  );
}

function Line({ line, cpl, index }: { line: RenderLine; cpl: number; index: number }) {
  switch (line.kind) {
    case 'text': {
      const double = line.size === 'double';
      const text = placeLine(line.text, line.align, double ? Math.floor(cpl / 2) : cpl);
      const style: CSSProperties = { ...row, fontWeight: line.bold ? 700 : 400, fontSize: double ? '2em' : undefined };
      return <div data-line={index} style={style}>{text}</div>;
    }
    case 'qr':
      return <div style={{ textAlign: 'center', padding: '0.5em 0' }}><QrSvg data={line.data} side={`${Math.round(cpl * 0.4)}ch`} /></div>;
    case 'feed':
      return <div aria-hidden="true" style={row}>{'\n'.repeat(Math.max(0, line.lines - 1)) + ' '}</div>;
    case 'cut':
      return <div aria-hidden="true" style={{ ...row, color: '#888' }}>{placeLine(CUT_MARKER.slice(0, cpl), 'center', cpl)}</div>;
  }
}

export function ReceiptPreview({ doc, cpl, label, className }: Props) {
  const lines = useMemo(() => layoutLines(doc, cpl), [doc, cpl]);
  return (
    <figure className={`receipt-preview${className ? ` ${className}` : ''}`} aria-label={label} style={{ margin: 0 }}>
      <div style={paper}>
        {lines.map((line, i) => <Line key={i} line={line} cpl={cpl} index={i} />)}
      </div>
    </figure>
  );
}
