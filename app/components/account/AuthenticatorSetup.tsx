import type { ReactNode } from 'react'
import { Input } from '../govuk'

/** The QR code, the same key as text, and the field for the first code: setting up an authenticator app. */
export function AuthenticatorSetup({ qrCode, textKey, codeError, before }: { qrCode: string; textKey: string; codeError?: string; before?: ReactNode }) {
  return (
    <>
      <h2 className="govuk-heading-m">1. Get an authenticator app</h2>
      <p className="govuk-body">
        Use an app that makes time-based codes on your phone or computer, such as Microsoft Authenticator, Google Authenticator or your password
        manager.
      </p>
      <h2 className="govuk-heading-m">2. Add OTM Campaign Planner to the app</h2>
      <p className="govuk-body">Scan this QR code with the app.</p>
      <img className="app-qr-code" src={qrCode} alt="QR code to scan with your authenticator app" width={200} height={200} />
      <p className="govuk-body">If you cannot scan it, choose to enter a key in the app and type this key:</p>
      <p className="govuk-body">
        <code className="app-code app-code--key" id="authenticator-key">
          {textKey}
        </code>
      </p>
      <p className="govuk-body">If the app asks, choose a time-based code.</p>
      <h2 className="govuk-heading-m">3. Enter the code the app shows</h2>
      {before}
      <Input
        id="code"
        name="code"
        inputmode="numeric"
        autocomplete="one-time-code"
        spellcheck={false}
        width={10}
        label={{ text: 'Code from your authenticator app', classes: 'govuk-label--s' }}
        hint={{ text: 'The 6-digit code the app shows for OTM Campaign Planner' }}
        errorMessage={codeError}
      />
    </>
  )
}
