import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Person, Public, SignedIn } from '../../common/access/access-rule.decorator';
import { SESSION_COOKIE } from '../../common/access/authenticator';
import { type PersonContext } from '../../common/access/request-context';
import { ApiProblems } from '../../common/openapi/api-problems.decorator';
import { AccountsService, type ClientInfo } from './accounts.service';
import { ChangePasswordDto, MeDto, SignInDto, SignUpDto } from './dto/account.dto';
import { clearSessionCookies, setSessionCookies } from './session-cookies';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly accounts: AccountsService) {}

  @Post('sign-up')
  @Public()
  @ApiOperation({
    summary: 'Create an account and sign in (sets the session and csrf_token cookies)',
  })
  @ApiCreatedResponse({ type: MeDto })
  @ApiProblems(400, 403, 409, 429)
  async signUp(
    @Body() input: SignUpDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeDto> {
    const session = await this.accounts.signUp(input, clientInfo(request));
    setSessionCookies(request, response, session);
    return { ...(await this.accounts.me(session.user.id)), csrfToken: session.csrfToken };
  }

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in (sets the session and csrf_token cookies)' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems(400, 401, 403, 429)
  async signIn(
    @Body() input: SignInDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<MeDto> {
    const session = await this.accounts.signIn(input, clientInfo(request));
    setSessionCookies(request, response, session);
    return { ...(await this.accounts.me(session.user.id)), csrfToken: session.csrfToken };
  }

  @Post('sign-out')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out of this browser' })
  @ApiNoContentResponse()
  @ApiProblems(401, 403)
  async signOut(@Person() context: PersonContext, @Res({ passthrough: true }) response: Response) {
    await this.accounts.signOut(context.principal.sessionId);
    clearSessionCookies(response);
  }

  @Post('sign-out-everywhere')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out of every browser and device' })
  @ApiNoContentResponse()
  @ApiProblems(401, 403)
  async signOutEverywhere(
    @Person() context: PersonContext,
    @Res({ passthrough: true }) response: Response,
  ) {
    await this.accounts.signOutEverywhere(context.principal.userId);
    clearSessionCookies(response);
  }

  @Get('me')
  @SignedIn()
  @ApiOperation({ summary: 'The signed-in person and the organisations they belong to' })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems(401, 403)
  async me(@Person() context: PersonContext): Promise<MeDto> {
    return {
      ...(await this.accounts.me(context.principal.userId)),
      csrfToken: context.principal.csrfToken,
    };
  }

  @Post('change-password')
  @SignedIn()
  @HttpCode(204)
  @ApiOperation({ summary: 'Change the password; every other session is signed out' })
  @ApiNoContentResponse()
  @ApiProblems(400, 401, 403, 422)
  async changePassword(@Person() context: PersonContext, @Body() input: ChangePasswordDto) {
    await this.accounts.changePassword(
      context.principal.userId,
      context.principal.sessionId,
      input,
    );
  }
}

function clientInfo(request: Request): ClientInfo {
  return {
    address: request.ip ?? 'unknown',
    userAgent: request.headers['user-agent'],
    previousSessionToken: (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE],
  };
}
