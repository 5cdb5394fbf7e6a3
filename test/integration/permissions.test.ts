// Every route × every kind of user, with the status each must get. A new route is not done until it is here.
import { beforeAll, describe, expect, it } from 'vitest'
import * as adminIndex from '../../app/routes/admin._index'
import * as adminUsers from '../../app/routes/admin.users._index'
import * as adminUserNew from '../../app/routes/admin.users.new'
import * as adminUser from '../../app/routes/admin.users.$id'
import * as adminSecurity from '../../app/routes/admin.security'
import * as adminSecurityCsv from '../../app/routes/admin.security[.csv]'
import * as campaignsIndex from '../../app/routes/campaigns._index'
import * as campaignsNew from '../../app/routes/campaigns.new'
import * as campaignPage from '../../app/routes/campaigns.$ref._index'
import * as audit from '../../app/routes/campaigns.$ref.audit'
import * as auditCsv from '../../app/routes/campaigns.$ref.audit[.csv]'
import * as describeIndex from '../../app/routes/campaigns.$ref.describe._index'
import * as describeEdit from '../../app/routes/campaigns.$ref.describe.edit'
import * as exportJson from '../../app/routes/campaigns.$ref.export[.json]'
import * as home from '../../app/routes/_index'
import * as messagesIndex from '../../app/routes/campaigns.$ref.messages._index'
import * as messageNew from '../../app/routes/campaigns.$ref.messages.new'
import * as messagePage from '../../app/routes/campaigns.$ref.messages.$id._index'
import * as messageEdit from '../../app/routes/campaigns.$ref.messages.$id.edit'
import * as messageDelete from '../../app/routes/campaigns.$ref.messages.$id.delete'
import * as messagePreview from '../../app/routes/campaigns.$ref.messages.$id.preview'
import * as customFields from '../../app/routes/campaigns.$ref.messages.fields'
import * as history from '../../app/routes/campaigns.$ref.history.$entityType.$entityId._index'
import * as historyCompare from '../../app/routes/campaigns.$ref.history.$entityType.$entityId.compare'
import { getCampaignByRef } from '../../app/models/campaign.server'
import { updateMessage } from '../../app/models/message.server'
import { db } from '../../app/utils/db.server'
import { letterInput, makeMessage } from '../support/messages'
import * as logout from '../../app/routes/logout'
import * as helplinesIndex from '../../app/routes/helplines._index'
import * as helplineNew from '../../app/routes/helplines.new'
import * as helplineView from '../../app/routes/helplines.$id._index'
import * as helplineEdit from '../../app/routes/helplines.$id.edit'
import * as bankHolidays from '../../app/routes/admin.bank-holidays._index'
import * as bankHolidayUpload from '../../app/routes/admin.bank-holidays.$uploadId'
import * as forecastPage from '../../app/routes/campaigns.$ref.forecast._index'
import * as forecastCsv from '../../app/routes/campaigns.$ref.forecast[.csv]'
import * as forecastIntervalsCsv from '../../app/routes/campaigns.$ref.forecast-intervals[.csv]'
import * as forecastBriefing from '../../app/routes/campaigns.$ref.forecast.briefing.$helplineId'
import { DEFAULT_BANK_HOLIDAYS } from '../../app/forecast/bank-holidays'
import { storePendingBankHolidays } from '../../app/models/bank-holidays.server'
import { saveForecastSettings } from '../../app/models/forecast.server'
import { campaignIdOf, insertMessage, makeHelpline } from '../support/forecast'
import * as linesTask from '../../app/routes/campaigns.$ref.lines._index'
import * as lineNew from '../../app/routes/campaigns.$ref.lines.new'
import * as lineEdit from '../../app/routes/campaigns.$ref.lines.$lineId.edit'
import * as lineRemove from '../../app/routes/campaigns.$ref.lines.$lineId.remove'
import * as pressTask from '../../app/routes/campaigns.$ref.press'
import * as debtTask from '../../app/routes/campaigns.$ref.debt-management'
import * as scriptsTask from '../../app/routes/campaigns.$ref.scripts._index'
import * as scriptPage from '../../app/routes/campaigns.$ref.scripts.$callType._index'
import * as scriptRemove from '../../app/routes/campaigns.$ref.scripts.$callType.remove'
import * as handlerPack from '../../app/routes/campaigns.$ref.pack.$audience'
import * as signOffTask from '../../app/routes/campaigns.$ref.sign-off._index'
import * as signOffReview from '../../app/routes/campaigns.$ref.sign-off.$group'
import * as signOffInbox from '../../app/routes/sign-off._index'
import * as forecastAccuracy from '../../app/routes/forecast-accuracy._index'
import * as forecastAccuracyCsv from '../../app/routes/forecast-accuracy[.csv]'
import * as launchTask from '../../app/routes/campaigns.$ref.launch'
import { standardScript } from '../../app/content'
import { saveScript } from '../../app/models/script.server'
import { campaignByRef, makeLine } from '../support/lines'
import { makeCampaign, makeUser, type TestUser } from '../support/factories'
import { callAction, callLoader } from '../support/routes'
import * as helplineCalendar from '../../app/routes/helplines.$id.calendar'
import * as helplineCalendarCsv from '../../app/routes/helplines.$id.calendar[.csv]'
import * as actualsIndex from '../../app/routes/campaigns.$ref.actuals._index'
import * as actualsUpload from '../../app/routes/campaigns.$ref.actuals.upload'
import * as reforecastPage from '../../app/routes/campaigns.$ref.forecast.reforecast'
import * as account from '../../app/routes/account._index'
import * as accountPassword from '../../app/routes/account.password'
import * as accountSessions from '../../app/routes/account.sessions'
import * as accountTwoFactor from '../../app/routes/account.two-factor._index'
import * as accountTwoFactorSetup from '../../app/routes/account.two-factor.setup'
import * as adminUserSignIn from '../../app/routes/admin.users.$id_.sign-in'
import * as loginCode from '../../app/routes/login_.two-factor'
import * as loginNewPassword from '../../app/routes/login_.new-password'
import * as loginSetUpTwoFactor from '../../app/routes/login_.set-up-two-factor'
import * as loginSso from '../../app/routes/login_.sso'
import * as loginSsoCallback from '../../app/routes/login_.sso_.callback'
import * as loginSignedOut from '../../app/routes/login_.signed-out'
import * as notificationsIndex from '../../app/routes/notifications._index'
import * as notificationOpen from '../../app/routes/notifications.$id'
import * as notificationPreferences from '../../app/routes/notifications.preferences'
import * as notificationEmailSettings from '../../app/routes/notifications.email-settings.$token'
import * as calendarFeedPage from '../../app/routes/notifications.calendar-feed'
import * as calendarFeed from '../../app/routes/calendar.$file'
import * as campaignCalendar from '../../app/routes/campaigns.$ref.calendar[.ics]'
import * as adminNotifications from '../../app/routes/admin.notifications'
import { replaceFeedToken } from '../../app/models/notifications/feed.server'
import { emailSettingsToken } from '../../app/models/notifications/signing.server'
import * as welshIndex from '../../app/routes/campaigns.$ref.welsh._index'
import * as welshMessage from '../../app/routes/campaigns.$ref.welsh.messages.$id'
import * as welshLine from '../../app/routes/campaigns.$ref.welsh.lines.$lineId'
import * as welshScript from '../../app/routes/campaigns.$ref.welsh.scripts.$callType'
import * as welshRemove from '../../app/routes/campaigns.$ref.welsh.$kind.$id.remove'
import * as welshRequest from '../../app/routes/campaigns.$ref.welsh.request'
import * as welshImport from '../../app/routes/campaigns.$ref.welsh.import'
import * as welshFile from '../../app/routes/campaigns.$ref.welsh.translation[.csv]'
import { saveTranslation } from '../../app/models/translation.server'

