import { useEffect } from 'react'
import { ErrorSummary } from './govuk'
import { errorLinks, type FieldErrors } from '../utils/forms'

const FOCUSED_SUMMARY_ID = 'error-summary'

/**
 * The GOV.UK error summary for a form: entries in page order, each linking to its field. With `focus`, the summary
 * takes the focus each time a form comes back with errors, with or without JavaScript (the autofocus attribute on a
 * page load; an effect after a form posted within the page), so a screen reader starts at the list of problems.
 */
export function FormErrorSummary({ errors, order, hrefs, focus }: { errors?: FieldErrors; order?: readonly string[]; hrefs?: Record<string, string>; focus?: boolean }) {
  const links = errorLinks(errors, order ? [...order] : [], hrefs)
  useEffect(() => {
    if (focus && errors && Object.keys(errors).length) document.getElementById(FOCUSED_SUMMARY_ID)?.focus()
  }, [focus, errors])
  if (links.length === 0) return null
  return <ErrorSummary errors={links} attributes={focus ? { id: FOCUSED_SUMMARY_ID, tabIndex: -1, autoFocus: true } : undefined} />
}
