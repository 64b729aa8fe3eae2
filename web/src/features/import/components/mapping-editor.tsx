import { useState } from 'react'
import { QueryStates } from '../../../components/query-states'
import {
  useAttributeMappings,
  useRubricAreas,
  useSaveAttributeMappings,
  type AttributeMappings,
} from '../api/attribute-mappings'
import type { UnmappedAttribute } from '../api/run-import'
import { IGNORE, attributeKey, initialChoices, mappingsToSave } from './import-data'
import { ImportError } from './import-error'

interface Props {
  unmapped: readonly UnmappedAttribute[]
  /** After saving: check the files again, so the preview counts the newly mapped ratings. */
  onSaved: () => void
}

const SOURCE_LABELS: Record<UnmappedAttribute['source'], string> = {
  greenhouse: 'Greenhouse',
  lever: 'Lever',
}

function MappingForm({ unmapped, saved, onSaved }: Props & { saved: AttributeMappings }) {
  const areas = useRubricAreas(saved.rubric)
  const save = useSaveAttributeMappings()
  const [choices, setChoices] = useState(() => initialChoices(unmapped, saved.mappings))
  const toSave = mappingsToSave(unmapped, choices)
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault()
        save.mutate(toSave, { onSuccess: onSaved })
      }}
    >
      <div className="table-scroll">
        <table className="import-table" data-testid="unmapped-table">
          <caption className="visually-hidden">Attributes that map to no rubric area</caption>
          <thead>
            <tr>
              <th scope="col">Attribute</th>
              <th scope="col">From</th>
              <th scope="col" className="numeric">
                Ratings
              </th>
              <th scope="col">First seen</th>
              <th scope="col">Rubric area</th>
            </tr>
          </thead>
          <tbody>
            {unmapped.map((attribute) => {
              const key = attributeKey(attribute)
              return (
                <tr key={key}>
                  <th scope="row">{attribute.attribute}</th>
                  <td>{SOURCE_LABELS[attribute.source]}</td>
                  <td className="numeric">{attribute.ratings}</td>
                  <td>
                    {attribute.file} {attribute.path}
                  </td>
                  <td>
                    <select
                      aria-label={`Rubric area for ${attribute.attribute}`}
                      value={choices[key] ?? ''}
                      disabled={areas.isPending || save.isPending}
                      onChange={(event) => setChoices({ ...choices, [key]: event.target.value })}
                    >
                      <option value="">Not mapped yet</option>
                      {(areas.data ?? []).map((area) => (
                        <option key={area.key} value={area.key}>
                          {area.name}
                        </option>
                      ))}
                      <option value={IGNORE}>Ignore this attribute</option>
                    </select>
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      </div>
      {areas.isError && (
        <p className="panel-state panel-state--error" role="alert">
          The rubric areas could not be loaded: {areas.error.message}
        </p>
      )}
      {save.isError && (
        <ImportError
          error={save.error}
          onRetry={() => save.mutate(toSave, { onSuccess: onSaved })}
        />
      )}
      <p className="import-actions">
        <button type="submit" disabled={toSave.length === 0 || save.isPending}>
          {save.isPending ? 'Saving…' : 'Save mappings and check again'}
        </button>
      </p>
    </form>
  )
}

/** Maps Greenhouse and Lever attributes the rubric does not know to its areas, or ignores them. */
export function MappingEditor({ unmapped, onSaved }: Props) {
  const saved = useAttributeMappings()
  return (
    <section className="panel" aria-labelledby="unmapped-title">
      <h2 id="unmapped-title">Unmapped attributes</h2>
      <p className="counts">
        These scorecard attributes map to no rubric area, so their ratings would not be imported.
        Choose an area for each, or ignore it; the mapping is saved for later imports.
      </p>
      <QueryStates query={saved} what="The saved mappings" loading="Loading saved mappings…">
        {(mappings) => (
          <MappingForm
            key={unmapped.map(attributeKey).join('\n')}
            unmapped={unmapped}
            saved={mappings}
            onSaved={onSaved}
          />
        )}
      </QueryStates>
    </section>
  )
}
