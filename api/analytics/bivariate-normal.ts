import jStat from 'jstat'

const normalCdf = (x: number) => jStat.normal.cdf(x, 0, 1)

// Gauss–Legendre abscissae and weights on [−1, 1] (half of each symmetric set), n = 6, 12, 20.
const GAUSS_LEGENDRE = [
  {
    weights: [0.1713244923791705, 0.3607615730481384, 0.4679139345726904],
    points: [0.9324695142031522, 0.6612093864662647, 0.238619186083197],
  },
  {
    weights: [
      0.04717533638651177, 0.1069393259953183, 0.1600783285433464, 0.2031674267230659,
      0.2334925365383547, 0.2491470458134029,
    ],
    points: [
      0.9815606342467191, 0.904117256370475, 0.769902674194305, 0.5873179542866171,
      0.3678314989981802, 0.1252334085114692,
    ],
  },
  {
    weights: [
      0.01761400713915212, 0.04060142980038694, 0.0626720483341091, 0.08327674157670475,
      0.1019301198172404, 0.1181945319615184, 0.1316886384491766, 0.1420961093183821,
      0.1491729864726037, 0.1527533871307259,
    ],
    points: [
      0.9931285991850949, 0.9639719272779138, 0.9122344282513259, 0.8391169718222188,
      0.7463319064601508, 0.636053680726515, 0.5108670019508271, 0.3737060887154196,
      0.2277858511416451, 0.0765265211334973,
    ],
  },
]

/**
 * P(X > h, Y > k) for standard bivariate normal X, Y with correlation ρ, by Drezner and
 * Wesolowsky's (1990) method as refined by Genz (2004, "Numerical computation of rectangular
 * bivariate and trivariate normal and t probabilities"): Gauss–Legendre quadrature of Plackett's
 * integral for |ρ| < 0.925, and of an asymptotic expansion about |ρ| = 1 otherwise. Accurate to
 * about 1e-15 absolute.
 */
export function bivariateNormalUpper(h: number, k: number, rho: number): number {
  if (!(rho >= -1 && rho <= 1)) throw new RangeError('bivariateNormalUpper: ρ must lie in [−1, 1]')
  if (Number.isNaN(h) || Number.isNaN(k)) throw new RangeError('bivariateNormalUpper: NaN limit')
  if (h === Infinity || k === Infinity) return 0
  if (h === -Infinity) return k === -Infinity ? 1 : normalCdf(-k)
  if (k === -Infinity) return normalCdf(-h)
  const rule = GAUSS_LEGENDRE[Math.abs(rho) < 0.3 ? 0 : Math.abs(rho) < 0.75 ? 1 : 2]!
  const points = [...rule.points.map((x) => 1 - x), ...rule.points.map((x) => 1 + x)]
  const weights = [...rule.weights, ...rule.weights]
  const twoPi = 2 * Math.PI
  let hk = h * k
  let bvn = 0
  if (Math.abs(rho) < 0.925) {
    const hs = (h * h + k * k) / 2
    const asr = Math.asin(rho) / 2
    points.forEach((x, i) => {
      const sn = Math.sin(asr * x)
      bvn += weights[i]! * Math.exp((sn * hk - hs) / (1 - sn * sn))
    })
    return clamp((bvn * asr) / twoPi + normalCdf(-h) * normalCdf(-k))
  }
  let kk = k
  if (rho < 0) {
    kk = -k
    hk = -hk
  }
  if (Math.abs(rho) < 1) {
    const as = (1 - rho) * (1 + rho)
    let a = Math.sqrt(as)
    const bs = (h - kk) ** 2
    const c = (4 - hk) / 8
    const d = (12 - hk) / 80
    let asr = -(bs / as + hk) / 2
    if (asr > -100)
      bvn = a * Math.exp(asr) * (1 - (c * (bs - as) * (1 - d * bs)) / 3 + c * d * as * as)
    if (hk > -100) {
      const b = Math.sqrt(bs)
      const sp = Math.sqrt(twoPi) * normalCdf(-b / a)
      bvn -= Math.exp(-hk / 2) * sp * b * (1 - (c * bs * (1 - d * bs)) / 3)
    }
    a /= 2
    let sum = 0
    points.forEach((x, i) => {
      const xs = (a * x) ** 2
      asr = -(bs / xs + hk) / 2
      if (asr <= -100) return
      const sp = 1 + c * xs * (1 + 5 * d * xs)
      const rs = Math.sqrt(1 - xs)
      const ep = Math.exp((-(hk / 2) * xs) / (1 + rs) ** 2) / rs
      sum += weights[i]! * Math.exp(asr) * (sp - ep)
    })
    bvn = (a * sum - bvn) / twoPi
  }
  if (rho > 0) return clamp(bvn + normalCdf(-Math.max(h, kk)))
  if (h >= kk) return clamp(-bvn)
  const between = h < 0 ? normalCdf(kk) - normalCdf(h) : normalCdf(-h) - normalCdf(-kk)
  return clamp(between - bvn)
}

const clamp = (p: number) => Math.max(0, Math.min(1, p))

/** Φ₂(a, b; ρ) = P(X ≤ a, Y ≤ b), the bivariate normal CDF, as mvtnorm::pmvnorm(upper = c(a, b)). */
export function bivariateNormalCdf(a: number, b: number, rho: number): number {
  return bivariateNormalUpper(-a, -b, rho)
}
