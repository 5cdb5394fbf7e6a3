// Factories for messages: the model input, and the form as a browser posts it.
import { getCampaignByRef } from '../../app/models/campaign.server'
import { createMessage } from '../../app/models/message.server'
import type { MessageFormInput } from '../../app/schemas/message'
import { todayIso } from '../../app/utils/clock.server'
import { db } from '../../app/utils/db.server'
import type { SessionUser } from '../../app/utils/roles'
import { addDays } from './factories'

export const GOOD_ADDRESS = '((customer_name))\n((address_line_1))\n((address_line_2))\n((postcode))'
export const GOOD_LETTER_BODY = 'Dear ((customer_name))\n\nYour Unique Taxpayer Reference: ((reference))\n\nOur records show rental income that is not on your ((tax_year)) return.'

export function letterInput(overrides: Partial<MessageFormInput> = {}): MessageFormInput {
  return {
    channel: 'letter',
    name: 'First letter',
    referenceType: 'utr',
    subject: null,
    body: GOOD_LETTER_BODY,
    addressBlock: GOOD_ADDRESS,
    postage: 'second',
    deadlineDays: 30,
    waves: [
      { sendDate: addDays(todayIso(), 30), volume: 10_000 },
      { sendDate: addDays(todayIso(), 37), volume: 15_000 },
    ],
    ...overrides,
  }
}

export async function makeMessage(owner: SessionUser, ref: string, overrides: Partial<MessageFormInput> = {}): Promise<string> {
  const campaign = await getCampaignByRef(db, ref)
  const result = await createMessage(db, { campaignId: campaign!.id, values: letterInput(overrides) }, owner)
  if (!result.ok) throw new Error(`makeMessage was refused: ${result.reason}`)
  return result.id
}

/** The message form as a browser posts it. */
export function messageForm(input: MessageFormInput, extra: Record<string, string> = {}): Record<string, string> {
  const form: Record<string, string> = {
    channel: input.channel,
    name: input.name,
    referenceType: input.referenceType,
    subject: input.subject ?? '',
    addressBlock: input.addressBlock ?? '',
    postage: input.postage ?? '',
    deadlineDays: input.deadlineDays === null ? '' : String(input.deadlineDays),
    body: input.body.replace(/\n/g, '\r\n'),
  }
  input.waves.forEach((wave, index) => {
    const [year, month, day] = wave.sendDate.split('-')
    form[`waves-${index}-day`] = String(Number(day))
    form[`waves-${index}-month`] = String(Number(month))
    form[`waves-${index}-year`] = year!
    form[`waves-${index}-volume`] = String(wave.volume)
  })
  return { ...form, ...extra }
}
