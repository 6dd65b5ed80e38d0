import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { labelFontSource, renderSettings } from './settings.ts';

export interface FontCut {
  bytes: number;
  /** Whether the file on disk changed. */
  changed: boolean;
}

interface FontRecord {
  /** The font the subset is cut from, with its package version. */
  source: string;
  /** Every character the subset holds, sorted. */
  characters: string;
}

/**
 * The label font: Inter cut down to the characters the diagrams' labels use, so the page draws
 * labels in the font they were measured in for a few kilobytes. Kept in the cache folder as
 * `labels.woff2` (what the stylesheet loads) and `labels.json` (what it was cut from and holds),
 * and rewritten only when that changes, keeping the committed copy stable.
 */
export class LabelFont {
  readonly file: string;
  private readonly recordFile: string;
  private readonly source = String(renderSettings()['font']);
  private held: Set<string>;
  private writing: Promise<unknown> = Promise.resolve();

  constructor(dir: string) {
    this.file = join(dir, 'labels.woff2');
    this.recordFile = join(dir, 'labels.json');
    const record = existsSync(this.recordFile)
      ? (JSON.parse(readFileSync(this.recordFile, 'utf8')) as FontRecord)
      : undefined;
    const current = record?.source === this.source && existsSync(this.file);
    this.held = new Set(current ? record.characters : []);
  }

  /** The characters of `text` the font does not hold (nor is being recut to hold). */
  missing(text: string): string[] {
    return [...new Set(text)].filter((c) => c >= ' ' && !this.held.has(c));
  }

  /** Recuts the font to hold `characters` as well as what it holds. */
  add(characters: readonly string[]): Promise<FontCut> {
    return this.cut([...this.held, ...characters]);
  }

  /**
   * Cuts the font to exactly `characters` (plus the space), writing it only if that changes it.
   * What it holds changes at once; the writes happen one after another, in the order asked.
   */
  cut(characters: Iterable<string>): Promise<FontCut> {
    const wanted = [...new Set([...characters, ' '])].filter((c) => c >= ' ').sort();
    this.held = new Set(wanted);
    const written = this.writing.then(() => this.write(wanted.join('')));
    this.writing = written.catch(() => undefined);
    return written;
  }

  private async write(characters: string): Promise<FontCut> {
    const recordText = `${JSON.stringify({ source: this.source, characters } satisfies FontRecord, null, 2)}\n`;
    if (
      existsSync(this.file) &&
      existsSync(this.recordFile) &&
      readFileSync(this.recordFile, 'utf8') === recordText
    )
      return { bytes: readFileSync(this.file).byteLength, changed: false };
    // Loaded only to cut: most builds find the font as it should be (its WebAssembly is megabytes).
    const { default: subsetFont } = await import('subset-font');
    const subset = await subsetFont(readFileSync(labelFontSource()), characters, {
      targetFormat: 'woff2',
    });
    mkdirSync(dirname(this.file), { recursive: true });
    writeFileSync(this.file, subset);
    writeFileSync(this.recordFile, recordText);
    return { bytes: subset.byteLength, changed: true };
  }

  /** The font's bytes as they are on disk now. */
  bytes(): Buffer {
    return readFileSync(this.file);
  }
}
