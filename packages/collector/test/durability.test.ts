// kill -9 durability: a child collector under concurrent load is SIGKILLed; every 201 survives, once.
import {describe, it} from 'node:test';
import {ENGINES, tempStore} from './helpers.js';
import {crashCheck} from './crash.js';

for (const {engine, skip} of ENGINES) {
  describe(`kill -9 durability on ${engine}`, {skip}, () => {
    it('keeps every submission that got a 201, once, across repeated SIGKILLs under load', async () => {
      const temp = await tempStore(engine);
      await temp.store.close(); // the child collectors own the storage now
      try {
        await crashCheck(temp.location, 2, 150);
      } finally {
        await temp.cleanup();
      }
    });
  });
}
