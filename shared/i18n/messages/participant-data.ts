// A participant's personal data after registration (issue 16): correction (Koreksi data peserta)
// with a head's approval, erasure by BPJS's order, and the entry kinds they write.
export const participantData = {
  id: {
    err: {
      correction: {
        reasonRequired: 'Alasan koreksi wajib diisi (paling sedikit 3 huruf).',
        nothingChanged: 'Tidak ada data yang berubah: ubah paling sedikit satu isian.',
        erased: 'Data pribadi peserta ini sudah dihapus atas perintah BPJS.',
        notLocal: 'Peserta ini terdaftar di {{branch}}: data dikoreksi di cabang pendaftarannya.',
      },
      erasure: {
        orderRequired: 'Nomor surat perintah BPJS wajib diisi.',
        notSynced: 'Pendaftaran peserta ini belum terkirim ke server pusat. Kirim dulu, lalu hapus datanya.',
      },
    },
    correction: {
      open: 'Koreksi data',
      title: 'Koreksi data peserta',
      intro: 'Ubah hanya yang salah, dengan peserta hadir dan KTP-nya diperiksa. Data lama tetap tersimpan di jejak audit.',
      name: 'Nama lengkap (sesuai KTP)',
      birthPlace: 'Tempat lahir',
      birthDate: 'Tanggal lahir',
      phone: 'Nomor HP',
      address: 'Alamat',
      motherName: 'Nama gadis ibu kandung',
      reason: 'Alasan koreksi',
      submit: 'Simpan koreksi',
      busy: 'Menyimpan…',
      cancel: 'Batal',
      done: 'Data peserta dikoreksi (versi {{version}}).',
    },
    dataReport: {
      open: 'Data yang kami simpan',
      title: 'Data pribadi yang kami simpan',
      intro: 'Ringkasan data peserta ini di cabang dan kegunaannya, untuk dicetak atas permintaan peserta.',
      print: 'Cetak',
      printed: 'Ringkasan dicetak.',
      close: 'Tutup',
      preview: 'Pratinjau ringkasan data',
    },
  },
  en: {
    err: {
      correction: {
        reasonRequired: 'A reason for the correction is required (at least 3 letters).',
        nothingChanged: 'Nothing changed: change at least one field.',
        erased: "This participant's personal data was erased by order of BPJS.",
        notLocal: "This participant was registered at {{branch}}: their data is corrected at the branch that registered them.",
      },
      erasure: {
        orderRequired: "BPJS's order number is required.",
        notSynced: "This participant's registration has not reached the central server yet. Send it first, then erase the data.",
      },
    },
    correction: {
      open: 'Correct data',
      title: "Correct a participant's data",
      intro: "Change only what is wrong, with the participant present and their KTP checked. The old data stays in the audit trail.",
      name: 'Full name (as on the KTP)',
      birthPlace: 'Place of birth',
      birthDate: 'Date of birth',
      phone: 'Mobile number',
      address: 'Address',
      motherName: "Mother's maiden name",
      reason: 'Reason for the correction',
      submit: 'Save correction',
      busy: 'Saving…',
      cancel: 'Cancel',
      done: "The participant's data was corrected (version {{version}}).",
    },
    dataReport: {
      open: 'Data we hold',
      title: 'Personal data we hold',
      intro: "A summary of this participant's data at the branch and what it is used for, printed at the participant's request.",
      print: 'Print',
      printed: 'The summary was printed.',
      close: 'Close',
      preview: 'Data summary preview',
    },
  },
};
