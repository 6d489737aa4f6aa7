import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';
import { CloseIcon } from '../ui/icons';
import { loadBarcodeReader } from './barcodeReader';
import { SCAN_INTERVAL_MS, startCameraSession, type CameraStatus } from './cameraSession';

export interface CameraScannerProps {
  /** Called once per code read (a code held in view counts once); the scanner stays open for the next item. */
  onScan: (code: string) => void;
  onClose: () => void;
}

/**
 * The phone's camera as a barcode scanner, full screen over the sale. Meant to be lazy-loaded
 * (`LazyCameraScanner`): it and its decoder load only when opened.
 * Closing (button, Escape or unmounting) turns the camera off.
 */
export function CameraScanner({ onScan, onClose }: CameraScannerProps) {
  const { t } = useTranslation();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<CameraStatus>('starting');
  const [lastCode, setLastCode] = useState<string | null>(null);
  // The latest callbacks without restarting the camera when the parent re-renders.
  const onScanRef = useRef(onScan);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onScanRef.current = onScan;
    onCloseRef.current = onClose;
  }, [onScan, onClose]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return undefined;
    return startCameraSession(
      video,
      {
        isSecureContext: window.isSecureContext,
        mediaDevices: navigator.mediaDevices as MediaDevices | undefined,
        loadReader: () => loadBarcodeReader(window),
        now: () => performance.now(),
        schedule: (next) => {
          const timer = window.setTimeout(next, SCAN_INTERVAL_MS);
          return () => window.clearTimeout(timer);
        },
      },
      {
        onStatus: setStatus,
        onScan: (code) => {
          setLastCode(code);
          onScanRef.current(code);
        },
      },
    );
  }, []);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      onCloseRef.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  const isProblem = status !== 'starting' && status !== 'scanning';
  const message =
    status === 'scanning'
      ? lastCode === null
        ? t('scanning.aim')
        : t('scanning.scanned', { code: lastCode })
      : t(`scanning.${status}`);

  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby="camera-scanner-title"
      data-testid="camera-scanner"
      className="fixed inset-0 z-20 mx-auto flex max-w-3xl flex-col bg-black text-white"
    >
      <header className="flex items-center gap-1 bg-brand-700 px-1 pt-[max(0.25rem,env(safe-area-inset-top))] pb-1">
        <Button
          variant="ghost"
          onClick={onClose}
          aria-label={t('scanning.close')}
          data-testid="camera-scanner-close"
          className="w-12 px-0 text-white active:bg-white/10"
        >
          <CloseIcon />
        </Button>
        <h2 id="camera-scanner-title" className="min-w-0 truncate text-lg font-bold">
          {t('scanning.title')}
        </h2>
      </header>
      <div className="relative min-h-0 flex-1 overflow-hidden">
        {/* playsInline: iOS would otherwise take the video full screen, over the close button. */}
        <video
          ref={videoRef}
          muted
          playsInline
          aria-label={t('scanning.cameraView')}
          className={`size-full object-cover ${status === 'scanning' ? '' : 'invisible'}`}
        />
        {status === 'scanning' && (
          <div
            aria-hidden="true"
            className="pointer-events-none absolute inset-x-8 top-1/2 h-40 -translate-y-1/2 rounded-2xl ring-4 ring-white/80"
          />
        )}
      </div>
      <p
        role={isProblem ? 'alert' : 'status'}
        data-testid="camera-scanner-message"
        data-status={status}
        className="px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] text-center text-base"
      >
        {message}
      </p>
      {isProblem && (
        <div className="px-4 pb-[max(1rem,env(safe-area-inset-bottom))]">
          <Button variant="light" large onClick={onClose} className="w-full">
            {t('scanning.close')}
          </Button>
        </div>
      )}
    </div>
  );
}

export default CameraScanner;
