import { useEffect, useRef, useState, type ReactNode, type SubmitEvent } from 'react'
import {
  BENCHMARK_METRICS,
  LEVELS,
  type BenchmarkMetric,
  type Level,
} from '../../../../../db/domain'
import type { Benchmark } from '../api/benchmarks'
import { useSaveBenchmark } from '../api/benchmarks'
import { fieldErrors } from '../../../lib/field-errors'
import {
  benchmarkDraft,
  benchmarkInput,
  blankBenchmark,
  METRIC_LABELS,
  withMetric,
  type BenchmarkDraft,
} from './benchmark-form-data'

interface Props {
  /** The benchmark to change, or null to add one. */
  editing: Benchmark | null
  onDone: () => void
}

interface FieldProps {
  name: keyof BenchmarkDraft
  label: string
  hint?: string
  error: string | undefined
  wide?: boolean
  children: (described: {
    id: string
    'aria-describedby'?: string
    'aria-invalid'?: true
  }) => ReactNode
}

/** A labelled control with its hint and the server's message about it underneath. */
function Field({ name, label, hint, error, wide, children }: FieldProps) {
  const id = `benchmark-${name}`
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ')
  return (
    <div className={wide ? 'form-field form-field--wide' : 'form-field'}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
      {hint && (
        <span className="form-field__hint" id={`${id}-hint`}>
          {hint}
        </span>
      )}
      {error && (
        <span className="field-error" id={`${id}-error`}>
          {error}
        </span>
      )}
    </div>
  )
}

type TypedField = Exclude<keyof BenchmarkDraft, 'metric' | 'level'>

interface TypedOptions {
  hint?: string | undefined
  wide?: boolean
  required?: boolean
  number?: boolean
  pattern?: string
}

const NUMBER_INPUT = { type: 'number', inputMode: 'decimal', step: 'any', min: 0 } as const

/** Adds a benchmark or changes one; the server checks the rules and names the field it refuses. */
export function BenchmarkForm({ editing, onDone }: Props) {
  const [draft, setDraft] = useState<BenchmarkDraft>(() =>
    editing ? benchmarkDraft(editing) : blankBenchmark(),
  )
  const save = useSaveBenchmark()
  const errors = fieldErrors(save.error)
  const heading = useRef<HTMLHeadingElement>(null)

  useEffect(() => {
    // Editing starts from a row's button further down: bring the form into view and focus.
    if (editing) heading.current?.focus()
  }, [editing])

  const set = (change: Partial<BenchmarkDraft>) => {
    setDraft((current) => ({ ...current, ...change }))
    save.reset()
  }

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    save.mutate(
      { input: benchmarkInput(draft), id: editing?.id ?? null },
      {
        onSuccess: () => {
          setDraft(blankBenchmark())
          onDone()
        },
      },
    )
  }

  /** A field typed as text or a number, bound to its part of the draft. */
  const typed = (label: string, name: TypedField, options: TypedOptions = {}) => (
    <Field name={name} label={label} hint={options.hint} wide={options.wide} error={errors[name]}>
      {(props) => (
        <input
          {...props}
          {...(options.number ? NUMBER_INPUT : {})}
          required={options.required}
          pattern={options.pattern}
          value={draft[name]}
          onChange={(event) => set({ [name]: event.target.value })}
        />
      )}
    </Field>
  )

  const isSalary = draft.metric === 'salary'
  const title = editing ? `Edit benchmark ${editing.id}` : 'Add a benchmark'
  return (
    <form className="panel benchmark-form" onSubmit={submit} aria-labelledby="benchmark-form-title">
      <h2 id="benchmark-form-title" ref={heading} tabIndex={-1}>
        {title}
      </h2>
      <div className="form-grid">
        <Field name="metric" label="Metric" error={errors.metric}>
          {(props) => (
            <select
              {...props}
              value={draft.metric}
              onChange={(event) => {
                setDraft((current) => withMetric(current, event.target.value as BenchmarkMetric))
                save.reset()
              }}
            >
              {BENCHMARK_METRICS.map((metric) => (
                <option key={metric} value={metric}>
                  {METRIC_LABELS[metric]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="level"
          label="Level"
          hint={
            isSalary
              ? 'Offers are held against a band of their own level only; a band for every level is market context'
              : undefined
          }
          error={errors.level}
        >
          {(props) => (
            <select
              {...props}
              value={draft.level}
              onChange={(event) => set({ level: event.target.value as Level | '' })}
            >
              <option value="">Every level</option>
              {LEVELS.map((level) => (
                <option key={level} value={level}>
                  {level}
                </option>
              ))}
            </select>
          )}
        </Field>
        {typed('Metro', 'metro', { hint: 'Empty for nationwide' })}
        {typed(isSalary ? 'Average' : 'Value', 'value', {
          number: true,
          hint: draft.metric === 'retention_12m' ? 'A rate between 0 and 1' : undefined,
        })}
        {isSalary && typed('Band low', 'low', { number: true, required: true })}
        {isSalary && typed('Band high', 'high', { number: true, required: true })}
        {typed('Unit', 'unit', { required: true })}
        {typed('Source', 'source', { required: true, wide: true })}
        {typed('Source date', 'source_date', {
          required: true,
          pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?',
          hint: 'YYYY, YYYY-MM or YYYY-MM-DD',
        })}
        {typed('Note', 'note', { wide: true })}
      </div>
      <div className="form-actions">
        <button type="submit" disabled={save.isPending} aria-busy={save.isPending}>
          {save.isPending ? 'Saving…' : editing ? 'Save benchmark' : 'Add benchmark'}
        </button>
        {editing && (
          <button type="button" className="button--secondary" onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
      {save.isError && (
        <p className="form-error" role="alert">
          Not saved: {save.error.message}
        </p>
      )}
    </form>
  )
}
