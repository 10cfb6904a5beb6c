import { defineConfig } from 'vitest/config';

// Unit and integration tests run in plain Node against real parts:
// a real SQLite file in a temp folder, real HTTP on 127.0.0.1, real TCP sockets.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // A mutating procedure that writes no audit row fails the call in tests.
    env: { LOKET_STRICT_AUDIT: '1' },
    // Service logs go to a file; a failing test prints its own (tests/support/test-logs.ts).
    setupFiles: ['tests/support/vitest-setup.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