const ACTORS = ['anonymous', 'owner', 'coOwner', 'otherDesigner', 'customerServices', 'debtManagement', 'pressOffice', 'welshLanguageServices', 'viewer', 'admin'] as const
type ActorName = (typeof ACTORS)[number]
type Expectation = Record<ActorName, number>

const everyone = (status: number, anonymous = 302): Expectation =>
  Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' ? anonymous : status])) as Expectation
const only = (allowed: ActorName[], status: number, otherwise = 403): Expectation =>
  Object.fromEntries(ACTORS.map((a) => [a, a === 'anonymous' ? 302 : allowed.includes(a) ? status : otherwise])) as Expectation

const designerActors: ActorName[] = ['owner', 'coOwner', 'otherDesigner']
const AUTHORS: ActorName[] = ['owner', 'coOwner']

interface Row {
  name: string
  method: 'GET' | 'POST'
  path: (ctx: Context) => string
  run: typeof callLoader
  handler: (args: any) => unknown
  params?: (ctx: Context) => Record<string, string>
  expected: Expectation
}

interface Context {
  ref: string
  campaignId: string
  messageId: string
  lineId: string
  helplineId: string
  uploadId: string
  /** A launched campaign of the same owner and co-owner: the one kind that records actual calls. */
  launchedRef: string
  /** The viewer's calendar feed token, and the signed link from one of their emails. */
  feedToken: string
  emailSettingsToken: string
  users: Record<Exclude<ActorName, 'anonymous'>, TestUser>
}

const refParams = (ctx: Context) => ({ ref: ctx.ref })
const HELPLINE_MANAGERS: ActorName[] = ['customerServices', 'admin']
const lineParams = (ctx: Context) => ({ ref: ctx.ref, lineId: ctx.lineId })
const inboundParams = (ctx: Context) => ({ ref: ctx.ref, callType: 'inbound' })
const messageParams = (ctx: Context) => ({ ref: ctx.ref, id: ctx.messageId })
const pressParams = (ctx: Context) => ({ ref: ctx.ref, group: 'press-office' })
const welshGroupParams = (ctx: Context) => ({ ref: ctx.ref, group: 'welsh-language-services' })
const SIGN_OFF_MEMBERS: ActorName[] = ['customerServices', 'debtManagement', 'pressOffice', 'welshLanguageServices']
const messagePath = (ctx: Context, rest = '') => `/campaigns/${ctx.ref}/messages/${ctx.messageId}${rest}`

