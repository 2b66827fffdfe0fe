import { HttpStatus } from '@nestjs/common';
import { AppException } from '../common/errors/app-exception';
import type { MessageParams } from '../common/i18n/i18n';

/** An import error whose message lives in the `imports` namespace (file refused before reading it). */
export class ImportFileException extends AppException {
  constructor(status: HttpStatus, code: string, params: MessageParams = {}) {
    super(status, `import_${code}`, { ...params }, params);
    this.reason = code;
  }

  readonly reason: string;

  override get messageKey(): string {
    return `imports.${this.reason}`;
  }
}
