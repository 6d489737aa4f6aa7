/**
 * One opening of the camera scanner, without React: ask for the rear camera, show it in the
 * <video>, load a decoder, read frames one after another, and on stop release the camera
 * whatever stage it had reached (even a permission answer that arrives after closing).
 */
import type { BarcodeReader } from './barcodeReader';
import { cameraProblemBeforeAsking, cameraProblemOf, type CameraProblem } from './cameraProblem';
import { createRepeatFilter } from './repeatFilter';

export type CameraStatus = 'starting' | 'scanning' | CameraProblem;

/** Pause between two reads: a read takes 10–80 ms on a phone, so this leaves the CPU room to breathe. */
export const SCAN_INTERVAL_MS = 100;

/** The back camera where there is one (`ideal`, so a laptop's only camera still does), at a resolution thin bars survive. */
export const REAR_CAMERA: MediaStreamConstraints = {
  audio: false,
  video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
};

/** HTMLMediaElement.HAVE_CURRENT_DATA: there is a frame to read. */
const HAS_A_FRAME = 2;

export interface CameraSessionEnvironment {
  isSecureContext: boolean;
  mediaDevices: Pick<MediaDevices, 'getUserMedia'> | undefined;
  loadReader: () => Promise<BarcodeReader>;
  now: () => number;
  /** Runs `next` after SCAN_INTERVAL_MS; gives a function that cancels it. */
  schedule: (next: () => void) => () => void;
}

export interface CameraSessionCallbacks {
  onStatus: (status: CameraStatus) => void;
  onScan: (code: string) => void;
}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

/** Starts the session; the function it gives stops it (the camera light goes off). */
export function startCameraSession(
  video: HTMLVideoElement,
  environment: CameraSessionEnvironment,
  { onStatus, onScan }: CameraSessionCallbacks,
): () => void {
  let stopped = false;
  let stream: MediaStream | null = null;
  let cancelNextRead: (() => void) | null = null;
  const repeats = createRepeatFilter();

  const release = () => {
    if (stream) stopTracks(stream);
    stream = null;
    video.srcObject = null;
  };

  const readFrame = async (reader: BarcodeReader) => {
    if (stopped) return;
    if (video.readyState >= HAS_A_FRAME) {
      try {
        const codes = await reader.read(video);
        const at = environment.now();
        for (const code of codes) if (!stopped && repeats.accept(code, at)) onScan(code);
      } catch {
        // A frame the decoder could not take (the video resizing as it starts): the next one will do.
      }
    }
    if (!stopped) cancelNextRead = environment.schedule(() => void readFrame(reader));
  };

  const start = async () => {
    const early = cameraProblemBeforeAsking(environment.isSecureContext, environment.mediaDevices);
    if (early !== null || !environment.mediaDevices) return onStatus(early ?? 'noCamera');
    let opened: MediaStream;
    try {
      opened = await environment.mediaDevices.getUserMedia(REAR_CAMERA);
    } catch (error) {
      if (!stopped) onStatus(cameraProblemOf(error));
      return;
    }
    if (stopped) return stopTracks(opened);
    stream = opened;
    video.srcObject = opened;
    // Rejects when interrupted (closed at once) or refused; frames are read only while it plays anyway.
    video.play().catch(() => undefined);
    let reader: BarcodeReader;
    try {
      reader = await environment.loadReader();
    } catch {
      release();
      if (!stopped) onStatus('failed');
      return;
    }
    if (stopped) return;
    onStatus('scanning');
    await readFrame(reader);
  };

  void start();
  return () => {
    stopped = true;
    cancelNextRead?.();
    release();
  };
}
