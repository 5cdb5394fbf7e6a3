import { WarningText } from '../govuk'

/** Recovery codes, shown once, right after they are made. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <>
      <h2 className="govuk-heading-m" id="recovery-codes">
        Your recovery codes
      </h2>
      <WarningText text="Save these codes somewhere safe now, such as a password manager, or print this page. They will not be shown again." />
      <ol className="govuk-list govuk-list--number app-recovery-codes" aria-labelledby="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code className="app-code">{code}</code>
          </li>
        ))}
      </ol>
      <p className="govuk-body">
        If you cannot use your authenticator app, enter one of these codes instead of a code from the app. Each code works once.
      </p>
    </>
  )
}
