import type { DeepStrings } from './en';
import type { enStockAlerts } from './enStockAlerts';

/** Afrikaans strings of the notification centre (`enStockAlerts.ts`'s counterpart). */
export const afStockAlerts: DeepStrings<typeof enStockAlerts> = {
  stockAlerts: {
    title: 'Voorraadwaarskuwings',
    close: 'Maak voorraadwaarskuwings toe',
    empty: 'Niks vra aandag nie: elke produk is bo sy herbestelvlak en geen lot verval binne {{days}} dae nie.',
    explain:
      '’n Produk word gelys wanneer die voorraad wat hierdie foon wys op of onder sy herbestelvlak is. Stel die vlak op die produk se vorm, onder Produkte.',
    severity: {
      out: 'Uit voorraad',
      low: 'Min voorraad',
    },
    figures: '{{onHand}} in voorraad · herbestelvlak {{level}}',
    explainExpiry:
      '’n Lot word gelys wanneer dit binne {{days}} dae verval, en weer sodra dit verval het met eenhede nog op die rak: dié mag nie verkoop word nie, so haal hulle van die rak af en skryf hulle af (rede “verval”).',
    expiry: {
      expired: 'Verval — skryf af',
      expiresToday: 'Verval vandag',
      expiresIn_one: 'Verval môre',
      expiresIn_other: 'Verval oor {{count}} dae',
      expiringFigures: 'Lot {{lot}} · {{onHand}} in voorraad · verval {{date}}',
      expiredFigures: 'Lot {{lot}} · {{onHand}} op die rak · het {{date}} verval',
    },
    open: 'Maak {{name}} oop in Produkte',
    notify: {
      label: 'Laat weet my op hierdie foon',
      hint: 'Kry ’n kennisgewing wanneer ’n produk min raak of uit voorraad is, of ’n lot naby of verby sy vervaldatum is, terwyl OpenTill op hierdie foon oop is.',
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
      summaryAlerts_one: '{{count}} voorraadwaarskuwing vra aandag',
      summaryAlerts_other: '{{count}} voorraadwaarskuwings vra aandag',
      expired: 'Verval, skryf af: {{name}}',
      expiringToday: 'Verval vandag: {{name}}',
      expiring_one: 'Verval môre: {{name}}',
      expiring_other: 'Verval oor {{count}} dae: {{name}}',
    },
  },
};
