/** "Genbrugsbørs": search the devices on the reuse marketplace. */
import { DeviceSearchPanel } from './DeviceSearchPanel';

export class MarketplacePage extends DeviceSearchPanel {}
