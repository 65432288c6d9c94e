import { MemoryCycleStore } from '../helpers/memory-store.ts';
import { cycleStoreContract } from '../helpers/store-contract.ts';
import { cycleStoreLinkContract } from '../helpers/store-contract-links.ts';

const store = new MemoryCycleStore();
cycleStoreContract('MemoryCycleStore', () => store);
cycleStoreLinkContract('MemoryCycleStore', () => store);
