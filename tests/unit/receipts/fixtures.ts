import type { PaymentReceiptData, RegistrationReceiptData, VoidReceiptData } from '../../../shared/receipts/builders';
import type { ClosingReportData, TestPageData } from '../../../shared/receipts/builders-reports';

// One worker, three months of JKK + JKM at band 1 for January–March 2026, an ojek driver
// (transport), so PP 50/2025 halves JKK and JKM: 50.400 gross, 25.200 off, 25.200 to pay.

export const AT = '2026-01-10T03:30:00Z'; // 10:30 WIB

export const payment: PaymentReceiptData = {
  branchName: 'KCU Karawang 41300',
  counter: '2',
  teller: 'Siti Rahmawati',
  at: AT,
  zone: 'Asia/Jakarta',
  receiptNo: 'KRW02-20260110-000123',
  participantName: 'BUDI SANTOSO',
  kpj: '12345678901',
  nik: '3201234505800001',
  programs: [
    { code: 'JKK', dpp: 1_000_000, monthly: 10_000, amount: 30_000 },
    { code: 'JKM', dpp: 1_000_000, monthly: 6_800, amount: 20_400 },
  ],
  monthFrom: '2026-01',
  monthTo: '2026-03',
  reductions: [{ label: 'Keringanan PP 50/2025', amount: 25_200 }],
  total: 25_200,
  totalInWords: 'dua puluh lima ribu dua ratus rupiah',
  cashReceived: 50_000,
  change: 24_800,
};

export const registration: RegistrationReceiptData = {
  branchName: 'KCU Karawang 41300',
  counter: '2',
  teller: 'Siti Rahmawati',
  at: AT,
  zone: 'Asia/Jakarta',
  receiptNo: 'REG-KRW02-000045',
  participantName: 'SRI WAHYUNI',
  nik: '3215014708900002',
  kpj: null,
  birthDate: '1990-08-07',
  occupation: 'Pedagang pasar',
  address: 'Jl. Tuparev No. 12, Karawang Barat, Kabupaten Karawang, Jawa Barat',
  phone: '081234567890',
  programs: [
    { code: 'JKK', dpp: 2_000_000, monthly: 20_000, amount: 20_000 },
    { code: 'JKM', dpp: 2_000_000, monthly: 6_800, amount: 6_800 },
    { code: 'JHT', dpp: 2_000_000, monthly: 40_000, amount: 40_000 },
  ],
  monthlyContribution: 66_800,
  coverageStart: '2026-01-10',
};

export const voided: VoidReceiptData = {
  branchName: 'KCU Karawang 41300',
  counter: '2',
  teller: 'Siti Rahmawati',
  at: '2026-01-10T05:00:00Z',
  zone: 'Asia/Jakarta',
  receiptNo: 'VOID-KRW02-000007',
  originalReceiptNo: 'KRW02-20260110-000123',
  participantName: 'BUDI SANTOSO',
  nik: '3201234505800001',
  kpj: '12345678901',
  amount: 25_200,
  reason: 'Salah pilih jumlah bulan',
  approvedBy: 'Agus Prasetyo',
};

export const test: TestPageData = {
  printerName: 'EPSON TM-T82X',
  connection: 'tcp://192.168.1.50:9100',
  cpl: 48,
  at: AT,
  zone: 'Asia/Makassar',
  branchName: 'KCU Makassar',
  counter: '1',
};

export const closing: ClosingReportData = {
  branchName: 'KCU Karawang 41300',
  counter: '2',
  at: '2026-01-10T10:05:00Z',
  zone: 'Asia/Jakarta',
  closingNo: 'CLS-KRW02-20260110',
  businessDate: '2026-01-10',
  headName: 'Agus Prasetyo',
  denominations: [
    { value: 100_000, count: 3 },
    { value: 50_000, count: 1 },
    { value: 20_000, count: 0 },
    { value: 5_000, count: 2 },
    { value: 500, count: 4 },
  ],
  openingFloat: 200_000,
  expectedCash: 365_000,
  differenceReason: 'Kembalian kurang diberikan',
  perKind: [
    { kind: 'REGISTRATION', count: 4, amount: 0 },
    { kind: 'CONTRIBUTION', count: 7, amount: 190_000 },
    { kind: 'VOID', count: 1, amount: -25_200 },
    { kind: 'ADJUSTMENT', count: 1, amount: 200 },
  ],
  reconciliation: { matched: 11, onlyLocal: 1, onlyCentral: 0, different: 0, reconciled: false },
};
