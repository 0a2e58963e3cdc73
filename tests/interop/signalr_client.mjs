// The official @microsoft/signalr client against eventwire's SignalR hub emulator.
//
//   node signalr_client.mjs URL N [--skip-negotiation] [--token TOKEN] [--reconnect]
//
// Connects (WebSockets, JSON protocol), invokes Ready, receives N ReceiveMessage invocations
// (sequence number, and a JSON document escaped in a string), invokes Add, Echo and an unknown
// method and checks the answers, then stops. With --reconnect it tells the hub it got the first
// N (Received), expects the hub's Close with allowReconnect, reconnects automatically, invokes
// Ready again and receives N more. Prints one summary line; exits 0 only if everything matched.

import * as signalR from "@microsoft/signalr";
import { isDeepStrictEqual } from "node:util";

const args = process.argv.slice(2);
const url = args[0];
const count = Number(args[1]);
const flag = (name) => args.includes(name);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const skipNegotiation = flag("--skip-negotiation");
const token = option("--token");
const reconnect = flag("--reconnect");

const failures = [];
const check = (ok, what) => {
  if (!ok) failures.push(what);
};

const overall = setTimeout(() => finish("timed out"), 60_000);

function finish(reason) {
  clearTimeout(overall);
  if (reason) failures.push(reason);
  const summary = {
    mode: skipNegotiation ? "skip-negotiation" : "negotiate",
    reconnect,
    version: signalR.VERSION,
    received,
    failures,
  };
  console.log(`signalr interop client: ${JSON.stringify(summary)}`);
  process.exit(failures.length === 0 ? 0 : 1);
}

// Every ReceiveMessage of a round must arrive in order, once.
let received = 0;
let expected = 0;
let roundEnd = 0;
let roundDone = () => {};
function receiveRound() {
  roundEnd += count;
  return new Promise((resolve) => {
    roundDone = resolve;
    if (received >= roundEnd) resolve();
  });
}

const builder = new signalR.HubConnectionBuilder()
  .withUrl(url, {
    transport: signalR.HttpTransportType.WebSockets,
    skipNegotiation,
    accessTokenFactory: token ? () => token : undefined,
    headers: { ClientId: "eventwire-interop" },
  })
  .configureLogging(signalR.LogLevel.Warning);
if (reconnect) builder.withAutomaticReconnect([0, 500, 1000]);
const connection = builder.build();

connection.on("ReceiveMessage", (sequence, document) => {
  check(sequence === expected, `message ${received}: sequence ${sequence}, expected ${expected}`);
  const decoded = JSON.parse(document);
  check(decoded.sequence === sequence, `message ${received}: the escaped document says ${decoded.sequence}`);
  expected = sequence + 1;
  received += 1;
  if (received >= roundEnd) roundDone();
});

async function exerciseMethods() {
  check((await connection.invoke("Add", 2, 3)) === 5, "Add(2, 3) is not 5");
  const value = { text: "héllo \u001e \"quoted\"", list: [1, 2.5, null, true] };
  check(isDeepStrictEqual(await connection.invoke("Echo", value), value), "Echo changed its argument");
  try {
    await connection.invoke("NoSuchMethod", 1);
    failures.push("an unknown method did not fail");
  } catch (error) {
    check(error.message === "Unknown hub method 'NoSuchMethod'", `unknown method error: ${error.message}`);
  }
}

try {
  await connection.start();
  check(connection.state === signalR.HubConnectionState.Connected, "not connected after start");
  if (skipNegotiation) {
    check(connection.connectionId === null, "a connectionId without negotiate");
  } else {
    check(typeof connection.connectionId === "string" && connection.connectionId.length > 0, "no connectionId");
  }
  let round = receiveRound();
  await connection.invoke("Ready");
  await round;

  if (reconnect) {
    const firstId = connection.connectionId;
    const reconnecting = new Promise((resolve) => connection.onreconnecting(resolve));
    const reconnected = new Promise((resolve) => connection.onreconnected(resolve));
    await connection.invoke("Received", received);
    const why = await reconnecting;
    check(why instanceof Error && why.message === "Server returned an error on close: Server restarting",
          `reconnecting because: ${why}`);
    const newId = await reconnected;
    check(typeof newId === "string" && newId !== firstId, "the reconnected connection kept its id");
    round = receiveRound();
    await connection.invoke("Ready");
    await round;
  }

  await exerciseMethods();
  await connection.stop();
  check(connection.state === signalR.HubConnectionState.Disconnected, "not disconnected after stop");
  check(received === (reconnect ? 2 : 1) * count, `received ${received} messages`);
  finish();
} catch (error) {
  finish(`failed: ${error && error.stack ? error.stack : error}`);
}
