import type { HandlingTaskInput } from '../campaign/handling-tasks'
import type { DbOrTx } from '../utils/db.server'
import type { Campaign } from './campaign.server'
import { getDebtTreatment } from './debt-treatment.server'
import { listLines } from './line.server'
import { getPressBriefing } from './press-briefing.server'
import { scriptFindings } from '../content/stored-content'
import { listScripts } from './script.server'

/** What the campaign page needs for tasks 4 to 7. */
export async function handlingTaskInput(db: DbOrTx, campaign: Campaign): Promise<HandlingTaskInput> {
  const [lines, scripts, debtTreatment, pressBriefing] = await Promise.all([
    listLines(db, campaign.id),
    listScripts(db, campaign.id),
    getDebtTreatment(db, campaign.id),
    getPressBriefing(db, campaign.id),
  ])
  return {
    responseSought: campaign.responseSought,
    extraLiability: campaign.extraLiability,
    pressInform: campaign.pressInform,
    plannedLaunchDate: campaign.plannedLaunchDate,
    lines,
    scripts: scripts.map((script) => ({
      callType: script.callType,
      errors: scriptFindings(script, campaign).filter((f) => f.level === 'error').length,
    })),
    hasDebtTreatment: debtTreatment !== null,
    pressLaunchDateTold: pressBriefing?.launchDateTold ?? null,
  }
}

/** Lines to take, scripts, Debt Management treatment and press details, for the campaign's JSON export. */
export async function linesAndScriptsExport(db: DbOrTx, campaign: Campaign) {
  const [lines, scripts, debtTreatment, pressBriefing] = await Promise.all([
    listLines(db, campaign.id),
    listScripts(db, campaign.id),
    getDebtTreatment(db, campaign.id),
    getPressBriefing(db, campaign.id),
  ])
  return {
    linesToTake: lines.map((line) => ({
      id: line.id,
      audience: line.audience,
      standardQuestion: line.standardQuestion,
      question: line.question,
      answer: line.answer,
      version: line.version,
      updatedAt: line.updatedAt,
    })),
    scripts: scripts.map((script) => ({
      id: script.id,
      callType: script.callType,
      opening: script.opening,
      verification: script.verification,
      recordingNotice: script.recordingNotice,
      body: script.body,
      closing: script.closing,
      version: script.version,
      updatedAt: script.updatedAt,
      findings: scriptFindings(script, campaign).map((f) => ({ rule: f.id, level: f.level, section: f.location.field, message: f.message })),
    })),
    debtManagement: campaign.extraLiability
      ? {
          customersWithExtraLiability: campaign.liabilityCustomers,
          averageLiabilityPence: campaign.liabilityAveragePence,
          specialTreatment: debtTreatment?.specialTreatment ?? null,
          version: debtTreatment?.version ?? 0,
        }
      : null,
    press: campaign.pressInform ? { launchDateTold: pressBriefing?.launchDateTold ?? null, version: pressBriefing?.version ?? 0 } : null,
  }
}
