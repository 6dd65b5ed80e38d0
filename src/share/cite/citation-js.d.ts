/** The part of Citation.js's API this site uses (the packages ship no type declarations). */
declare module '@citation-js/core' {
  interface FormatOptions {
    format?: 'text' | 'html' | 'object' | 'string';
    template?: string;
    lang?: string;
    /** Each entry on its own, as `[id, html]`, in place of one bibliography. */
    asEntryArray?: boolean;
    /** Keep the records' order. */
    nosort?: boolean;
  }
  export class Cite {
    constructor(data: unknown);
    static async(data: unknown): Promise<Cite>;
    data: Record<string, unknown>[];
    format(
      format: 'bibliography',
      options: FormatOptions & { asEntryArray: true },
    ): [string, string][];
    format(format: 'bibliography', options?: FormatOptions): string;
    format(format: 'bibtex' | 'ris', options?: FormatOptions): string;
    format(format: 'data', options?: FormatOptions): string;
  }
  interface Register<T> {
    add(name: string, value: T): void;
    has(name: string): boolean;
  }
  export const plugins: {
    config: {
      get(name: '@csl'): { styles: Register<string>; locales: Register<string> };
    };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '*.csl?raw' {
  const xml: string;
  export default xml;
}
