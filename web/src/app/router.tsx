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
        path: 'retention',
        lazy: async () => ({
          Component: (await import('../features/retention/components/retention-view'))
            .RetentionView,
        }),
      },
      {
        path: 'how-its-computed',
        lazy: async () => ({
          Component: (await import('../features/how-its-computed/how-its-computed-view'))
            .HowItsComputedView,
        }),
      },
      { path: '*', element: <RouteError notFound /> },
    ],
  },
])
