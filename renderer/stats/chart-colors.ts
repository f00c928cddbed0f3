/** The charts' colours: the app's blues and greens (styles.css), strong enough against white for WCAG's 3:1 for graphics. */
export const CHART = {
  reused: '#1d6b3f',
  recycled: '#1f5fa8',
  destroyed: '#8a5300',
  rate: '#0d2c4f',
  co2e: '#1d6b3f',
  grid: '#d3dae2',
  axis: '#56626f',
} as const;
