/**
 * Before a profile is chosen: first start's setup while nobody exists (issue 12), else the profile picker. Then
 * reference data, the handheld scanner and the signed-in layout.
 */
import { client } from '../api/instance';
import { ReferenceProvider } from '../reference-context';
import { ScannerProvider } from '../scanning/ScannerProvider';
import { ProfilePicker } from '../screens/ProfilePicker';
import { SetupWizard } from '../screens/SetupWizard';
import { SignIn } from '../screens/SignIn';
import { useSession } from '../session-context';
import { useAsync } from '../use-async';
import { Layout } from './Layout';
import { Loading } from './Loading';
import { SignedOutPage } from './SignedOutPage';

/** The wizard on a first start; the picker otherwise, and also when the question fails (it shows the failure itself). */
function SignedOut() {
  const { methods } = useSession();
  const setup = useAsync(() => client.call('setup.status', {}), []);
  // Once the mode is known: shared mode's wizard starts with the setup code, and the wizard focuses its first field
  // on load, which must not be the organisation's name of a form about to grow a field above it.
  if (methods && setup.data?.needed) return <SetupWizard />;
  // Shared mode (issue 13): sign-in instead of the profile picker.
  if (methods?.mode === 'shared' && setup.data) return <SignIn />;
  if (methods && (setup.data || setup.error !== undefined)) return <ProfilePicker />;
  return (
    <SignedOutPage>
      <Loading />
    </SignedOutPage>
  );
}

export function Shell() {
  const { session } = useSession();
  if (!session) return <SignedOut />;
  return (
    // key: a new profile gets fresh reference data and fresh screen state
    <ReferenceProvider key={`${session.user.id}:${session.token}`}>
      <ScannerProvider>
        <Layout />
      </ScannerProvider>
    </ReferenceProvider>
  );
}
