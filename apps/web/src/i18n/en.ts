import type { enAccount } from './enAccount';
import type { enCustomers } from './enCustomers';
import type { enReceipts } from './enReceipts';
import type { enBackOffice } from './enBackOffice';
import type { enLater } from './enLater';
import type { enProducts } from './enProducts';
import type { enRefunds } from './enRefunds';
import type { enStaffArea } from './enStaffArea';
import type { enStockAlerts } from './enStockAlerts';
import type { enSuppliers } from './enSuppliers';

/**
 * English strings, grouped by screen area. Every user-facing string in the app
 * lives here (ARCHITECTURE "Cross-cutting"). Afrikaans (`af*.ts`) and isiZulu (`zu*.ts`)
 * copy each bundle's shape, typed `DeepStrings<typeof enX>` so the compiler checks they have
 * every key (docs/TRANSLATIONS.md).
 *
 * The staff area's strings (staff, devices, audit log, roles, sessions) are in
 * `enStaffArea.ts`, the Sync screen's and alerts' in `enBackOffice.ts`, and those of
 * payment, the slip, the line editor, the shift dialog and the camera in `enLater.ts`,
 * each loaded with its screens: a cashier's first screen does not carry them (its
 * 180 KB budget).
 */
export const en = {
  app: {
    name: 'OpenTill',
    loading: 'Opening your till…',
    screenNotLoaded:
      'This screen has not finished downloading to this phone. Connect to the internet, then tap Try again. Your sales and everything saved are safe.',
    tryAgain: 'Try again',
  },
  language: {
    label: 'Language',
  },
  nav: {
    sell: 'Sell',
    customers: 'Customers',
    sales: 'Sales',
    products: 'Products',
    sync: 'Sync',
    staff: 'Staff',
    devices: 'Devices',
    audit: 'Audit log',
    main: 'Main',
  },
  roles: {
    OWNER: 'Owner',
    ADMIN: 'Admin',
    BRANCH_MANAGER: 'Branch manager',
    PHARMACIST: 'Pharmacist',
    PHARMACIST_ASSISTANT: 'Pharmacist’s assistant',
    CASHIER: 'Cashier',
    STOCK_CONTROLLER: 'Stock controller',
    AUDITOR: 'Auditor',
  },
  cashier: {
    switch: 'Switch cashier',
    switchLabel: 'Switch cashier. Selling now: {{name}}',
    nobody: 'Nobody',
    title: 'Who is selling?',
    close: 'Close',
    back: 'Back to the staff list',
    sellingNow: 'Selling now',
    rosterMissing:
      'The staff list is not on this phone yet. Connect to the internet once so the phone can fetch it; after that, switching works offline.',
    noPin: 'Cannot switch in on this phone',
    noPinExplain:
      '{{name}} has no PIN this phone can check, so they cannot switch in here. The owner can set their PIN under Staff; the phone picks it up at its next sync.',
    lockedUntil: 'Locked until {{time}}',
    enterPin: 'Enter {{name}}’s PIN',
    pin: 'PIN',
    backspace: 'Delete the last digit',
    ok: 'OK',
    checking: 'Checking…',
    wrong_one: 'Wrong PIN. One more wrong PIN locks {{name}} out of this phone for 5 minutes.',
    wrong_other: 'Wrong PIN. {{count}} more wrong PINs lock {{name}} out of this phone for 5 minutes.',
    locked: 'Too many wrong PINs. {{name}} is locked out of this phone until {{time}}.',
    unknown: '{{name}} is no longer on this phone’s staff list.',
    failed: 'Could not check the PIN: {{message}}',
  },
  alerts: {
    banner_one: '{{count}} thing needs a look: a sign-in, a lockout or a flagged sale.',
    banner_other: '{{count}} things need a look: sign-ins, lockouts or flagged sales.',
    review: 'Review',
    stock_one: '{{count}} stock alert',
    stock_other: '{{count}} stock alerts',
  },
  sync: {
    offline: 'Offline',
    syncing: 'Syncing…',
    unsynced_one: '{{count}} unsynced',
    unsynced_other: '{{count}} unsynced',
    allSynced: 'All synced',
    rejected_one: '{{count}} not accepted: {{message}}',
    rejected_other: '{{count}} not accepted. Latest: {{message}}',
    errors: {
      network: 'Cannot reach the server. Sales are safe on this phone and will be sent later.',
      server: 'The server had a problem. Sales are safe on this phone; retrying.',
      refused: 'The server is waiting for earlier records. Retrying.',
      OT_ERR_UNAUTHENTICATED: 'This phone must sign in again to send its sales. They are safe here.',
      OT_ERR_DEVICE_UNKNOWN: 'The server does not know this phone. Its sales are safe here.',
      OT_ERR_DEVICE_MISMATCH: 'The server does not recognise this phone. Its sales are safe here.',
      OT_ERR_PROTOCOL_UNSUPPORTED: 'This app is out of date: reload it to update. Sales are safe here.',
      unknown: 'Sync failed: {{message}}',
    },
    openScreen: 'Sync details',
  },
  auth: {
    welcomeTitle: 'Welcome to OpenTill',
    welcomeText: 'Sell with or without the internet. Every sale is kept safe on this phone.',
    registerShop: 'Register your shop',
    signIn: 'Sign in',
    signInHint: 'Already have a shop? Sign in to add this phone.',
    removed: {
      title: 'The owner removed this phone from {{shop}}',
      text: 'Every sale on it reached the shop first; then its data was cleared from this phone. To sell on it again, the owner can sign it in.',
    },
    back: 'Back',
    registerTitle: 'Register your shop',
    signInTitle: 'Sign in',
    businessName: 'Shop name',
    ownerName: 'Your name',
    phone: 'Phone number',
    phonePlaceholder: '082 123 4567',
    pin: 'PIN (4 to 6 digits)',
    pinConfirm: 'Repeat the PIN',
    submitRegister: 'Register shop',
    submitSignIn: 'Sign in',
    working: 'Please wait…',
    needsNetwork:
      'You are offline. Registering and signing in need the internet once; after that the till works offline.',
    unreachable: 'Could not reach the server. Check the connection and try again.',
    unexpected: 'Something went wrong. Try again.',
    errors: {
      businessName: 'Enter the shop name (2 to 80 characters).',
      ownerName: 'Enter your name.',
      phone: 'Enter a South African phone number, e.g. 082 123 4567.',
      pin: 'A PIN is 4 to 6 digits.',
      pinConfirm: 'The two PINs are not the same.',
    },
    sessionEnded: {
      title: 'This phone was signed out of {{shop}}',
      unsentSales_one: 'Sign in again to send its {{count}} unsent sale. It is safe on this phone meanwhile.',
      unsentSales_other: 'Sign in again to send its {{count}} unsent sales. They are safe on this phone meanwhile.',
      unsentOther_one: '{{count}} other change waits to be sent too.',
      unsentOther_other: '{{count}} other changes wait to be sent too.',
      nothingUnsent: 'Sign in again to keep this phone in step with the shop.',
      keepSelling: 'You can keep selling: sales wait on this phone until it signs in.',
      signInAgain: 'Sign in again',
      dialogTitle: 'Sign in to {{shop}} again',
      dialogText:
        'Use the phone number and PIN of {{shop}}’s owner. This phone signs in as the same till, and everything it holds is sent.',
      close: 'Close',
      otherShop:
        'This phone still holds work for {{shop}}: sign in with {{shop}}’s owner’s phone number to send it. To use this phone for another shop, first send everything, then sign out on the Sync screen.',
    },
  },
  account: {
    welcomeSignIn: 'Pharmacy: sign in with email',
    welcomeRegister: 'Register a pharmacy',
    signInTitle: 'Sign in with email',
    registerTitle: 'Register a pharmacy',
  },
  sales: {
    searchLabel: 'Search products',
    searchPlaceholder: 'Name, barcode or code',
    shelves: { label: 'Shelves', all: 'All', favourites: '★ Favourites' },
    fetchingProducts_one: 'Fetching the shop’s products and stock… {{count, number}} record so far.',
    fetchingProducts_other: 'Fetching the shop’s products and stock… {{count, number}} records so far.',
    noProducts: 'No products yet. Add some under Products.',
    noMatches: 'No product matches “{{query}}”.',
    scanUnknown: 'No product has the barcode {{code}}. Add it under Products, or search by name.',
    moreResults: 'Showing {{shown}} of {{total}}. Type to narrow the list.',
    cartEmpty: 'Tap a product to add it to the sale.',
    cartTitle: 'Sale',
    clearCart: 'Clear',
    increase: 'One more {{name}}',
    decrease: 'One less {{name}}',
    inCart: '{{count}} in the sale',
    total: 'Total',
    pay: 'Pay {{amount}}',
    line: {
      edit: 'Change {{name}}',
      weighed: '{{kg}} kg at {{perKg}}/kg',
      overridden: '(was {{list}})',
    },
    approval: {
      who: 'Who approves?',
      nobody: 'Nobody on this phone may approve this. Ask the owner to give someone the permission.',
      back: 'Back',
      cancel: 'Cancel',
    },
    parked: {
      park: 'Park',
      title: 'Parked sales',
      count_one: '{{count}} parked',
      count_other: '{{count}} parked',
      label: 'Name for this sale (optional)',
      unnamed: 'Parked sale',
      close: 'Close',
    },
    refusals: {
      QUANTITY_INVALID: 'A quantity is a whole number from 1 to 10 000.',
      PRICE_INVALID: 'A price is an amount from R 0,00 up, in rands and cents.',
      WEIGHT_INVALID: 'That weight cannot be read. Weigh the item again.',
      TOO_MANY_LINES: 'A sale holds at most 200 lines. Finish this sale and start another.',
      TOTAL_TOO_LARGE: 'The sale would be larger than the till can record.',
      LINE_NOT_FOUND: 'That line is no longer on the sale.',
      WEIGHED_LINE: 'A weighed item is one item at its weight. Weigh it again instead.',
      NOTE_TOO_LONG: 'A note is at most 140 characters.',
      CART_EMPTY: 'There is nothing to park.',
      CART_NOT_EMPTY: 'Finish or park the current sale first.',
      TOO_MANY_PARKED: 'At most 20 sales can be parked. Finish one first.',
      PARKED_NOT_FOUND: 'That parked sale is no longer here.',
      ONLY_EXPIRED_STOCK:
        'Only expired stock of this product is left: it may not be sold. Take the expired packs off the shelf.',
      dismiss: 'OK',
    },
  },
  shift: {
    none: 'No shift open',
    openSince: 'Shift open since {{time}}',
    open: 'Open shift',
    manage: 'Shift',
  },
  scanning: {
    open: 'Scan with camera',
  },
  stock: {
    inStock_one: '{{count}} in stock',
    inStock_other: '{{count}} in stock',
  },
} as const;

/**
 * A strings object's shape with every value widened to `string`: `en` is `as const`, so
 * `typeof en` has literal values. Each translation is typed `DeepStrings<typeof enX>`, so the
 * compiler rejects a missing or an extra key (`languages.test.ts` checks it at run time too).
 */
export type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };

/** Every English string: the bundled ones and those that load with their screens. */
export type EnglishStrings = typeof en &
  typeof enAccount &
  typeof enProducts &
  typeof enBackOffice &
  typeof enStaffArea &
  typeof enLater &
  typeof enRefunds &
  typeof enCustomers &
  typeof enReceipts &
  typeof enStockAlerts &
  typeof enSuppliers;

/** The shape every language file must have (same keys, any wording). */
export type Translation = DeepStrings<EnglishStrings>;
