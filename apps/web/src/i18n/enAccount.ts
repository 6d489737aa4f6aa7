/**
 * English strings of the pharmacy's email sign-in, registration and two-factor steps, loaded with them
 * (`loadAccountStrings`): the welcome screen's buttons and the steps' titles stay in `en.ts`.
 */
export const enAccount = {
  account: {
    businessName: 'Pharmacy name',
    email: 'Email address',
    emailPlaceholder: 'nomsa@example.co.za',
    password: 'Password',
    newPassword: 'Choose a password',
    passwordHint: 'At least {{min}} characters. A few unrelated words are easy to remember and hard to guess.',
    passwordConfirm: 'Repeat the password',
    submitSignIn: 'Sign in',
    submitRegister: 'Register pharmacy',
    errors: {
      email: 'Enter an email address, e.g. nomsa@example.co.za.',
      password: 'Enter the password.',
      passwordConfirm: 'The two passwords are not the same.',
    },
    code: {
      title: 'Two-factor sign-in',
      text: 'Open your authenticator app and enter the 6-digit code it shows for OpenTill.',
      label: '6-digit code',
      recoveryText: 'Enter one of the recovery codes you saved when you set up two-factor. Each one works once.',
      recoveryLabel: 'Recovery code',
      useRecovery: 'Use a recovery code instead',
      useApp: 'Use the code from the app instead',
      submit: 'Sign in',
      errors: {
        code: 'Enter the 6 digits the app shows.',
        recovery: 'Enter a recovery code, e.g. k3v9q-7mz2d.',
      },
    },
    enrol: {
      title: 'Set up two-factor sign-in',
      intro:
        'Pharmacy accounts sign in with the password and a code from an authenticator app on your phone (for example Google Authenticator, Microsoft Authenticator or Aegis). Install one, then set it up here once.',
      start: 'Show the QR code',
      scan: '1. In the authenticator app, add an account and scan this code.',
      qrLabel: 'QR code to scan with the authenticator app',
      manual: 'Cannot scan it? Type this key into the app instead:',
      enterCode: '2. Enter the 6-digit code the app now shows',
      confirm: 'Turn on two-factor',
    },
    recovery: {
      title: 'Save your recovery codes',
      text: 'If you lose the phone with the authenticator app, each of these codes signs you in once instead of a code. Write them down or print them, and keep them somewhere safe: they are shown only now.',
      saved: 'I saved them',
      finishing: 'Signing in…',
    },
    failures: {
      ended: 'This sign-in has ended. Go back and sign in again.',
    },
  },
} as const;
