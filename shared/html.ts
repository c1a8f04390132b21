/** Text for HTML (element content or a quoted attribute): the five characters that could break out, as character references. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.codePointAt(0)};`);
}
