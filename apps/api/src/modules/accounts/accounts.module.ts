import { Module } from '@nestjs/common';
import { AccountsService } from './accounts.service';
import { AuthController } from './auth.controller';
import { SignInLimits } from './sign-in-limits';

@Module({
  controllers: [AuthController],
  providers: [AccountsService, SignInLimits],
})
export class AccountsModule {}