const ROWS: Row[] = [
  { name: 'home', method: 'GET', path: () => '/', run: callLoader, handler: home.loader, expected: everyone(200) },
  { name: 'campaign list', method: 'GET', path: () => '/campaigns', run: callLoader, handler: campaignsIndex.loader, expected: everyone(200) },
  { name: 'new campaign form', method: 'GET', path: () => '/campaigns/new', run: callLoader, handler: campaignsNew.loader, expected: only(designerActors, 200) },
  { name: 'create campaign', method: 'POST', path: () => '/campaigns/new', run: callAction, handler: campaignsNew.action, expected: only(designerActors, 400) },
  { name: 'campaign page', method: 'GET', path: (c) => `/campaigns/${c.ref}`, params: refParams, run: callLoader, handler: campaignPage.loader, expected: everyone(200) },
  { name: 'describe (check answers)', method: 'GET', path: (c) => `/campaigns/${c.ref}/describe`, params: refParams, run: callLoader, handler: describeIndex.loader, expected: everyone(200) },
  { name: 'describe edit form', method: 'GET', path: (c) => `/campaigns/${c.ref}/describe/edit`, params: refParams, run: callLoader, handler: describeEdit.loader, expected: only(AUTHORS, 200) },
  { name: 'describe save', method: 'POST', path: (c) => `/campaigns/${c.ref}/describe/edit`, params: refParams, run: callAction, handler: describeEdit.action, expected: only(AUTHORS, 400) },
  { name: 'audit page', method: 'GET', path: (c) => `/campaigns/${c.ref}/audit`, params: refParams, run: callLoader, handler: audit.loader, expected: everyone(200) },
  { name: 'audit CSV', method: 'GET', path: (c) => `/campaigns/${c.ref}/audit.csv`, params: refParams, run: callLoader, handler: auditCsv.loader, expected: everyone(200) },
  { name: 'export JSON', method: 'GET', path: (c) => `/campaigns/${c.ref}/export.json`, params: refParams, run: callLoader, handler: exportJson.loader, expected: everyone(200) },
  { name: 'messages', method: 'GET', path: (c) => `/campaigns/${c.ref}/messages`, params: refParams, run: callLoader, handler: messagesIndex.loader, expected: everyone(200) },
  { name: 'new message form', method: 'GET', path: (c) => `/campaigns/${c.ref}/messages/new`, params: refParams, run: callLoader, handler: messageNew.loader, expected: only(AUTHORS, 200) },
  { name: 'add message', method: 'POST', path: (c) => `/campaigns/${c.ref}/messages/new`, params: refParams, run: callAction, handler: messageNew.action, expected: only(AUTHORS, 400) },
  { name: 'message page', method: 'GET', path: (c) => messagePath(c), params: messageParams, run: callLoader, handler: messagePage.loader, expected: everyone(200) },
  { name: 'message preview', method: 'GET', path: (c) => messagePath(c, '/preview'), params: messageParams, run: callLoader, handler: messagePreview.loader, expected: everyone(200) },
  { name: 'message edit form', method: 'GET', path: (c) => messagePath(c, '/edit'), params: messageParams, run: callLoader, handler: messageEdit.loader, expected: only(AUTHORS, 200) },
  { name: 'message save', method: 'POST', path: (c) => messagePath(c, '/edit'), params: messageParams, run: callAction, handler: messageEdit.action, expected: only(AUTHORS, 400) },
  { name: 'message delete confirmation', method: 'GET', path: (c) => messagePath(c, '/delete'), params: messageParams, run: callLoader, handler: messageDelete.loader, expected: only(AUTHORS, 200) },
  // Without the version the page showed, nothing is deleted: 409 for the authors, 403 before that for everyone else.
  { name: 'message delete', method: 'POST', path: (c) => messagePath(c, '/delete'), params: messageParams, run: callAction, handler: messageDelete.action, expected: only(AUTHORS, 409) },
  { name: 'custom fields', method: 'GET', path: (c) => `/campaigns/${c.ref}/messages/fields`, params: refParams, run: callLoader, handler: customFields.loader, expected: everyone(200) },
  { name: 'add custom field', method: 'POST', path: (c) => `/campaigns/${c.ref}/messages/fields`, params: refParams, run: callAction, handler: customFields.action, expected: only(AUTHORS, 400) },
  {
    name: 'campaign history',
    method: 'GET',
    path: (c) => `/campaigns/${c.ref}/history/campaign/${c.campaignId}`,
    params: (c) => ({ ref: c.ref, entityType: 'campaign', entityId: c.campaignId }),
    run: callLoader,
    handler: history.loader,
    expected: everyone(200),
  },
  {
    name: 'message history',
    method: 'GET',
    path: (c) => `/campaigns/${c.ref}/history/message/${c.messageId}`,
    params: (c) => ({ ref: c.ref, entityType: 'message', entityId: c.messageId }),
    run: callLoader,
    handler: history.loader,
    expected: everyone(200),
  },
  {
    name: 'message version comparison',
    method: 'GET',
    path: (c) => `/campaigns/${c.ref}/history/message/${c.messageId}/compare?from=1&to=2`,
    params: (c) => ({ ref: c.ref, entityType: 'message', entityId: c.messageId }),
    run: callLoader,
    handler: historyCompare.loader,
    expected: everyone(200),
  },
  // Lines to take, scripts, press, Debt Management and handler packs: an empty form is refused before anything is saved.
  { name: 'lines task', method: 'GET', path: (c) => `/campaigns/${c.ref}/lines`, params: refParams, run: callLoader, handler: linesTask.loader, expected: everyone(200) },
  { name: 'move a line', method: 'POST', path: (c) => `/campaigns/${c.ref}/lines`, params: refParams, run: callAction, handler: linesTask.action, expected: only(AUTHORS, 400) },
  { name: 'new line form', method: 'GET', path: (c) => `/campaigns/${c.ref}/lines/new`, params: refParams, run: callLoader, handler: lineNew.loader, expected: only(AUTHORS, 200) },
  { name: 'add a line', method: 'POST', path: (c) => `/campaigns/${c.ref}/lines/new`, params: refParams, run: callAction, handler: lineNew.action, expected: only(AUTHORS, 400) },
  { name: 'change line form', method: 'GET', path: (c) => `/campaigns/${c.ref}/lines/${c.lineId}/edit`, params: lineParams, run: callLoader, handler: lineEdit.loader, expected: only(AUTHORS, 200) },
  { name: 'change a line', method: 'POST', path: (c) => `/campaigns/${c.ref}/lines/${c.lineId}/edit`, params: lineParams, run: callAction, handler: lineEdit.action, expected: only(AUTHORS, 400) },
  { name: 'remove line page', method: 'GET', path: (c) => `/campaigns/${c.ref}/lines/${c.lineId}/remove`, params: lineParams, run: callLoader, handler: lineRemove.loader, expected: only(AUTHORS, 200) },
  { name: 'remove a line', method: 'POST', path: (c) => `/campaigns/${c.ref}/lines/${c.lineId}/remove`, params: lineParams, run: callAction, handler: lineRemove.action, expected: only(AUTHORS, 409) },
  { name: 'press task', method: 'GET', path: (c) => `/campaigns/${c.ref}/press`, params: refParams, run: callLoader, handler: pressTask.loader, expected: everyone(200) },
  { name: 'save press date', method: 'POST', path: (c) => `/campaigns/${c.ref}/press`, params: refParams, run: callAction, handler: pressTask.action, expected: only(AUTHORS, 400) },
  { name: 'Debt Management task', method: 'GET', path: (c) => `/campaigns/${c.ref}/debt-management`, params: refParams, run: callLoader, handler: debtTask.loader, expected: everyone(200) },
  { name: 'save special treatment', method: 'POST', path: (c) => `/campaigns/${c.ref}/debt-management`, params: refParams, run: callAction, handler: debtTask.action, expected: only(AUTHORS, 400) },
  { name: 'scripts task', method: 'GET', path: (c) => `/campaigns/${c.ref}/scripts`, params: refParams, run: callLoader, handler: scriptsTask.loader, expected: everyone(200) },
  { name: 'script page', method: 'GET', path: (c) => `/campaigns/${c.ref}/scripts/inbound`, params: inboundParams, run: callLoader, handler: scriptPage.loader, expected: everyone(200) },
  { name: 'save a script', method: 'POST', path: (c) => `/campaigns/${c.ref}/scripts/inbound`, params: inboundParams, run: callAction, handler: scriptPage.action, expected: only(AUTHORS, 400) },
  { name: 'remove script page', method: 'GET', path: (c) => `/campaigns/${c.ref}/scripts/inbound/remove`, params: inboundParams, run: callLoader, handler: scriptRemove.loader, expected: only(AUTHORS, 200) },
  { name: 'remove a script', method: 'POST', path: (c) => `/campaigns/${c.ref}/scripts/inbound/remove`, params: inboundParams, run: callAction, handler: scriptRemove.action, expected: only(AUTHORS, 409) },
  {
    name: 'handler pack',
    method: 'GET',
    path: (c) => `/campaigns/${c.ref}/pack/helpline`,
    params: (c) => ({ ref: c.ref, audience: 'helpline' }),
    run: callLoader,
    handler: handlerPack.loader,
    expected: everyone(200),
  },
  // Sign-off and launch: empty forms are refused before anything is recorded; launching an unapproved campaign is a 409.
  { name: 'sign-off task', method: 'GET', path: (c) => `/campaigns/${c.ref}/sign-off`, params: refParams, run: callLoader, handler: signOffTask.loader, expected: everyone(200) },
  { name: 'ask for sign-off', method: 'POST', path: (c) => `/campaigns/${c.ref}/sign-off`, params: refParams, run: callAction, handler: signOffTask.action, expected: only(AUTHORS, 400) },
  { name: 'sign-off review', method: 'GET', path: (c) => `/campaigns/${c.ref}/sign-off/press-office`, params: pressParams, run: callLoader, handler: signOffReview.loader, expected: everyone(200) },
  { name: 'sign-off decision', method: 'POST', path: (c) => `/campaigns/${c.ref}/sign-off/press-office`, params: pressParams, run: callAction, handler: signOffReview.action, expected: only(['pressOffice'], 400) },
  { name: 'sign-off inbox', method: 'GET', path: () => '/sign-off', run: callLoader, handler: signOffInbox.loader, expected: only(SIGN_OFF_MEMBERS, 200) },
  { name: 'Welsh Language Services review', method: 'GET', path: (c) => `/campaigns/${c.ref}/sign-off/welsh-language-services`, params: welshGroupParams, run: callLoader, handler: signOffReview.loader, expected: everyone(200) },
  { name: 'Welsh Language Services decision', method: 'POST', path: (c) => `/campaigns/${c.ref}/sign-off/welsh-language-services`, params: welshGroupParams, run: callAction, handler: signOffReview.action, expected: only(['welshLanguageServices'], 400) },
  // Welsh versions: everyone reads them; the authors write them, and an empty form is refused before anything is saved.
  { name: 'Welsh versions', method: 'GET', path: (c) => `/campaigns/${c.ref}/welsh`, params: refParams, run: callLoader, handler: welshIndex.loader, expected: everyone(200) },
  { name: 'Welsh message', method: 'GET', path: (c) => `/campaigns/${c.ref}/welsh/messages/${c.messageId}`, params: messageParams, run: callLoader, handler: welshMessage.loader, expected: everyone(200) },
  { name: 'save a Welsh message', method: 'POST', path: (c) => `/campaigns/${c.ref}/welsh/messages/${c.messageId}`, params: messageParams, run: callAction, handler: welshMessage.action, expected: only(AUTHORS, 400) },
  { name: 'Welsh line', method: 'GET', path: (c) => `/campaigns/${c.ref}/welsh/lines/${c.lineId}`, params: lineParams, run: callLoader, handler: welshLine.loader, expected: everyone(200) },
  { name: 'save a Welsh line', method: 'POST', path: (c) => `/campaigns/${c.ref}/welsh/lines/${c.lineId}`, params: lineParams, run: callAction, handler: welshLine.action, expected: only(AUTHORS, 400) },
  { name: 'Welsh script', method: 'GET', path: (c) => `/campaigns/${c.ref}/welsh/scripts/inbound`, params: inboundParams, run: callLoader, handler: welshScript.loader, expected: everyone(200) },
  { name: 'save a Welsh script', method: 'POST', path: (c) => `/campaigns/${c.ref}/welsh/scripts/inbound`, params: inboundParams, run: callAction, handler: welshScript.action, expected: only(AUTHORS, 400) },
  {
    name: 'remove Welsh version page',
    method: 'GET',
    path: (c) => `/campaigns/${c.ref}/welsh/messages/${c.messageId}/remove`,
    params: (c) => ({ ref: c.ref, kind: 'messages', id: c.messageId }),
    run: callLoader,
    handler: welshRemove.loader,
    expected: only(AUTHORS, 200),
  },
  {
    name: 'remove a Welsh version',
    method: 'POST',
    path: (c) => `/campaigns/${c.ref}/welsh/messages/${c.messageId}/remove`,
    params: (c) => ({ ref: c.ref, kind: 'messages', id: c.messageId }),
    run: callAction,
    handler: welshRemove.action,
    expected: only(AUTHORS, 409),
  },
  { name: 'ask for a translation form', method: 'GET', path: (c) => `/campaigns/${c.ref}/welsh/request`, params: refParams, run: callLoader, handler: welshRequest.loader, expected: only(AUTHORS, 200) },
  { name: 'ask for a translation', method: 'POST', path: (c) => `/campaigns/${c.ref}/welsh/request`, params: refParams, run: callAction, handler: welshRequest.action, expected: only(AUTHORS, 400) },
  { name: 'translation file', method: 'GET', path: (c) => `/campaigns/${c.ref}/welsh/translation.csv`, params: refParams, run: callLoader, handler: welshFile.loader, expected: everyone(200) },
  { name: 'upload translation form', method: 'GET', path: (c) => `/campaigns/${c.ref}/welsh/import`, params: refParams, run: callLoader, handler: welshImport.loader, expected: only(AUTHORS, 200) },
  { name: 'upload translation', method: 'POST', path: (c) => `/campaigns/${c.ref}/welsh/import`, params: refParams, run: callAction, handler: welshImport.action, expected: only(AUTHORS, 400) },
  {
    name: 'Welsh helpline pack',
    method: 'GET',
    path: (c) => `/campaigns/${c.ref}/pack/welsh-helpline`,
    params: (c) => ({ ref: c.ref, audience: 'welsh-helpline' }),
    run: callLoader,
    handler: handlerPack.loader,
    expected: everyone(200),
  },
  { name: 'launch page', method: 'GET', path: (c) => `/campaigns/${c.ref}/launch`, params: refParams, run: callLoader, handler: launchTask.loader, expected: everyone(200) },
  { name: 'launch', method: 'POST', path: (c) => `/campaigns/${c.ref}/launch`, params: refParams, run: callAction, handler: launchTask.action, expected: only(AUTHORS, 409) },
  // The accuracy of every launched campaign's forecast: for those who make forecasts and those who staff to them.
  { name: 'forecast accuracy', method: 'GET', path: () => '/forecast-accuracy', run: callLoader, handler: forecastAccuracy.loader, expected: only([...designerActors, 'customerServices', 'admin'], 200) },
  { name: 'forecast accuracy CSV', method: 'GET', path: () => '/forecast-accuracy.csv', run: callLoader, handler: forecastAccuracyCsv.loader, expected: only([...designerActors, 'customerServices', 'admin'], 200) },
  { name: 'helplines', method: 'GET', path: () => '/helplines', run: callLoader, handler: helplinesIndex.loader, expected: everyone(200) },
  { name: 'add helpline form', method: 'GET', path: () => '/helplines/new', run: callLoader, handler: helplineNew.loader, expected: only(HELPLINE_MANAGERS, 200) },
  { name: 'add helpline', method: 'POST', path: () => '/helplines/new', run: callAction, handler: helplineNew.action, expected: only(HELPLINE_MANAGERS, 400) },
  { name: 'helpline', method: 'GET', path: (c) => `/helplines/${c.helplineId}`, params: (c) => ({ id: c.helplineId }), run: callLoader, handler: helplineView.loader, expected: everyone(200) },
  { name: 'change helpline form', method: 'GET', path: (c) => `/helplines/${c.helplineId}/edit`, params: (c) => ({ id: c.helplineId }), run: callLoader, handler: helplineEdit.loader, expected: only(HELPLINE_MANAGERS, 200) },
  { name: 'change helpline', method: 'POST', path: (c) => `/helplines/${c.helplineId}/edit`, params: (c) => ({ id: c.helplineId }), run: callAction, handler: helplineEdit.action, expected: only(HELPLINE_MANAGERS, 400) },
  { name: 'bank holidays', method: 'GET', path: () => '/admin/bank-holidays', run: callLoader, handler: bankHolidays.loader, expected: only(['admin'], 200) },
  { name: 'upload bank holidays', method: 'POST', path: () => '/admin/bank-holidays', run: callAction, handler: bankHolidays.action, expected: only(['admin'], 400) },
  { name: 'check bank holidays', method: 'GET', path: (c) => `/admin/bank-holidays/${c.uploadId}`, params: (c) => ({ uploadId: c.uploadId }), run: callLoader, handler: bankHolidayUpload.loader, expected: only(['admin'], 200) },
  { name: 'apply bank holidays', method: 'POST', path: (c) => `/admin/bank-holidays/${c.uploadId}`, params: (c) => ({ uploadId: c.uploadId }), run: callAction, handler: bankHolidayUpload.action, expected: only(['admin'], 409) },
  { name: 'forecast page', method: 'GET', path: (c) => `/campaigns/${c.ref}/forecast`, params: refParams, run: callLoader, handler: forecastPage.loader, expected: everyone(200) },
  { name: 'forecast save or recalculate', method: 'POST', path: (c) => `/campaigns/${c.ref}/forecast`, params: refParams, run: callAction, handler: forecastPage.action, expected: only(AUTHORS, 400) },
  { name: 'forecast CSV', method: 'GET', path: (c) => `/campaigns/${c.ref}/forecast.csv`, params: refParams, run: callLoader, handler: forecastCsv.loader, expected: everyone(200) },
  { name: 'forecast intervals CSV', method: 'GET', path: (c) => `/campaigns/${c.ref}/forecast-intervals.csv`, params: refParams, run: callLoader, handler: forecastIntervalsCsv.loader, expected: everyone(200) },
  {
    name: 'forecast briefing',
    method: 'GET',
    path: (c) => `/campaigns/${c.ref}/forecast/briefing/${c.helplineId}`,
    params: (c) => ({ ref: c.ref, helplineId: c.helplineId }),
    run: callLoader,
    handler: forecastBriefing.loader,
    expected: everyone(200),
  },
  { name: 'helpline calendar', method: 'GET', path: (c) => `/helplines/${c.helplineId}/calendar`, params: (c) => ({ id: c.helplineId }), run: callLoader, handler: helplineCalendar.loader, expected: everyone(200) },
  { name: 'helpline calendar CSV', method: 'GET', path: (c) => `/helplines/${c.helplineId}/calendar.csv`, params: (c) => ({ id: c.helplineId }), run: callLoader, handler: helplineCalendarCsv.loader, expected: everyone(200) },
  { name: 'actual calls', method: 'GET', path: (c) => `/campaigns/${c.launchedRef}/actuals`, params: (c) => ({ ref: c.launchedRef }), run: callLoader, handler: actualsIndex.loader, expected: everyone(200) },
  // Actual calls are recorded by the campaign's authors and helpline managers, once launched; an empty form is refused.
  { name: 'record actual calls by hand', method: 'POST', path: (c) => `/campaigns/${c.launchedRef}/actuals`, params: (c) => ({ ref: c.launchedRef }), run: callAction, handler: actualsIndex.action, expected: only([...AUTHORS, 'customerServices'], 400) },
  { name: 'record actual calls before launch', method: 'POST', path: (c) => `/campaigns/${c.ref}/actuals`, params: refParams, run: callAction, handler: actualsIndex.action, expected: only([], 400) },
  { name: 'upload actual calls form', method: 'GET', path: (c) => `/campaigns/${c.launchedRef}/actuals/upload`, params: (c) => ({ ref: c.launchedRef }), run: callLoader, handler: actualsUpload.loader, expected: only([...AUTHORS, 'customerServices'], 200) },
  { name: 'upload actual calls', method: 'POST', path: (c) => `/campaigns/${c.launchedRef}/actuals/upload`, params: (c) => ({ ref: c.launchedRef }), run: callAction, handler: actualsUpload.action, expected: only([...AUTHORS, 'customerServices'], 400) },
  // A launched campaign is re-forecast by its authors and helpline managers; an empty form is refused, nothing made.
  { name: 're-forecast page', method: 'GET', path: (c) => `/campaigns/${c.launchedRef}/forecast/reforecast`, params: (c) => ({ ref: c.launchedRef }), run: callLoader, handler: reforecastPage.loader, expected: only([...AUTHORS, 'customerServices'], 200) },
  { name: 're-forecast', method: 'POST', path: (c) => `/campaigns/${c.launchedRef}/forecast/reforecast`, params: (c) => ({ ref: c.launchedRef }), run: callAction, handler: reforecastPage.action, expected: only([...AUTHORS, 'customerServices'], 400) },
  { name: 're-forecast before launch', method: 'GET', path: (c) => `/campaigns/${c.ref}/forecast/reforecast`, params: refParams, run: callLoader, handler: reforecastPage.loader, expected: only([], 200) },
  { name: 're-forecast before launch, posted', method: 'POST', path: (c) => `/campaigns/${c.ref}/forecast/reforecast`, params: refParams, run: callAction, handler: reforecastPage.action, expected: only([], 400) },
  { name: 'admin', method: 'GET', path: () => '/admin', run: callLoader, handler: adminIndex.loader, expected: only(['admin'], 200) },
  { name: 'admin users', method: 'GET', path: () => '/admin/users', run: callLoader, handler: adminUsers.loader, expected: only(['admin'], 200) },
  { name: 'add user form', method: 'GET', path: () => '/admin/users/new', run: callLoader, handler: adminUserNew.loader, expected: only(['admin'], 200) },
  { name: 'add user', method: 'POST', path: () => '/admin/users/new', run: callAction, handler: adminUserNew.action, expected: only(['admin'], 400) },
  { name: 'sign-ins and other events', method: 'GET', path: () => '/admin/security', run: callLoader, handler: adminSecurity.loader, expected: only(['admin'], 200) },
  { name: 'sign-ins and other events CSV', method: 'GET', path: () => '/admin/security.csv', run: callLoader, handler: adminSecurityCsv.loader, expected: only(['admin'], 200) },
  {
    name: 'change user form',
    method: 'GET',
    path: (c) => `/admin/users/${c.users.viewer.id}`,
    params: (c) => ({ id: c.users.viewer.id }),
    run: callLoader,
    handler: adminUser.loader,
    expected: only(['admin'], 200),
  },
  {
    name: 'change user',
    method: 'POST',
    path: (c) => `/admin/users/${c.users.viewer.id}`,
    params: (c) => ({ id: c.users.viewer.id }),
    run: callAction,
    handler: adminUser.action,
    expected: only(['admin'], 400),
  },
  {
    name: 'user sign-in and security',
    method: 'GET',
    path: (c) => `/admin/users/${c.users.viewer.id}/sign-in`,
    params: (c) => ({ id: c.users.viewer.id }),
    run: callLoader,
    handler: adminUserSignIn.loader,
    expected: only(['admin'], 200),
  },
  // An empty form says what to do (reset, end sessions, remove two-factor) and does none of them.
  {
    name: 'reset a password, end sessions or remove two-factor',
    method: 'POST',
    path: (c) => `/admin/users/${c.users.viewer.id}/sign-in`,
    params: (c) => ({ id: c.users.viewer.id }),
    run: callAction,
    handler: adminUserSignIn.action,
    expected: only(['admin'], 400),
  },
  // Everyone signed in looks after their own account; an empty form changes nothing.
  { name: 'your account', method: 'GET', path: () => '/account', run: callLoader, handler: account.loader, expected: everyone(200) },
  { name: 'change your password form', method: 'GET', path: () => '/account/password', run: callLoader, handler: accountPassword.loader, expected: everyone(200) },
  { name: 'change your password', method: 'POST', path: () => '/account/password', run: callAction, handler: accountPassword.action, expected: everyone(400) },
  { name: 'your sessions', method: 'GET', path: () => '/account/sessions', run: callLoader, handler: accountSessions.loader, expected: everyone(200) },
  { name: 'sign a session out', method: 'POST', path: () => '/account/sessions', run: callAction, handler: accountSessions.action, expected: everyone(400) },
  { name: 'your two-factor sign-in', method: 'GET', path: () => '/account/two-factor', run: callLoader, handler: accountTwoFactor.loader, expected: everyone(200) },
  { name: 'change your two-factor sign-in', method: 'POST', path: () => '/account/two-factor', run: callAction, handler: accountTwoFactor.action, expected: everyone(400) },
  { name: 'set up two-factor form', method: 'GET', path: () => '/account/two-factor/setup', run: callLoader, handler: accountTwoFactorSetup.loader, expected: everyone(200) },
  { name: 'set up two-factor', method: 'POST', path: () => '/account/two-factor/setup', run: callAction, handler: accountTwoFactorSetup.action, expected: everyone(400) },
  // The steps of a sign-in belong to a sign-in in progress, found by its own cookie: without one, back to the start.
  { name: 'sign-in code form', method: 'GET', path: () => '/login/two-factor', run: callLoader, handler: loginCode.loader, expected: everyone(303, 303) },
  { name: 'sign-in code', method: 'POST', path: () => '/login/two-factor', run: callAction, handler: loginCode.action, expected: everyone(303, 303) },
  { name: 'sign-in new password form', method: 'GET', path: () => '/login/new-password', run: callLoader, handler: loginNewPassword.loader, expected: everyone(303, 303) },
  { name: 'sign-in new password', method: 'POST', path: () => '/login/new-password', run: callAction, handler: loginNewPassword.action, expected: everyone(303, 303) },
  { name: 'sign-in two-factor set-up form', method: 'GET', path: () => '/login/set-up-two-factor', run: callLoader, handler: loginSetUpTwoFactor.loader, expected: everyone(303, 303) },
  { name: 'sign-in two-factor set-up', method: 'POST', path: () => '/login/set-up-two-factor', run: callAction, handler: loginSetUpTwoFactor.action, expected: everyone(303, 303) },
  // Single sign-on is not configured here: its pages do not exist (test/integration/single-sign-on.test.ts has them).
  { name: 'start single sign-on', method: 'GET', path: () => '/login/sso', run: callLoader, handler: loginSso.loader, expected: everyone(404, 404) },
  { name: 'single sign-on answer', method: 'GET', path: () => '/login/sso/callback', run: callLoader, handler: loginSsoCallback.loader, expected: everyone(404, 404) },
  { name: 'signed out of the provider', method: 'GET', path: () => '/login/signed-out', run: callLoader, handler: loginSignedOut.loader, expected: everyone(200, 200) },
  // Notifications: everyone signed in has their own; an empty form is refused before anything is saved.
  { name: 'notifications', method: 'GET', path: () => '/notifications', run: callLoader, handler: notificationsIndex.loader, expected: everyone(200) },
  { name: 'mark notifications read', method: 'POST', path: () => '/notifications', run: callAction, handler: notificationsIndex.action, expected: everyone(400) },
  // Nobody can open a notification that is not theirs: an id that is not one of theirs is a 404 for everyone.
  {
    name: 'open a notification',
    method: 'GET',
    path: () => '/notifications/00000000-0000-4000-8000-000000000000',
    params: () => ({ id: '00000000-0000-4000-8000-000000000000' }),
    run: callLoader,
    handler: notificationOpen.loader,
    expected: everyone(404),
  },
  { name: 'notification choices', method: 'GET', path: () => '/notifications/preferences', run: callLoader, handler: notificationPreferences.loader, expected: everyone(200) },
  { name: 'save notification choices', method: 'POST', path: () => '/notifications/preferences', run: callAction, handler: notificationPreferences.action, expected: everyone(400) },
  // The signed link in an email is the permission, with or without a session.
  {
    name: 'email settings from a signed link',
    method: 'GET',
    path: (c) => `/notifications/email-settings/${c.emailSettingsToken}`,
    params: (c) => ({ token: c.emailSettingsToken }),
    run: callLoader,
    handler: notificationEmailSettings.loader,
    expected: everyone(200, 200),
  },
  {
    name: 'save email settings from a signed link',
    method: 'POST',
    path: (c) => `/notifications/email-settings/${c.emailSettingsToken}`,
    params: (c) => ({ token: c.emailSettingsToken }),
    run: callAction,
    handler: notificationEmailSettings.action,
    expected: everyone(400, 400),
  },
  {
    name: 'email settings from a forged link',
    method: 'GET',
    path: (c) => `/notifications/email-settings/${c.emailSettingsToken}x`,
    params: (c) => ({ token: `${c.emailSettingsToken}x` }),
    run: callLoader,
    handler: notificationEmailSettings.loader,
    expected: everyone(404, 404),
  },
  { name: 'calendar feed address', method: 'GET', path: () => '/notifications/calendar-feed', run: callLoader, handler: calendarFeedPage.loader, expected: everyone(200) },
  { name: 'make or replace the feed address', method: 'POST', path: () => '/notifications/calendar-feed', run: callAction, handler: calendarFeedPage.action, expected: everyone(400) },
  // Calendar apps fetch the feed without a session: its secret token is the permission.
  {
    name: 'calendar feed',
    method: 'GET',
    path: (c) => `/calendar/${c.feedToken}.ics`,
    params: (c) => ({ file: `${c.feedToken}.ics` }),
    run: callLoader,
    handler: calendarFeed.loader,
    expected: everyone(200, 200),
  },
  {
    name: 'calendar feed with a wrong token',
    method: 'GET',
    path: () => `/calendar/${'A'.repeat(43)}.ics`,
    params: () => ({ file: `${'A'.repeat(43)}.ics` }),
    run: callLoader,
    handler: calendarFeed.loader,
    expected: everyone(404, 404),
  },
  { name: 'campaign calendar (.ics)', method: 'GET', path: (c) => `/campaigns/${c.ref}/calendar.ics`, params: refParams, run: callLoader, handler: campaignCalendar.loader, expected: everyone(200) },
  { name: 'admin email and notifications', method: 'GET', path: () => '/admin/notifications', run: callLoader, handler: adminNotifications.loader, expected: only(['admin'], 200) },
  { name: 'retry an email or send a test', method: 'POST', path: () => '/admin/notifications', run: callAction, handler: adminNotifications.action, expected: only(['admin'], 400) },
  { name: 'sign out', method: 'POST', path: () => '/logout', run: callAction, handler: logout.action, expected: everyone(303, 303) },
]

