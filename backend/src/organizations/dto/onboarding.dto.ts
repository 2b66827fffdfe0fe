import { ApiProperty } from '@nestjs/swagger';
import { ONBOARDING_STEPS, type OnboardingStep } from '../../domain/organizations/onboarding';

export class OnboardingStepView {
  @ApiProperty({ enum: ONBOARDING_STEPS }) step!: OnboardingStep;
  @ApiProperty() done!: boolean;
}

export class OnboardingView {
  @ApiProperty({ type: [OnboardingStepView], description: 'in the order to take them' }) steps!: OnboardingStepView[];
  @ApiProperty({ description: 'every step done: the checklist is no longer shown' }) complete!: boolean;
}
