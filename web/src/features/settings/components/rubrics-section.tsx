import { PanelBoundary } from '../../../components/panel-boundary'
import { ImportHint } from '../../../components/import-hint'
import { QueryStates } from '../../../components/query-states'
import { useRubrics } from '../api/rubrics'
import { RubricWeightsEditor } from './rubric-weights-editor'

interface Props {
  editable: boolean
}

/** Each rubric's areas and level weights; areas and their names come with imports. */
export function RubricsSection({ editable }: Props) {
  const rubrics = useRubrics()
  return (
    <QueryStates query={rubrics} what="The rubrics" loading="Loading rubrics…">
      {(data) =>
        data.rubrics.length === 0 ? (
          <p className="panel-state">
            <span>
              No rubrics yet: a rubric and its areas arrive with the first import.{' '}
              <ImportHint lead="Import data on" />
            </span>
          </p>
        ) : (
          data.rubrics.map((rubric) => (
            <section
              key={rubric.key}
              className="panel"
              aria-labelledby={`rubric-${rubric.key}-title`}
            >
              <h2 id={`rubric-${rubric.key}-title`}>
                {rubric.name} <code className="settings-key">{rubric.key}</code>
              </h2>
              <p className="settings-note">
                The composite score of an application weights each area by the level of the role;
                each level&apos;s weights sum to 1. Area keys and names come from imports and are
                not edited here.
              </p>
              <PanelBoundary title={`The ${rubric.name} weights`}>
                <RubricWeightsEditor rubric={rubric} editable={editable} />
              </PanelBoundary>
              {rubric.red_flags.length > 0 && (
                <p className="settings-note settings-note--after">
                  Red-flag tags:{' '}
                  {rubric.red_flags.map((flag, index) => (
                    <span key={flag.key}>
                      {index > 0 && ', '}
                      {flag.name} (<code>{flag.key}</code>)
                    </span>
                  ))}
                </p>
              )}
            </section>
          ))
        )
      }
    </QueryStates>
  )
}
