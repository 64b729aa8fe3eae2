/** Statistics as a talent lead reads them: .31 for a correlation, 1.84 for an odds ratio. */
export function formatCorrelation(value: number | null): string {
  if (value === null) return '–'
  const fixed = value.toFixed(2)
  return fixed.replace(/^(-?)0\./, '$1.')
}

export function formatInterval(
  interval: readonly [number, number] | null,
  format: (value: number) => string,
): string {
  return interval === null ? '' : `${format(interval[0])} to ${format(interval[1])}`
}

export function formatNumber(value: number | null, digits = 2): string {
  if (value === null) return '–'
  if (Math.abs(value) >= 1000) return value.toExponential(1)
  return value.toFixed(digits)
}

export function formatP(value: number | null): string {
  if (value === null) return '–'
  if (value < 0.001) return '< .001'
  return value.toFixed(3).replace(/^0\./, '.')
}

/** Red flags by the names the API gives them (the rubric's), never by their keys. */
export function formatRedFlags(flags: readonly { name: string }[], separator = ', '): string {
  return flags.map((flag) => flag.name).join(separator)
}

export function formatScore(value: number | null): string {
  return value === null ? '–' : value.toFixed(2)
}

/** A level key as a label: "senior" → "Senior". */
export function formatLevel(level: string): string {
  return level.charAt(0).toUpperCase() + level.slice(1)
}

/** A share of 1 as a whole percentage: 0.483 → "48%". */
export function formatPercent(share: number | null): string {
  return share === null ? '–' : `${String(Math.round(share * 100))}%`
}

/** An amount of money in whole units: 147000, "USD" → "$147,000". */
export function formatMoney(amount: number | null, currency = 'USD'): string {
  if (amount === null) return '–'
  try {
    return new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      maximumFractionDigits: 0,
    }).format(amount)
  } catch {
    // A currency code Intl does not know is still worth showing as written.
    return `${amount.toLocaleString('en')} ${currency}`
  }
}
