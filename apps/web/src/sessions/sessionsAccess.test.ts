import { describe, expect, it } from 'vitest';
import { canSeeSessions } from './sessionsAccess';

const owner = { id: 'owner', role: 'OWNER' as const };

describe('who sees the sessions on this phone', () => {
  it('the person who signed it in, while acting', () => {
    expect(canSeeSessions(owner, { userId: 'owner', role: 'OWNER' })).toBe(true);
  });

  it('not a cashier who switched in on the owner’s phone, but an admin who did', () => {
    expect(canSeeSessions(owner, { userId: 'thandi', role: 'CASHIER' })).toBe(false);
    expect(canSeeSessions(owner, { userId: 'sipho', role: 'ADMIN' })).toBe(true);
  });

  it('nobody while nobody acts', () => {
    expect(canSeeSessions(owner, null)).toBe(false);
  });
});
