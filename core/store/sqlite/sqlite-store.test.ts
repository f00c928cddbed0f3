import { describeStoreContract } from '../store-contract';
import { SqliteStore } from './sqlite-store';

describeStoreContract('SQLite reference store', { open: (dir) => SqliteStore.open(dir) });
