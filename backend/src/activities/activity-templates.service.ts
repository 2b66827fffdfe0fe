import { HttpStatus, Injectable } from '@nestjs/common';
import { AppException } from '../common/errors/app-exception';
import type { Locale } from '../common/i18n/i18n';
import { templateDraft } from '../domain/activities/templates/activity-template';
import { ACTIVITY_TEMPLATES, findTemplate } from '../domain/activities/templates/templates';
import { ActivityAccess } from './activity-access';
import { ActivityEditing } from './activity-editing.service';
import type { ActivityTemplateView, CreateFromTemplateDto } from './dto/activity-template.dto';

/**
 * Starting a draft from a shipped template: the template's draft in the caller's language goes
 * through the register's create path (validation of codes, CASL `create Activity`, reference,
 * version and audit event in the request's transaction), like a draft typed by hand.
 */
@Injectable()
export class ActivityTemplates {
  constructor(private readonly editing: ActivityEditing) {}

  list(locale: Locale): ActivityTemplateView[] {
    return ACTIVITY_TEMPLATES.map((template) => {
      const draft = templateDraft(template, locale);
      return {
        code: template.code,
        name: draft.name,
        description: draft.description,
        publicBody: template.publicBody,
        purposes: draft.purposes.map(({ description, main, legalBasis, legalReference }) => ({ description, main, legalBasis, legalReference })),
        dataSubjects: draft.dataSubjects.map((subject) => subject.category),
        dataCategories: template.dataCategories.map((category, index) => ({
          category: category.category,
          description: draft.dataCategories[index].description,
          retentionReference: typeof category.retention === 'string' ? category.retention : null,
        })),
        recipients: template.recipients.map((recipient) => recipient.category),
        securityMeasures: [...template.securityMeasures],
        leftToOrganization: [...template.leftToOrganization],
      };
    });
  }

  createFrom(access: ActivityAccess, body: CreateFromTemplateDto, locale: Locale) {
    const template = findTemplate(body.template);
    if (!template) throw new AppException(HttpStatus.UNPROCESSABLE_ENTITY, 'template_unknown', { template: body.template });
    return this.editing.create(access, templateDraft(template, locale, body.name));
  }
}
