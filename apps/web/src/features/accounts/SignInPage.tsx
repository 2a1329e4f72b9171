import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { showProblemInForm } from '../../ui/form-errors';
import { useSignIn } from './accounts.queries';
import { AuthLayout } from './AuthLayout';
import { usePageTitle } from '../../ui/page-title';

export function SignInPage() {
  usePageTitle('Sign in');
  const signIn = useSignIn();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const next = safeNext(search.get('next'));
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : 'Enter your email'),
      password: (value) => (value ? null : 'Enter your password'),
    },
  });

  const submit = form.onSubmit(async (values) => {
    try {
      await signIn.mutateAsync(values);
      await navigate(next);
    } catch (error) {
      showProblemInForm(form, error, 'password');
    }
  });

  return (
    <AuthLayout title="Sign in">
      <form onSubmit={submit} noValidate aria-label="Sign in">
        <Stack>
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={signIn.isPending}>
            Sign in
          </Button>
          <Text size="sm" c="dimmed">
            New here?{' '}
            <Anchor
              component={Link}
              to={`/sign-up${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`}
            >
              Create an account
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}

/** Only a path inside the product: a link must not send people elsewhere after signing in. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
