import { describe, expect, it } from 'vitest';
import { isAllowedCentralUrl } from '../../../shared/protocol/central-url';
import { createCentralClient } from '../../../electron/services/central/client';

describe('where central may be', () => {
  it('https anywhere, plain http only to this computer', () => {
    for (const ok of ['https://pusat.bpjs.example/v1', 'https://10.0.0.5:8443', 'http://127.0.0.1:4790', 'http://localhost:4790', 'http://[::1]:4790', 'http://127.9.9.9']) {
      expect(isAllowedCentralUrl(ok), ok).toBe(true);
    }
    for (const bad of ['http://10.20.30.40', 'http://pusat.bpjs.example', 'http://127.0.0.1.example.com', 'http://localhost.evil', 'ftp://127.0.0.1', 'nonsense', '']) {
      expect(isAllowedCentralUrl(bad), bad).toBe(false);
    }
  });

  it('the client refuses a plain address to another machine before sending anything', async () => {
    const client = createCentralClient(() => ({ url: 'http://10.20.30.40:9', token: 'x'.repeat(32) }));
    await expect(client.call('health')).rejects.toThrow(/https/);
  });
});
