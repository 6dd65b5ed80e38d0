/** A CSS string literal for `text`, safe inside a stylesheet, a `<style>` element included. */
export function cssString(text: string): string {
  const escaped = text
    .replace(/[\\"]/g, '\\$&')
    .replace(/[\n\r\f]/g, '\\A ')
    // `<` as an escape, so no title can close the <style> element it is written into.
    .replace(/</g, '\\3C ');
  return `"${escaped}"`;
}
