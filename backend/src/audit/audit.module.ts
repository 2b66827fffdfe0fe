import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app.config';
import { AuditTrailService } from './audit-trail.service';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';
import { CheckpointScheduler } from './checkpoint-scheduler';
import { CHECKPOINT_SIGNER, FileCheckpointSigner } from './checkpoint-signer';
import { CheckpointService } from './checkpoint.service';

@Module({
  controllers: [AuditController],
  providers: [
    AuditService,
    AuditTrailService,
    CheckpointService,
    CheckpointScheduler,
    // The key file signer; a KMS- or environment-backed CheckpointSigner can take its place here.
    { provide: CHECKPOINT_SIGNER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new FileCheckpointSigner(config.auditSigningKeyFile) },
  ],
  exports: [AuditService, AuditTrailService, CheckpointService, CHECKPOINT_SIGNER],
})
export class AuditModule {}
