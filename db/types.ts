import type { Generated, Insertable, Selectable, Updateable } from 'kysely'

// Portable column types: ISO-8601 text timestamps, integer booleans (0/1), text ids.

export interface UserTable {
  id: string
  email: string
  name: string
  password_hash: string
  disabled: number
  version: number
  created_at: string
  updated_at: string
  /** 1: this account cannot finish signing in with a password until two-factor sign-in is set up. */
  two_factor_required: Generated<number>
  /** 1: the password was reset by an administrator and must be changed at the next sign-in. */
  must_change_password: Generated<number>
  password_expires_at: string | null
  sso_issuer: string | null
  sso_subject: string | null
}

export interface UserRoleTable {
  user_id: string
  role: string
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a leaked database does not leak live sessions. */
  id: string
  user_id: string
  created_at: string
  last_seen_at: string
  ip: string | null
  user_agent: string | null
  /** 'password', 'password-and-code', 'password-and-recovery-code' or 'single-sign-on'. */
  method: string | null
  /** The provider's ID token, kept only to end the provider's session at sign-out. */
  id_token: string | null
}

export interface TwoFactorTable {
  user_id: string
  secret: string | null
  enrolled_at: string | null
  last_used_step: number | null
  pending_secret: string | null
  pending_created_at: string | null
}

export interface RecoveryCodeTable {
  id: string
  user_id: string
  /** scrypt, as for passwords: the codes themselves are shown once and never stored. */
  code_hash: string
  created_at: string
  used_at: string | null
}

export interface SignInPendingTable {
  /** SHA-256 of the cookie token. */
  id: string
  user_id: string
  redirect_to: string
  second_factor_done: Generated<number>
  created_at: string
}

export interface SsoRequestTable {
  /** SHA-256 of the cookie token. */
  id: string
  state: string
  nonce: string
  code_verifier: string
  redirect_to: string
  created_at: string
}

export interface LoginThrottleTable {
  key: string
  failures: number
  window_started_at: string
  next_allowed_at: string | null
  updated_at: string
}

export interface CampaignTable {
  id: string
  ref: string
  name: string
  regime: string
  objective: string
  target_population: string
  population_size: number
  planned_launch_date: string
  status: string
  response_sought: string
  extra_liability: number
  liability_customers: number | null
  liability_average_pence: number | null
  press_inform: number
  press_reason: string | null
  response_process: string
  reference_type: string
  nation: string
  /** How many of the customers asked HMRC to write to them in Welsh (0: none). */
  welsh_customers: Generated<number>
  owner_id: string
  version: number
  created_at: string
  updated_at: string
}

export interface CampaignCoOwnerTable {
  campaign_id: string
  user_id: string
}

export interface AuditEventTable {
  id: Generated<number>
  at: string
  actor_id: string | null
  actor_email: string | null
  campaign_id: string | null
  action: string
  entity_type: string
  entity_id: string | null
  summary: string
  before_json: string | null
  after_json: string | null
  prev_hash: string
  hash: string
  /** HMAC-SHA256 of `hash` under AUDIT_HMAC_KEY; null for events written before sealing began. */
  seal: string | null
}

/** One row per saved version of any versioned record (campaign, message, line, script, helpline). */
export interface RevisionTable {
  id: string
  entity_type: string
  entity_id: string
  campaign_id: string | null
  version: number
  author_id: string | null
  at: string
  summary: string
  snapshot_json: string
}

export interface MessageTable {
  id: string
  campaign_id: string
  position: number
  name: string
  /** letter | email | sms | online */
  channel: string
  /** nino | utr | vrn | paye | ctutr */
  reference_type: string
  subject: string | null
  body: string
  address_block: string | null
  /** second | first | economy | signed-for (letters only) */
  postage: string | null
  /** "Reply within N days" of delivery (letters only) */
  deadline_days: number | null
  /** Letters only: the designer's own percentages delivered on working day 1, 2, 3 … after posting ("60, 30, 10"); null uses the postage class's. */
  delivery_profile: string | null
  version: number
  created_at: string
  updated_at: string
}

