import { readFileSync, writeFileSync } from 'node:fs'
import { monitorEventLoopDelay } from 'node:perf_hooks'

/**
 * The real server, for `npm run bench:upload`, with an event-loop delay monitor the bench
 * starts and reads over IPC: "start" resets it and the peak RSS, "stop" answers with both.
 */
const delay = monitorEventLoopDelay({ resolution: 10 })
let sampledPeak = 0
const sampler = setInterval(() => {
  sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss())
}, 20)
sampler.unref()

/** Linux keeps the peak resident set (VmHWM) and resets it on request; elsewhere, samples. */
function resetPeak(): void {
  sampledPeak = process.memoryUsage.rss()
  try {
    writeFileSync('/proc/self/clear_refs', '5')
  } catch {
    // No /proc: the samples are the measure.
  }
}

function peakRssBytes(): number {
  try {
    const found = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))
    if (found) return Number(found[1]) * 1024
  } catch {
    // No /proc: the samples are the measure.
  }
  return sampledPeak
}

process.on('message', (message) => {
  if (message === 'start') {
    resetPeak()
    delay.reset()
    delay.enable()
    return
  }
  if (message === 'stop') {
    delay.disable()
    process.send?.({
      p99Ms: delay.percentile(99) / 1e6,
      maxMs: delay.max / 1e6,
      peakRssBytes: peakRssBytes(),
    })
  }
})
await import('../server')
