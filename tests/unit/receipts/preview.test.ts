import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { ReceiptPreview } from '../../../renderer/components/ReceiptPreview';
import { paymentReceipt } from '../../../shared/receipts/builders';
import { payment } from './fixtures';

describe('ReceiptPreview', () => {
  it('shows the receipt as monospace lines with an accessible name and the QR as an image', () => {
    const html = renderToStaticMarkup(createElement(ReceiptPreview, { doc: paymentReceipt({ ...payment, copy: true }), cpl: 32, label: 'Pratinjau struk' }));
    expect(html).toMatch(/<figure[^>]*aria-label="Pratinjau struk"/);
    expect(html).toContain('3201**********01');
    expect(html).toMatch(/TOTAL +Rp25\.200/);
    expect(html.match(/SALINAN/g)).toHaveLength(2);
    expect(html).toMatch(/<svg[^>]*role="img"[^>]*aria-label="QR KRW02-20260110-000123"/);
    expect(html).toContain('monospace');
    expect(html).not.toContain('<script');
  });

  it('escapes receipt text instead of injecting it as HTML', () => {
    const html = renderToStaticMarkup(createElement(ReceiptPreview, {
      doc: { blocks: [{ type: 'text', text: '<img src=x onerror=alert(1)>' }] }, cpl: 48, label: 'x',
    }));
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img');
  });
});
