// Interop client on autobahn-js for the pipes WAMP router tests (same protocol as the Python one).
//
// usage: node autobahn_js_client.js URL REALM json|msgpack caller|callee NAME
// callee: registers js.add, js.progress, js.slow and interop.shared (roundrobin); prints READY.
// caller: calls the java.* procedures and prints one line per check.
// ticket|wampcra (as the role, with NAME = AUTHID:SECRET): joins so and prints WELCOME (or ABORT).
// Every line is "KEY json".
const autobahn = require('autobahn');

const [url, realm, serializerName, role, name] = process.argv.slice(2);
const serializer = serializerName === 'json'
  ? new autobahn.serializer.JSONSerializer() : new autobahn.serializer.MsgpackSerializer();
const out = (key, value) => process.stdout.write(key + ' ' + JSON.stringify(value) + '\n');
const login = role === 'ticket' || role === 'wampcra';
const [authid, secret] = login ? name.split(':') : [undefined, undefined];
const connection = new autobahn.Connection(Object.assign(
  { url, realm, serializers: [serializer], max_retries: 0 },
  login ? {
    authmethods: [role],
    authid,
    onchallenge: (session, method, extra) => {
      if (method === 'ticket') return secret;
      const key = extra.salt
        ? autobahn.auth_cra.derive_key(secret, extra.salt, extra.iterations, extra.keylen) : secret;
      return autobahn.auth_cra.sign(key, extra.challenge);
    },
  } : {}));

function asArray(v) {
  return Buffer.isBuffer(v) || v instanceof Uint8Array ? Array.from(v) : v;
}

async function callee(session) {
  await session.register('js.add', (args) => args[0] + args[1]);
  await session.register('js.progress', (args, kwargs, details) => {
    if (details.progress) {
      for (let i = 1; i <= args[0]; i++) details.progress([i]);
    }
    return 'done';
  });
  await session.register('js.slow', () => new Promise(() => {}));
  await session.register('js.echo_bytes', (args) => asArray(args[0]));
  await session.register('interop.shared', () => name, { invoke: 'roundrobin' });
  out('READY', session.id);
}

function call(session, procedure, args, kwargs, options, onProgress) {
  return new Promise((resolve, reject) => {
    session.call(procedure, args, kwargs, options).then(resolve, reject, onProgress);
  });
}

async function caller(session) {
  out('ADD', await call(session, 'java.add', [2, 3]));
  const seen = [];
  const final = await call(session, 'java.progress', [3], {}, { receive_progress: true }, (i) => seen.push(i));
  out('PROGRESS', { progress: seen, final });
  // autobahn-js' JSON serializer has no binary support: with JSON, no BINARY line (the test knows)
  if (serializerName === 'msgpack') {
    out('BINARY', asArray(await call(session, 'java.echo', [Buffer.from([0, 1, 255, 10])])));
  }
  const slow = session.call('java.slow', [], {}, {});
  await new Promise((r) => setTimeout(r, 200));
  const outcome = new Promise((resolve) => slow.then(() => resolve('not canceled'), () => resolve('canceled')));
  // kill: autobahn-js forgets a call canceled in the other modes at once, and then takes the
  // dealer's immediate ERROR (which the specification prescribes) for a protocol violation
  slow.cancel({ mode: 'kill' });
  out('CANCEL', await outcome);
  const shared = [];
  for (let i = 0; i < 4; i++) shared.push(await call(session, 'java.shared', []));
  out('SHARED', shared);
  try {
    await call(session, 'java.none', []);
  } catch (e) {
    out('ERROR', e.error);
  }
}

connection.onopen = (session, details) => {
  if (login) {
    out('WELCOME', { authid: details.authid, authrole: details.authrole, authmethod: details.authmethod });
    connection.close();
    return;
  }
  (role === 'callee' ? callee(session) : caller(session).then(() => connection.close()))
    .catch((e) => { out('FAILED', String(e && (e.error || e.stack || e))); process.exit(1); });
};
connection.onclose = (reason, details) => {
  if (login && details && details.reason && !details.reason.startsWith('wamp.close.')) out('ABORT', details.reason);
  if (login) process.exit(0);
  // the caller closes the connection itself when done: any other end is a failure
  if (role === 'caller') process.exit(reason === 'closed' ? 0 : 1);
  out('CLOSED', reason);
  process.exit(reason === 'closed' ? 0 : 1);
};
connection.open();
