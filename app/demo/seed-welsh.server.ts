// The demo's Welsh: the rental income campaign writes to its Welsh-preference customers in Welsh. Its letter and text
// message have Welsh versions, its helpline and Debt Management lines and scripts too; then the English text message
// is changed, so its Welsh version is out of date and asked for again, as happens in real campaigns. Written through
// the app's own model functions, so the versions, audit trail and sign-off are real.
import { standardScript, standardWelshScript } from '../content'
import { getCampaignByRef } from '../models/campaign.server'
import { getMessage, listMessages, updateMessage } from '../models/message.server'
import { listLines } from '../models/line.server'
import { listScripts } from '../models/script.server'
import { requestTranslations, saveTranslation } from '../models/translation.server'
import type { TranslationKind } from '../welsh/translation'
import type { Db } from '../utils/db.server'
import type { SessionUser } from '../utils/roles'
import { addDays } from '../forecast/dates'

const CAMPAIGN = 'Rental income missing from Self Assessment returns'

const WELSH_LETTER =
  'Annwyl ((customer_name))\n\nCyfeirnod Unigryw y Trethdalwr: ((reference))\n\nMae’n bosibl nad yw eich Ffurflen Dreth Hunanasesiad ar gyfer ((tax_year)) yn cynnwys incwm rhent\n\n' +
  'Mae gwybodaeth gan asiantau gosod yn dangos eich bod wedi cael rhent o eiddo. Nid yw eich Ffurflen Dreth Hunanasesiad ar gyfer ((tax_year)) yn cynnwys unrhyw incwm o eiddo.\n\n' +
  'Os oes angen, diwygiwch eich Ffurflen Dreth cyn pen 30 diwrnod o ddyddiad y llythyr hwn. Os ydych o’r farn bod eich Ffurflen Dreth yn gywir, nid oes angen i chi wneud unrhyw beth.\n\n' +
  'Os oes gennych unrhyw gwestiynau, ffoniwch ni ar ((helpline_number)). Rydym ar agor ((helpline_hours)).'

// The circumflex of "â" is outside GSM, so GOV.UK Notify sends this as Unicode: 67 characters a part.
const WELSH_TEXT =
  "CThEF: ysgrifennon ni atoch am incwm rhent sydd ar goll o'ch Ffurflen Dreth. Gweithredwch erbyn y dyddiad yn ein llythyr. Cysylltwch â ni os oes gennych gwestiwn. Ni fyddwn byth yn gofyn am fanylion banc drwy neges destun."

/** The English text message after the change that leaves its Welsh version out of date. */
export const CHANGED_ENGLISH_TEXT =
  'HMRC: we wrote to you about rental income missing from your tax return. Please act within 30 days of the date of our letter. We never ask for bank details by text.'

/** Welsh lines by the standard question their English answers. */
const WELSH_LINES: Record<string, { question: string; answer: string }> = {
  'why-sent': {
    question: 'Pam ydw i wedi cael y llythyr hwn?',
    answer:
      'Mae asiantau gosod yn rhoi gwybod i ni am y rhent y maen nhw’n ei gasglu ar gyfer landlordiaid. Nid yw eich Ffurflen Dreth ar gyfer 2024 i 2025 yn cynnwys unrhyw incwm o eiddo, ond mae’r wybodaeth sydd gennym yn awgrymu eich bod wedi cael mwy na £10,000 mewn rhent.\n\nRydym yn ysgrifennu atoch er mwyn i chi allu gwirio’ch Ffurflen Dreth a’i chywiro os oes rhywbeth wedi’i adael allan.',
  },
  'how-to-act': {
    question: 'Sut ydw i’n cywiro fy Ffurflen Dreth?',
    answer:
      'Os gallwch ddiwygio’ch Ffurflen Dreth ar gyfer 2024 i 2025 o hyd, gallwch wneud hynny ar-lein yn eich cyfrif Hunanasesiad.\n\nOs oes incwm rhent ar goll o flynyddoedd cynharach hefyd, rhowch wybod i ni drwy’r Ymgyrch Gosod Eiddo ar GOV.UK. Fel arfer, mae’r cosbau’n is os byddwch yn gwneud hyn eich hun nag os byddwn ni’n dod o hyd iddo.',
  },
  'more-information': {
    question: 'Nid fi biau’r rhent, neu rwyf eisoes wedi rhoi gwybod i chi. Sut ydw i’n anfon rhagor o wybodaeth atoch?',
    answer:
      'Ysgrifennwch at y tîm cydymffurfio Hunanasesiad yn y cyfeiriad sydd yn y llythyr, gan ddyfynnu’ch Cyfeirnod Unigryw y Trethdalwr, neu defnyddiwch y ffurflen gyswllt ar GOV.UK.\n\nMae tîm yr ymgyrch yn darllen pob ateb cyn pen 5 diwrnod gwaith ac yn ei nodi ar eich cofnod, felly does dim angen i chi ffonio eto.',
  },
  'is-genuine': {
    question: 'A yw’r llythyr hwn yn dod gan CThEF mewn gwirionedd?',
    answer:
      'Ydy. Gwnaethom ei anfon fel rhan o ymgyrch i helpu cwsmeriaid i wirio’u treth. Gallwch wirio bod cyswllt yn ddilys ar GOV.UK drwy chwilio am “Cyswllt gan CThEF: gwirio a yw’n ddilys”.\n\nNi fyddwn byth yn gofyn am fanylion banc na chyfrineiriau drwy neges destun neu e-bost, ac nid yw’r llythyr yn gofyn i chi dalu unrhyw un heblaw CThEF.',
  },
  'time-to-pay': {
    question: 'Ni allaf dalu’r dreth ychwanegol i gyd ar unwaith.',
    answer:
      'Efallai y gallwch drefnu cynllun talu. Os oes arnoch lai na £30,000, fel arfer gallwch drefnu un ar-lein; fel arall, ffoniwch Linell Gymorth Taliadau Hunanasesiad.\n\nAr gyfer yr ymgyrch hon, gallwn gytuno ar gynlluniau o hyd at 12 mis heb wiriad llawn o incwm a gwariant.',
  },
}

