import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { CODE_PAGES, HIGH_HALF, foldToCodePage, type CodePage } from '../../../shared/receipts/code-page';
import { renderEscPos } from '../../../electron/services/printing/escpos';
import { decodeEscPos } from '../../../electron/services/printing/escpos-decode';
import { paymentReceipt } from '../../../shared/receipts/builders';
import { payment } from '../receipts/fixtures';

// Names as counters meet them: accents, typographic quotes, Arabic-script names in Latin
// transliteration. Each must print legibly in the printer's code page, never as garbage.

const ICONV: Record<CodePage, string> = { PC858_EURO: 'CP858', WPC1252: 'CP1252', PC437_USA: 'CP437' };

describe('code pages', () => {
  it('our tables are the code pages iconv-lite encodes (what node-thermal-printer sends)', () => {
    for (const cp of CODE_PAGES) {
      const bytes = Buffer.from(Array.from({ length: 128 }, (_, i) => 0x80 + i));
      expect(HIGH_HALF[cp]).toBe(iconv.decode(bytes, ICONV[cp]));
    }
  });

  const cases: [string, CodePage, string][] = [
    ['José Müller', 'PC858_EURO', 'José Müller'],
    ['ʿAbd al-Raḥmān ibn ʾIsḥāq', 'PC858_EURO', "'Abd al-Rahman ibn 'Ishaq"],
    ['Ṣalāḥ al-Dīn Yūsuf', 'PC858_EURO', 'Salah al-Din Yusuf'],
    ['Dian’s “kartu”', 'PC858_EURO', `Dian's "kartu"`],
    ['Dian’s “kartu”', 'WPC1252', 'Dian’s “kartu”'],
    ['Rp16.800 – €5', 'PC437_USA', 'Rp16.800 - EUR5'],
    ['Łukasz Øster', 'PC858_EURO', 'Lukasz Øster'],
    ['日本', 'PC858_EURO', '??'],
  ];
  for (const [input, cp, want] of cases) {
    it(`${input} in ${cp} → ${want}`, () => expect(foldToCodePage(input, cp)).toBe(want));
  }

  it('a receipt with such names selects the page, and the bytes decode back to the same letters', () => {
    const names = ['José Müller', 'ʿAbd al-Raḥmān', 'Dian’s “kartu”'];
    for (const cp of CODE_PAGES) {
      for (const name of names) {
        const bytes = renderEscPos(paymentReceipt({ ...payment, participantName: name }), { cpl: 48, charset: cp });
        const d = decodeEscPos(bytes);
        expect(d.codePages[0]).toBe({ PC858_EURO: 19, WPC1252: 16, PC437_USA: 0 }[cp]);
        const line = d.lines.find((l) => l.includes(foldToCodePage(name, cp)));
        expect(line, `${name} in ${cp}`).toBeDefined();
        // Decoded independently of our tables: iconv-lite reads the same bytes as the same text.
        const at = bytes.indexOf(iconv.encode(foldToCodePage(name, cp), ICONV[cp]));
        expect(at).toBeGreaterThan(0);
        expect(d.lines.join('\n')).not.toMatch(/[\u0080-\u009f\ufffd]/);
      }
    }
  });
});
