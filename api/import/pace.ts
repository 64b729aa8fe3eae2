/**
 * Gives way to the event loop when 20 ms have passed since it last did: a file read from a
 * fast disk would otherwise be read to its end without the server answering anyone.
 */
export type Pace = () => Promise<void> | undefined

export function pacer(): Pace {
  let last = performance.now()
  return () => {
    if (performance.now() - last < 20) return undefined
    return new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      last = performance.now()
    })
  }
}