export interface WaveTable {
  id: string
  message_id: string
  position: number
  send_date: string
  volume: number
}

/** A campaign's custom mailing-data field; `name_key` is the name normalised as placeholders are matched. */
export interface CampaignFieldTable {
  id: string
  campaign_id: string
  name: string
  name_key: string
  created_at: string
}

export interface LineToTakeTable {
  id: string
  campaign_id: string
  /** helpline | press | debt-management | internal */
  audience: string
  question: string
  answer: string
  /** The standard question the line answers, or null. */
  standard_question: string | null
  position: number
  version: number
  created_at: string
  updated_at: string
}

export interface ScriptTable {
  id: string
  campaign_id: string
  /** inbound | outbound | outdoor | third-party | answering-machine; one script per type per campaign */
  call_type: string
  opening: string
  verification: string
  recording_notice: string
  body: string
  closing: string
  version: number
  created_at: string
  updated_at: string
}

export interface DebtTreatmentTable {
  campaign_id: string
  /** Any special treatment, such as time to pay arrangements. */
  special_treatment: string
  version: number
  created_at: string
  updated_at: string
}

export interface PressBriefingTable {
  campaign_id: string
  /** YYYY-MM-DD: the launch date the Press Office has been told. */
  launch_date_told: string
  version: number
  created_at: string
  updated_at: string
}

export interface HelplineTable {
  id: string
  name: string
  /** Lower-cased name, unique. */
  name_key: string
  /** Seven entries, Monday first: {"open":"08:00","close":"18:00"} or null when closed. */
  opening_hours_json: string
  /** 48 percentages, one per half hour from 00:00; they add up to 100 over the open half hours. */
  intraday_profile_json: string
  /** Seven multipliers of the baseline, Monday first (1 = an average day). */
  day_weights_json: string
  aht_seconds: number
  target_percent: number
  target_seconds: number
  shrinkage_percent: number
  max_occupancy_percent: number
  /** Set: staffed with Erlang A. Null: Erlang C. */
  patience_seconds: number | null
  /** Erlang A only: the most callers who may hang up in a half hour, in % (as typed). Null: no such rule. */
  max_abandonment_percent: number | null
  /** The most mean wait of answered calls in a half hour, in seconds. Null: no such rule. */
  max_asa_seconds: number | null
  baseline_calls_per_day: number
  available_fte: number
  paid_hours_per_fte: number
  /** The percentile of each day's calls the helpline staffs to: 50, 80 or 90. */
  staff_to_percentile: Generated<number>
  /** 1 on the one helpline that takes calls in Welsh. */
  welsh_line: Generated<number>
  version: number
  created_at: string
  updated_at: string
}

export interface BankHolidayFileTable {
  id: string
  /** A GOV.UK-format bank-holidays.json, validated. */
  content_json: string
  sha256: string
  uploaded_by: string
  uploaded_at: string
  /** Null while pending; the highest applied_seq is the calendar in use. */
  applied_seq: number | null
  applied_by: string | null
  applied_at: string | null
}

export interface ForecastInputTable {
  campaign_id: string
  rate_low_percent: number
  rate_central_percent: number
  rate_high_percent: number
  /** {"letter":[4,10,…]}: percentages by working day, only for channels whose default curve was changed. */
  response_curves_json: string | null
  bump_share_percent: number
  bump_working_days: number
  version: number
  created_at: string
  updated_at: string
}

export interface ForecastMessageTable {
  message_id: string
  campaign_id: string
  delay_override_days: number | null
}

export interface ForecastSplitTable {
  message_id: string
  helpline_id: string
  campaign_id: string
  share_percent: number
}

/** When a campaign's owner first asked for sign-off. */
export interface SignOffRequestTable {
  campaign_id: string
  requested_by: string
  requested_at: string
}

