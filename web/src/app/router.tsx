import { createBrowserRouter } from 'react-router'
import { SignInView } from '../features/sign-in/components/sign-in-view'
import { AppShell } from './app-shell'
import { RouteError } from './route-error'

// Each view is its own chunk, so the charts load only with the views that draw them; the small
// sign-in page is the first one most visits see, so it comes with the app.
export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInView />, errorElement: <RouteError /> },
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <p className="panel-state">Loading Loopscope…</p>,
    children: [
      {
        index: true,
        lazy: async () => ({
          Component: (
            await import('../features/loop-effectiveness/components/loop-effectiveness-view')
          ).LoopEffectivenessView,
        }),
      },
      {
        path: 'worth',
        lazy: async () => ({
          Component: (await import('../features/worth/components/worth-view')).WorthView,
        }),
      },
      {
        path: 'retention',
        lazy: async () => ({
          Component: (await import('../features/retention/components/retention-view'))
            .RetentionView,
        }),
      },
      {
        path: 'time-to-hire',
        lazy: async () => ({
          Component: (await import('../features/time-to-hire/components/time-to-hire-view'))
            .TimeToHireView,
        }),
      },
      {
        path: 'salary',
        lazy: async () => ({
          Component: (await import('../features/salary/components/salary-view')).SalaryView,
        }),
      },
      {
        path: 'questions',
        lazy: async () => ({
          Component: (await import('../features/questions/components/questions-view'))
            .QuestionsView,
        }),
      },
      {
        path: 'sources',
        lazy: async () => ({
          Component: (await import('../features/sources/components/sources-view')).SourcesView,
        }),
      },
      {
        path: 'compare',
        lazy: async () => ({
          Component: (await import('../features/compare/components/compare-view')).CompareView,
        }),
      },
      {
        path: 'how-its-computed',
        lazy: async () => ({
          Component: (await import('../features/how-its-computed/how-its-computed-view'))
            .HowItsComputedView,
        }),
      },
      {
        path: 'requisitions',
        lazy: async () => ({
          Component: (await import('../features/pipeline/components/requisitions-view'))
            .RequisitionsView,
        }),
      },
      {
        path: 'requisitions/:id',
        lazy: async () => ({
          Component: (await import('../features/pipeline/components/requisition-view'))
            .RequisitionView,
        }),
      },
      {
        path: 'candidates',
        lazy: async () => ({
          Component: (await import('../features/pipeline/components/candidates-view'))
            .CandidatesView,
        }),
      },
      {
        path: 'applications/:id',
        lazy: async () => ({
          Component: (await import('../features/pipeline/components/application-view'))
            .ApplicationView,
        }),
      },
      {
        path: 'import',
        lazy: async () => ({
          Component: (await import('../features/import/components/import-view')).ImportView,
        }),
      },
      {
        // The interviewer in the path opens their ratings, so the link shares that view too.
        path: 'interviewers/:handle?',
        lazy: async () => ({
          Component: (await import('../features/interviewers/components/interviewers-view'))
            .InterviewersView,
        }),
      },
      {
        path: 'fairness',
        lazy: async () => ({
          Component: (await import('../features/fairness/components/fairness-view')).FairnessView,
        }),
      },
      {
        path: 'settings/:section?',
        lazy: async () => ({
          Component: (await import('../features/settings/components/settings-view')).SettingsView,
        }),
      },
      { path: '*', element: <RouteError notFound /> },
    ],
  },
])
