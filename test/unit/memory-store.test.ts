import { MemoryCycleStore } from '../helpers/memory-store.ts';
import { cycleStoreContract } from '../helpers/store-contract.ts';

const store = new MemoryCycleStore();
cycleStoreContract('MemoryCycleStore', () => store);
