import type { DeepStrings } from './en';
import type { enAccount } from './enAccount';

/** isiZulu strings of the pharmacy's email sign-in and two-factor steps (`enAccount.ts`'s counterpart). */
export const zuAccount: DeepStrings<typeof enAccount> = {
  account: {
    businessName: 'Igama lekhemisi',
    email: 'Ikheli le-imeyili',
    emailPlaceholder: 'nomsa@example.co.za',
    password: 'Iphasiwedi',
    newPassword: 'Khetha iphasiwedi',
    passwordHint:
      'Okungenani izinhlamvu ezingu-{{min}}. Amagama ambalwa angahlobene kulula ukuwakhumbula futhi kunzima ukuwaqagela.',
    passwordConfirm: 'Phinda iphasiwedi',
    submitSignIn: 'Ngena',
    submitRegister: 'Bhalisa ikhemisi',
    errors: {
      email: 'Faka ikheli le-imeyili, isb. nomsa@example.co.za.',
      password: 'Faka iphasiwedi.',
      passwordConfirm: 'Amaphasiwedi amabili awafani.',
    },
    code: {
      title: 'Ukungena ngezinyathelo ezimbili',
      text: 'Vula i-app yakho yokuqinisekisa (authenticator) bese ufaka ikhodi yezinombolo ezi-6 ekukhombisa yona ye-OpenTill.',
      label: 'Ikhodi yezinombolo ezi-6',
      recoveryText:
        'Faka elilodwa lamakhodi okubuyisa owagcina lapho usetha ukungena ngezinyathelo ezimbili. Ngalinye lisebenza kanye.',
      recoveryLabel: 'Ikhodi yokubuyisa',
      useRecovery: 'Sebenzisa ikhodi yokubuyisa esikhundleni salokho',
      useApp: 'Sebenzisa ikhodi evela ku-app esikhundleni salokho',
      submit: 'Ngena',
      errors: {
        code: 'Faka izinombolo ezi-6 i-app ezikhombisayo.',
        recovery: 'Faka ikhodi yokubuyisa, isb. k3v9q-7mz2d.',
      },
    },
    enrol: {
      title: 'Setha ukungena ngezinyathelo ezimbili',
      intro:
        'Ama-akhawunti amakhemisi angena ngephasiwedi kanye nekhodi evela ku-app yokuqinisekisa efonini yakho (isibonelo Google Authenticator, Microsoft Authenticator noma Aegis). Faka eyodwa, bese uyisetha lapha kanye.',
      start: 'Khombisa ikhodi ye-QR',
      scan: '1. Ku-app yokuqinisekisa, engeza i-akhawunti bese uskena le khodi.',
      qrLabel: 'Ikhodi ye-QR yokuskena nge-app yokuqinisekisa',
      manual: 'Awukwazi ukuyiskena? Thayipha lo khiye ku-app esikhundleni salokho:',
      enterCode: '2. Faka ikhodi yezinombolo ezi-6 i-app eyikhombisayo manje',
      confirm: 'Vula ukungena ngezinyathelo ezimbili',
    },
    recovery: {
      title: 'Gcina amakhodi akho okubuyisa',
      text: 'Uma ulahlekelwa yifoni ene-app yokuqinisekisa, ngalinye lalawa makhodi likungenisa kanye esikhundleni sekhodi. Wabhale phansi noma uwaphrinte, bese uwagcina endaweni ephephile: akhonjiswa manje kuphela.',
      saved: 'Ngiwagcinile',
      finishing: 'Iyangena…',
    },
    failures: {
      ended: 'Lokhu kungena kuphelile. Buyela emuva bese ungena futhi.',
    },
  },
};
