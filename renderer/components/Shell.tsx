/** Profile picker until a profile is chosen; then reference data, the handheld scanner and the signed-in layout. */
import { ReferenceProvider } from '../reference-context';
import { ScannerProvider } from '../scanning/ScannerProvider';
import { ProfilePicker } from '../screens/ProfilePicker';
import { useSession } from '../session-context';
import { Layout } from './Layout';

export function Shell() {
  const { session } = useSession();
  if (!session) return <ProfilePicker />;
  return (
    // key: a new profile gets fresh reference data and fresh screen state
    <ReferenceProvider key={session.token}>
      <ScannerProvider>
        <Layout />
      </ScannerProvider>
    </ReferenceProvider>
  );
}
