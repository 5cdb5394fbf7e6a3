// Every route that has an action, with who posts to it, what a valid post looks like right now, and the tables it
// may write. test/integration/hostile-input-*.test.ts fuzz these; hostile-input-1 fails when a route with an action
// is missing here, so a new form cannot be forgotten.
import crypto from 'node:crypto'
import * as notFoundRoute from '../../app/routes/$'
import * as bankHolidayApply from '../../app/routes/admin.bank-holidays.$uploadId'
import * as bankHolidayUpload from '../../app/routes/admin.bank-holidays._index'
import * as userEdit from '../../app/routes/admin.users.$id'
import * as userNew from '../../app/routes/admin.users.new'
import * as actualsByHand from '../../app/routes/campaigns.$ref.actuals._index'
import * as actualsUpload from '../../app/routes/campaigns.$ref.actuals.upload'
import * as reforecast from '../../app/routes/campaigns.$ref.forecast.reforecast'
import { latestReforecast } from '../../app/models/reforecast.server'
import * as debtManagement from '../../app/routes/campaigns.$ref.debt-management'
import * as describeEdit from '../../app/routes/campaigns.$ref.describe.edit'
import * as forecast from '../../app/routes/campaigns.$ref.forecast._index'
import * as launch from '../../app/routes/campaigns.$ref.launch'
import * as lineEdit from '../../app/routes/campaigns.$ref.lines.$lineId.edit'
import * as lineRemove from '../../app/routes/campaigns.$ref.lines.$lineId.remove'
import * as linesIndex from '../../app/routes/campaigns.$ref.lines._index'
import * as lineNew from '../../app/routes/campaigns.$ref.lines.new'
import * as messageDelete from '../../app/routes/campaigns.$ref.messages.$id.delete'
import * as messageEdit from '../../app/routes/campaigns.$ref.messages.$id.edit'
import * as messageFields from '../../app/routes/campaigns.$ref.messages.fields'
import * as messageNew from '../../app/routes/campaigns.$ref.messages.new'
import * as press from '../../app/routes/campaigns.$ref.press'
import * as scriptEdit from '../../app/routes/campaigns.$ref.scripts.$callType._index'
import * as scriptRemove from '../../app/routes/campaigns.$ref.scripts.$callType.remove'
import * as signOffGroup from '../../app/routes/campaigns.$ref.sign-off.$group'
import * as signOffAsk from '../../app/routes/campaigns.$ref.sign-off._index'
import * as campaignNew from '../../app/routes/campaigns.new'
import * as welshMessage from '../../app/routes/campaigns.$ref.welsh.messages.$id'
import * as welshLine from '../../app/routes/campaigns.$ref.welsh.lines.$lineId'
import * as welshScript from '../../app/routes/campaigns.$ref.welsh.scripts.$callType'
import * as welshRemove from '../../app/routes/campaigns.$ref.welsh.$kind.$id.remove'
import * as welshRequest from '../../app/routes/campaigns.$ref.welsh.request'
import * as welshImport from '../../app/routes/campaigns.$ref.welsh.import'
import { getTranslation, saveTranslation } from '../../app/models/translation.server'
import { standardWelshScript } from '../../app/content'
import * as helplineEdit from '../../app/routes/helplines.$id.edit'
import * as helplineNew from '../../app/routes/helplines.new'
import * as login from '../../app/routes/login'
import * as accountPassword from '../../app/routes/account.password'
import * as accountSessions from '../../app/routes/account.sessions'
import * as accountTwoFactor from '../../app/routes/account.two-factor._index'
import * as accountTwoFactorSetup from '../../app/routes/account.two-factor.setup'
import * as userSignIn from '../../app/routes/admin.users.$id_.sign-in'
import * as signInNewPassword from '../../app/routes/login_.new-password'
import * as signInSetUpTwoFactor from '../../app/routes/login_.set-up-two-factor'
import * as signInCode from '../../app/routes/login_.two-factor'
import { listSessions } from '../../app/models/account.server'
import { enrolmentSecret } from '../../app/models/two-factor.server'
import { now, nowIso } from '../../app/utils/clock.server'
import { hashPassword } from '../../app/utils/password.server'
import { createSession, tokenDigest } from '../../app/utils/session.server'
import { newTotpSecret, totpCode } from '../../app/utils/totp.server'
import * as logout from '../../app/routes/logout'
import * as adminNotifications from '../../app/routes/admin.notifications'
import * as notificationsIndex from '../../app/routes/notifications._index'
import * as notificationPreferences from '../../app/routes/notifications.preferences'
import * as notificationEmailSettings from '../../app/routes/notifications.email-settings.$token'
import * as calendarFeedPage from '../../app/routes/notifications.calendar-feed'
import { emailSettingsToken } from '../../app/models/notifications/signing.server'
import { enqueueEmail } from '../../app/models/notifications/outbox.server'
import { DELIVERIES, NOTIFICATION_KINDS } from '../../app/notifications/kinds'
import { queueNotifications } from './delivery'
import { standardScript, SCRIPT_SECTIONS } from '../../app/content'
import type { BankHolidaysFile } from '../../app/forecast/working-days'
import { getActiveBankHolidays, storePendingBankHolidays } from '../../app/models/bank-holidays.server'
import { getCampaignByRef } from '../../app/models/campaign.server'
import { listCampaignFields } from '../../app/models/campaign-field.server'
import { getDebtTreatment } from '../../app/models/debt-treatment.server'
import { loadCampaignForecastData } from '../../app/models/forecast.server'
import { getHelpline } from '../../app/models/helpline.server'
import { getLine, listLines } from '../../app/models/line.server'
import { getMessage } from '../../app/models/message.server'
import { getPressBriefing } from '../../app/models/press-briefing.server'
import { getScript, saveScript } from '../../app/models/script.server'
import { requestSignOff } from '../../app/models/signoff/commands.server'
import { createUser, getUserById } from '../../app/models/user.server'
import { forecastToFormValues } from '../../app/schemas/forecast'
import { db, writeTransaction } from '../../app/utils/db.server'
import type { Role } from '../../app/utils/roles'
import { makeForecastedCampaign } from './calendar'
import { campaignForm, campaignInput, makeCampaign, makeUser, TEST_PASSWORD, type TestUser } from './factories'
import { helplineForm, helplineSettings, makeHelpline } from './forecast'
import type { Baseline, HostileTarget, Pair, Table } from './hostile'
import { lineForm, makeLine } from './lines'
import { letterInput, makeMessage, messageForm } from './messages'
import { sessionCookieFor } from './routes'
import { approveAll, currentHash, makeSignOffCampaign, makeSignOffPeople, type SignOffPeople } from './signoff'