async function saveWelsh(db: Db, campaignId: string, kind: TranslationKind, entityId: string, englishVersion: number, welsh: Record<string, unknown>, owner: SessionUser) {
  const saved = await saveTranslation(db, { campaignId, kind, entityId, version: 0, englishVersion, welsh }, owner)
  if (!saved.ok) throw new Error(`Could not save the demo Welsh ${kind}: ${saved.reason}`)
}

/** Welsh versions for the demo campaign that has Welsh-preference customers; nothing for any other. */
export async function seedDemoWelsh(db: Db, ref: string, owner: SessionUser, launchDate: string): Promise<boolean> {
  const campaign = await getCampaignByRef(db, ref)
  if (!campaign || campaign.name !== CAMPAIGN) return false
  const messages = await listMessages(db, campaign.id)
  const letter = messages.find((m) => m.channel === 'letter')!
  const text = messages.find((m) => m.channel === 'sms')!
  await saveWelsh(db, campaign.id, 'message', letter.id, letter.version, { layout: 'bilingual', body: WELSH_LETTER }, owner)
  await saveWelsh(db, campaign.id, 'message', text.id, text.version, { body: WELSH_TEXT }, owner)
  for (const line of await listLines(db, campaign.id, ['helpline', 'debt-management'])) {
    const welsh = line.standardQuestion ? WELSH_LINES[line.standardQuestion] : undefined
    if (welsh) await saveWelsh(db, campaign.id, 'line', line.id, line.version, welsh, owner)
  }
  for (const script of await listScripts(db, campaign.id)) {
    // The demo scripts are the standard English wording, so the standard Welsh wording translates them.
    const english = standardScript(script.callType, campaign.referenceType)
    if (script.opening !== english.opening) continue
    await saveWelsh(db, campaign.id, 'script', script.id, script.version, { ...standardWelshScript(script.callType, campaign.referenceType) }, owner)
  }

  // Later, the English text message is changed: its Welsh version is now out of date, and a new translation is asked for.
  const current = (await getMessage(db, campaign.id, text.id))!
  const changed = await updateMessage(
    db,
    {
      campaignId: campaign.id,
      messageId: text.id,
      version: current.version,
      values: {
        channel: current.channel,
        name: current.name,
        referenceType: current.referenceType as 'utr',
        subject: null,
        body: CHANGED_ENGLISH_TEXT,
        addressBlock: null,
        postage: null,
        deadlineDays: null,
        waves: current.waves,
      },
    },
    owner,
  )
  if (!changed.ok) throw new Error(`Could not change the demo text message: ${changed.reason}`)
  const requested = await requestTranslations(db, { campaignId: campaign.id, items: [{ kind: 'message', entityId: text.id }], neededBy: addDays(launchDate, -10) }, owner)
  if (!requested.ok) throw new Error(`Could not ask for the demo translation: ${requested.reason}`)
  return true
}
