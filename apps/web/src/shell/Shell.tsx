import { lazy, Suspense } from 'react';
import type { Session } from '@opentill/domain';
import { AlertsBanner } from '../alerts/AlertsBanner';
import { SessionEndedNotice } from '../auth/SessionEndedNotice';
import { CashierButton } from '../cashier/CashierButton';
import { useCashierSwitcher } from '../cashier/switcherStore';
import { SellScreen } from '../sales/SellScreen';
import {
  loadCustomerStrings,
  loadProductStrings,
  loadReceiptStrings,
  loadRefundStrings,
  loadStaffAreaStrings,
  loadStockAlertStrings,
} from '../i18n';
import { LanguagePicker } from '../i18n/LanguagePicker';
import { useStockAlertAccess } from '../notifications/stockAlerts';
import { ScreenBoundary } from './ScreenBoundary';
import { SyncBadge } from './SyncBadge';
import { SyncProblems } from './SyncProblems';
import { TabBar } from './TabBar';
import { useNavigation } from './navigationStore';
import { hasStaffArea } from './staffArea';
import { useStaffAccess } from './useStaffAccess';

// The Products tab (with its strings) and the cashier switcher load on first use, like the tabs
// below: the first screen's 180 KB budget (the till sells without them).
const ProductsScreen = lazy(async () => {
  const [module] = await Promise.all([import('../products/ProductsScreen'), loadProductStrings()]);
  return { default: module.ProductsScreen };
});
// The stock-alerts bell comes a moment after the first paint: the till sells without it (180 KB budget).
const AlertsBell = lazy(() => import('../notifications/AlertsBell').then((module) => ({ default: module.AlertsBell })));
const SwitchCashierDialog = lazy(() =>
  import('../cashier/SwitchCashierDialog').then((module) => ({ default: module.SwitchCashierDialog })),
);
// The notification centre (stock alerts) and its strings: the bell on the first screen only counts.
const NotificationCentre = lazy(async () => {
  const [module] = await Promise.all([import('../notifications/NotificationCentre'), loadStockAlertStrings()]);
  return { default: module.NotificationCentre };
});
// Loaded on first visit: the till's first screen does not wait for it.
const SyncScreen = lazy(async () => {
  const [module] = await Promise.all([import('../syncscreen/SyncScreen'), loadStaffAreaStrings()]);
  return { default: module.SyncScreen };
});
const SalesScreen = lazy(async () => {
  // The receipt strings too: a found sale offers "Reprint receipt".
  const [module] = await Promise.all([import('../refunds/SalesScreen'), loadRefundStrings(), loadReceiptStrings()]);
  return { default: module.SalesScreen };
});
// The Customers tab (the book) and its strings: loaded on first visit.
const CustomersScreen = lazy(async () => {
  const [module] = await Promise.all([import('../customers/CustomersScreen'), loadCustomerStrings()]);
  return { default: module.CustomersScreen };
});
// Owners, admins (branch managers for devices, auditors for the log) only, and online only:
// no cashier's phone pays for it.
const StaffScreen = lazy(async () => {
  // The receipt strings too: the Shop section sets the receipt's VAT number, address and phone.
  const [module] = await Promise.all([import('../staff/StaffScreen'), loadStaffAreaStrings(), loadReceiptStrings()]);
  return { default: module.StaffScreen };
});

/** The signed-in app: header (shop, who is selling, sync badge), the current screen, bottom tabs. */
export function Shell({ session }: { session: Session }) {
  const tab = useNavigation((state) => state.tab);
  const switching = useCashierSwitcher((state) => state.open);
  const access = useStaffAccess(session);
  const showStaff = hasStaffArea(access);
  const stockAlerts = useStockAlertAccess();
  const alertsOpen = useNavigation((state) => state.alertsOpen);
  return (
    <div className="mx-auto flex h-full max-w-3xl flex-col bg-slate-100">
      <header className="flex items-center gap-1.5 bg-brand-700 px-3 pt-[max(0.5rem,env(safe-area-inset-top))] pb-2 text-white">
        <h1 className="min-w-0 flex-1 truncate text-lg font-bold">{session.tenant.businessName}</h1>
        <LanguagePicker compact />
        {stockAlerts ? (
          <ScreenBoundary fallback={null}>
            <Suspense fallback={null}>
              <AlertsBell />
            </Suspense>
          </ScreenBoundary>
        ) : null}
        <CashierButton />
        <SyncBadge />
      </header>
      <SyncProblems />
      <SessionEndedNotice />
      <AlertsBanner enabled={access.alerts} />
      <main className="min-h-0 flex-1">
        <ScreenBoundary key={tab}>
          {tab === 'sell' ? <SellScreen session={session} /> : null}
          {tab === 'customers' ? (
            <Suspense fallback={null}>
              <CustomersScreen session={session} />
            </Suspense>
          ) : null}
          {tab === 'sales' ? (
            <Suspense fallback={null}>
              <SalesScreen session={session} />
            </Suspense>
          ) : null}
          {tab === 'products' ? (
            <Suspense fallback={null}>
              <ProductsScreen />
            </Suspense>
          ) : null}
          {tab === 'sync' ? (
            <Suspense fallback={null}>
              <SyncScreen />
            </Suspense>
          ) : null}
          {tab === 'staff' && showStaff ? (
            <Suspense fallback={null}>
              <StaffScreen session={session} access={access} />
            </Suspense>
          ) : null}
        </ScreenBoundary>
      </main>
      <TabBar access={access} />
      {alertsOpen && stockAlerts ? (
        <Suspense fallback={null}>
          <NotificationCentre />
        </Suspense>
      ) : null}
      {switching ? (
        <ScreenBoundary>
          <Suspense fallback={null}>
            <SwitchCashierDialog />
          </Suspense>
        </ScreenBoundary>
      ) : null}
    </div>
  );
}
