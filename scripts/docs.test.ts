/** docs/API.md lists every error code the code can return, and nothing else. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, OPERATION_ERROR_CODES } from '@opentill/domain';

const api = readFileSync(new URL('../docs/API.md', import.meta.url), 'utf8');

describe('docs/API.md', () => {
  it('lists every error code with its status', () => {
    for (const [code, { status }] of Object.entries(ERROR_CODES)) {
      expect(api).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|\\s*${status}\\s*\\|`));
    }
  });

  it('lists every sync operation error code', () => {
    for (const code of Object.keys(OPERATION_ERROR_CODES)) expect(api).toMatch(new RegExp(`\\|\\s*\`${code}\`\\s*\\|`));
  });

  it('lists no code the server does not have', () => {
    const documented = new Set(api.match(/OT_ERR_[A-Z_]+/g));
    const known = new Set([...Object.keys(ERROR_CODES), ...Object.keys(OPERATION_ERROR_CODES)]);
    expect([...documented].filter((code) => !known.has(code))).toEqual([]);
  });
});
