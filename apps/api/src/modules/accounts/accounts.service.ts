import { HttpStatus, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import { isExternalRole, normaliseEmail, type Role } from '@roi/domain';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { hashToken, newToken } from '../../common/security/tokens';
import { RuleProblem, UnauthenticatedProblem } from '../../common/problem-details/problem';
import { ScopedDatabase } from '../../common/tenancy/scoped-database';
import type { Environment } from '../../config/environment';
import type { ChangePasswordDto, MeDto, SignInDto, SignUpDto, UserDto } from './dto/account.dto';
import { hashPassword, PASSWORD_HASH_OF_NOBODY, verifyPassword } from './passwords';
import { SessionEntity } from './session.entity';
import { SignInLimits } from './sign-in-limits';
import { UserEntity } from './user.entity';

/** Where a sign-in comes from, for the rate limits and the session record. */
export interface ClientInfo {
  address: string;
  userAgent?: string;
  /** The session token the browser already holds, ended at sign-in (no session fixation). */
  previousSessionToken?: string;
}

export interface IssuedSession {
  user: UserDto;
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scoped: ScopedDatabase,
    private readonly limits: SignInLimits,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async signUp(input: SignUpDto, client: ClientInfo): Promise<IssuedSession> {
    const email = normaliseEmail(input.email);
    // Counted like sign-in, so sign-up cannot be used to test which emails have accounts.
    await this.limits.consume(email, client.address);
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      if (await manager.existsBy(UserEntity, { email })) {
        throw new RuleProblem(
          'Email already registered',
          'An account with this email exists: sign in instead.',
        );
      }
      const user = await manager.save(
        manager.create(UserEntity, { email, name: input.name, passwordHash }),
      );
      return this.openSession(manager, user, client);
    });
  }

  async signIn(input: SignInDto, client: ClientInfo): Promise<IssuedSession> {
    const email = normaliseEmail(input.email);
    await this.limits.consume(email, client.address);
    const user = await this.dataSource.manager.findOneBy(UserEntity, { email });
    const matches = await verifyPassword(
      user?.passwordHash ?? (await PASSWORD_HASH_OF_NOBODY),
      input.password,
    );
    if (!user || !matches) throw new UnauthenticatedProblem('The email or the password is wrong.');
    return this.dataSource.transaction((manager) => this.openSession(manager, user, client));
  }

  async signOut(sessionId: string): Promise<void> {
    await this.dataSource.manager.update(
      SessionEntity,
      { id: sessionId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  async signOutEverywhere(userId: string): Promise<void> {
    await this.dataSource.manager.update(
      SessionEntity,
      { userId, revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  async changePassword(userId: string, sessionId: string, input: ChangePasswordDto): Promise<void> {
    const user = await this.dataSource.manager.findOneByOrFail(UserEntity, { id: userId });
    if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
      throw new RuleProblem(
        'Wrong password',
        'The current password is wrong.',
        HttpStatus.UNPROCESSABLE_ENTITY,
      );
    }
    const passwordHash = await hashPassword(input.newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(UserEntity, { id: userId }, { passwordHash, version: user.version + 1 });
      // Whoever knew the old password is signed out everywhere but here.
      await manager
        .createQueryBuilder()
        .update(SessionEntity)
        .set({ revokedAt: () => 'now()' })
        .where('user_id = :userId AND id <> :sessionId AND revoked_at IS NULL', {
          userId,
          sessionId,
        })
        .execute();
    });
  }

  async me(userId: string): Promise<MeDto> {
    return this.scoped.transaction({ userId }, undefined, async (manager) => {
      const user = await manager.findOneByOrFail(UserEntity, { id: userId });
      // The memberships module owns the memberships table; accounts only reads it, by name, so
      // the two modules do not import each other (memberships relates to accounts' users).
      const memberships = await manager
        .createQueryBuilder()
        .from('memberships', 'membership')
        .innerJoin('organisations', 'organisation', 'organisation.id = membership.organisation_id')
        .select([
          'membership.organisation_id AS "organisationId"',
          'organisation.name AS "organisationName"',
          'organisation.is_demo AS "isDemo"',
          'membership.role AS role',
        ])
        .where('membership.user_id = :userId', { userId })
        .orderBy('organisation.name')
        .getRawMany<{
          organisationId: string;
          organisationName: string;
          isDemo: boolean;
          role: Role;
        }>();
      return {
        user: { id: user.id, email: user.email, name: user.name },
        memberships: memberships.map((membership) => ({
          ...membership,
          external: isExternalRole(membership.role),
        })),
      };
    });
  }

  private async openSession(
    manager: EntityManager,
    user: UserEntity,
    client: ClientInfo,
  ): Promise<IssuedSession> {
    if (client.previousSessionToken) {
      await manager.update(
        SessionEntity,
        { tokenHash: hashToken(client.previousSessionToken), revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
    }
    const token = newToken();
    const csrfToken = newToken();
    const lifetimeDays = this.config.get('SESSION_LIFETIME_DAYS', { infer: true });
    const expiresAt = new Date(Date.now() + lifetimeDays * 24 * 60 * 60 * 1000);
    await manager.insert(SessionEntity, {
      tokenHash: hashToken(token),
      csrfToken,
      userId: user.id,
      userAgent: client.userAgent?.slice(0, 500) ?? null,
      ipAddress: client.address.slice(0, 64),
      lastSeenAt: new Date(),
      expiresAt,
    });
    return {
      user: { id: user.id, email: user.email, name: user.name },
      token,
      csrfToken,
      expiresAt,
    };
  }
}
