import { beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../db/client'
import { createTestDatabase, importTexts } from '../helpers/database'
import { applicationRow, csv, scoreRow, APPLICATION_HEADER, SCORE_HEADER } from '../helpers/csv'

const hired = applicationRow({
  decision: 'hired',
  offer_salary: 150000,
  offer_accepted_at: '2024-02-01',
  start_date: '2024-03-01',
  source: 'referral',
  metro: 'Berlin',
  background: 'go',
})

function stored(db: Db, sql: string): unknown {
  return db.$client.prepare(sql).get()
}

describe('re-importing updates in place', () => {
  let db: Db
  beforeEach(async () => {
    db = createTestDatabase()
    const report = await importTexts(db, {
      'applications.csv': csv(APPLICATION_HEADER, [hired]),
      'scores.csv': csv(SCORE_HEADER, [scoreRow({ note: 'Clear on lifetimes' })]),
    })
    expect(report.ok).toBe(true)
  })

  it('leaves values alone whose column the new file does not have', async () => {
    const header = [
      'application_id',
      'candidate_id',
      'requisition_id',
      'level',
      'applied_at',
      'decision',
    ]
    const report = await importTexts(db, {
      'applications.csv': csv(header, [{ ...hired, decision: 'hired' }]),
      'scores.csv': csv(
        ['application_id', 'interviewer', 'area', 'rating'],
        [scoreRow({ rating: 4 })],
      ),
    })
    expect(report.ok).toBe(true)
    expect(report.changes?.applications).toMatchObject({ unchanged: 1, update: 0 })
    expect(report.changes?.offers).toMatchObject({ insert: 0, update: 0, unchanged: 0, delete: 0 })
    expect(report.changes?.scores).toMatchObject({ update: 1 })
    expect(stored(db, 'SELECT name, background FROM candidates')).toEqual({
      name: 'Ada Lovelace',
      background: 'go',
    })
    expect(stored(db, 'SELECT source, metro FROM applications')).toEqual({
      source: 'referral',
      metro: 'Berlin',
    })
    expect(stored(db, 'SELECT salary FROM offers')).toEqual({ salary: 150000 })
    expect(stored(db, 'SELECT start_date FROM employments')).toEqual({ start_date: '2024-03-01' })
    expect(stored(db, 'SELECT rating, note, minutes FROM scores')).toEqual({
      rating: 4,
      note: 'Clear on lifetimes',
      minutes: 25,
    })
  })

  it('clears values whose column is there but empty, and removes an offer that is gone', async () => {
    const cleared = { ...hired, metro: '', offer_salary: '', offer_accepted_at: '', background: '' }
    const report = await importTexts(db, { 'applications.csv': csv(APPLICATION_HEADER, [cleared]) })
    expect(report.ok).toBe(true)
    expect(report.changes?.offers).toMatchObject({ delete: 1 })
    expect(stored(db, 'SELECT metro FROM applications')).toEqual({ metro: null })
    expect(stored(db, 'SELECT background FROM candidates')).toEqual({ background: null })
    expect(stored(db, 'SELECT count(*) AS n FROM offers')).toEqual({ n: 0 })
  })

  it('removes the employment of an application that is no longer a hire', async () => {
    const rejected = applicationRow({ decision: 'rejected', source: 'referral', metro: 'Berlin' })
    const report = await importTexts(db, {
      'applications.csv': csv(APPLICATION_HEADER, [rejected]),
    })
    expect(report.ok).toBe(true)
    expect(report.changes?.employments).toMatchObject({ delete: 1 })
    expect(report.changes?.applications).toMatchObject({ update: 1 })
  })

  it('counts known interviewers as unchanged and does not bump the data version for a no-op', async () => {
    const version = () => stored(db, "SELECT value FROM app_meta WHERE key = 'data_version'")
    const before = version()
    const report = await importTexts(db, {
      'scores.csv': csv(SCORE_HEADER, [scoreRow({ note: 'Clear on lifetimes' })]),
    })
    expect(report.changes?.interviewers).toEqual({ insert: 0, update: 0, unchanged: 1, delete: 0 })
    expect(report.changes?.scores).toMatchObject({ unchanged: 1 })
    expect(version()).toEqual(before)
  })
})
