/** Every analytics endpoint under /api/analytics, as the command-line tools time them. */
export const ANALYTICS_ENDPOINTS = [
  'validity',
  'model',
  'retention',
  'composite',
  'time-to-hire',
  'salary',
  'interviewers',
  'red-flags',
  'backgrounds',
  'sources',
  'loop-time',
  'adverse-impact',
  'questions',
] as const
