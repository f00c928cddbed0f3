/** "Alle enheder": every device in any state (warehouse, sustainability, admin). */
import { DeviceSearchPanel } from './DeviceSearchPanel';

export class AllDevicesPage extends DeviceSearchPanel {}
