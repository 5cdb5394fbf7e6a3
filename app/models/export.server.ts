import type { Campaign } from './campaign.server'
import type { DbOrTx } from '../utils/db.server'
import { nowIso } from '../utils/clock.server'
import { messagesForExport } from './message.server'
import { linesAndScriptsExport } from './lines-and-scripts.server'
import { forecastInputsForExport } from './forecast.server'
import { getLaunchRecord, signOffsForExport } from './signoff/views.server'
import { listActuals } from './actuals.server'
import { translationsForExport } from './translation.server'

/** Bumped whenever the shape of the export changes in a way a reader would notice. */
export const EXPORT_SCHEMA_VERSION = 1

/** The whole campaign as one JSON document: what it is, who owns it, and every part that later tasks add. */
export async function buildCampaignExport(db: DbOrTx, campaign: Campaign) {
  const forecast = await forecastInputsForExport(db, campaign.id)
  return {
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportedAt: nowIso(),
    campaign: {
      ref: campaign.ref,
      name: campaign.name,
      status: campaign.status,
      version: campaign.version,
      regime: campaign.regime,
      objective: campaign.objective,
      targetPopulation: campaign.targetPopulation,
      populationSize: campaign.populationSize,
      welshCustomers: campaign.welshCustomers,
      plannedLaunchDate: campaign.plannedLaunchDate,
      nation: campaign.nation,
      referenceType: campaign.referenceType,
      responseSought: campaign.responseSought,
      responseProcess: campaign.responseProcess,
      extraLiability: campaign.extraLiability
        ? { customers: campaign.liabilityCustomers, averagePence: campaign.liabilityAveragePence }
        : null,
      pressOffice: { inform: campaign.pressInform, reasonNotInformed: campaign.pressReason },
      owner: { name: campaign.owner.name, email: campaign.owner.email },
      coOwners: campaign.coOwners.map((c) => ({ name: c.name, email: c.email })),
      createdAt: campaign.createdAt,
      updatedAt: campaign.updatedAt,
    },
    messages: await messagesForExport(db, campaign.id),
    ...(await linesAndScriptsExport(db, campaign)),
    /** The Welsh versions of messages, lines and scripts, each with the English version it translates. */
    welsh: await translationsForExport(db, campaign.id),
    /** The saved forecast inputs (contact rates, curves, deadline bump, helpline split per message); null until saved. */
    forecastInputs: forecast,
    /** Every sign-off decision, oldest first, with the SHA-256 of the scope it was made on. */
    signOffs: await signOffsForExport(db, campaign.id),
    /** The launch snapshot's SHA-256, who launched and when; null before launch. */
    launch: await getLaunchRecord(db, campaign.id),
    /** The calls the campaign actually received, per day and helpline, once launched. */
    actualCalls: (await listActuals(db, campaign.id)).map((a) => ({ date: a.date, helpline: a.helplineName, calls: a.calls, recordedBy: a.recordedBy, recordedAt: a.recordedAt })),
  }
}
