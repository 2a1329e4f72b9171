import { Center, Loader } from '@mantine/core';

export function PageLoader() {
  return (
    <Center h={200} aria-busy="true">
      <Loader aria-label="Loading" />
    </Center>
  );
}
