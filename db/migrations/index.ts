import type { Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'
import * as m0001 from './0001_foundation'
import * as m0002 from './0002_messages'
import * as m0010 from './0010_campaign_fields'
import * as m0030 from './0030_lines_scripts'
import * as m0020 from './0020_helplines_and_bank_holidays'
import * as m0021 from './0021_forecast_inputs'
import * as m0040 from './0040_sign_off'
import * as m0050 from './0050_calendar_and_actuals'
import * as m0060 from './0060_content_sequence'
import * as m0070 from './0070_audit_seal'
import * as m0080 from './0080_helpline_outcome_rules'
import * as m0090 from './0090_identity'
import * as m0100 from './0100_notifications'
import * as m0110 from './0110_welsh'
import * as m0130 from './0130_reforecast'
import * as m0140 from './0140_staffing_percentile'
import * as m0141 from './0141_delivery_profile'

export interface PortableMigration {
  up(db: Kysely<any>, dialect: SqlDialect): Promise<void>
}

// A static list, not a folder scan: bundlers (the Remix compiler) cannot follow a scan.
// Names sort in the order they must run; never rename or edit a migration once it has landed.
export const migrations: Record<string, PortableMigration> = {
  '0001_foundation': m0001,
  '0002_messages': m0002,
  '0010_campaign_fields': m0010,
  '0030_lines_scripts': m0030,
  '0020_helplines_and_bank_holidays': m0020,
  '0021_forecast_inputs': m0021,
  '0040_sign_off': m0040,
  '0050_calendar_and_actuals': m0050,
  '0060_content_sequence': m0060,
  '0070_audit_seal': m0070,
  '0080_helpline_outcome_rules': m0080,
  '0090_identity': m0090,
  '0100_notifications': m0100,
  '0110_welsh': m0110,
  '0130_reforecast': m0130,
  '0140_staffing_percentile': m0140,
  '0141_delivery_profile': m0141,
}
