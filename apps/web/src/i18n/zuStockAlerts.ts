import type { DeepStrings } from './en';
import type { enStockAlerts } from './enStockAlerts';

/** isiZulu strings of the notification centre (`enStockAlerts.ts`'s counterpart). */
export const zuStockAlerts: DeepStrings<typeof enStockAlerts> = {
  stockAlerts: {
    title: 'Izexwayiso zesitoko',
    close: 'Vala izexwayiso zesitoko',
    empty: 'Akukho okudinga uku-odwa: yonke impahla ingaphezu kwezinga layo lokuphinde u-ode.',
    explain:
      'Impahla iba kulolu hlu uma isitoko esiboniswa yile foni silingana noma singaphansi kwezinga layo lokuphinde u-ode. Setha izinga efomini lempahla, ku-Izimpahla.',
    severity: {
      out: 'Isitoko siphelile',
      low: 'Isitoko siphansi',
    },
    figures: 'Esitokweni: {{onHand}} · izinga lokuphinde u-ode: {{level}}',
    open: 'Vula ku-Izimpahla: {{name}}',
    notify: {
      label: 'Ngazise kule foni',
      hint: 'Thola isaziso uma impahla isiphansi noma iphelile esitokweni, ngesikhathi i-OpenTill ivuliwe kule foni.',
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
    },
  },
};
