export const auth = {
  id: {
    signIn: {
      title: 'Masuk',
      username: 'Nama pengguna',
      pin: 'PIN',
      submit: 'Masuk',
      wrongPin: 'PIN salah. Sisa percobaan: {{remaining}}.',
      unknownUser: 'Nama pengguna tidak dikenal.',
      disabled: 'Pengguna ini dinonaktifkan. Hubungi kepala cabang.',
      locked: 'Terlalu banyak PIN salah. Pengguna dikunci sampai {{until}}.',
      usernameFormat: 'Nama pengguna berupa huruf kecil, angka, titik atau garis bawah (3–32 karakter).',
    },
    lock: {
      title: 'Layar terkunci',
      body: '{{name}}, layar dikunci karena tidak ada aktivitas. Masukkan PIN untuk melanjutkan.',
      unlock: 'Buka kunci',
      switchUser: 'Ganti pengguna',
    },
    signOut: 'Keluar',
  },
  en: {
    signIn: {
      title: 'Sign in',
      username: 'User name',
      pin: 'PIN',
      submit: 'Sign in',
      wrongPin: 'Wrong PIN. Attempts left: {{remaining}}.',
      unknownUser: 'Unknown user name.',
      disabled: 'This user is disabled. Ask the branch head.',
      locked: 'Too many wrong PINs. The user is locked until {{until}}.',
      usernameFormat: 'A user name is lower-case letters, digits, dots or underscores (3–32 characters).',
    },
    lock: {
      title: 'Screen locked',
      body: '{{name}}, the screen was locked after inactivity. Enter your PIN to continue.',
      unlock: 'Unlock',
      switchUser: 'Switch user',
    },
    signOut: 'Sign out',
  },
};
