// The baseline for collector throughput: a plain node:http server that reads and parses the same JSON
// and answers 201, storing nothing. The collector is measured beside it in the same run.
import {createServer} from 'node:http';
import {randomUUID} from 'node:crypto';

const server = createServer((request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      response.writeHead(400).end();
      return;
    }
    const answer = JSON.stringify({id: body.id ?? randomUUID(), reference: 'CF-BASE-LINE', receivedAt: new Date().toISOString()});
    response.writeHead(201, {'content-type': 'application/json'}).end(answer);
  });
});
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => {
  console.log(`listening ${server.address().port}`);
});
