// Where a provider's own letter templates are kept: one row per letter kind, both versions as JSON. A kind
// with no row uses the built-in wording (letters/default-templates.ts).
import type {LetterKind, LetterTemplate} from '@care-feedback/core/provider';

export const LETTER_TEMPLATE_MIGRATION = `
CREATE TABLE letter_templates (
  kind TEXT PRIMARY KEY,
  template TEXT NOT NULL,
  updated_at TEXT NOT NULL
)`;

export const LETTER_TEMPLATES_SQL = 'SELECT kind, template, updated_at FROM letter_templates ORDER BY kind';

export const LETTER_TEMPLATE_PUT_SQL = `INSERT INTO letter_templates (kind, template, updated_at) VALUES (?, ?, ?)
  ON CONFLICT (kind) DO UPDATE SET template = excluded.template, updated_at = excluded.updated_at`;

export const LETTER_TEMPLATE_DELETE_SQL = 'DELETE FROM letter_templates WHERE kind = ?';

/** A provider's saved templates for one kind of letter. */
export interface StoredLetterTemplate extends LetterTemplate {
  kind: LetterKind;
  updatedAt: string;
}

export const toLetterTemplate = (row: {kind: string; template: string; updated_at: string}): StoredLetterTemplate => {
  const {standard, easyRead} = JSON.parse(row.template) as LetterTemplate;
  return {kind: row.kind as LetterKind, standard, easyRead, updatedAt: row.updated_at};
};

export const letterTemplatePutParams = (template: StoredLetterTemplate): unknown[] => [
  template.kind,
  JSON.stringify({standard: template.standard, easyRead: template.easyRead}),
  template.updatedAt,
];