describe('permission matrix', () => {
  const ctx = {} as Context
  beforeAll(async () => {
    const owner = await makeUser(['designer'], 'Owner')
    const coOwner = await makeUser(['designer'], 'Co-owner')
    ctx.users = {
      owner,
      coOwner,
      otherDesigner: await makeUser(['designer'], 'Other designer'),
      customerServices: await makeUser(['customer-services']),
      debtManagement: await makeUser(['debt-management']),
      pressOffice: await makeUser(['press-office']),
      welshLanguageServices: await makeUser(['welsh-language-services']),
      viewer: await makeUser(['viewer']),
      admin: await makeUser(['admin']),
    }
    ctx.ref = await makeCampaign(owner, { coOwners: [coOwner.id] })
    ctx.launchedRef = await makeCampaign(owner, { coOwners: [coOwner.id] }, { status: 'launched' })
    ctx.campaignId = (await getCampaignByRef(db, ctx.ref))!.id
    ctx.messageId = await makeMessage(owner, ctx.ref)
    const second = await updateMessage(db, { campaignId: ctx.campaignId, messageId: ctx.messageId, version: 1, values: letterInput({ postage: 'first' }) }, owner)
    if (!second.ok) throw new Error('could not make a second version')
    ctx.lineId = await makeLine(owner, ctx.ref)
    // A Welsh version of the message, for the pages that show or remove one.
    const welsh = await saveTranslation(db, { campaignId: ctx.campaignId, kind: 'message', entityId: ctx.messageId, version: 0, englishVersion: 2, welsh: { layout: 'bilingual', body: 'Annwyl ((customer_name))' } }, owner)
    if (!welsh.ok) throw new Error('could not save the Welsh version')
    const campaign = await campaignByRef(ctx.ref)
    await saveScript(db, { campaignId: campaign.id, callType: 'inbound', version: 0, sections: standardScript('inbound', campaign.referenceType) }, owner)
    // A saved forecast sending calls to one helpline, and a pending bank-holiday upload, for the forecast rows.
    ctx.helplineId = (await makeHelpline(ctx.users.admin)).id
    const campaignId = await campaignIdOf(ctx.ref)
    const messageId = await insertMessage(db, campaignId)
    const saved = await saveForecastSettings(
      db,
      {
        campaignId,
        version: 0,
        settings: {
          contactRates: { low: 5, central: 8, high: 12 },
          responseCurves: {},
          deadlineBump: { sharePercent: 15, workingDays: 5 },
          messages: { [messageId]: { delayOverrideDays: null, split: { [ctx.helplineId]: 100 } } },
        },
      },
      owner,
    )
    if (!saved.ok) throw new Error('could not save the forecast')
    const upload = await storePendingBankHolidays(db, DEFAULT_BANK_HOLIDAYS, ctx.users.admin)
    if (!upload.ok) throw new Error('could not store an upload')
    ctx.uploadId = upload.id
    ctx.feedToken = await replaceFeedToken(db, ctx.users.viewer)
    ctx.emailSettingsToken = emailSettingsToken(ctx.users.viewer.id, 'launched')
  })

  for (const row of ROWS) {
    it(`${row.method} ${row.name}`, async () => {
      const actual: Partial<Expectation> = {}
      for (const actor of ACTORS) {
        // Sign-out is last for each actor, so refresh the session cookie for every call.
        const cookie = actor === 'anonymous' ? null : ctx.users[actor].cookie
        const result = await row.run(row.handler, row.path(ctx), { cookie, params: row.params?.(ctx) ?? {}, form: {} })
        actual[actor] = result.status
      }
      expect(actual).toEqual(row.expected)
    })
  }
})
