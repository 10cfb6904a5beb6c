// Messages of the domain rules (shared/domain): NIK, KPJ, phone, contributions, coverage.
// Error texts say what is expected, so the teller can fix the field without asking.
export const domain = {
  id: {
    err: {
      month: { format: 'Bulan harus berbentuk TTTT-BB, misalnya 2026-11.' },
      rates: { noSchedule: 'Tidak ada tabel iuran untuk bulan {{month}}.' },
      contribution: {
        income: 'Penghasilan harus berupa angka rupiah bulat, tidak negatif.',
        band: 'Golongan {{band}} tidak ada; pilih golongan 1 sampai {{max}}.',
        bandOrIncome: 'Isi salah satu: golongan atau penghasilan yang dilaporkan.',
        noMonths: 'Pilih paling sedikit satu bulan yang dibayar.',
        duplicateMonth: 'Ada bulan yang dipilih dua kali.',
      },
      nik: {
        digits: 'NIK hanya boleh berisi angka.',
        length: 'NIK harus 16 angka; Anda mengetik {{length}}.',
        province: 'Kode provinsi {{code}} pada NIK tidak dikenal. Periksa dua angka pertama.',
        regency: 'Kode kabupaten/kota {{code}} pada NIK tidak dikenal. Periksa angka ke-3 dan ke-4.',
        district: 'Kode kecamatan {{code}} pada NIK tidak dikenal. Periksa angka ke-5 dan ke-6.',
        birthDate: 'Tanggal lahir pada NIK ({{digits}}) bukan tanggal yang mungkin. Angka ke-7 sampai ke-12 adalah tanggal, bulan, tahun (DDMMYY); untuk perempuan tanggal ditambah 40.',
        birthFuture: 'Tanggal lahir pada NIK ({{date}}) belum terjadi.',
        serial: 'Nomor urut NIK (4 angka terakhir) dimulai dari 0001, bukan 0000.',
      },
      kpj: {
        digits: 'Nomor KPJ hanya boleh berisi angka.',
        length: 'Nomor KPJ harus 11 angka; Anda mengetik {{length}}.',
      },
      phone: {
        required: 'Nomor HP wajib diisi.',
        chars: 'Nomor HP hanya boleh berisi angka (boleh diawali +).',
        country: 'Hanya nomor Indonesia (+62) yang diterima.',
        prefix: 'Nomor HP diawali 08, 62 atau +62.',
        mobile: 'Nomor HP seluler diawali 08 (atau +628).',
        length: 'Nomor HP harus {{min}}–{{max}} angka bila ditulis 08…; Anda mengetik {{length}}.',
      },
      occupation: { unknown: 'Pekerjaan tidak ada dalam daftar. Pilih dari daftar pekerjaan.' },
    },
    warn: {
      nik: {
        legacyPapua: 'Kode wilayah {{code}} adalah kode lama Papua/Papua Barat (NIK sebelum 2022). Pastikan NIK sesuai KTP.',
        birthDate: 'Tanggal lahir pada NIK ({{nikDate}}) berbeda dengan yang diketik ({{typedDate}}). Periksa KTP.',
        sexFemale: 'Menurut NIK, peserta perempuan (tanggal lahir ditambah 40). Periksa jenis kelamin.',
        sexMale: 'Menurut NIK, peserta laki-laki. Periksa jenis kelamin.',
        regency: 'NIK diterbitkan di kabupaten/kota {{nikCode}}, alamat di {{typedCode}}. Wajar bila peserta pindah; pastikan NIK sesuai KTP.',
      },
    },
    domain: {
      program: {
        JKK: 'Jaminan Kecelakaan Kerja (JKK)',
        JKM: 'Jaminan Kematian (JKM)',
        JHT: 'Jaminan Hari Tua (JHT)',
      },
      reduction: 'Keringanan {{regulation}}',
      band: 'Golongan {{band}}',
      sex: { M: 'Laki-laki', F: 'Perempuan' },
      coverage: {
        paidUntil: 'Terlindungi sampai {{month}}',
        none: 'Belum ada iuran dibayar',
        arrears: 'Tunggakan {{months}} bulan',
        lapsed: 'Kepesertaan berakhir: lebih dari 3 bulan berturut-turut tidak membayar. Daftar ulang atau aktifkan kembali.',
        due: 'Jatuh tempo {{date}}',
      },
    },
  },
  en: {
    err: {
      month: { format: 'A month is written YYYY-MM, e.g. 2026-11.' },
      rates: { noSchedule: 'There is no contribution table for {{month}}.' },
      contribution: {
        income: 'Income must be a whole, non-negative rupiah amount.',
        band: 'Band {{band}} does not exist; choose band 1 to {{max}}.',
        bandOrIncome: 'Fill in one of: band or declared income.',
        noMonths: 'Choose at least one month to pay.',
        duplicateMonth: 'A month was chosen twice.',
      },
      nik: {
        digits: 'A NIK may contain digits only.',
        length: 'A NIK has 16 digits; you typed {{length}}.',
        province: 'Province code {{code}} in the NIK is unknown. Check the first two digits.',
        regency: 'Regency/city code {{code}} in the NIK is unknown. Check digits 3 and 4.',
        district: 'District code {{code}} in the NIK is unknown. Check digits 5 and 6.',
        birthDate: 'The birth date in the NIK ({{digits}}) is not a possible date. Digits 7 to 12 are DDMMYY; for women the day is increased by 40.',
        birthFuture: 'The birth date in the NIK ({{date}}) is in the future.',
        serial: 'The NIK serial (last 4 digits) starts at 0001, not 0000.',
      },
      kpj: {
        digits: 'A KPJ number may contain digits only.',
        length: 'A KPJ number has 11 digits; you typed {{length}}.',
      },
      phone: {
        required: 'A mobile number is required.',
        chars: 'A mobile number may contain digits only (a leading + is allowed).',
        country: 'Only Indonesian numbers (+62) are accepted.',
        prefix: 'A mobile number starts with 08, 62 or +62.',
        mobile: 'A mobile number starts with 08 (or +628).',
        length: 'A mobile number has {{min}}–{{max}} digits when written 08…; you typed {{length}}.',
      },
      occupation: { unknown: 'This occupation is not on the list. Choose one from the list.' },
    },
    warn: {
      nik: {
        legacyPapua: 'Region code {{code}} is an old Papua/Papua Barat code (NIK issued before 2022). Make sure the NIK matches the ID card.',
        birthDate: 'The birth date in the NIK ({{nikDate}}) differs from the one typed ({{typedDate}}). Check the ID card.',
        sexFemale: 'The NIK says the participant is a woman (day of birth + 40). Check the sex.',
        sexMale: 'The NIK says the participant is a man. Check the sex.',
        regency: 'The NIK was issued in regency/city {{nikCode}}, the address is in {{typedCode}}. Normal if the participant moved; make sure the NIK matches the ID card.',
      },
    },
    domain: {
      program: {
        JKK: 'Work accident insurance (JKK)',
        JKM: 'Death benefit (JKM)',
        JHT: 'Old-age savings (JHT)',
      },
      reduction: '{{regulation}} reduction',
      band: 'Band {{band}}',
      sex: { M: 'Male', F: 'Female' },
      coverage: {
        paidUntil: 'Covered until {{month}}',
        none: 'No contribution paid yet',
        arrears: '{{months}} months in arrears',
        lapsed: 'Membership ended: more than 3 consecutive months unpaid. Register again or re-activate.',
        due: 'Due {{date}}',
      },
    },
  },
};
