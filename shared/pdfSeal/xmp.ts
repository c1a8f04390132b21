/**
 * The XMP metadata packet of a sealed PDF: the same facts as the Info dictionary, in the form PDF
 * 2.0 and PDF/A readers prefer (some show XMP over Info when both exist, so a stale packet would
 * show a stale title). Deterministic: no generated ids, dates from the caller.
 */

export type XmpFacts = {
  readonly title: string;
  readonly author: string;
  readonly subject: string;
  readonly keywords: readonly string[];
  readonly creator: string;
  readonly producer: string;
  readonly creationDate: Date;
  readonly modificationDate: Date;
  readonly language: string;
};

/** XML text escaping, and characters XML 1.0 cannot carry at all are dropped. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[char] ?? char);
}

/** XMP dates are ISO 8601; whole seconds in UTC, like the Info dictionary's. */
export function xmpDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `<rdf:Alt>` with one x-default entry in the document's language. */
function alt(text: string, language: string): string {
  return `<rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(text)}</rdf:li><rdf:li xml:lang="${escapeXml(language)}">${escapeXml(text)}</rdf:li></rdf:Alt>`;
}

export function buildXmp(facts: XmpFacts): string {
  const lang = facts.language;
  const subjects = facts.keywords.map((keyword) => `<rdf:li>${escapeXml(keyword)}</rdf:li>`).join('');
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about=""',
    ' xmlns:dc="http://purl.org/dc/elements/1.1/"',
    ' xmlns:xmp="http://ns.adobe.com/xap/1.0/"',
    ' xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title>${alt(facts.title, lang)}</dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${escapeXml(facts.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description>${alt(facts.subject, lang)}</dc:description>`,
    `<dc:subject><rdf:Bag>${subjects}</rdf:Bag></dc:subject>`,
    `<dc:language><rdf:Bag><rdf:li>${escapeXml(lang)}</rdf:li></rdf:Bag></dc:language>`,
    `<xmp:CreatorTool>${escapeXml(facts.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${xmpDate(facts.creationDate)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${xmpDate(facts.modificationDate)}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${xmpDate(facts.modificationDate)}</xmp:MetadataDate>`,
    `<pdf:Producer>${escapeXml(facts.producer)}</pdf:Producer>`,
    `<pdf:Keywords>${escapeXml(facts.keywords.join(', '))}</pdf:Keywords>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}
