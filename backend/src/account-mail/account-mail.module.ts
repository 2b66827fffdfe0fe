import { Module } from '@nestjs/common';
import { AccountMailService } from './account-mail.service';

/** Authentication e-mails (proof, reset, invitation): recipient only, never stored for administrators. */
@Module({
  providers: [AccountMailService],
  exports: [AccountMailService],
})
export class AccountMailModule {}
