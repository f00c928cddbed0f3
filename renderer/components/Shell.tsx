/** Profile picker until a profile is chosen; then reference data and the signed-in layout. */
import { ReferenceProvider } from '../reference-context';
import { ProfilePicker } from '../screens/ProfilePicker';
import { useSession } from '../session-context';
import { Layout } from './Layout';

export function Shell() {
  const { session } = useSession();
  if (!session) return <ProfilePicker />;
  return (
    // key: a new profile gets fresh reference data and fresh screen state
    <ReferenceProvider key={session.token}>
      <Layout />
    </ReferenceProvider>
  );
}
