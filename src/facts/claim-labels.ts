/**
 * The labels a reader sees beside a claim. The site never judges a claim itself: a label appears only
 * where the article's own sentence says the claim is verified, unverified, alleged or denied, so each
 * label carries the words that must be in that sentence.
 */
export const CLAIM_STATUSES = ['verified', 'unverified', 'alleged', 'denied'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export interface ClaimLabel {
  /** The badge text. */
  label: string;
  /** What the label means, for the About page and for screen readers. */
  meaning: string;
  /** The article's own words that justify the label; the labelled sentence must contain one. */
  wording: RegExp;
}

export const CLAIM_LABELS: Record<ClaimStatus, ClaimLabel> = {
  verified: {
    label: 'Verified',
    meaning: 'The article states that this claim is verified.',
    wording: /(?<![\p{L}])verified\b/u,
  },
  unverified: {
    label: 'Unverified',
    meaning:
      'The article states that this claim remains unverified: it reports it without confirming it.',
    wording: /\b(unverified|unconfirmed)\b/u,
  },
  alleged: {
    label: 'Alleged',
    meaning:
      'The article presents this as an allegation or accusation made by someone, not as an established fact.',
    wording: /\balleg(ed|ing|es|ation)\b/u,
  },
  denied: {
    label: 'Denied',
    meaning: 'The article reports that the party concerned denies it.',
    wording: /\bden(y|ies|ied)\b/u,
  },
};

/** The badge text, naming who alleges or denies when the sentence says so: "Denied by Baku". */
export function claimBadgeText(status: ClaimStatus, by?: string): string {
  const { label } = CLAIM_LABELS[status];
  return by ? `${label} by ${by}` : label;
}

/** The status a label names, or undefined when it is none of the four. */
export function claimStatusOf(text: string | undefined): ClaimStatus | undefined {
  return CLAIM_STATUSES.find((status) => status === text);
}

export function unknownStatusProblem(text: string | undefined): string {
  return text === undefined
    ? `a <Claim> label needs status="…" (one of: ${CLAIM_STATUSES.join(', ')})`
    : `unknown claim status "${text}" (use one of: ${CLAIM_STATUSES.join(', ')})`;
}

/**
 * Why a label may not stand beside a sentence, or undefined when the sentence itself says so
 * (and names the party the label names).
 */
export function claimLabelProblem(
  status: ClaimStatus,
  sentence: string,
  by?: string,
): string | undefined {
  const { wording } = CLAIM_LABELS[status];
  if (!wording.test(sentence)) {
    return `the label "${status}" needs a sentence that says so (matching ${wording}), but the sentence is: "${sentence}"`;
  }
  if (by && !sentence.includes(by)) {
    return `the label names "${by}", who is not named in the sentence: "${sentence}"`;
  }
  return undefined;
}
