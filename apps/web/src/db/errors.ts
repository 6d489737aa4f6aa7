/** A record that fails the domain's checks; nothing of it was written. */
export class InvalidRecordError extends Error {
  override readonly name = 'InvalidRecordError';
  constructor(readonly problems: string[]) {
    super(`Not saved: ${problems.join(' ')}`);
  }
}
