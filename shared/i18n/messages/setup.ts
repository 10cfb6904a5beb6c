// The technician's set-up: enrolment with the central server.
export const setup = {
  id: {
    enrol: {
      unreachable: 'Server pusat tidak dapat dihubungi. Periksa alamat server dan jaringan.',
      clockSkew: 'Jam komputer ini berbeda {{minutes}} menit dari server pusat. Setel jam dan zona waktu komputer, lalu ulangi.',
      codeUnknown: 'Kode pendaftaran tidak dikenal. Periksa kembali kodenya.',
      codeUsed: 'Kode pendaftaran ini sudah dipakai. Minta kode baru ke kantor pusat.',
      codeExpired: 'Kode pendaftaran sudah kedaluwarsa. Minta kode baru ke kantor pusat.',
      branchMismatch: 'Kode pendaftaran ini bukan untuk cabang tersebut.',
    },
  },
  en: {
    enrol: {
      unreachable: 'The central server cannot be reached. Check the server address and the network.',
      clockSkew: "This computer's clock differs by {{minutes}} minutes from the central server. Set the clock and time zone, then try again.",
      codeUnknown: 'Unknown enrolment code. Check the code.',
      codeUsed: 'This enrolment code was already used. Ask head office for a new one.',
      codeExpired: 'The enrolment code has expired. Ask head office for a new one.',
      branchMismatch: 'This enrolment code is not for that branch.',
    },
  },
};
