import './index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getSession, loadCart, loadParkedSales } from './db';
import { initI18n } from './i18n';
import { useCart } from './sales/cartStore';
import { App } from './shell/App';
import { requestPersistentStorage } from './shell/persistentStorage';
import { registerServiceWorker } from './shell/registerServiceWorker';
import { startSyncTriggers } from './sync';

async function start(): Promise<void> {
  // The device's language (its strings fetched if not English) loads while the cart is restored.
  const i18nReady = initI18n();
  try {
    // Restore a half-rung sale before the first render, so a tap cannot race it.
    useCart.getState().hydrate(await loadCart(), await loadParkedSales());
  } catch (error) {
    console.error('Could not restore the cart', error);
  }
  await i18nReady;

  const container = document.getElementById('root');
  if (!container) throw new Error('No #root element');
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );

  startSyncTriggers();
  if (await getSession().catch(() => null)) void requestPersistentStorage();
  if (import.meta.env.PROD) registerServiceWorker();
}

void start();
