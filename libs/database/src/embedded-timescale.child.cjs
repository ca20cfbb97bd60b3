'use strict';
// Runs PGlite + TimescaleDB behind a Postgres wire-protocol socket in its own process, so the WASM
// engine never blocks the parent's event loop. Protocol over IPC (see embedded-timescale.ts):
//   parent -> child: { type: 'stop' }
//   child -> parent: { type: 'ready', port } | { type: 'error', message }
// The child shuts down cleanly (data flushed) on 'stop', SIGTERM/SIGINT, or when the parent goes away.

const { PGlite } = require('@electric-sql/pglite');
const { timescaledb } = require('@electric-sql/pglite/timescaledb');
const { PGLiteSocketServer } = require('@electric-sql/pglite-socket');
const { createServer } = require('node:net');

const HOST = '127.0.0.1';
// PGlite is a single Postgres session; the socket server queues every client's messages onto it.
const MAX_CONNECTIONS = 32;

let db;
let server;
let stopping;

function send(message) {
  return new Promise((resolve) => {
    if (!process.connected) {
      resolve();
      return;
    }
    process.send(message, () => resolve());
  });
}

function describe(error) {
  return error instanceof Error ? error.message : String(error);
}

function listen(socketServer) {
  return new Promise((resolve, reject) => {
    // The server only reports listen errors (EADDRINUSE...) through its 'error' event.
    const onError = (event) => reject(event.detail);
    socketServer.addEventListener('error', onError, { once: true });
    socketServer.start().then(() => {
      socketServer.removeEventListener('error', onError);
      resolve();
    }, reject);
  });
}

function portError(port, error) {
  const reason =
    error && error.code === 'EADDRINUSE' ? 'the port is already in use' : describe(error);
  return new Error(`cannot listen on ${HOST}:${port}: ${reason}`);
}

// Fails fast on a taken fixed port, before the seconds-long WASM start.
function checkPortFree(port) {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(port, HOST, () => probe.close(() => resolve()));
  });
}

async function start(dataDir, port) {
  if (port !== 0) {
    await checkPortFree(port).catch((error) => {
      throw portError(port, error);
    });
  }
  try {
    db = await PGlite.create({ dataDir, extensions: { timescaledb } });
    // PGlite has no shared_preload_libraries: on a reopened data directory TimescaleDB would be
    // loaded lazily without its TSL module (continuous aggregates and compression then fail with
    // "not supported under the current license"). Loading it first, explicitly, loads both.
    await db.exec("LOAD 'timescaledb'");
    await db.exec('CREATE EXTENSION IF NOT EXISTS timescaledb');
  } catch (error) {
    throw new Error(`cannot open the data directory ${dataDir}: ${describe(error)}`);
  }
  server = new PGLiteSocketServer({ db, host: HOST, port, maxConnections: MAX_CONNECTIONS });
  try {
    await listen(server);
  } catch (error) {
    server = undefined;
    throw portError(port, error);
  }
  const boundPort = Number(server.getServerConn().split(':').pop());
  await send({ type: 'ready', port: boundPort });
}

function stop(exitCode) {
  stopping ??= (async () => {
    try {
      if (server) {
        await server.stop();
      }
      if (db && !db.closed) {
        await db.close();
      }
    } catch (error) {
      process.stderr.write(`embedded TimescaleDB: error while stopping: ${describe(error)}\n`);
      exitCode = 1;
    }
    process.exit(exitCode);
  })();
  return stopping;
}

process.on('message', (message) => {
  if (message && message.type === 'stop') {
    void stop(0);
  }
});
process.on('disconnect', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));

const [dataDir, portArg] = process.argv.slice(2);
start(dataDir, Number(portArg)).catch(async (error) => {
  await send({ type: 'error', message: describe(error) });
  await stop(1);
});
