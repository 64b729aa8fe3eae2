import { Random } from './random'

/**
 * A fold index 0..folds − 1 per observation, stratified by outcome: each class is shuffled with
 * one seeded generator and dealt round-robin, so every fold gets as even a share of each class as
 * possible. The deal continues across classes, so fold sizes overall differ by at most one too.
 */
export function stratifiedFolds(
  outcomes: readonly (0 | 1)[],
  folds: number,
  seed: number,
): number[] {
  if (!Number.isInteger(folds) || folds < 1) {
    throw new RangeError('stratifiedFolds: folds must be a whole number ≥ 1')
  }
  const classes = [0, 1].map((outcome) => {
    const members: number[] = []
    outcomes.forEach((value, index) => {
      if (value === outcome) members.push(index)
    })
    return members
  })
  // Values that came in untyped (e.g. from JSON) and are neither 0 nor 1 would get no fold.
  if (classes[0]!.length + classes[1]!.length !== outcomes.length) {
    throw new RangeError('stratifiedFolds: outcomes must be 0 or 1')
  }
  const random = new Random(seed)
  const assignment = new Array<number>(outcomes.length).fill(0)
  let dealt = 0
  for (const members of classes) {
    for (const index of random.sample(members, members.length)) {
      assignment[index] = dealt % folds
      dealt += 1
    }
  }
  return assignment
}
