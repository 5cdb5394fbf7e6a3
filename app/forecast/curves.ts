// Response curves: the share of a wave's calls on working day k after delivery (k = 0 is the delivery day).
// docs/forecasting.md explains the default shapes and the deadline bump. The zod schemas for user-edited
// curves and bump settings are in schema.ts, so this module (and the engine) stays free of zod.
import type { Channel } from './delivery'

/** The longest curve a designer may enter, in working days (12 weeks). */
export const MAX_CURVE_LENGTH = 60

/** Left-to-right sum: the order every check of "sums to exactly 1" uses. */
export function sumInOrder(values: ArrayLike<number>): number {
  let total = 0
  for (let i = 0; i < values.length; i++) total += values[i]
  return total
}

/**
 * Scales non-negative weights so that they sum to exactly 1 (in left-to-right floating-point order):
 * the rounding residue is folded into the largest share, where it is relatively smallest.
 */
export function normaliseCurve(weights: readonly number[]): number[] {
  if (weights.length === 0) throw new RangeError('A response curve needs at least one day')
  let total = 0
  let largest = 0
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]
    if (!Number.isFinite(w) || w < 0) throw new RangeError(`Response curve day ${i} is ${w}: shares must be 0 or more`)
    total += w
    if (w > weights[largest]) largest = i
  }
  if (!(total > 0) || !Number.isFinite(total)) throw new RangeError('A response curve needs at least one share above 0')
  const curve = weights.map((w) => w / total)
  for (let attempt = 0; attempt < 8; attempt++) {
    const residue = 1 - sumInOrder(curve)
    if (residue === 0) break
    curve[largest] += residue
  }
  return curve
}

/**
 * Defaults per channel. Letters: 15 working days, peaking 2–5 days after delivery (56% of calls fall there).
 * Email: 10 days, front-loaded. SMS: 7 days, half on the day. Online account messages: 15 days, flatter,
 * because customers see them only when they next sign in.
 */
export const DEFAULT_RESPONSE_CURVES: Readonly<Record<Channel, readonly number[]>> = {
  letter: normaliseCurve([0.04, 0.1, 0.15, 0.16, 0.14, 0.11, 0.08, 0.06, 0.045, 0.035, 0.025, 0.02, 0.015, 0.01, 0.01]),
  email: normaliseCurve([0.3, 0.22, 0.14, 0.1, 0.07, 0.05, 0.04, 0.03, 0.03, 0.02]),
  sms: normaliseCurve([0.45, 0.22, 0.12, 0.08, 0.06, 0.04, 0.03]),
  online: normaliseCurve([0.16, 0.14, 0.12, 0.1, 0.09, 0.08, 0.07, 0.06, 0.05, 0.04, 0.03, 0.02, 0.02, 0.01, 0.01]),
}

// ---------------------------------------------------------------------------------------------
// The action-deadline bump

export interface DeadlineBumpSettings {
  /** Fraction (0–0.9) of a message's calls moved out of its curve into the bump. 0 turns the bump off. */
  share: number
  /** How many working days before the deadline the bump spans, ending on the last working day on or before it. */
  workingDays: number
}

/** 15% of calls, over the last 5 working days up to the deadline, rising linearly 1:2:3:4:5. */
export const DEFAULT_DEADLINE_BUMP: Readonly<DeadlineBumpSettings> = { share: 0.15, workingDays: 5 }

/** Linear ramp 1:2:…:n, normalised: calls build up as the deadline nears. */
export function deadlineBumpShape(workingDays: number): number[] {
  return normaliseCurve(Array.from({ length: workingDays }, (_, i) => i + 1))
}

/**
 * A wave's shares by working-day offset from its first response day, with `bump.share` of the calls moved
 * from the curve into the bump that ends at `deadlineOffset` (the last working day on or before the deadline).
 * Bump days that would fall before offset 0 are dropped and the rest rescaled, so the result still sums to 1.
 */
export function applyDeadlineBump(
  curve: readonly number[],
  deadlineOffset: number,
  bump: DeadlineBumpSettings,
): Float64Array {
  const end = Math.max(0, Math.floor(deadlineOffset))
  const out = new Float64Array(Math.max(curve.length, end + 1))
  const keep = 1 - bump.share
  for (let k = 0; k < curve.length; k++) out[k] = curve[k] * keep
  if (bump.share <= 0) return out
  const shape = deadlineBumpShape(bump.workingDays)
  const first = end - shape.length + 1
  let kept = 0
  for (let j = 0; j < shape.length; j++) if (first + j >= 0) kept += shape[j]
  for (let j = 0; j < shape.length; j++) {
    if (first + j >= 0) out[first + j] += (bump.share * shape[j]) / kept
  }
  return out
}
