/** Facts about the publication that every page repeats. */
export const site = {
  title: 'Azerbaijan’s Quiet Pivot: How Baku Is Testing Moscow’s Reach',
  shortTitle: 'Azerbaijan’s Quiet Pivot',
  standfirst:
    'As Russia’s war in Ukraine drags on, Azerbaijan is probing the limits of Moscow’s influence — through diplomacy, shifting energy routes and stronger security ties.',
  description:
    'An explainer on how Azerbaijan is shifting away from Russia: the history, the wars of 2020 and 2023, the chain of incidents from December 2024 to November 2025, energy, alliances and the risks ahead.',
  /** The article describes events up to this month; every page says so. */
  asOf: '2025-11',
  asOfLabel: 'November 2025',
  lang: 'en-GB',
} as const;
