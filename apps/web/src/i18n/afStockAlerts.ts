import type { DeepStrings } from './en';
import type { enStockAlerts } from './enStockAlerts';

/** Afrikaans strings of the notification centre (`enStockAlerts.ts`'s counterpart). */
export const afStockAlerts: DeepStrings<typeof enStockAlerts> = {
  stockAlerts: {
    title: 'Voorraadwaarskuwings',
    close: 'Maak voorraadwaarskuwings toe',
    empty: 'Niks hoef bestel te word nie: elke produk is bo sy herbestelvlak.',
    explain:
      '’n Produk word gelys wanneer die voorraad wat hierdie foon wys op of onder sy herbestelvlak is. Stel die vlak op die produk se vorm, onder Produkte.',
    severity: {
      out: 'Uit voorraad',
      low: 'Min voorraad',
    },
    figures: '{{onHand}} in voorraad · herbestelvlak {{level}}',
    open: 'Maak {{name}} oop in Produkte',
    notify: {
      label: 'Laat weet my op hierdie foon',
      hint: 'Kry ’n kennisgewing wanneer ’n produk min raak of uit voorraad is terwyl OpenTill op hierdie foon oop is.',
      unsupported: 'Hierdie blaaier kan nie kennisgewings wys nie.',
      denied:
        'Kennisgewings is vir OpenTill geblokkeer. Laat hulle toe in die blaaier se werfinstellings en skakel dit dan aan.',
      dismissed: 'Die blaaier het nie kennisgewings toegelaat nie. Tik weer om gevra te word.',
      asking: 'Vra die blaaier…',
    },
    notification: {
      low: 'Min voorraad: {{name}}',
      out: 'Uit voorraad: {{name}}',
      body: '{{onHand}} in voorraad · herbestelvlak {{level}}',
      summary_one: '{{count}} produk moet bestel word',
      summary_other: '{{count}} produkte moet bestel word',
      summaryMore: '{{names}} en nog {{more}}',
    },
  },
};
