import type { BranchInput } from './branches';

// Pos Indonesia offices the seed generator uses for "other branches" (codes are the offices'
// postal codes; regencies are Kemendagri codes). Illustrative data for standings, not a registry.
// 64400 (KCU Nganjuk) is left out: it is the demo's own branch (electron/demo/seed.ts).

export const SEED_BRANCHES: BranchInput[] = [
  { code: '41300', name: 'KCU Karawang', provinceCode: '32', regencyCode: '32.15' },
  { code: '42100', name: 'KC Serang', provinceCode: '36', regencyCode: '36.73' },
  { code: '50500', name: 'KC Ungaran', provinceCode: '33', regencyCode: '33.22' },
  { code: '50700', name: 'KC Salatiga', provinceCode: '33', regencyCode: '33.73' },
  { code: '10000', name: 'KCU Jakarta Pusat', provinceCode: '31', regencyCode: '31.71' },
  { code: '60000', name: 'KCU Surabaya', provinceCode: '35', regencyCode: '35.78' },
  { code: '50000', name: 'KCU Semarang', provinceCode: '33', regencyCode: '33.74' },
  { code: '20000', name: 'KCU Medan', provinceCode: '12', regencyCode: '12.71' },
  { code: '90000', name: 'KCU Makassar', provinceCode: '73', regencyCode: '73.71' },
  { code: '80000', name: 'KCU Denpasar', provinceCode: '51', regencyCode: '51.71' },
  { code: '99000', name: 'KCU Jayapura', provinceCode: '91', regencyCode: '91.71' },
  { code: '78000', name: 'KC Pontianak', provinceCode: '61', regencyCode: '61.71' },
  { code: '55000', name: 'KCU Yogyakarta', provinceCode: '34', regencyCode: '34.71' },
  { code: '65100', name: 'KC Malang', provinceCode: '35', regencyCode: '35.73' },
  { code: '30100', name: 'KC Palembang', provinceCode: '16', regencyCode: '16.71' },
  { code: '25000', name: 'KC Padang', provinceCode: '13', regencyCode: '13.71' },
  { code: '28100', name: 'KC Pekanbaru', provinceCode: '14', regencyCode: '14.71' },
  { code: '35100', name: 'KC Bandar Lampung', provinceCode: '18', regencyCode: '18.71' },
  { code: '23000', name: 'KC Banda Aceh', provinceCode: '11', regencyCode: '11.71' },
  { code: '70000', name: 'KC Banjarmasin', provinceCode: '63', regencyCode: '63.71' },
  { code: '75100', name: 'KC Samarinda', provinceCode: '64', regencyCode: '64.72' },
  { code: '95000', name: 'KC Manado', provinceCode: '71', regencyCode: '71.71' },
  { code: '97000', name: 'KC Ambon', provinceCode: '81', regencyCode: '81.71' },
  { code: '83000', name: 'KC Mataram', provinceCode: '52', regencyCode: '52.71' },
  { code: '85000', name: 'KC Kupang', provinceCode: '53', regencyCode: '53.71' },
  { code: '15000', name: 'KC Tangerang', provinceCode: '36', regencyCode: '36.71' },
  { code: '16100', name: 'KC Bogor', provinceCode: '32', regencyCode: '32.71' },
  { code: '45100', name: 'KC Cirebon', provinceCode: '32', regencyCode: '32.74' },
  { code: '57100', name: 'KC Surakarta', provinceCode: '33', regencyCode: '33.72' },
  { code: '68100', name: 'KC Jember', provinceCode: '35', regencyCode: '35.09' },
  { code: '73100', name: 'KC Palangka Raya', provinceCode: '62', regencyCode: '62.71' },
  { code: '96100', name: 'KC Gorontalo', provinceCode: '75', regencyCode: '75.71' },
  { code: '98300', name: 'KC Manokwari', provinceCode: '92', regencyCode: '92.02' },
  { code: '29100', name: 'KC Tanjung Pinang', provinceCode: '21', regencyCode: '21.72' },
  { code: '33100', name: 'KC Pangkal Pinang', provinceCode: '19', regencyCode: '19.71' },
  { code: '36100', name: 'KC Jambi', provinceCode: '15', regencyCode: '15.71' },
  { code: '38200', name: 'KC Bengkulu', provinceCode: '17', regencyCode: '17.71' },
  { code: '93000', name: 'KC Kendari', provinceCode: '74', regencyCode: '74.71' },
  { code: '94000', name: 'KC Palu', provinceCode: '72', regencyCode: '72.71' },
  { code: '76100', name: 'KC Balikpapan', provinceCode: '64', regencyCode: '64.71' },
];

export const FIRST_NAMES = [
  'Agus', 'Budi', 'Siti', 'Dewi', 'Rina', 'Joko', 'Wahyu', 'Sri', 'Ahmad', 'Nur', 'Putu', 'Made', 'Yohanes', 'Maria',
  'Hendra', 'Lestari', 'Eko', 'Fitri', 'Rudi', 'Ani', 'Bambang', 'Wati', 'Andi', 'Intan', 'Dedi', 'Yuli',
];
export const LAST_NAMES = [
  'Santoso', 'Wijaya', 'Saputra', 'Lestari', 'Hidayat', 'Pratama', 'Kurniawan', 'Rahayu', 'Nasution', 'Siregar',
  'Simanjuntak', 'Wibowo', 'Setiawan', 'Susanti', 'Gunawan', 'Hutapea', 'Tanjung', 'Lubis', 'Daeng', 'Manurung',
];
