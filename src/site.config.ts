/** Facts about the publication that every page repeats. */
export const site = {
  title: 'Azerbaijan’s Quiet Pivot: How Baku Is Testing Moscow’s Reach',
  shortTitle: 'Azerbaijan’s Quiet Pivot',
  standfirst:
    'As Russia’s war in Ukraine drags on, Azerbaijan is probing the limits of Moscow’s influence — through diplomacy, shifting energy routes and stronger security ties.',
  description:
    'An explainer on how Azerbaijan is shifting away from Russia: the history, the wars of 2020 and 2023, the chain of incidents from December 2024 to November 2025, energy, alliances and the risks ahead.',
  /**
   * The article's sentences (whole, word for word; a heading counts as one) that the standfirst and
   * the description rest on: they keep these sentences' hedges, attributions and dates.
   */
  sources: {
    standfirst: [
      'With Russia deeply mired in its prolonged conflict in Ukraine, Azerbaijan is probing the limits of Moscow’s influence through savvy diplomacy, shifting energy routes, and stronger security ties.',
      'Russia’s Influence Erodes as the Ukraine War Drags On',
    ],
    description: [
      'As Eurasia enters a turbulent new phase, Azerbaijan’s subtle yet decisive shift away from Moscow has emerged as one of the region’s most impactful developments.',
      'The Long Road to Azerbaijan’s Strategic Shift',
      'Turning Points — The Wars of 2020 and 2023',
      'How the Real Breakdown Began — A Chain of Escalating Incidents',
      'The recent crisis began on 25 December 2024.',
      'Tensions escalated even further on 14 November 2025, when an Iskander missile struck Azerbaijan’s embassy in Kyiv, damaging the compound and sparking immediate outrage in Baku.',
      'Energy as a Strategic Weapon',
      'Alliances With Turkey and Israel Reshape the Caucasus',
      'Risks of Russian Retaliation and the Uncertain Road Ahead',
    ],
  },
  /** The article describes events up to this month; every page says so. */
  asOf: '2025-11',
  asOfLabel: 'November 2025',
  lang: 'en-GB',
} as const;