/** A group's decision on one version of its scope; append-only. */
export interface SignOffDecisionTable {
  id: string
  campaign_id: string
  /** customer-services | debt-management | press-office */
  grp: string
  /** 1, 2, 3… per campaign and group; unique, so two decisions cannot follow the same one. */
  seq: number
  /** approved | changes-requested */
  decision: string
  comment: string | null
  decided_by: string
  decided_at: string
  /** SHA-256 (hex) of the canonical JSON of the scope decided on. */
  scope_hash: string
  /** That scope's canonical JSON. */
  snapshot_json: string
}

/** Each group's scope hash as the campaign's content is now. */
export interface CampaignScopeTable {
  campaign_id: string
  grp: string
  current_hash: string
  /** When current_hash last changed. */
  changed_at: string
  /** The group's state as last worked out (null on rows from before it was kept). */
  state: string | null
  /** The latest decision that state was worked out from. */
  decision_id: string | null
}

/**
 * A campaign's content sequence: triggers on every signed table move seq on; synced_seq is the seq its cached
 * sign-off state (campaign_scope, the campaign's status) was computed at.
 */
export interface CampaignContentTable {
  campaign_id: string
  seq: number
  synced_seq: number
}

/** The whole campaign as launched; append-only. */
export interface LaunchSnapshotTable {
  campaign_id: string
  hash: string
  snapshot_json: string
  launched_by: string
  launched_at: string
}

/** Present while a campaign's stored arrivals are current: triggers delete it when any of their inputs changes. */
export interface CampaignLoadTable {
  campaign_id: string
  /** The arrivals maths (its version and constants) they were computed with. */
  model: string
  computed_at: string
}

/** One row (id 1): moves on with every change to anything a helpline calendar is computed from. */
export interface InputGenerationTable {
  id: number
  n: number
}

/** A campaign's calls arriving at one helpline, per day from first_date, before roll-forward off closed days. */
export interface CampaignHelplineLoadTable {
  campaign_id: string
  helpline_id: string
  first_date: string
  last_date: string
  /** {"low":[…],"central":[…],"high":[…]}: one number per day from first_date. */
  daily_calls_json: string
}

/** The calls a launched campaign actually received on one day at one helpline. */
export interface ActualCallsTable {
  campaign_id: string
  helpline_id: string
  date: string
  calls: number
  recorded_by: string
  recorded_at: string
}

/** A re-forecast of a launched campaign from its calls so far: a new version each time, never changed. */
export interface ReforecastTable {
  id: string
  campaign_id: string
  version: number
  forecast_version: number
  through_date: string
  working_days: number
  actual_calls: number
  expected_calls: number
  rate_low: number
  rate_central: number
  rate_high: number
  made_by: string
  made_at: string
}

/** What a person is told in the app; written in the transaction of the change that causes it. */
export interface NotificationTable {
  id: string
  user_id: string
  /** One of NOTIFICATION_KINDS (app/notifications/kinds.ts). */
  kind: string
  campaign_id: string | null
  helpline_id: string | null
  title: string
  body: string
  /** A path inside the service: where the person acts. */
  href: string
  created_at: string
  read_at: string | null
  /** email | digest | in-app: how the person chose to be told when it was written. */
  delivery: string
  /** The daily digest that carried it, once one has. */
  digest_outbox_id: string | null
}

/** One email to send, written in the transaction of what it tells of; the delivery worker sends it. */
export interface EmailOutboxTable {
  id: string
  /** notification | digest | test */
  kind: string
  notification_id: string | null
  user_id: string
  to_address: string
  subject: string
  /** The Message-ID every attempt carries, so a repeat is recognisable. */
  message_id: string
  /** pending | sending | sent | failed | cancelled */
  state: string
  attempts: number
  /** Attempts made before an administrator last retried it. */
  attempts_before_retry: number
  next_attempt_at: string
  lease_until: string | null
  claimed_by: string | null
  last_error: string | null
  created_at: string
  sent_at: string | null
}

export interface EmailAttemptTable {
  outbox_id: string
  attempt: number
  worker: string
  started_at: string
  finished_at: string | null
  /** sent | retry | failed; null while under way (or if the sender stopped mid-way). */
  outcome: string | null
  detail: string | null
}

