// The part of jstat's API that Loopscope uses; the package ships no types.
declare module 'jstat' {
  interface JStat {
    normal: {
      inv(p: number, mean: number, sd: number): number
      cdf(x: number, mean: number, sd: number): number
    }
    studentt: { cdf(x: number, degreesOfFreedom: number): number }
    chisquare: { cdf(x: number, degreesOfFreedom: number): number }
  }
  const jStat: JStat
  export default jStat
}
