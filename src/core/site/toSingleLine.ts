/**
 * Writes every line break as a character reference, and escapes what VitePress or Vue would act
 * on even inside an attribute value: mustaches, and `<!` (the sanitizer removes every comment, so
 * a `<!` left in its output is text inside an attribute, where `<!--@include: …-->` would still
 * be expanded by VitePress).
 */
export function toSingleLine(html: string): string {
  return html
    .replace(/\r\n|\r|\n/g, '&#10;')
    .replace(/\{/g, '&#123;')
    .replace(/\}/g, '&#125;')
    .replace(/<!/g, '&#x3C;!')
}