export interface NotificationPreferenceTable {
  user_id: string
  kind: string
  /** email | digest | in-app */
  delivery: string
  updated_at: string
}

/** A person's calendar feed: the token is derived from the nonce with a key from the environment; only its hash is kept. */
export interface CalendarFeedTable {
  user_id: string
  nonce: string
  token_hash: string
  created_at: string
}

/** The Welsh version of a message, line or script: one row per English record and language. */
export interface TranslationTable {
  /** message | line | script */
  entity_type: string
  /** The English record's id. */
  entity_id: string
  /** cy */
  language: string
  campaign_id: string
  /** The Welsh text, as JSON: {layout, subject, body} for a message, {question, answer} for a line, the five sections for a script. */
  content_json: string
  /** The English version it translates. */
  translates_version: number
  /** The English text of that version, as JSON in the same shape: what the Welsh was translated from. */
  source_json: string
  version: number
  translated_by: string
  created_at: string
  updated_at: string
}

/** A request to translate one message, line or script by a date; deleted once a current translation is saved. */
export interface TranslationRequestTable {
  entity_type: string
  entity_id: string
  language: string
  campaign_id: string
  /** YYYY-MM-DD */
  needed_by: string
  requested_by: string
  requested_at: string
}

export interface Database {
  users: UserTable
  user_role: UserRoleTable
  session: SessionTable
  login_throttle: LoginThrottleTable
  campaign: CampaignTable
  campaign_co_owner: CampaignCoOwnerTable
  audit_event: AuditEventTable
  revision: RevisionTable
  message: MessageTable
  wave: WaveTable
  line_to_take: LineToTakeTable
  script: ScriptTable
  debt_treatment: DebtTreatmentTable
  press_briefing: PressBriefingTable
  campaign_field: CampaignFieldTable
  helpline: HelplineTable
  bank_holiday_file: BankHolidayFileTable
  forecast_input: ForecastInputTable
  forecast_message: ForecastMessageTable
  forecast_split: ForecastSplitTable
  sign_off_request: SignOffRequestTable
  sign_off_decision: SignOffDecisionTable
  campaign_scope: CampaignScopeTable
  campaign_content: CampaignContentTable
  launch_snapshot: LaunchSnapshotTable
  campaign_load: CampaignLoadTable
  input_generation: InputGenerationTable
  campaign_helpline_load: CampaignHelplineLoadTable
  actual_calls: ActualCallsTable
  reforecast: ReforecastTable
  two_factor: TwoFactorTable
  recovery_code: RecoveryCodeTable
  sign_in_pending: SignInPendingTable
  sso_request: SsoRequestTable
  notification: NotificationTable
  email_outbox: EmailOutboxTable
  email_attempt: EmailAttemptTable
  notification_preference: NotificationPreferenceTable
  calendar_feed: CalendarFeedTable
  translation: TranslationTable
  translation_request: TranslationRequestTable
}

export type UserRow = Selectable<UserTable>
export type NewUserRow = Insertable<UserTable>
export type SessionRow = Selectable<SessionTable>
export type CampaignRow = Selectable<CampaignTable>
export type NewCampaignRow = Insertable<CampaignTable>
export type CampaignUpdate = Updateable<CampaignTable>
export type AuditEventRow = Selectable<AuditEventTable>
export type RevisionRow = Selectable<RevisionTable>
export type MessageRow = Selectable<MessageTable>
export type WaveRow = Selectable<WaveTable>
export type CampaignFieldRow = Selectable<CampaignFieldTable>
export type LineToTakeRow = Selectable<LineToTakeTable>
export type ScriptRow = Selectable<ScriptTable>
export type HelplineRow = Selectable<HelplineTable>
export type BankHolidayFileRow = Selectable<BankHolidayFileTable>
export type ForecastInputRow = Selectable<ForecastInputTable>
export type ActualCallsRow = Selectable<ActualCallsTable>
export type TranslationRow = Selectable<TranslationTable>
