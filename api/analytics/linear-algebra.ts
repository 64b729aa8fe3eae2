/** A dense symmetric matrix stored row by row. */
export type Matrix = number[][]

/**
 * Cholesky factor L (lower triangular, A = L·Lᵀ) of a symmetric positive definite matrix, or
 * null when A is not numerically positive definite (collinear or constant predictors).
 */
export function cholesky(matrix: Matrix): Matrix | null {
  const size = matrix.length
  const lower: Matrix = Array.from({ length: size }, () => new Array<number>(size).fill(0))
  const scale = Math.max(...matrix.map((row, i) => Math.abs(row[i]!)))
  for (let j = 0; j < size; j++) {
    let diagonal = matrix[j]![j]!
    for (let k = 0; k < j; k++) diagonal -= lower[j]![k]! ** 2
    if (!(diagonal > scale * 1e-13)) return null
    const pivot = Math.sqrt(diagonal)
    lower[j]![j] = pivot
    for (let i = j + 1; i < size; i++) {
      let value = matrix[i]![j]!
      for (let k = 0; k < j; k++) value -= lower[i]![k]! * lower[j]![k]!
      lower[i]![j] = value / pivot
    }
  }
  return lower
}

/** Solves L·Lᵀ·x = b given the Cholesky factor L. */
export function choleskySolve(lower: Matrix, rhs: ArrayLike<number>): number[] {
  const size = lower.length
  const forward = new Array<number>(size).fill(0)
  for (let i = 0; i < size; i++) {
    let value = rhs[i]!
    for (let k = 0; k < i; k++) value -= lower[i]![k]! * forward[k]!
    forward[i] = value / lower[i]![i]!
  }
  const solution = new Array<number>(size).fill(0)
  for (let i = size - 1; i >= 0; i--) {
    let value = forward[i]!
    for (let k = i + 1; k < size; k++) value -= lower[k]![i]! * solution[k]!
    solution[i] = value / lower[i]![i]!
  }
  return solution
}

/** Inverse of a symmetric positive definite matrix from its Cholesky factor. */
export function choleskyInverse(lower: Matrix): Matrix {
  const size = lower.length
  const columns = Array.from({ length: size }, (_, j) =>
    choleskySolve(
      lower,
      Array.from({ length: size }, (_, i) => (i === j ? 1 : 0)),
    ),
  )
  return Array.from({ length: size }, (_, i) => columns.map((column) => column[i]!))
}
