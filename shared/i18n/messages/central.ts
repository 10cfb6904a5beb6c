// Messages of the central protocol: what the server answered, for the technician (enrolment)
// and the branch head (sync and closing). Keys are the protocol's own codes:
// `central.error.<CentralErrorCode>` and `central.reject.<RejectReason>`.
export const central = {
  id: {
    central: {
      error: {
        BAD_JSON: 'Isi permintaan bukan JSON yang sah.',
        INVALID_INPUT: 'Isi permintaan tidak sesuai dengan kontrak server pusat.',
        UNAUTHENTICATED: 'Perangkat belum didaftarkan atau tokennya tidak berlaku.',
        FORBIDDEN: 'Perangkat ini tidak berhak atas data tersebut.',
        NOT_FOUND: 'Data tidak ditemukan di server pusat.',
        METHOD_NOT_ALLOWED: 'Metode ini tidak diizinkan untuk alamat tersebut.',
        CONFLICT: 'Bertentangan dengan data yang sudah ada di server pusat.',
        PAYLOAD_TOO_LARGE: 'Isi permintaan terlalu besar.',
        UNSUPPORTED_ENCODING: 'Pemampatan isi permintaan tidak dikenal (gunakan gzip atau br).',
        ENROL_CODE_UNKNOWN: 'Kode pendaftaran perangkat tidak dikenal.',
        ENROL_CODE_USED: 'Kode pendaftaran perangkat sudah pernah dipakai.',
        ENROL_CODE_EXPIRED: 'Kode pendaftaran perangkat sudah kedaluwarsa. Minta kode baru.',
        ENROL_BRANCH_MISMATCH: 'Kode pendaftaran ini bukan untuk cabang tersebut.',
        INTERNAL: 'Terjadi kesalahan di server pusat.',
        UNAVAILABLE: 'Server pusat sedang tidak tersedia. Coba lagi nanti.',
      },
      reject: {
        FOREIGN_COUNTER: 'Transaksi ini milik loket lain, bukan loket perangkat ini.',
        FOREIGN_BRANCH: 'Kode cabang pada transaksi tidak sama dengan cabang perangkat.',
        HASH_MISMATCH: 'Hash transaksi tidak cocok dengan isinya.',
        ID_CONFLICT: 'ID transaksi sudah ada di server pusat dengan isi yang berbeda.',
        BAD_PAYLOAD: 'Rincian transaksi tidak sesuai dengan jenisnya.',
        NIK_REGISTERED: 'NIK ini sudah terdaftar sebagai peserta aktif.',
        PARTICIPANT_CONFLICT: 'ID peserta sudah dipakai untuk pendaftaran lain.',
        PERSONAL_DATA_MISMATCH: 'Data pribadi peserta tidak ada di batch atau tidak cocok dengan komitmen di entri.',
        UNKNOWN_PARTICIPANT: 'Peserta yang dikoreksi atau dihapus datanya tidak dikenal server.',
      },
    },
  },
  en: {
    central: {
      error: {
        BAD_JSON: 'The request body is not valid JSON.',
        INVALID_INPUT: 'The request does not match the central server contract.',
        UNAUTHENTICATED: 'This device is not enrolled or its token is no longer valid.',
        FORBIDDEN: 'This device may not access that data.',
        NOT_FOUND: 'Not found on the central server.',
        METHOD_NOT_ALLOWED: 'This method is not allowed for that address.',
        CONFLICT: 'Conflicts with data the central server already holds.',
        PAYLOAD_TOO_LARGE: 'The request body is too large.',
        UNSUPPORTED_ENCODING: 'Unknown request body encoding (use gzip or br).',
        ENROL_CODE_UNKNOWN: 'Unknown device enrolment code.',
        ENROL_CODE_USED: 'This device enrolment code has already been used.',
        ENROL_CODE_EXPIRED: 'This device enrolment code has expired. Ask for a new one.',
        ENROL_BRANCH_MISMATCH: 'This enrolment code is not for that branch.',
        INTERNAL: 'Something went wrong on the central server.',
        UNAVAILABLE: 'The central server is not available now. Try again later.',
      },
      reject: {
        FOREIGN_COUNTER: 'This transaction belongs to another counter, not this device’s.',
        FOREIGN_BRANCH: 'The branch code of the transaction is not the device’s branch.',
        HASH_MISMATCH: 'The transaction hash does not match its content.',
        ID_CONFLICT: 'The central server holds this transaction id with different content.',
        BAD_PAYLOAD: 'The transaction details do not fit its kind.',
        NIK_REGISTERED: 'This NIK is already registered as an active participant.',
        PARTICIPANT_CONFLICT: 'This participant id is already used by another registration.',
        PERSONAL_DATA_MISMATCH: "The participant's personal data is missing from the batch or does not match the entry's commitment.",
        UNKNOWN_PARTICIPANT: 'The participant whose data is corrected or erased is not known to the server.',
      },
    },
  },
};
