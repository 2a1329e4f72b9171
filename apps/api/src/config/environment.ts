import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  validateSync,
} from 'class-validator';

// Environment variables are strings; these read them as the types the checks below expect.
const booleanFromString = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : value === 'true' || value === '1' || value === true;
const integerFromString = ({ value: text }: { value: unknown }) =>
  text === undefined ? undefined : Number(text);

// A hop count, or a list of IPv4/IPv6 addresses (with an optional /prefix) and proxy-addr's names.
const TRUST_PROXY_PATTERN =
  /^(\d{1,2}|((loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)\s*(,\s*|$))+)$/;

/**
 * Express's `trust proxy` value for TRUST_PROXY: a hop count as a number, a list as its items.
 * `true` (believe any proxy) is not offered, as it lets any client choose its own address.
 */
export function trustProxySetting(value: string | undefined): number | string[] | false {
  if (value === undefined || value.trim() === '') return false;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/**
 * Every environment variable the API reads. The README's configuration table lists the same
 * variables; a wrong value stops the process at start with a message naming the variable.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(integerFromString)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsString()
  HOST = '0.0.0.0';

  /** An external PostgreSQL; without it the API starts an embedded one under DATA_DIR. */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  /**
   * The same database without a pooler in between, for what needs a session of its own: LISTEN
   * for live events, the import runner's advisory lock, pg-boss and migrations. Set it when
   * DATABASE_URL goes through a pooler in transaction mode (PgBouncer); defaults to DATABASE_URL.
   */
  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_DIRECT_URL?: string;

  /**
   * Which proxies in front of the API to believe about the client (X-Forwarded-For) and the
   * address it reached (X-Forwarded-Proto, X-Forwarded-Host): a number of hops (`1` for one
   * nginx), or a comma-separated list of addresses, subnets and Express's names (`loopback`,
   * `linklocal`, `uniquelocal`). Unset: no proxy is believed.
   */
  @IsOptional()
  @Matches(TRUST_PROXY_PATTERN, {
    message:
      'must be a number of proxy hops, or a comma-separated list of addresses, subnets, loopback, linklocal or uniquelocal',
  })
  TRUST_PROXY?: string;

  @IsString()
  DATA_DIR = './.data';

  @Transform(integerFromString)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_POSTGRES_PORT = 54329;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Creates the demo organisation when the database has no organisation at all. */
  @Transform(booleanFromString)
  @IsBoolean()
  SEED_DEMO = true;

  /** A session ends after this long without a request... */
  @Transform(integerFromString)
  @IsInt()
  @Min(5)
  SESSION_IDLE_MINUTES = 7 * 24 * 60;

  /** ...and this long after sign-in in any case. */
  @Transform(integerFromString)
  @IsInt()
  @Min(1)
  @Max(365)
  SESSION_LIFETIME_DAYS = 30;

  /** How long an invitation link stays valid. */
  @Transform(integerFromString)
  @IsInt()
  @Min(1)
  @Max(90)
  INVITATION_LIFETIME_DAYS = 14;

  /** Sign-in (and sign-up) attempts allowed per account, and per address, per 15 minutes. */
  @Transform(integerFromString)
  @IsInt()
  @Min(1)
  SIGN_IN_ATTEMPTS_PER_ACCOUNT = 10;

  @Transform(integerFromString)
  @IsInt()
  @Min(1)
  SIGN_IN_ATTEMPTS_PER_ADDRESS = 50;

  /** SMTP server for mail (smtp://user:pass@host:587); without it mail goes to the log and outbox. */
  @IsOptional()
  @Matches(/^smtps?:\/\/.+/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'Return-on-Impact planner <no-reply@localhost>';

  /** The address people reach the product at, for links in mail; else taken from the request. */
  @IsOptional()
  @Matches(/^https?:\/\/[^/]+$/, { message: 'must be an origin such as https://roi.example.org' })
  PUBLIC_URL?: string;

  /**
   * Sends each organisation its weekly milestone digest on Monday morning (its time zone). Safe
   * with several API processes: each week is sent once. Tests switch it off.
   */
  @IsIn(['on', 'off'])
  DIGEST_SCHEDULER: 'on' | 'off' = 'on';

  /** The largest CSV file an import accepts, in bytes (default 200 MB). */
  @Transform(integerFromString)
  @IsInt()
  @Min(1)
  IMPORT_MAX_BYTES = 200 * 1024 * 1024;

  /**
   * Runs queued jobs (CSV imports) in this process. Every API process may run them; a process
   * with `off` still enqueues them for the others. Some tests switch it off.
   */
  @IsIn(['on', 'off'])
  JOB_WORKERS: 'on' | 'off' = 'on';

  /**
   * An import job still running after this long is taken for dead (its process crashed) and is
   * run again, or failed after its last attempt.
   */
  @Transform(integerFromString)
  @IsInt()
  @Min(1)
  @Max(23 * 3600)
  IMPORT_JOB_TIMEOUT_SECONDS = 30 * 60;

  /** The built web app the API serves; empty to serve the API alone. */
  @IsOptional()
  @IsString()
  WEB_DIST_DIR?: string;
}

export class InvalidEnvironmentError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n  ${problems.join('\n  ')}`);
  }
}

/** Reads and checks the environment; throws one error that lists every bad variable. */
export function validateEnvironment(raw: Record<string, unknown>): Environment {
  const present = Object.fromEntries(
    Object.entries(raw).filter(([, value]) => value !== undefined && value !== ''),
  );
  const environment = plainToInstance(Environment, present, { exposeDefaultValues: true });
  const errors = validateSync(environment, { skipMissingProperties: false });
  if (errors.length > 0) {
    throw new InvalidEnvironmentError(
      errors.map((error) => {
        const reasons = Object.values(error.constraints ?? {}).join('; ');
        return `${error.property}=${JSON.stringify(error.value)}: ${reasons}`;
      }),
    );
  }
  return environment;
}
