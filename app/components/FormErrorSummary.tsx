import { ErrorSummary } from './govuk'
import { errorLinks, type FieldErrors } from '../utils/forms'

/** The GOV.UK error summary for a form: entries in page order, each linking to its field. */
export function FormErrorSummary({ errors, order, hrefs }: { errors?: FieldErrors; order?: readonly string[]; hrefs?: Record<string, string> }) {
  const links = errorLinks(errors, order ? [...order] : [], hrefs)
  if (links.length === 0) return null
  return <ErrorSummary errors={links} />
}
