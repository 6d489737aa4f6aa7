import { lazy, Suspense } from 'react';
import type { Session } from '@opentill/domain';
import { ProductsScreen } from '../products/ProductsScreen';
import { SellScreen } from '../sales/SellScreen';
import { SyncBadge } from './SyncBadge';
import { SyncProblems } from './SyncProblems';
import { TabBar } from './TabBar';
import { useNavigation } from './navigationStore';

// Loaded on first visit: the till's first screen does not wait for it.
const SyncScreen = lazy(() => import('../syncscreen/SyncScreen').then((module) => ({ default: module.SyncScreen })));

/** The signed-in app: header (shop, sync badge), the current screen, bottom tabs. */
export function Shell({ session }: { session: Session }) {
  const tab = useNavigation((state) => state.tab);
  return (
    <div className="mx-auto flex h-full max-w-3xl flex-col bg-slate-100">
      <header className="flex items-center justify-between gap-2 bg-brand-700 px-4 pt-[max(0.5rem,env(safe-area-inset-top))] pb-2 text-white">
        <h1 className="min-w-0 truncate text-lg font-bold">{session.tenant.businessName}</h1>
        <SyncBadge />
      </header>
      <SyncProblems />
      <main className="min-h-0 flex-1">
        {tab === 'sell' ? <SellScreen session={session} /> : null}
        {tab === 'products' ? <ProductsScreen /> : null}
        {tab === 'sync' ? (
          <Suspense fallback={null}>
            <SyncScreen />
          </Suspense>
        ) : null}
      </main>
      <TabBar />
    </div>
  );
}
