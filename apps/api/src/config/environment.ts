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
