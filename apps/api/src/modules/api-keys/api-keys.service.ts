import { Injectable } from '@nestjs/common';
import { assignableRoles } from '@roi/domain';
import type { OrganisationContext } from '../../common/access/request-context';
import {
  ForbiddenProblem,
  NotFoundProblem,
  RuleProblem,
} from '../../common/problem-details/problem';
import { hashToken, newToken } from '../../common/security/tokens';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import { ApiKeyEntity } from './api-key.entity';
import type { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

// Recognisable in logs and secret scanners; the rest is 256 random bits.
const KEY_PREFIX = 'roi_';

@Injectable()
export class ApiKeysService {
  constructor(private readonly scoped: ScopedDatabase) {}

  list(context: OrganisationContext): Promise<ApiKeyDto[]> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const keys = await manager.find(ApiKeyEntity, {
        where: { organisationId: context.organisationId },
        order: { createdAt: 'DESC' },
      });
      return keys.map(toApiKeyDto);
    });
  }

  create(context: OrganisationContext, input: CreateApiKeyDto): Promise<CreatedApiKeyDto> {
    if (!assignableRoles(context.role).includes(input.role)) {
      throw new ForbiddenProblem('A key cannot hold a role you could not give a person.');
    }
    const key = `${KEY_PREFIX}${newToken()}`;
    return this.scoped.inOrganisation(context, async (manager) => {
      const apiKey = await manager.save(
        manager.create(ApiKeyEntity, {
          organisationId: context.organisationId,
          name: input.name,
          role: input.role,
          prefix: key.slice(0, 12),
          keyHash: hashToken(key),
          createdByUserId: context.principal?.userId ?? null,
          expiresAt: input.expiresAt ?? null,
        }),
      );
      return { apiKey: toApiKeyDto(apiKey), key };
    });
  }

  revoke(context: OrganisationContext, apiKeyId: string): Promise<ApiKeyDto> {
    return this.scoped.inOrganisation(context, async (manager) => {
      const apiKey = await manager.findOneBy(ApiKeyEntity, {
        id: apiKeyId,
        organisationId: context.organisationId,
      });
      if (!apiKey) throw new NotFoundProblem('API key', apiKeyId);
      if (apiKey.revokedAt)
        throw new RuleProblem('Already revoked', 'This key was already revoked.');
      apiKey.revokedAt = new Date();
      apiKey.version += 1;
      return toApiKeyDto(await manager.save(apiKey));
    });
  }
}

function toApiKeyDto(apiKey: ApiKeyEntity): ApiKeyDto {
  const status = apiKey.revokedAt
    ? 'revoked'
    : apiKey.expiresAt && apiKey.expiresAt.getTime() <= Date.now()
      ? 'expired'
      : 'active';
  return {
    id: apiKey.id,
    name: apiKey.name,
    role: apiKey.role,
    prefix: apiKey.prefix,
    status,
    expiresAt: apiKey.expiresAt?.toISOString() ?? null,
    lastUsedAt: apiKey.lastUsedAt?.toISOString() ?? null,
    createdAt: apiKey.createdAt.toISOString(),
  };
}
