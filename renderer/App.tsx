/**
 * Kredsløb's UI shell: language, session (profile picker until a profile is chosen), reference data, layout.
 *
 * Stable selectors for end-to-end tests (besides roles and visible names; every input has a <label>):
 *   data-testid="profile-<userId>"     profile picker entry (button)
 *   data-testid="current-user"         header: name · role · administration code
 *   data-testid="search-text"          device search text input (marketplace and "Alle enheder")
 *   data-testid="filter-category"      category filter <select> (option values = Category codes)
 *   data-testid="filter-status"        status filter <select> ("Alle enheder" only; values = DeviceStatus codes)
 *   data-testid="filter-department"    administration filter <select> ("Alle enheder" only; values = department ids)
 *   data-testid="search-sort"          sort <select>
 *   data-testid="search-total"         the result count line
 *   data-testid="device-row"           one result row; attributes data-asset-tag="KK-…", data-status, data-category (Alle enheder)
 *   data-testid="device-status"        device page status badge; attribute data-status="<DeviceStatus>"
 *   data-testid="device-asset-tag"     device page asset tag
 *   data-testid="device-owner"         device page owner administration ("Navn (KODE)")
 *   data-testid="device-location"      device page location
 *   data-testid="device-condition"     device page condition grade
 *   data-testid="device-data-bearing"  device page data-bearing yes/no
 *   data-testid="sanitization"         sanitization record card; "sanitization-method" its method
 *   data-testid="reservation"          active reservation card; "reservation-department", "reservation-expires"
 *   data-testid="action-error"         refusal banner by the device actions (role="alert")
 *   data-testid="action-done"          success banner by the device actions (role="status")
 *   data-testid="trail"                the trail list (<ol>); data-testid="trail-event" each item,
 *                                      with data-event-type="<TrailEvent type>" and data-seq="<n>"
 *   data-testid="reported-asset-tag"   the asset tag shown after "Anmeld overskud" succeeds
 *   data-testid="scan-tag"             the asset tag input on "Modtag på lager" / "Udlevér"
 *   data-testid="scan-result"          the banner after a scan (role="status" on success, role="alert" on error)
 *   data-testid="reservations"         "Mine reservationer" table; "reservation-row" each row (data-asset-tag)
 *   data-testid="server-unreachable"   the banner while the server cannot be reached (role="alert")
 *   data-testid="scan-unsent"          a station's scans that did not reach the server, with "Send igen"
 * Error banners have role="alert", success banners role="status". Routes: #/marketplace, #/report,
 * #/reservations, #/check-in?tag=KK-…, #/hand-over?tag=KK-…, #/devices (all devices), #/devices/<id>.
 */
import { ServerUnreachableBanner } from './components/ServerUnreachableBanner';
import { Shell } from './components/Shell';
import { I18nProvider } from './i18n';
import { SessionProvider } from './session-context';

export function App() {
  return (
    <I18nProvider>
      <SessionProvider>
        <ServerUnreachableBanner />
        <Shell />
      </SessionProvider>
    </I18nProvider>
  );
}
