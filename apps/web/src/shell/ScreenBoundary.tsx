import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../ui/Button';

/**
 * Catches a screen that fails to render, above all a lazy screen whose code is not
 * on the phone yet (offline before the app finished installing): the cashier gets
 * words and a way back instead of a blank page. Keyed by the tab, so another tab
 * starts clean. Everything recorded lives in IndexedDB, so a reload loses nothing. `fallback`
 * replaces the message for a part the till works without (the header's bell: nothing).
 */
export class ScreenBoundary extends Component<{ children: ReactNode; fallback?: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('A screen failed to render', error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return this.props.fallback === undefined ? <ScreenNotLoaded /> : this.props.fallback;
  }
}

function ScreenNotLoaded() {
  const { t } = useTranslation();
  return (
    <div role="alert" data-testid="screen-not-loaded" className="flex flex-col items-center gap-4 p-6 text-center">
      <p className="text-slate-800">{t('app.screenNotLoaded')}</p>
      {/* React keeps a lazy screen's failed download: only a reload asks for it again. */}
      <Button onClick={() => window.location.reload()}>{t('app.tryAgain')}</Button>
    </div>
  );
}
