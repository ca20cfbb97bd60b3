'use strict';
// Serves one PGlite session over the Postgres wire protocol to exactly one client: the app that
// started it, recognised by the per-start access key it sends as its user name. PGlite is a
// single session, so a second client would share the app's transaction and extended-protocol
// state (pglite-socket interleaves its clients and can deadlock them); every other client gets a
// FATAL ErrorResponse naming DATABASE_URL instead. A newer connection carrying the key replaces
// the current one, so the app's pool can always reconnect, even if its old socket lingers.

const { timingSafeEqual } = require('node:crypto');
const { createServer } = require('node:net');

const PROTOCOL_3 = 196608;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const MAX_STARTUP_BYTES = 10_000;
const HANDSHAKE_TIMEOUT_MS = 10_000;
const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);
const ROLLBACK = queryMessage('ROLLBACK');
const READY_FOR_QUERY = 0x5a;
const IDLE = 'I';

const NOT_THE_APP =
  'this embedded TimescaleDB serves only the Nexwave app that started it; for split apps use ' +
  '`npm run db:embedded` (it serves many through PgBouncer) or a TimescaleDB server, via DATABASE_URL';
const INSPECT_HINT =
  'to inspect the data, stop the app and run `npm run db:shell`, or read it through the API';

function errorResponse(code, message, hint) {
  const fields = [
    ['S', 'FATAL'],
    ['V', 'FATAL'],
    ['C', code],
    ['M', message],
  ];
  if (hint) {
    fields.push(['H', hint]);
  }
  const body = Buffer.concat([
    ...fields.map(([type, value]) => Buffer.from(`${type}${value}\0`, 'utf8')),
    Buffer.from([0]),
  ]);
  const header = Buffer.alloc(5);
  header.write('E', 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

function queryMessage(sql) {
  const body = Buffer.from(`${sql}\0`, 'utf8');
  const header = Buffer.alloc(5);
  header.write('Q', 0);
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/** The transaction status a reply ends with ('I' idle, 'T' in a transaction, 'E' failed one). */
function transactionStatus(reply) {
  const at = reply.length - 6;
  return at >= 0 && reply[at] === READY_FOR_QUERY ? String.fromCharCode(reply[at + 5]) : 'none';
}

function parseStartupParameters(message) {
  const parts = message.subarray(8).toString('utf8').split('\0');
  const parameters = new Map();
  for (let i = 0; i + 1 < parts.length && parts[i] !== ''; i += 2) {
    parameters.set(parts[i], parts[i + 1]);
  }
  return parameters;
}

// PGlite has one role and one database: the app's startup goes in as postgres/postgres.
function startupMessage(parameters) {
  const pairs = new Map(parameters);
  pairs.set('user', 'postgres');
  pairs.set('database', 'postgres');
  const body = Buffer.from(
    [...pairs].map(([name, value]) => `${name}\0${value}\0`).join('') + '\0',
    'utf8',
  );
  const header = Buffer.alloc(8);
  header.writeInt32BE(body.length + 8, 0);
  header.writeInt32BE(PROTOCOL_3, 4);
  return Buffer.concat([header, body]);
}

function sameKey(candidate, accessKey) {
  const a = Buffer.from(candidate ?? '', 'utf8');
  const b = Buffer.from(accessKey, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * A gate for `db` (an open PGlite) to listen with. PGlite reports SQL errors as ErrorResponse
 * messages; when it throws instead (a WASM abort such as "unreachable") it is broken for good,
 * and `onBroken(error)` is called so the process can die and be restarted.
 * Returns { server, close() }; close() drops every socket and resolves once pending work is done.
 */
function createGate({ db, accessKey, onBroken }) {
  let work = Promise.resolve();
  let current = null;
  const sockets = new Set();

  // PGlite runs one protocol message at a time, in arrival order, whoever sent it.
  const exclusive = (task) => {
    const run = work.then(task);
    work = run.catch(() => undefined);
    return run;
  };

  // What a departing client leaves behind (an unfinished extended query, an open or failed
  // transaction) must not leak into the next connection's session. Sync ends the extended query;
  // its ReadyForQuery says whether a transaction is still open, whatever command opened it
  // (PGlite's isInTransaction() only sees BEGIN, not START TRANSACTION). A session that cannot be
  // brought back to idle is broken: the next client would run inside the dead one's transaction.
  const release = (connection) => {
    if (current !== connection) {
      return;
    }
    current = null;
    void exclusive(async () => {
      if (transactionStatus(await db.execProtocolRaw(SYNC)) === IDLE) {
        return;
      }
      const status = transactionStatus(await db.execProtocolRaw(ROLLBACK));
      if (status !== IDLE) {
        throw new Error(`a departed client's transaction did not end (status ${status})`);
      }
    }).catch(onBroken);
  };

  const serve = (socket, parameters, rest) => {
    const connection = { socket };
    if (current) {
      const replaced = current;
      release(replaced);
      replaced.socket.end(errorResponse('57P01', 'replaced by a newer connection of the app'));
    }
    current = connection;
    let buffer = rest;
    const forward = (message) => {
      exclusive(async () => {
        if (current !== connection) {
          return;
        }
        const reply = await db.execProtocolRaw(message);
        if (current === connection && reply.length > 0) {
          socket.write(reply);
        }
      }).catch(onBroken);
    };
    const drain = () => {
      while (buffer.length >= 5) {
        const length = buffer.readInt32BE(1);
        if (length < 4) {
          socket.destroy();
          return;
        }
        if (buffer.length < length + 1) {
          return;
        }
        const message = buffer.subarray(0, length + 1);
        buffer = buffer.subarray(length + 1);
        if (message[0] === 0x58 /* Terminate */) {
          socket.end();
          return;
        }
        forward(message);
      }
    };
    socket.on('data', (chunk) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      drain();
    });
    socket.on('close', () => release(connection));
    forward(startupMessage(parameters));
    drain();
  };

  const handshake = (socket) => {
    let buffer = Buffer.alloc(0);
    const timer = setTimeout(() => socket.destroy(), HANDSHAKE_TIMEOUT_MS);
    const refuse = (code, message) => {
      socket.off('data', onData);
      clearTimeout(timer);
      socket.end(errorResponse(code, message, INSPECT_HINT));
    };
    const onData = (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      while (buffer.length >= 8) {
        const length = buffer.readInt32BE(0);
        if (length < 8 || length > MAX_STARTUP_BYTES) {
          refuse('08P01', 'invalid startup packet');
          return;
        }
        if (buffer.length < length) {
          return;
        }
        const message = buffer.subarray(0, length);
        buffer = buffer.subarray(length);
        const code = message.readInt32BE(4);
        if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
          socket.write('N');
          continue;
        }
        if (code !== PROTOCOL_3) {
          refuse('53300', NOT_THE_APP);
          return;
        }
        const parameters = parseStartupParameters(message);
        if (!sameKey(parameters.get('user'), accessKey)) {
          refuse('53300', NOT_THE_APP);
          return;
        }
        socket.off('data', onData);
        clearTimeout(timer);
        serve(socket, parameters, buffer);
        return;
      }
    };
    socket.on('data', onData);
  };

  const server = createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
    handshake(socket);
  });

  return {
    server,
    async close() {
      const closed = new Promise((resolve) => server.close(() => resolve()));
      for (const socket of sockets) {
        socket.destroy();
      }
      await closed;
      await work;
    },
  };
}

module.exports = { createGate };
