/** Series colours readable on both the dark and the light theme. */
export const CHART_COLOURS = {
  good: '#4caf7d',
  bad: '#e05d5d',
  neutral: '#5b9bd5',
  muted: '#9e9e9e',
  grid: 'rgba(128, 128, 128, 0.25)',
} as const;
