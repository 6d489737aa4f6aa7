import i18next from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { enLater } from '../i18n/enLater';
import { CameraScanner } from './CameraScanner';

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    lng: 'en',
    // As en.ts will hold them once merged.
    resources: { en: { translation: { ...en, scanning: { ...en.scanning, ...enLater.scanning } } } },
    interpolation: { escapeValue: false },
  });
});

describe('CameraScanner', () => {
  const noop = () => undefined;
  const html = () =>
    renderToStaticMarkup(
      <I18nextProvider i18n={i18n}>
        <CameraScanner onScan={noop} onClose={noop} />
      </I18nextProvider>,
    );

  it('opens as a dialog that says the camera is starting, with a close button', () => {
    expect(html()).toMatch(/role="dialog"[^>]*aria-modal="true"/);
    expect(html()).toContain('>Starting the camera…<');
    expect(html()).toContain('aria-label="Close camera"');
  });

  it('shows the video inline (not iOS full screen) and silent', () => {
    expect(html()).toMatch(/<video[^>]*muted=""[^>]*playsInline=""/i);
  });
});
