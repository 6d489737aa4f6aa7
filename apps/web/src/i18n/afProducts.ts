import type { DeepStrings } from './en';
import type { enProducts } from './enProducts';

/** Afrikaans strings of the Products tab (`enProducts.ts`'s counterpart). */
export const afProducts: DeepStrings<typeof enProducts> = {
  products: {
    title: 'Produkte',
    addTitle: 'Voeg produk by',
    name: 'Naam',
    price: 'Prys (R)',
    pricePlaceholder: '0.00',
    barcode: 'Strepieskode (opsioneel)',
    category: 'Kategorie (opsioneel)',
    sku: 'Voorraadkode (opsioneel)',
    genericName: 'Generiese naam (opsioneel, bv. parasetamol)',
    taxClass: 'BTW',
    taxClasses: { standard: 'Standaard (15 %)', zero: 'Nulkoers (0 %)', exempt: 'Vrygestel' },
    favourite: 'Gunsteling: eerste op die kasregister',
    save: 'Stoor produk',
    saving: 'Stoor…',
    saved: '{{name}} gestoor.',
    empty: 'Nog geen produkte nie.',
    readOnly: 'Net ’n bestuurder kan produkte byvoeg of verander. Wissel na ’n bestuurder om dit te doen.',
    count_one: '{{count}} produk',
    count_other: '{{count}} produkte',
    hidden: 'Versteek',
    notSynced: 'Nie gesinkroniseer nie',
    editTitle: 'Wysig produk',
    back: 'Terug na produkte',
    delete: 'Skrap',
    deleteConfirm: 'Skrap “{{name}}”? Dit verdwyn van elke foon van die winkel.',
    deleteConfirmYes: 'Ja, skrap',
    cancel: 'Kanselleer',
    deleted: '{{name}} geskrap.',
    errors: {
      name: 'Tik ’n naam in (tot 120 karakters).',
      price: 'Tik ’n prys in soos 18.99.',
      barcode: '’n Strepieskode het net letters, syfers en strepies.',
      category: '’n Kategorie is hoogstens 60 karakters.',
      sku: '’n Voorraadkode is hoogstens 64 karakters.',
      genericName: '’n Generiese naam is hoogstens 120 karakters.',
      saveFailed: 'Nie gestoor nie: {{message}}',
      storageFull:
        'Die foon se geheue is vol: hierdie produk is NIE gestoor nie. Maak ’n bietjie plek en probeer weer.',
    },
  },
};
