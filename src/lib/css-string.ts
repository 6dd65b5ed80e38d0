/** A CSS string literal for `text`, safe inside a `style` attribute or a stylesheet. */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, '\\A ')}"`;
}
