import type { DeepStrings } from './en';
import type { enStockAlerts } from './enStockAlerts';

/** isiZulu strings of the notification centre (`enStockAlerts.ts`'s counterpart). */
export const zuStockAlerts: DeepStrings<typeof enStockAlerts> = {
  stockAlerts: {
    title: 'Izexwayiso zesitoko',
    close: 'Vala izexwayiso zesitoko',
    empty:
      'Akukho okudinga ukunakwa: yonke impahla ingaphezu kwezinga layo lokuphinde u-ode, futhi alikho iqoqo eliphelelwa yisikhathi ezinsukwini ezingu-{{days}}.',
    explain:
      'Impahla iba kulolu hlu uma isitoko esiboniswa yile foni silingana noma singaphansi kwezinga layo lokuphinde u-ode. Setha izinga efomini lempahla, ku-Izimpahla.',
    severity: {
      out: 'Isitoko siphelile',
      low: 'Isitoko siphansi',
    },
    figures: 'Esitokweni: {{onHand}} · izinga lokuphinde u-ode: {{level}}',
    explainExpiry:
      'Iqoqo liba kulolu hlu uma liphelelwa yisikhathi ezinsukwini ezingu-{{days}}, liphinde libe khona uma selephelelwe yisikhathi kusenamayunithi eshalofini: lawo akumele athengiswe, ngakho wasuse eshalofini bese uwasusa esitokweni (isizathu: “kuphelelwe yisikhathi”).',
    expiry: {
      expired: 'Kuphelelwe yisikhathi — susa esitokweni',
      expiresToday: 'Kuphelelwa yisikhathi namuhla',
      expiresIn_one: 'Kuphelelwa yisikhathi kusasa',
      expiresIn_other: 'Kuphelelwa yisikhathi ezinsukwini ezingu-{{count}}',
      expiringFigures: 'Iqoqo {{lot}} · esitokweni: {{onHand}} · kuphelelwa ngo-{{date}}',
      expiredFigures: 'Iqoqo {{lot}} · eshalofini: {{onHand}} · kuphelelwe ngo-{{date}}',
    },
    open: 'Vula ku-Izimpahla: {{name}}',
    notify: {
      label: 'Ngazise kule foni',
      hint: 'Thola isaziso uma impahla isiphansi noma iphelile esitokweni, noma iqoqo lisondela noma seledlule usuku lwalo lokuphelelwa, ngesikhathi i-OpenTill ivuliwe kule foni.',
      unsupported: 'Le bhrawuza ayikwazi ukukhombisa izaziso.',
      denied: 'Izaziso zivinjelwe ku-OpenTill. Zivumele ezilungiselelweni zesayithi zebhrawuza, bese uvula lokhu.',
      dismissed: 'Ibhrawuza ayizivumelanga izaziso. Thepha futhi ukuze ubuzwe.',
      asking: 'Kubuzwa ibhrawuza…',
    },
    notification: {
      low: 'Isitoko siphansi: {{name}}',
      out: 'Isitoko siphelile: {{name}}',
      body: 'Esitokweni: {{onHand}} · izinga lokuphinde u-ode: {{level}}',
      summary_one: 'Izimpahla ezidinga uku-odwa: {{count}}',
      summary_other: 'Izimpahla ezidinga uku-odwa: {{count}}',
      summaryMore: '{{names}} nezinye ezingu-{{more}}',
      summaryAlerts_one: 'Izexwayiso zesitoko ezidinga ukunakwa: {{count}}',
      summaryAlerts_other: 'Izexwayiso zesitoko ezidinga ukunakwa: {{count}}',
      expired: 'Kuphelelwe yisikhathi, susa esitokweni: {{name}}',
      expiringToday: 'Kuphelelwa yisikhathi namuhla: {{name}}',
      expiring_one: 'Kuphelelwa yisikhathi kusasa: {{name}}',
      expiring_other: 'Kuphelelwa yisikhathi ezinsukwini ezingu-{{count}}: {{name}}',
    },
  },
};
