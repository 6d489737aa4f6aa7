import { lazy, Suspense } from 'react';
import { loadCustomerStrings } from '../i18n';

// The picker and its strings load with the payment screen, never with the first screen.
const CustomerPicker = lazy(async () => {
  const [module] = await Promise.all([import('./CustomerPicker'), loadCustomerStrings()]);
  return { default: module.CustomerPicker };
});

/** The sale's customer on the payment screen (SPEC P5, CU1): attach, create, see their book. */
export function CustomerAtTill() {
  return (
    <Suspense fallback={null}>
      <CustomerPicker />
    </Suspense>
  );
}
