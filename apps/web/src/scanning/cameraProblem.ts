/**
 * Why the camera scanner cannot run, each with its own message (`scanning.<problem>`): the
 * cashier needs to know whether to change a setting, open the https address, or give up on
 * the camera and use a scanner or the search.
 */
export type CameraProblem = 'insecure' | 'denied' | 'noCamera' | 'busy' | 'failed';

/** Browsers only offer the camera to a secure page (https or localhost): without it `mediaDevices` is missing. */
export function cameraProblemBeforeAsking(isSecureContext: boolean, mediaDevices: unknown): CameraProblem | null {
  if (!isSecureContext) return 'insecure';
  return mediaDevices === undefined || mediaDevices === null ? 'noCamera' : null;
}

/** What getUserMedia's rejection means, by the DOMException names browsers use. */
export function cameraProblemOf(error: unknown): CameraProblem {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
    case 'PermissionDeniedError':
      return 'denied';
    case 'NotFoundError':
    case 'OverconstrainedError':
    case 'DevicesNotFoundError':
      return 'noCamera';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'failed';
  }
}
