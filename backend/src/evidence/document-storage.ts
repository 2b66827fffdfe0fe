import { Injectable } from '@nestjs/common';
import { TransactionalConnection } from '../common/request-context/transactional-connection';

/**
 * Where the content of evidence documents lives. The metadata (name, type, SHA-256, uploader) is in
 * evidence_documents; the bytes are behind this interface, so an S3-compatible store can replace the
 * PostgreSQL one (provide another class for this token in EvidenceModule).
 */
export abstract class DocumentStorage {
  abstract put(organizationId: string, documentId: string, content: Buffer): Promise<void>;
  /** null when the store has no content for this document. */
  abstract get(organizationId: string, documentId: string): Promise<Buffer | null>;
  abstract remove(organizationId: string, documentIds: string[]): Promise<void>;
}

/**
 * The default store: a bytea row per document, written in the request's transaction, so a document
 * and its content are saved (or rolled back) together, backed up with the database, and isolated by
 * row-level security like every tenant table.
 */
@Injectable()
export class PostgresDocumentStorage extends DocumentStorage {
  constructor(private readonly connection: TransactionalConnection) {
    super();
  }

  async put(organizationId: string, documentId: string, content: Buffer): Promise<void> {
    await this.connection.manager.query('INSERT INTO evidence_document_contents (organization_id, document_id, content) VALUES ($1, $2, $3)', [
      organizationId,
      documentId,
      content,
    ]);
  }

  async get(organizationId: string, documentId: string): Promise<Buffer | null> {
    const [row] = await this.connection.manager.query<{ content: Buffer }[]>(
      'SELECT content FROM evidence_document_contents WHERE organization_id = $1 AND document_id = $2',
      [organizationId, documentId],
    );
    return row?.content ?? null;
  }

  async remove(organizationId: string, documentIds: string[]): Promise<void> {
    if (documentIds.length === 0) return;
    await this.connection.manager.query('DELETE FROM evidence_document_contents WHERE organization_id = $1 AND document_id = ANY($2::uuid[])', [
      organizationId,
      documentIds,
    ]);
  }
}
