/**
 * How the site names the editors' own words to readers: the label on an `<EditorsNote>` passage
 * and on a chapter whose frontmatter says `source: editors`, on screen, in print and in search.
 */
export const EDITORS_LABEL = 'From the editors';

/** The line under an editors' chapter's title. */
export const EDITORS_CHAPTER_NOTE =
  'This chapter is the editors’ own text, not part of the article.';