/** The instant every hostile-input file runs at: after the actuals campaign's first send date, before its launch. */
export const FUZZ_NOW = '2027-04-20T10:00:00Z'

// What each kind of form may write (from the models' inserts, updates and deletes, and the triggers that count
// changes to forecast inputs in input_generation). audit_event and revision are always added by the check.
const USER_TABLES: Table[] = ['users', 'user_role', 'session']
/** A content edit may move the campaign back to draft and drop the sign-off asked for, and tell people so. */
const SIGN_OFF_STATE: Table[] = ['campaign', 'campaign_scope', 'sign_off_request', 'sign_off_decision', 'notification', 'email_outbox']
const NOTIFICATION_TABLES: Table[] = ['notification', 'notification_preference', 'calendar_feed', 'email_outbox', 'email_attempt']
/** Every kind of event, each with a way to be told. */
const everyKind = (delivery: string) => Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, delivery]))
const deliveryChoices = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, [...DELIVERIES]]))
/** The three percentiles a helpline may staff to, and near misses that must be refused. */
const STAFF_TO_CHOICES_HOSTILE = ['50', '80', '90', '75', '100', '0', 'P80']
const FORECAST_INPUTS: Table[] = ['forecast_input', 'forecast_message', 'forecast_split', 'input_generation', 'campaign_load', 'campaign_helpline_load']
const CAMPAIGN_TABLES: Table[] = ['campaign', 'campaign_co_owner', 'input_generation', 'campaign_load', 'campaign_helpline_load']
const LINE_TABLES: Table[] = [...SIGN_OFF_STATE, 'line_to_take']
const MESSAGE_TABLES: Table[] = [...SIGN_OFF_STATE, 'message', 'wave', 'campaign_field', ...FORECAST_INPUTS]
const HELPLINE_TABLES: Table[] = ['helpline', 'input_generation', 'campaign_load', 'campaign_helpline_load']
const BANK_HOLIDAY_TABLES: Table[] = ['bank_holiday_file', 'input_generation', 'campaign_load', 'campaign_helpline_load']
const ACTUALS_TABLES: Table[] = ['actual_calls', 'campaign', 'campaign_load', 'campaign_helpline_load']
/** Sign-in and account forms. login_throttle is left out: a wrong password or code counts there on purpose. */
const SIGN_IN_TABLES: Table[] = [...USER_TABLES, 'two_factor', 'recovery_code', 'sign_in_pending']
const SECURITY_EVENTS = /^security\./

/** A sign-in part-way through for this person, as the password step leaves it: its cookie. Earlier ones and the
 * sessions earlier runs started are cleared, so the tables compared after each run stay small. */
async function pendingSignIn(userId: string, secondFactorDone = 0): Promise<string> {
  await db.deleteFrom('sign_in_pending').where('user_id', '=', userId).execute()
  await db.deleteFrom('session').where('user_id', '=', userId).execute()
  const token = crypto.randomBytes(32).toString('base64url')
  await db.insertInto('sign_in_pending').values({ id: tokenDigest(token), user_id: userId, redirect_to: '/', second_factor_done: secondFactorDone, created_at: nowIso() }).execute()
  return `otm_sign_in=${token}`
}

/** Puts an authenticator app with a known key on the account, unused, with no guesses counted against it. */
async function withAuthenticator(userId: string, secret: string): Promise<void> {
  const values = { secret, enrolled_at: nowIso(), last_used_step: null, pending_secret: null, pending_created_at: null }
  await db.insertInto('two_factor').values({ user_id: userId, ...values }).onConflict((c) => c.column('user_id').doUpdateSet(values)).execute()
  await db.deleteFrom('login_throttle').execute()
}

async function withoutAuthenticator(userId: string): Promise<void> {
  await db.deleteFrom('recovery_code').where('user_id', '=', userId).execute()
  await db.deleteFrom('two_factor').where('user_id', '=', userId).execute()
}

const currentCode = (secret: string) => totpCode(secret, now().getTime())
const WELSH_TABLES: Table[] = [...SIGN_OFF_STATE, 'translation', 'translation_request']

function pairs(values: Record<string, string | string[]>): Pair[] {
  const out: Pair[] = []
  for (const [key, value] of Object.entries(values)) {
    for (const item of Array.isArray(value) ? value : [value]) out.push([key, item])
  }
  return out
}

const form = (values: Record<string, string | string[]>): Baseline => ({ form: pairs(values) })

// Shared by the entries of one test file; each entry still builds its own campaign, so runs of one form never
// make another form's baseline stale.
let shared: Promise<{ admin: TestUser; designer: TestUser; manager: TestUser; alpha: { id: string; name: string }; beta: { id: string; name: string } }> | null = null
function world() {
  shared ??= (async () => {
    const admin = await makeUser(['admin'], 'Alex Admin')
    const alphaName = `Alpha ${crypto.randomUUID().slice(0, 6)}`
    const betaName = `Beta ${crypto.randomUUID().slice(0, 6)}`
    return {
      admin,
      designer: await makeUser(['designer'], 'Dee Designer'),
      manager: await makeUser(['customer-services'], 'Helen Marsh'),
      alpha: { id: (await makeHelpline(admin, { name: alphaName })).id, name: alphaName },
      beta: { id: (await makeHelpline(admin, { name: betaName })).id, name: betaName },
    }
  })()
  return shared
}

let people: Promise<SignOffPeople> | null = null
const signOffPeople = () => (people ??= makeSignOffPeople())

async function campaignOf(ref: string) {
  const campaign = await getCampaignByRef(db, ref)
  if (!campaign) throw new Error(`No campaign ${ref}`)
  return campaign
}

