import { z } from 'zod'
import { LIMITS } from '../content/limits'
import { SCRIPT_SECTION_LABELS, SCRIPT_SECTIONS, type ScriptSections } from '../content/script-rules'
import { parseForm, type FormValues, type Parsed } from '../utils/forms'
import { optionalText } from './fields'

export const SCRIPT_FIELD_ORDER = SCRIPT_SECTIONS

// Sections may be empty: an inbound call has no recording notice, a third-party message no verification.
const scriptSchema = z.object(
  Object.fromEntries(
    SCRIPT_SECTIONS.map((section) => {
      const label = SCRIPT_SECTION_LABELS[section]
      return [section, optionalText({ label, tooLong: `${label} must be ${LIMITS.scriptSection.toLocaleString('en-GB')} characters or fewer` }, LIMITS.scriptSection)]
    }),
  ) as Record<(typeof SCRIPT_SECTIONS)[number], ReturnType<typeof optionalText>>,
)

export function parseScriptForm(values: FormValues): Parsed<ScriptSections> {
  const parsed = parseForm(scriptSchema, values)
  if (!parsed.ok) return parsed
  if (SCRIPT_SECTIONS.every((section) => parsed.data[section] === '')) {
    return { ok: false, errors: { opening: 'Enter the script: every section is empty' } }
  }
  return { ok: true, data: parsed.data as ScriptSections }
}
