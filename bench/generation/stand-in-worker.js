// The stand-in TGI server in a worker thread, so its event loop does not share time with the
// client under test. Messages: { pacing } sets the pacing and answers 'paced'; 'records'
// answers with [inputs, serverMs] pairs; 'close' closes the server.
import { parentPort } from 'node:worker_threads';

const { startStandInTgiServer } =
  await import('../../dist/models/generators/test-support/stand-in-tgi-server.js');
const server = await startStandInTgiServer({ maxInputTokens: 4096, maxTotalTokens: 8192 });
parentPort.postMessage({ url: server.url });
parentPort.on('message', async (message) => {
  if (message.pacing) {
    server.setPacing(message.pacing);
    parentPort.postMessage('paced');
  } else if (message === 'records') {
    await server.settled();
    const records = server.requests.map((record) => [record.body?.inputs, record.serverMs]);
    parentPort.postMessage({ records });
  } else if (message === 'close') {
    await server.close();
    parentPort.close();
  }
});
