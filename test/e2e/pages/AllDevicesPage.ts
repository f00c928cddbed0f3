/** "Alle enheder": every device in any state (warehouse, sustainability, admin). */
import type { Locator } from '@playwright/test';
import { DeviceSearchPanel } from './DeviceSearchPanel';

export class AllDevicesPage extends DeviceSearchPanel {
  /** The scrollable, keyboard-focusable box around the results table. */
  get tableRegion(): Locator {
    return this.page.getByRole('region', { name: 'Tabel over enheder' });
  }

  /** The "Forvaltning" cell of a row: the owner, or the reserving administration for a reserved device. */
  administration(tag: string): Locator {
    return this.row(tag).getByTestId('owner-cell');
  }
}
