// The official @microsoft/signalr client as the reference of bench_signalr_session.
//
//   node signalr_bench_client.mjs URL N
//
// Connects (negotiate, WebSockets, JSON protocol), receives N ReceiveMessage invocations whose
// one argument is a JSON document escaped in a string, parses each document and checks its id
// (the same work as the C++ handler), stops, and prints one JSON line:
//   {"received":N,"seconds":S,"maxRssKiB":K}
// seconds runs from the first message to the last. Exits 1 on a wrong id or a lost message.

import * as signalR from "@microsoft/signalr";

const [url, countText] = process.argv.slice(2);
const count = Number(countText);
const expectedId = 4242;

let received = 0;
let wrong = 0;
let first = 0n;
let last = 0n;
let done = () => {};
const all = new Promise((resolve) => (done = resolve));

const connection = new signalR.HubConnectionBuilder()
  .withUrl(url, { transport: signalR.HttpTransportType.WebSockets })
  .configureLogging(signalR.LogLevel.Error)
  .build();
connection.serverTimeoutInMilliseconds = 120_000;

connection.on("ReceiveMessage", (document) => {
  if (received === 0) first = process.hrtime.bigint();
  if (JSON.parse(document).id !== expectedId) wrong += 1;
  received += 1;
  if (received === count) {
    last = process.hrtime.bigint();
    done();
  }
});
connection.onclose(() => done());

const overall = setTimeout(() => done(), 300_000);
try {
  await connection.start();
  await all;
  clearTimeout(overall);
  await connection.stop();
} catch (error) {
  console.error(`signalr bench client: ${error}`);
  process.exit(1);
}
const seconds = Number(last - first) / 1e9;
console.log(JSON.stringify({ received, seconds, maxRssKiB: process.resourceUsage().maxRSS }));
process.exit(received === count && wrong === 0 ? 0 : 1);
