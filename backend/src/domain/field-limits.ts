/**
 * Length limits of free-text fields, in characters, stated once: the server's DTOs (MaxLength) and
 * the web app's zod schemas both read them, so a form refuses exactly what the API would refuse.
 */
export const TEXT_LIMITS = {
  /** a name or a reference: an organisation, a department, a member, a search */
  name: 200,
  /** one line: a title, a legal reference, a category, a vendor's legal entity */
  short: 300,
  /** a sentence: a contact, a summary, a security measure */
  sentence: 500,
  /** a few lines: an address, where the data come from */
  paragraph: 1000,
  /** a paragraph: a purpose, a justification, a comment */
  long: 2000,
  /** several paragraphs: a free-text section of a record */
  veryLong: 5000,
  /** a page: a description, a DPIA section, an opinion, notes */
  document: 10000,
} as const;
