/**
 * Okabe–Ito colours: distinguishable with every common colour-vision deficiency. Charts take
 * their series colours from here, in this order, and never tell series apart by colour alone.
 */
export const PALETTE = {
  blue: '#0072B2',
  orange: '#E69F00',
  vermilion: '#D55E00',
  bluishGreen: '#009E73',
  skyBlue: '#56B4E9',
  reddishPurple: '#CC79A7',
  yellow: '#F0E442',
  black: '#000000',
  grey: '#9a9a9a',
} as const

export const SERIES_COLOURS: readonly string[] = [
  PALETTE.blue,
  PALETTE.orange,
  PALETTE.bluishGreen,
  PALETTE.vermilion,
  PALETTE.reddishPurple,
  PALETTE.skyBlue,
  PALETTE.black,
]