async function designerCampaign(overrides: Parameters<typeof campaignInput>[0] = {}) {
  const { designer } = await world()
  const ref = await makeCampaign(designer, overrides)
  return { designer, ref, campaign: await campaignOf(ref) }
}

let counter = 0
const next = () => ++counter

function smallBankHolidays(title: string): BankHolidaysFile {
  const event = (date: string) => ({ title, date, notes: '', bunting: true })
  return {
    'england-and-wales': { division: 'england-and-wales', events: [event('2027-01-01'), event('2027-12-27')] },
    scotland: { division: 'scotland', events: [event('2027-01-04')] },
    'northern-ireland': { division: 'northern-ireland', events: [event('2027-03-17')] },
  }
}

export const CATALOGUE: Record<string, () => Promise<HostileTarget>> = {
  async $() {
    const { admin } = await world()
    return { action: notFoundRoute.action, path: '/no/such/page', params: { '*': 'no/such/page' }, cookie: admin.cookie, tables: [...USER_TABLES, 'campaign'], baseline: async () => form({ name: 'x' }) }
  },

  async 'admin.bank-holidays._index'() {
    const { admin } = await world()
    return {
      action: bankHolidayUpload.action,
      path: '/admin/bank-holidays',
      params: {},
      cookie: admin.cookie,
      tables: BANK_HOLIDAY_TABLES,
      baseline: async () => ({
        form: [],
        file: { field: 'file', name: 'bank-holidays.json', type: 'application/json', content: Buffer.from(JSON.stringify(smallBankHolidays(`Holiday ${next()}`))) },
      }),
    }
  },

  async 'admin.bank-holidays.$uploadId'() {
    const { admin } = await world()
    const store = async () => {
      const stored = await storePendingBankHolidays(db, smallBankHolidays(`Applied ${next()}`), admin)
      if (!stored.ok) throw new Error('Could not store a bank holidays file')
      return stored.id
    }
    const params = { uploadId: await store() }
    return {
      action: bankHolidayApply.action,
      path: `/admin/bank-holidays/${params.uploadId}`,
      params,
      cookie: admin.cookie,
      tables: BANK_HOLIDAY_TABLES,
      baseline: async () => form({ base: (await getActiveBankHolidays(db)).id }),
      // A refused apply says why in one sentence (already in use, or changed meanwhile): there is no field to mark.
      refusalBody: (data) => typeof (data as { error?: unknown })?.error === 'string' && (data as { error: string }).error.length > 0,
      afterSuccess: async () => {
        params.uploadId = await store()
      },
    }
  },

  async 'admin.users.$id'() {
    const { admin } = await world()
    const person = await makeUser(['viewer'], 'Vic Viewer')
    return {
      action: userEdit.action,
      path: `/admin/users/${person.id}`,
      params: { id: person.id },
      cookie: admin.cookie,
      tables: USER_TABLES,
      choices: { status: ['active', 'disabled'], roles: ['designer', 'customer-services', 'debt-management', 'press-office', 'welsh-language-services', 'viewer', 'admin'] },
      baseline: async () => {
        const current = await getUserById(db, person.id)
        return form({ name: 'Vic Viewer', roles: ['viewer', 'press-office'], status: 'active', version: String(current!.version) })
      },
    }
  },

  async 'admin.users.new'() {
    const { admin } = await world()
    return {
      action: userNew.action,
      path: '/admin/users/new',
      params: {},
      cookie: admin.cookie,
      tables: USER_TABLES,
      baseline: async () => form({ name: 'New Person', email: `new-${crypto.randomUUID().slice(0, 8)}@example.gov.uk`, roles: ['designer', 'viewer'], password: 'a long temporary password' }),
    }
  },

  async 'campaigns.$ref.actuals._index'() {
    const { designer, manager, alpha, beta } = await world()
    const { ref } = await makeForecastedCampaign(designer, { waves: [{ sendDate: '2027-03-01', volume: 100_000 }], split: { [alpha.id]: 80, [beta.id]: 20 }, status: 'launched' })
    return {
      action: actualsByHand.action,
      path: `/campaigns/${ref}/actuals`,
      params: { ref },
      cookie: manager.cookie,
      tables: ACTUALS_TABLES,
      choices: { replaces: ['0', '1200', '99'], helpline: [alpha.id, beta.id] },
      baseline: async () => {
        // A different day each run, so most valid posts record a new day rather than meet one already recorded.
        const n = next()
        const day = 1 + (n % 28)
        return form({ 'date-day': String(day), 'date-month': n % 2 ? '3' : '4', 'date-year': '2027', helpline: n % 3 ? alpha.id : beta.id, calls: String(1000 + n) })
      },
    }
  },

  async 'campaigns.$ref.actuals.upload'() {
    const { designer, alpha, beta } = await world()
    const { ref } = await makeForecastedCampaign(designer, { waves: [{ sendDate: '2027-03-01', volume: 100_000 }], split: { [alpha.id]: 80, [beta.id]: 20 }, status: 'launched' })
    return {
      action: actualsUpload.action,
      path: `/campaigns/${ref}/actuals/upload`,
      params: { ref },
      cookie: designer.cookie,
      tables: ACTUALS_TABLES,
      baseline: async () => ({
        form: [],
        file: {
          field: 'file',
          name: 'actuals.csv',
          type: 'text/csv',
          content: Buffer.from(`date,helpline,calls\r\n2027-03-04,${alpha.name},1200\r\n2027-03-04,${beta.name.toUpperCase()},310\r\n2027-03-05,${alpha.name},${900 + next()}\r\n`),
        },
      }),
    }
  },

  async 'campaigns.$ref.forecast.reforecast'() {
    const { designer, manager, alpha, beta } = await world()
    const { ref, campaignId } = await makeForecastedCampaign(designer, { waves: [{ sendDate: '2027-03-01', volume: 100_000 }], split: { [alpha.id]: 80, [beta.id]: 20 }, status: 'launched' })
    // Three working days of calls, so a valid post makes a new re-forecast each time.
    await db
      .insertInto('actual_calls')
      .values(['2027-03-04', '2027-03-05', '2027-03-08'].map((date, i) => ({ campaign_id: campaignId, helpline_id: alpha.id, date, calls: 900 + 100 * i, recorded_by: manager.id, recorded_at: nowIso() })))
      .execute()
    return {
      action: reforecast.action,
      path: `/campaigns/${ref}/forecast/reforecast`,
      params: { ref },
      cookie: manager.cookie,
      tables: ['reforecast', 'campaign_load', 'campaign_helpline_load', 'input_generation'],
      choices: { seen: ['0', '1', '2', '-1'] },
      // The version the page would show now: anything else is someone else's re-forecast meanwhile, and refused.
      baseline: async () => form({ seen: String((await latestReforecast(db, campaignId))?.version ?? 0) }),
    }
  },

  async 'campaigns.$ref.debt-management'() {
    const { designer, ref, campaign } = await designerCampaign({ extraLiability: true, liabilityCustomers: 12_000, liabilityAveragePence: 85_000 })
    await makeLine(designer, ref, { audience: 'debt-management', question: 'I cannot pay.', answer: 'Ask for a payment plan.' })
    await makeLine(designer, ref, { audience: 'debt-management', question: 'Can I pay monthly?', answer: 'Yes.' })
    return {
      action: debtManagement.action,
      path: `/campaigns/${ref}/debt-management`,
      params: { ref },
      cookie: designer.cookie,
      tables: [...LINE_TABLES, 'debt_treatment'],
      choices: { intent: ['save', 'move'] },
      baseline: async () => {
        const current = await getDebtTreatment(db, campaign.id)
        return form({ intent: 'save', specialTreatment: `Payment plans of up to ${next()} months.`, version: String(current?.version ?? 0) })
      },
    }
  },

  async 'campaigns.$ref.describe.edit'() {
    const { designer, ref } = await designerCampaign()
    return {
      action: describeEdit.action,
      path: `/campaigns/${ref}/describe/edit`,
      params: { ref },
      cookie: designer.cookie,
      tables: [...CAMPAIGN_TABLES, ...SIGN_OFF_STATE],
      choices: { regime: ['vat', 'paye', 'self-assessment', 'nonsense'], extraLiability: ['yes', 'no'], pressInform: ['yes', 'no'] },
      baseline: async () => {
        const current = await campaignOf(ref)
        return form(campaignForm(campaignInput({ name: `Undeclared rental income ${next()}` }), { version: String(current.version) }))
      },
    }
  },

  async 'campaigns.$ref.forecast._index'() {
    const { designer, alpha, beta } = await world()
    const { ref } = await makeForecastedCampaign(designer, { waves: [{ sendDate: '2027-06-01', volume: 50_000 }], split: { [alpha.id]: 60, [beta.id]: 40 } })
    return {
      action: forecast.action,
      path: `/campaigns/${ref}/forecast`,
      params: { ref },
      cookie: designer.cookie,
      tables: [...SIGN_OFF_STATE, ...FORECAST_INPUTS],
      choices: { intent: ['save', 'recalculate', 'use-suggestion'] },
      baseline: async () => {
        const campaign = await campaignOf(ref)
        const loaded = await loadCampaignForecastData(db, campaign)
        const values = forecastToFormValues(loaded.saved.settings, { messages: loaded.messages, helplines: loaded.helplines })
        return form({ ...values, version: String(loaded.saved.version), intent: 'save' })
      },
    }
  },

  async 'campaigns.$ref.launch'() {
    const everyone = await signOffPeople()
    const params = { ref: '' }
    let rebuilt = 0
    const approved = async () => {
      const campaign = await makeSignOffCampaign(everyone)
      await approveAll(everyone, campaign)
      params.ref = campaign.ref
    }
    await approved()
    return {
      action: launch.action,
      path: '/campaigns/launch',
      params,
      cookie: everyone.owner.cookie,
      tables: [...SIGN_OFF_STATE, 'launch_snapshot', 'campaign_load', 'campaign_helpline_load'],
      // Launching reads nothing from the form, so a run either launches or is refused for the campaign's state.
      refusalBody: (data) => Array.isArray((data as { problems?: unknown })?.problems) && (data as { problems: unknown[] }).problems.length > 0,
      // A launched campaign refuses every later post (403): rebuild an approved one now and then, so both keep
      // being tried. Each rebuild asks for and gives every sign-off, so only a few.
      afterSuccess: async () => {
        if (rebuilt++ < 10) await approved()
      },
      baseline: async () => form({}),
    }
  },

  async 'campaigns.$ref.lines.$lineId.edit'() {
    const { designer, ref, campaign } = await designerCampaign()
    const lineId = await makeLine(designer, ref)
    return {
      action: lineEdit.action,
      path: `/campaigns/${ref}/lines/${lineId}/edit`,
      params: { ref, lineId },
      cookie: designer.cookie,
      tables: LINE_TABLES,
      choices: { audience: ['helpline', 'press', 'debt-management', 'internal'], standardQuestion: ['why-sent', 'time-to-pay', ''] },
      baseline: async () => {
        const line = await getLine(db, campaign.id, lineId)
        return form(lineForm({ answer: `We think you may have rental income (${next()}).` }, { version: String(line?.version ?? 1) }))
      },
    }
  },

  async 'campaigns.$ref.lines.$lineId.remove'() {
    const { designer, ref, campaign } = await designerCampaign()
    const params = { ref, lineId: await makeLine(designer, ref) }
    return {
      action: lineRemove.action,
      path: `/campaigns/${ref}/lines/remove`,
      params,
      cookie: designer.cookie,
      tables: LINE_TABLES,
      baseline: async () => form({ version: String((await getLine(db, campaign.id, params.lineId))?.version ?? 1) }),
      afterSuccess: async () => {
        if (!(await getLine(db, campaign.id, params.lineId))) params.lineId = await makeLine(designer, ref)
      },
    }
  },

  async 'campaigns.$ref.lines._index'() {
    const { designer, ref, campaign } = await designerCampaign()
    await makeLine(designer, ref, { question: 'First?' })
    await makeLine(designer, ref, { question: 'Second?' })
    await makeLine(designer, ref, { question: 'Third?' })
    return {
      action: linesIndex.action,
      path: `/campaigns/${ref}/lines`,
      params: { ref },
      cookie: designer.cookie,
      tables: LINE_TABLES,
      choices: { direction: ['up', 'down'] },
      baseline: async () => {
        const lines = await listLines(db, campaign.id, ['helpline'])
        const [above, moving, below] = lines
        return form({ intent: 'move', lineId: moving!.id, version: String(moving!.version), direction: 'up', above: above!.id, ...(below ? { below: below.id } : {}) })
      },
    }
  },

  async 'campaigns.$ref.lines.new'() {
    const { designer, ref } = await designerCampaign()
    return {
      action: lineNew.action,
      path: `/campaigns/${ref}/lines/new`,
      params: { ref },
      cookie: designer.cookie,
      tables: LINE_TABLES,
      choices: { audience: ['helpline', 'press', 'debt-management', 'internal'], standardQuestion: ['why-sent', 'time-to-pay', ''] },
      baseline: async () => form(lineForm({ question: `Why have I been sent this letter (${next()})?` })),
    }
  },

  async 'campaigns.$ref.messages.$id.delete'() {
    const { designer, ref, campaign } = await designerCampaign()
    const params = { ref, id: await makeMessage(designer, ref) }
    return {
      action: messageDelete.action,
      path: `/campaigns/${ref}/messages/delete`,
      params,
      cookie: designer.cookie,
      tables: MESSAGE_TABLES,
      baseline: async () => form({ version: String((await getMessage(db, campaign.id, params.id))?.version ?? 1) }),
      afterSuccess: async () => {
        if (!(await getMessage(db, campaign.id, params.id))) params.id = await makeMessage(designer, ref)
      },
    }
  },

  async 'campaigns.$ref.messages.$id.edit'() {
    const { designer, ref, campaign } = await designerCampaign()
    const id = await makeMessage(designer, ref)
    return {
      action: messageEdit.action,
      path: `/campaigns/${ref}/messages/${id}/edit`,
      params: { ref, id },
      cookie: designer.cookie,
      tables: MESSAGE_TABLES,
      choices: { intent: ['save', 'add-wave', 'remove-wave-0', 'remove-wave-1', 'remove-wave-999'], channel: ['letter', 'email', 'sms', 'online'], postage: ['first', 'second', 'economy', 'signed-for'] },
      baseline: async () => {
        const message = await getMessage(db, campaign.id, id)
        return form(messageForm(letterInput({ name: `Letter ${next()}` }), { version: String(message!.version) }))
      },
    }
  },

  async 'campaigns.$ref.messages.fields'() {
    const { designer, ref, campaign } = await designerCampaign()
    return {
      action: messageFields.action,
      path: `/campaigns/${ref}/messages/fields`,
      params: { ref },
      cookie: designer.cookie,
      tables: MESSAGE_TABLES,
      choices: { intent: ['add', 'remove'] },
      baseline: async () => {
        const fields = await listCampaignFields(db, campaign.id)
        return form({ intent: 'add', name: `field_${next()}`, fieldId: fields[0]?.id ?? '' })
      },
    }
  },

  async 'campaigns.$ref.messages.new'() {
    const { designer, ref } = await designerCampaign()
    return {
      action: messageNew.action,
      path: `/campaigns/${ref}/messages/new`,
      params: { ref },
      cookie: designer.cookie,
      tables: MESSAGE_TABLES,
      choices: { intent: ['save', 'add-wave', 'remove-wave-0', 'remove-wave-1'], channel: ['letter', 'email', 'sms', 'online'], postage: ['first', 'second', 'economy', 'signed-for'] },
      baseline: async () => form(messageForm(letterInput({ name: `Letter ${next()}` }))),
    }
  },

  async 'campaigns.$ref.press'() {
    const { designer, ref, campaign } = await designerCampaign({ pressInform: true })
    await makeLine(designer, ref, { audience: 'press', question: 'Is HMRC targeting landlords?', answer: 'HMRC writes to some landlords.' })
    await makeLine(designer, ref, { audience: 'press', question: 'How many letters?', answer: 'About 100,000.' })
    return {
      action: press.action,
      path: `/campaigns/${ref}/press`,
      params: { ref },
      cookie: designer.cookie,
      tables: [...LINE_TABLES, 'press_briefing'],
      choices: { intent: ['save', 'move'] },
      baseline: async () => {
        const current = await getPressBriefing(db, campaign.id)
        const day = 1 + (next() % 28)
        return form({ intent: 'save', 'launchDateTold-day': String(day), 'launchDateTold-month': '6', 'launchDateTold-year': '2027', version: String(current?.version ?? 0) })
      },
    }
  },

  async 'campaigns.$ref.scripts.$callType._index'() {
    const { designer, ref, campaign } = await designerCampaign()
    const sections = standardScript('outbound', campaign.referenceType)
    return {
      action: scriptEdit.action,
      path: `/campaigns/${ref}/scripts/outbound`,
      params: { ref, callType: 'outbound' },
      cookie: designer.cookie,
      tables: [...SIGN_OFF_STATE, 'script'],
      baseline: async () => {
        const current = await getScript(db, campaign.id, 'outbound')
        const values: Record<string, string> = Object.fromEntries(SCRIPT_SECTIONS.map((s) => [s, sections[s]]))
        values.closing = `${values.closing} (${next()})`
        return form({ ...values, version: String(current?.version ?? 0) })
      },
    }
  },

  async 'campaigns.$ref.scripts.$callType.remove'() {
    const { designer, ref, campaign } = await designerCampaign()
    const write = async () => {
      const saved = await saveScript(db, { campaignId: campaign.id, callType: 'inbound', version: 0, sections: standardScript('inbound', campaign.referenceType) }, designer)
      if (!saved.ok) throw new Error('Could not save the script')
    }
    await write()
    return {
      action: scriptRemove.action,
      path: `/campaigns/${ref}/scripts/inbound/remove`,
      params: { ref, callType: 'inbound' },
      cookie: designer.cookie,
      tables: [...SIGN_OFF_STATE, 'script'],
      baseline: async () => form({ version: String((await getScript(db, campaign.id, 'inbound'))?.version ?? 0) }),
      afterSuccess: async () => {
        if (!(await getScript(db, campaign.id, 'inbound'))) await write()
      },
    }
  },

  async 'campaigns.$ref.sign-off.$group'() {
    const everyone = await signOffPeople()
    const campaign = await makeSignOffCampaign(everyone)
    const asked = await requestSignOff(db, { campaignId: campaign.campaignId }, everyone.owner)
    if (!asked.ok) throw new Error(`Could not ask for sign-off: ${asked.reason}`)
    return {
      action: signOffGroup.action,
      path: `/campaigns/${campaign.ref}/sign-off/customer-services`,
      params: { ref: campaign.ref, group: 'customer-services' },
      cookie: everyone.customerServices.cookie,
      tables: SIGN_OFF_STATE,
      choices: { decision: ['approve', 'request-changes'] },
      baseline: async () => form({ decision: 'approve', comment: `Checked (${next()})`, reviewedHash: await currentHash(campaign.campaignId, 'customer-services') }),
    }
  },

  async 'campaigns.$ref.sign-off._index'() {
    const everyone = await signOffPeople()
    const campaign = await makeSignOffCampaign(everyone)
    return {
      action: signOffAsk.action,
      path: `/campaigns/${campaign.ref}/sign-off`,
      params: { ref: campaign.ref },
      cookie: everyone.owner.cookie,
      tables: SIGN_OFF_STATE,
      // Refused while blocked: the problems to fix are listed under the summary.
      choices: { intent: ['ask', 'ask-again'] },
      baseline: async () => form({ intent: 'ask' }),
    }
  },

  async 'campaigns.$ref.welsh.messages.$id'() {
    const { designer, ref, campaign } = await designerCampaign({ welshCustomers: 3_000 })
    const id = await makeMessage(designer, ref)
    return {
      action: welshMessage.action,
      path: `/campaigns/${ref}/welsh/messages/${id}`,
      params: { ref, id },
      cookie: designer.cookie,
      tables: WELSH_TABLES,
      choices: { layout: ['bilingual', 'welsh-only', 'nonsense'] },
      baseline: async () => {
        const [message, welsh] = await Promise.all([getMessage(db, campaign.id, id), getTranslation(db, campaign.id, 'message', id)])
        return form({
          layout: 'bilingual',
          body: `Annwyl ((customer_name))\r\n\r\nCyfeirnod: ((reference)) ((tax_year)) (${next()})`,
          version: String(welsh?.version ?? 0),
          englishVersion: String(message!.version),
        })
      },
    }
  },

  async 'campaigns.$ref.welsh.lines.$lineId'() {
    const { designer, ref, campaign } = await designerCampaign({ welshCustomers: 3_000 })
    const lineId = await makeLine(designer, ref, { standardQuestion: 'why-sent' })
    return {
      action: welshLine.action,
      path: `/campaigns/${ref}/welsh/lines/${lineId}`,
      params: { ref, lineId },
      cookie: designer.cookie,
      tables: WELSH_TABLES,
      baseline: async () => {
        const welsh = await getTranslation(db, campaign.id, 'line', lineId)
        return form({ question: 'Pam ydw i wedi cael y llythyr hwn?', answer: `Mae asiantau gosod yn rhoi gwybod i ni (${next()}).`, version: String(welsh?.version ?? 0), englishVersion: '1' })
      },
    }
  },

  async 'campaigns.$ref.welsh.scripts.$callType'() {
    const { designer, ref, campaign } = await designerCampaign({ welshCustomers: 3_000 })
    const saved = await saveScript(db, { campaignId: campaign.id, callType: 'inbound', version: 0, sections: standardScript('inbound', campaign.referenceType) }, designer)
    if (!saved.ok) throw new Error('Could not save the script')
    const sections = standardWelshScript('inbound', campaign.referenceType)
    return {
      action: welshScript.action,
      path: `/campaigns/${ref}/welsh/scripts/inbound`,
      params: { ref, callType: 'inbound' },
      cookie: designer.cookie,
      tables: WELSH_TABLES,
      baseline: async () => {
        const welsh = await getTranslation(db, campaign.id, 'script', (await getScript(db, campaign.id, 'inbound'))!.id)
        const values: Record<string, string> = Object.fromEntries(SCRIPT_SECTIONS.map((s) => [s, sections[s]]))
        values.closing = `${values.closing} (${next()})`
        return form({ ...values, version: String(welsh?.version ?? 0), englishVersion: '1' })
      },
    }
  },

  async 'campaigns.$ref.welsh.$kind.$id.remove'() {
    const { designer, ref, campaign } = await designerCampaign({ welshCustomers: 3_000 })
    const id = await makeMessage(designer, ref)
    const write = async () => {
      const saved = await saveTranslation(db, { campaignId: campaign.id, kind: 'message', entityId: id, version: 0, englishVersion: 1, welsh: { layout: 'welsh-only', body: 'Annwyl ((customer_name))' } }, designer)
      if (!saved.ok) throw new Error(`Could not save the Welsh version: ${saved.reason}`)
    }
    await write()
    return {
      action: welshRemove.action,
      path: `/campaigns/${ref}/welsh/messages/${id}/remove`,
      params: { ref, kind: 'messages', id },
      cookie: designer.cookie,
      tables: WELSH_TABLES,
      baseline: async () => form({ version: String((await getTranslation(db, campaign.id, 'message', id))?.version ?? 1) }),
      afterSuccess: async () => {
        if (!(await getTranslation(db, campaign.id, 'message', id))) await write()
      },
    }
  },

  async 'campaigns.$ref.welsh.request'() {
    const { designer, ref } = await designerCampaign({ welshCustomers: 3_000 })
    const id = await makeMessage(designer, ref)
    return {
      action: welshRequest.action,
      path: `/campaigns/${ref}/welsh/request`,
      params: { ref },
      cookie: designer.cookie,
      tables: WELSH_TABLES,
      baseline: async () => form({ items: [`message:${id}`], 'neededBy-day': String(1 + (next() % 28)), 'neededBy-month': '6', 'neededBy-year': '2027' }),
    }
  },

  async 'campaigns.$ref.welsh.import'() {
    const { designer, ref } = await designerCampaign({ welshCustomers: 3_000 })
    const id = await makeMessage(designer, ref)
    return {
      action: welshImport.action,
      path: `/campaigns/${ref}/welsh/import`,
      params: { ref },
      cookie: designer.cookie,
      tables: WELSH_TABLES,
      baseline: async () => ({
        form: [],
        file: {
          field: 'file',
          name: 'welsh.csv',
          type: 'text/csv',
          content: Buffer.from(
            `\uFEFFitem,what,part,english_version,english,translated_from,welsh\r\nmessage:${id},Letter,body,1,English,,"Annwyl ((customer_name)) ((reference)) ((tax_year)) ${next()}"\r\n`,
          ),
        },
      }),
    }
  },

  async 'campaigns.new'() {
    const { designer } = await world()
    return {
      action: campaignNew.action,
      path: '/campaigns/new',
      params: {},
      cookie: designer.cookie,
      tables: CAMPAIGN_TABLES,
      choices: { regime: ['vat', 'paye', 'self-assessment', 'nonsense'], nation: ['england-and-wales', 'scotland', 'northern-ireland', 'uk'] },
      baseline: async () => form(campaignForm(campaignInput({ name: `New campaign ${next()}` }))),
    }
  },

  async 'helplines.$id.edit'() {
    const { admin } = await world()
    const { id } = await makeHelpline(admin)
    return {
      action: helplineEdit.action,
      path: `/helplines/${id}/edit`,
      params: { id },
      cookie: admin.cookie,
      tables: HELPLINE_TABLES,
      choices: { staffToPercentile: STAFF_TO_CHOICES_HOSTILE },
      baseline: async () => {
        const current = await getHelpline(db, id)
        return form(helplineForm(helplineSettings({ name: `Edited helpline ${id.slice(0, 8)}`, ahtSeconds: 500 + (next() % 100) }), { version: String(current!.version) }))
      },
    }
  },

  async 'helplines.new'() {
    const { admin } = await world()
    return {
      action: helplineNew.action,
      path: '/helplines/new',
      params: {},
      cookie: admin.cookie,
      tables: HELPLINE_TABLES,
      choices: { staffToPercentile: STAFF_TO_CHOICES_HOSTILE },
      baseline: async () => form(helplineForm(helplineSettings())),
    }
  },

  async login() {
    const email = `signer-${crypto.randomUUID().slice(0, 8)}@example.gov.uk`
    await createUser(db, { email, name: 'Sign In', password: TEST_PASSWORD, roles: ['viewer'] satisfies Role[] }, null)
    return {
      action: login.action,
      path: '/login',
      params: {},
      cookie: null,
      // Each run starts with no failures counted, so the failures of earlier runs do not turn every later run into
      // a 429. (A refused sign-in counts the failure in login_throttle on purpose: that is the limit, so that table
      // is not among those that must not change.)
      baselineWrites: true,
      tables: USER_TABLES,
      baseline: async () => {
        await db.deleteFrom('login_throttle').execute()
        return form({ email, password: TEST_PASSWORD })
      },
    }
  },

  async 'account.password'() {
    const person = await makeUser(['viewer'], 'Pat Password')
    const hash = await hashPassword(TEST_PASSWORD)
    const target: HostileTarget = {
      action: accountPassword.action,
      path: '/account/password',
      params: {},
      cookie: null,
      // A change ends every session and sets a new password: each run starts from the old password and a fresh session.
      baselineWrites: true,
      tables: SIGN_IN_TABLES,
      baseline: async () => {
        await db.updateTable('users').set({ password_hash: hash }).where('id', '=', person.id).execute()
        await db.deleteFrom('login_throttle').execute()
        await db.deleteFrom('session').where('user_id', '=', person.id).execute()
        target.cookie = await sessionCookieFor(person.id)
        return form({ current: TEST_PASSWORD, password: `a new passphrase ${next()}`, confirm: `a new passphrase ${counter}` })
      },
    }
    return target
  },

  async 'account.sessions'() {
    const person = await makeUser(['viewer'], 'Sam Sessions')
    const target: HostileTarget = {
      action: accountSessions.action,
      path: '/account/sessions',
      params: {},
      cookie: null,
      baselineWrites: true,
      tables: SIGN_IN_TABLES,
      choices: { intent: ['end', 'end-others'] },
      baseline: async () => {
        await db.deleteFrom('session').where('user_id', '=', person.id).execute()
        target.cookie = await sessionCookieFor(person.id)
        await createSession(db, person.id, { ip: '10.0.0.2', userAgent: 'Mozilla/5.0 (iPhone) Version/17.2 Safari/604.1', method: 'password' })
        const sessions = await listSessions(db, person.id, tokenDigest(target.cookie.split('=')[1]!))
        return form({ intent: 'end', session: sessions.find((s) => !s.current)!.handle })
      },
    }
    return target
  },

  async 'account.two-factor._index'() {
    const person = await makeUser(['viewer'], 'Tess Twofactor')
    const secret = newTotpSecret()
    return {
      action: accountTwoFactor.action,
      path: '/account/two-factor',
      params: {},
      cookie: person.cookie,
      baselineWrites: true,
      tables: SIGN_IN_TABLES,
      refusalAudits: SECURITY_EVENTS,
      choices: { intent: ['new-codes', 'turn-off'] },
      baseline: async () => {
        await withAuthenticator(person.id, secret)
        return form({ intent: 'new-codes', code: currentCode(secret) })
      },
    }
  },

  async 'account.two-factor.setup'() {
    const person = await makeUser(['viewer'], 'Ula Setup')
    return {
      action: accountTwoFactorSetup.action,
      path: '/account/two-factor/setup',
      params: {},
      cookie: person.cookie,
      baselineWrites: true,
      tables: SIGN_IN_TABLES,
      baseline: async () => {
        await withoutAuthenticator(person.id)
        await db.deleteFrom('login_throttle').execute()
        return form({ code: currentCode(await enrolmentSecret(db, person.id)), current: TEST_PASSWORD })
      },
    }
  },

  async 'admin.users.$id_.sign-in'() {
    const { admin } = await world()
    const person = await makeUser(['viewer'], 'Reg Reset')
    return {
      action: userSignIn.action,
      path: `/admin/users/${person.id}/sign-in`,
      params: { id: person.id },
      cookie: admin.cookie,
      tables: SIGN_IN_TABLES,
      choices: { intent: ['reset-password', 'end-sessions', 'remove-two-factor'] },
      baseline: async () => form({ intent: 'end-sessions' }),
    }
  },

  async 'login_.two-factor'() {
    const person = await makeUser(['viewer'], 'Cody Code')
    const secret = newTotpSecret()
    const target: HostileTarget = {
      action: signInCode.action,
      path: '/login/two-factor',
      params: {},
      cookie: null,
      baselineWrites: true,
      tables: SIGN_IN_TABLES,
      refusalAudits: SECURITY_EVENTS,
      baseline: async () => {
        await withAuthenticator(person.id, secret)
        target.cookie = await pendingSignIn(person.id)
        return form({ code: currentCode(secret) })
      },
    }
    return target
  },

  async 'login_.new-password'() {
    const email = `reset-${crypto.randomUUID().slice(0, 8)}@example.gov.uk`
    const id = await createUser(db, { email, name: 'Nina Newpassword', password: 'a one-time password here', roles: ['viewer'] }, null)
    const oneTime = await hashPassword('a one-time password here')
    const target: HostileTarget = {
      action: signInNewPassword.action,
      path: '/login/new-password',
      params: {},
      cookie: null,
      baselineWrites: true,
      tables: SIGN_IN_TABLES,
      baseline: async () => {
        await db.updateTable('users').set({ password_hash: oneTime, must_change_password: 1 }).where('id', '=', id).execute()
        target.cookie = await pendingSignIn(id)
        return form({ password: `my own passphrase ${next()}`, confirm: `my own passphrase ${counter}` })
      },
    }
    return target
  },

  async 'login_.set-up-two-factor'() {
    const email = `enrol-${crypto.randomUUID().slice(0, 8)}@example.gov.uk`
    const id = await createUser(db, { email, name: 'Ed Enrol', password: TEST_PASSWORD, roles: ['admin'] }, null, { requireTwoFactor: true })
    const target: HostileTarget = {
      action: signInSetUpTwoFactor.action,
      path: '/login/set-up-two-factor',
      params: {},
      cookie: null,
      baselineWrites: true,
      tables: SIGN_IN_TABLES,
      baseline: async () => {
        await withoutAuthenticator(id)
        target.cookie = await pendingSignIn(id)
        return form({ code: currentCode(await enrolmentSecret(db, id)) })
      },
    }
    return target
  },

  async logout() {
    const { designer } = await world()
    const target: HostileTarget = {
      action: logout.action,
      path: '/logout',
      params: {},
      cookie: null,
      baselineWrites: true,
      tables: USER_TABLES,
      baseline: async () => {
        target.cookie = await sessionCookieFor(designer.id)
        return form({})
      },
    }
    return target
  },

  async 'notifications._index'() {
    const reader = await makeUser(['viewer'], 'Rita Reader')
    await queueNotifications([reader.id], 'Launched: OTM-2027-901 A campaign', 'launched')
    const [note] = await db.selectFrom('notification').select('id').where('user_id', '=', reader.id).execute()
    return {
      action: notificationsIndex.action,
      path: '/notifications',
      params: {},
      cookie: reader.cookie,
      tables: NOTIFICATION_TABLES,
      choices: { intent: ['read', 'read-all'] },
      baseline: async () => form({ intent: 'read', id: note!.id, page: '1' }),
    }
  },

  async 'notifications.preferences'() {
    const person = await makeUser(['press-office'], 'Pat Press')
    return {
      action: notificationPreferences.action,
      path: '/notifications/preferences',
      params: {},
      cookie: person.cookie,
      tables: NOTIFICATION_TABLES,
      choices: deliveryChoices,
      baseline: async () => form(everyKind(next() % 2 ? 'digest' : 'email')),
    }
  },

  async 'notifications.email-settings.$token'() {
    const person = await makeUser(['press-office'], 'Link Reader')
    const token = emailSettingsToken(person.id, 'all')
    return {
      action: notificationEmailSettings.action,
      path: `/notifications/email-settings/${token}`,
      params: { token },
      // The signed link is the permission: no session.
      cookie: null,
      tables: NOTIFICATION_TABLES,
      choices: { intent: ['save', 'stop'], ...deliveryChoices },
      baseline: async () => form({ intent: 'save', ...everyKind(next() % 2 ? 'in-app' : 'email') }),
    }
  },

  async 'notifications.calendar-feed'() {
    const person = await makeUser(['customer-services'], 'Helen Marsh')
    return {
      action: calendarFeedPage.action,
      path: '/notifications/calendar-feed',
      params: {},
      cookie: person.cookie,
      tables: NOTIFICATION_TABLES,
      choices: { intent: ['create', 'replace'] },
      baseline: async () => form({ intent: 'replace' }),
    }
  },

  async 'admin.notifications'() {
    const { admin } = await world()
    const reader = await makeUser(['press-office'], 'Refused Reader')
    const email = { id: await writeTransaction(db, (tx) => enqueueEmail(tx, { kind: 'test', userId: reader.id, to: reader.email, subject: 'Test email from the OTM Campaign Planner' })) }
    // The relay refused it for good: an administrator may send it again.
    const fail = () => db.updateTable('email_outbox').set({ state: 'failed', attempts: 1, last_error: '550 Mailbox unavailable' }).where('id', '=', email.id).execute()
    await fail()
    return {
      action: adminNotifications.action,
      path: '/admin/notifications',
      params: {},
      cookie: admin.cookie,
      tables: NOTIFICATION_TABLES,
      // Without SMTP_URL a test email is refused with a reason; a retry succeeds once, then the email waits again.
      choices: { intent: ['retry', 'test'] },
      baseline: async () => form({ intent: 'retry', id: email.id }),
      afterSuccess: async () => {
        await fail()
      },
    }
  },
}
