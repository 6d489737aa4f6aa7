import { describe, expect, it } from 'vitest';
import type { BarcodeReader } from './barcodeReader';
import { REAR_CAMERA, startCameraSession, type CameraSessionEnvironment, type CameraStatus } from './cameraSession';

/** Lets every pending promise callback run (no timer is asserted on). */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function fakeCamera() {
  const tracks = [{ stopped: false }, { stopped: false }].map((track) => ({
    ...track,
    stop() {
      this.stopped = true;
    },
  }));
  const stream = { getTracks: () => tracks } as unknown as MediaStream;
  return { stream, allStopped: () => tracks.every((track) => track.stopped) };
}

function harness(options: { frames?: string[][]; secure?: boolean; hasMediaDevices?: boolean } = {}) {
  const camera = fakeCamera();
  const video = { srcObject: null as unknown, readyState: 4, play: () => Promise.resolve() };
  const statuses: CameraStatus[] = [];
  const scans: string[] = [];
  const asked: MediaStreamConstraints[] = [];
  const scheduled: (() => void)[] = [];
  const frames = [...(options.frames ?? [])];
  let clock = 0;
  let answerCamera: (stream: MediaStream) => void = () => undefined;
  let refuseCamera: (error: unknown) => void = () => undefined;
  const reader: BarcodeReader = { read: () => Promise.resolve(frames.shift() ?? []) };
  const environment: CameraSessionEnvironment = {
    isSecureContext: options.secure ?? true,
    mediaDevices:
      options.hasMediaDevices === false
        ? undefined
        : {
            getUserMedia: (constraints) => {
              asked.push(constraints ?? {});
              return new Promise((resolve, reject) => {
                answerCamera = resolve;
                refuseCamera = reject;
              });
            },
          },
    loadReader: () => Promise.resolve(reader),
    now: () => clock,
    schedule: (next) => {
      scheduled.push(next);
      return () => scheduled.splice(scheduled.indexOf(next), 1);
    },
  };
  const start = () =>
    startCameraSession(video as unknown as HTMLVideoElement, environment, {
      onStatus: (status) => statuses.push(status),
      onScan: (code) => scans.push(code),
    });
  /** Runs the next scheduled read, `ms` later on the session's clock. */
  const nextFrame = async (ms = 100) => {
    clock += ms;
    scheduled.shift()?.();
    await settle();
  };
  return {
    camera,
    video,
    statuses,
    scans,
    asked,
    scheduled,
    environment,
    start,
    nextFrame,
    answer: async () => {
      answerCamera(camera.stream);
      await settle();
    },
    refuse: async (name: string) => {
      refuseCamera(new DOMException('refused', name));
      await settle();
    },
  };
}

describe('startCameraSession', () => {
  it('asks for the rear camera only, shows it, and reads each distinct code once', async () => {
    const session = harness({ frames: [[], ['6001234567890'], ['6001234567890'], ['6001234567890', 'QR-1']] });
    session.start();
    expect(session.asked).toEqual([REAR_CAMERA]);
    expect(REAR_CAMERA).toMatchObject({ audio: false, video: { facingMode: { ideal: 'environment' } } });
    await session.answer();
    expect(session.video.srcObject).toBe(session.camera.stream);
    expect(session.statuses).toEqual(['scanning']);
    for (let frame = 0; frame < 4; frame += 1) await session.nextFrame();
    expect(session.scans).toEqual(['6001234567890', 'QR-1']);
  });

  it('reads a code again once it has been out of view for the quiet spell', async () => {
    const session = harness({ frames: [['A-1'], [], ['A-1']] });
    session.start();
    await session.answer();
    await session.nextFrame(1_000);
    await session.nextFrame(1_000);
    expect(session.scans).toEqual(['A-1', 'A-1']);
  });

  it('stops every track and the reading when stopped', async () => {
    const session = harness();
    const stop = session.start();
    await session.answer();
    expect(session.scheduled).toHaveLength(1);
    stop();
    expect(session.camera.allStopped()).toBe(true);
    expect(session.video.srcObject).toBeNull();
    expect(session.scheduled).toHaveLength(0);
  });

  it('turns the camera off at once when permission arrives after closing', async () => {
    const session = harness();
    const stop = session.start();
    stop();
    await session.answer();
    expect(session.camera.allStopped()).toBe(true);
    expect(session.video.srcObject).toBeNull();
    expect(session.statuses).toEqual([]);
  });

  it('says why the camera cannot be used', async () => {
    const denied = harness();
    denied.start();
    await denied.refuse('NotAllowedError');
    expect(denied.statuses).toEqual(['denied']);

    const none = harness();
    none.start();
    await none.refuse('NotFoundError');
    expect(none.statuses).toEqual(['noCamera']);

    const insecure = harness({ secure: false, hasMediaDevices: false });
    insecure.start();
    await settle();
    expect(insecure.statuses).toEqual(['insecure']);
    expect(insecure.asked).toEqual([]);
  });

  it('releases the camera and says so when the decoder cannot load', async () => {
    const session = harness();
    session.environment.loadReader = () => Promise.reject(new WebAssembly.CompileError('blocked by CSP'));
    session.start();
    await session.answer();
    expect(session.statuses).toEqual(['failed']);
    expect(session.camera.allStopped()).toBe(true);
  });

  it('keeps reading after a frame the decoder could not take', async () => {
    const session = harness();
    let calls = 0;
    session.environment.loadReader = () =>
      Promise.resolve({
        read: () => (++calls === 1 ? Promise.reject(new Error('no frame yet')) : Promise.resolve(['B-2'])),
      });
    session.start();
    await session.answer();
    await session.nextFrame();
    expect(session.scans).toEqual(['B-2']);
  });
});
