import { afterAll, beforeAll } from 'vitest';
import { describeGeneratorContract } from './test-support/generator-suite.js';
import {
  startStandInTgiServer,
  type StandInTgiServer,
} from './test-support/stand-in-tgi-server.js';
import { TgiGenerator } from './tgi-generator.js';

let server: StandInTgiServer;
beforeAll(async () => {
  server = await startStandInTgiServer();
});
afterAll(() => server.close());

describeGeneratorContract(
  'TgiGenerator on the stand-in TGI server (chat route)',
  async () => new TgiGenerator({ url: server.url }),
);
describeGeneratorContract(
  'TgiGenerator on the stand-in TGI server (rendered chat)',
  async () =>
    new TgiGenerator({
      url: server.url,
      renderChat: (messages) => messages.map((m) => `${m.role}: ${m.content}`).join('\n'),
    }),
);
