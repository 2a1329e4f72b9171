import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { passwordProblem, PERSON_NAME_MAX_LENGTH } from '@roi/domain';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { asFieldMessage, showProblemInForm } from '../../ui/form-errors';
import { useSignUp } from './accounts.queries';
import { AuthLayout } from './AuthLayout';
import { safeNext } from './SignInPage';
import { usePageTitle } from '../../ui/page-title';

export function SignUpPage() {
  usePageTitle('Create your account');
  const signUp = useSignUp();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const next = safeNext(search.get('next'));
  const form = useForm({
    initialValues: { name: '', email: search.get('email') ?? '', password: '' },
    validate: {
      name: (value) => (value.trim() ? null : 'Enter your name'),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : 'Enter an email address'),
      password: (value) => {
        const problem = passwordProblem(value);
        return problem ? asFieldMessage(problem) : null;
      },
    },
  });

  const submit = form.onSubmit(async (values) => {
    try {
      await signUp.mutateAsync(values);
      await navigate(next === '/' ? '/organisations' : next);
    } catch (error) {
      showProblemInForm(form, error, 'email');
    }
  });

  return (
    <AuthLayout title="Create your account">
      <form onSubmit={submit} noValidate aria-label="Create your account">
        <Stack>
          <TextInput
            label="Your name"
            autoComplete="name"
            maxLength={PERSON_NAME_MAX_LENGTH}
            required
            {...form.getInputProps('name')}
          />
          <TextInput
            label="Email"
            type="email"
            autoComplete="email"
            required
            {...form.getInputProps('email')}
          />
          <PasswordInput
            label="Password"
            description="At least 12 characters; a short sentence works well."
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <Button type="submit" loading={signUp.isPending}>
            Create account
          </Button>
          <Text size="sm" c="dimmed">
            Already have an account?{' '}
            <Anchor
              component={Link}
              to={`/sign-in${next === '/' ? '' : `?next=${encodeURIComponent(next)}`}`}
            >
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthLayout>
  );
}
