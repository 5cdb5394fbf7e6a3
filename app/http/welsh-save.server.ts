// Saving a Welsh version from its page, the same for a message, a line and a script: the form's versions checked,
// the save through the translation model, and each refusal answered with the Welsh kept on screen (cut as every
// echoed value is).
import { data, redirect } from '@remix-run/node'
import type { TranslationKind } from '../welsh/translation'
import { saveTranslation } from '../models/translation.server'
import type { Campaign } from '../models/campaign.server'
import { parseVersions } from '../schemas/welsh'
import { db } from '../utils/db.server'
import { echoed, type FormValues } from '../utils/forms'
import type { SessionUser } from '../utils/roles'
import { notFound } from './responses.server'
import { refusalResponse } from './refusals.server'

export interface WelshSave<K extends Record<string, string>> {
  kind: TranslationKind
  entityId: string
  /** The page to go back to once saved. */
  page: string
  /** What was typed, to keep on screen after a refusal. */
  kept: K
  /** "this line", "this message": in the words of a refusal. */
  thing: string
  /** Said when the English record has gone meanwhile. */
  gone: string
}

export async function saveWelshFromForm<K extends Record<string, string>>(
  values: FormValues,
  welsh: Record<string, unknown>,
  target: WelshSave<K>,
  campaign: Campaign,
  user: SessionUser,
) {
  const kept = echoed(target.kept)
  const refused = (message: string) => data({ errors: { _form: message } as Record<string, string>, values: kept }, { status: 409 })
  const versions = parseVersions(values)
  if (!versions) return refused('The page was out of date, so nothing was saved. Check the Welsh below and save again.')
  const result = await saveTranslation(db, { campaignId: campaign.id, kind: target.kind, entityId: target.entityId, ...versions, welsh }, user)
  if (result.ok) throw redirect(`${target.page}?notice=saved`, { status: 303 })
  switch (result.reason) {
    case 'conflict':
      return refused(`Someone else saved a Welsh version of ${target.thing} while you were editing. Your Welsh has not been saved yet: it is still below. Check it, then save again to replace theirs.`)
    case 'english-changed':
      return refused('The English changed while you were translating, so your Welsh has not been saved yet: it is still below. Check what changed in the English, then save again.')
    case 'gone':
      throw notFound(target.gone)
    default:
      throw refusalResponse(result.reason, campaign)
  }
}
