import { useState, type SubmitEvent } from 'react'
import { LEVELS, type Level } from '../../../../../db/domain'
import { fieldErrors } from '../../../lib/field-errors'
import { useSaveRubricWeights, type Rubric } from '../api/rubrics'
import {
  draftChanged,
  draftWeights,
  levelLabel,
  levelSum,
  weightDraft,
  weightField,
  weightProblems,
  type WeightDraft,
} from './rubric-weights-data'

interface Props {
  rubric: Rubric
  editable: boolean
}

const problemId = (rubricKey: string, field: string) =>
  `weights-${rubricKey}-${field.replaceAll('.', '-')}`

/** The level × area grid of one rubric's weights: editable by admins, read-only for others. */
export function RubricWeightsEditor({ rubric, editable }: Props) {
  const [draft, setDraft] = useState<WeightDraft>(() => weightDraft(rubric))
  const [saved, setSaved] = useState(false)
  const save = useSaveRubricWeights()

  const problems = weightProblems(draft, rubric)
  const serverErrors = fieldErrors(save.error)
  const changed = draftChanged(draft, rubric)
  const problemFields = new Set(problems.map((problem) => problem.field))

  const describedBy = (field: string) =>
    [
      problemFields.has(field) ? problemId(rubric.key, field) : null,
      serverErrors[field] ? `${problemId(rubric.key, field)}-server` : null,
    ]
      .filter(Boolean)
      .join(' ') || undefined

  const edit = (level: Level, areaKey: string, text: string) => {
    setDraft((current) => ({ ...current, [level]: { ...current[level], [areaKey]: text } }))
    setSaved(false)
    save.reset()
  }

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (problems.length > 0 || !changed) return
    save.mutate(
      { key: rubric.key, weights: draftWeights(draft) },
      {
        onSuccess: (answer) => {
          const savedRubric = answer.rubrics.find((each) => each.key === rubric.key)
          if (savedRubric) setDraft(weightDraft(savedRubric))
          setSaved(true)
        },
      },
    )
  }

  const serverError = (field: string) =>
    serverErrors[field] && (
      <span className="field-error" id={`${problemId(rubric.key, field)}-server`}>
        {serverErrors[field]}
      </span>
    )

  return (
    <form className="weights" noValidate onSubmit={submit} aria-label={`${rubric.name} weights`}>
      <div className="table-scroll">
        <table className="settings-table weights__grid">
          <caption className="visually-hidden">
            Weight of each area in the composite score, by level
          </caption>
          <thead>
            <tr>
              <th scope="col">Level</th>
              {rubric.areas.map((area) => (
                <th key={area.key} scope="col">
                  <span className="weights__area-name">{area.name}</span>{' '}
                  <code className="weights__area-key">{area.key}</code>
                </th>
              ))}
              <th scope="col">Sum</th>
            </tr>
          </thead>
          <tbody>
            {LEVELS.map((level) => {
              const sum = levelSum(draft, level)
              const sumField = weightField(level)
              return (
                <tr key={level}>
                  <th scope="row">{levelLabel(level)}</th>
                  {rubric.areas.map((area) => {
                    const field = weightField(level, area.key)
                    const invalid = problemFields.has(field) || field in serverErrors
                    return (
                      <td key={area.key}>
                        {editable ? (
                          <input
                            type="number"
                            inputMode="decimal"
                            min={0}
                            max={1}
                            step="any"
                            className="weights__input"
                            aria-label={`${levelLabel(level)}, ${area.name}`}
                            aria-invalid={invalid || undefined}
                            aria-describedby={describedBy(field)}
                            value={draft[level][area.key] ?? ''}
                            onChange={(event) => edit(level, area.key, event.target.value)}
                          />
                        ) : (
                          draft[level][area.key]
                        )}
                        {serverError(field)}
                      </td>
                    )
                  })}
                  <td
                    className={
                      problemFields.has(sumField) || sumField in serverErrors
                        ? 'weights__sum weights__sum--off'
                        : 'weights__sum'
                    }
                    data-testid={`sum-${rubric.key}-${level}`}
                  >
                    {sum}
                    {problemFields.has(sumField) && (
                      <span className="visually-hidden"> (must be 1)</span>
                    )}
                    {serverError(sumField)}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {editable && (
        <>
          {problems.length > 0 && (
            <ul className="form-problems" aria-live="polite">
              {problems.map((problem) => (
                <li key={problem.field} id={problemId(rubric.key, problem.field)}>
                  {problem.message}
                </li>
              ))}
            </ul>
          )}
          <div className="form-actions">
            <button
              type="submit"
              disabled={save.isPending || !changed || problems.length > 0}
              aria-busy={save.isPending}
            >
              {save.isPending ? 'Saving…' : 'Save weights'}
            </button>
            <button
              type="button"
              className="button--secondary"
              disabled={save.isPending || !changed}
              onClick={() => {
                setDraft(weightDraft(rubric))
                save.reset()
              }}
            >
              Discard changes
            </button>
            <span className="form-actions__status" role="status">
              {saved && 'Saved: the analytics now use these weights.'}
            </span>
          </div>
          {save.isError && (
            <p className="form-error" role="alert">
              Not saved: {save.error.message}
            </p>
          )}
        </>
      )}
    </form>
  )
}
