// The data-security checks (docs/content-checks.md) applied to content as it is stored: a message or script row, not
// the form being typed. Pure: the models that list content and the sign-off layer that blocks on errors share them.
import { checkMessage, type Channel, type Finding } from './rules'
import { checkScript, type CallType, type ScriptSections } from './script-rules'
import type { ReferenceType } from './fields'

export interface StoredMessage {
  channel: Channel
  name: string
  referenceType: string
  subject: string | null
  body: string
  addressBlock: string | null
  postage: string | null
  deadlineDays: number | null
}

export function messageFindings(message: StoredMessage, extraFields: readonly string[]): Finding[] {
  return checkMessage(
    {
      channel: message.channel,
      name: message.name,
      // checkMessage treats a reference type outside the list as the strictest one.
      referenceType: message.referenceType as never,
      subject: message.subject,
      body: message.body,
      addressBlock: message.addressBlock,
      postage: message.postage,
      deadlineDays: message.deadlineDays,
    },
    { extraFields },
  )
}

/** A script's findings, against the campaign's reference type. */
export function scriptFindings(script: ScriptSections & { callType: CallType }, campaign: { referenceType: ReferenceType }): Finding[] {
  // Custom mailing-data fields are not offered in scripts, so only the standard fields are known to the checks.
  return checkScript(script, { referenceType: campaign.referenceType, extraFields: [] })
}
