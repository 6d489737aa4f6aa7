import type { DeepStrings } from './en';
import type { enAccount } from './enAccount';

/** Afrikaans strings of the pharmacy's email sign-in and two-factor steps (`enAccount.ts`'s counterpart). */
export const afAccount: DeepStrings<typeof enAccount> = {
  account: {
    businessName: 'Apteek se naam',
    email: 'E-posadres',
    emailPlaceholder: 'nomsa@example.co.za',
    password: 'Wagwoord',
    newPassword: 'Kies ’n wagwoord',
    passwordHint:
      'Minstens {{min}} karakters. ’n Paar woorde wat niks met mekaar te doen het nie, is maklik om te onthou en moeilik om te raai.',
    passwordConfirm: 'Herhaal die wagwoord',
    submitSignIn: 'Meld aan',
    submitRegister: 'Registreer apteek',
    errors: {
      email: 'Tik ’n e-posadres in, bv. nomsa@example.co.za.',
      password: 'Tik die wagwoord in.',
      passwordConfirm: 'Die twee wagwoorde is nie dieselfde nie.',
    },
    code: {
      title: 'Tweefaktor-aanmelding',
      text: 'Maak jou verifikasie-app oop en tik die 6-syferkode in wat dit vir OpenTill wys.',
      label: '6-syferkode',
      recoveryText:
        'Tik een van die herstelkodes in wat jy gestoor het toe jy tweefaktor opgestel het. Elkeen werk een keer.',
      recoveryLabel: 'Herstelkode',
      useRecovery: 'Gebruik eerder ’n herstelkode',
      useApp: 'Gebruik eerder die kode uit die app',
      submit: 'Meld aan',
      errors: {
        code: 'Tik die 6 syfers in wat die app wys.',
        recovery: 'Tik ’n herstelkode in, bv. k3v9q-7mz2d.',
      },
    },
    enrol: {
      title: 'Stel tweefaktor-aanmelding op',
      intro:
        'Apteekrekeninge meld aan met die wagwoord en ’n kode uit ’n verifikasie-app op jou foon (byvoorbeeld Google Authenticator, Microsoft Authenticator of Aegis). Installeer een en stel dit dan een keer hier op.',
      start: 'Wys die QR-kode',
      scan: '1. Voeg in die verifikasie-app ’n rekening by en skandeer hierdie kode.',
      qrLabel: 'QR-kode om met die verifikasie-app te skandeer',
      manual: 'Kan jy dit nie skandeer nie? Tik eerder hierdie sleutel in die app in:',
      enterCode: '2. Tik die 6-syferkode in wat die app nou wys',
      confirm: 'Skakel tweefaktor aan',
    },
    recovery: {
      title: 'Stoor jou herstelkodes',
      text: 'As jy die foon met die verifikasie-app verloor, meld elkeen van hierdie kodes jou een keer aan in plaas van ’n kode. Skryf hulle neer of druk hulle uit, en hou hulle op ’n veilige plek: hulle word net nou gewys.',
      saved: 'Ek het hulle gestoor',
      finishing: 'Meld aan…',
    },
    failures: {
      ended: 'Hierdie aanmelding het verval. Gaan terug en meld weer aan.',
    },
  },
};
