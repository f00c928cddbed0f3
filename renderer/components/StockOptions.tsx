/** The <option>s of a label stock picker, each stock described (size, labels per sheet). */
import { STOCK_IDS, STOCKS, stockDescription, type StockId } from '../../shared/labels/stocks';
import { useI18n } from '../i18n';

export function StockOptions() {
  const { t, number } = useI18n();
  const describe = (id: StockId) => {
    const { key, params } = stockDescription(STOCKS[id]);
    return t(key, { name: params.name, count: number(params.count), width: number(params.width), height: number(params.height) });
  };
  return (
    <>
      {STOCK_IDS.map((id) => (
        <option key={id} value={id}>
          {describe(id)}
        </option>
      ))}
    </>
  );
}
