'use strict';
// Runs PGlite + TimescaleDB behind a Postgres wire-protocol gate (embedded-timescale.gate.cjs) in
// its own process, so the WASM engine never blocks the parent's event loop. Protocol over IPC
// (see embedded-timescale.process.ts):
//   parent -> child: { type: 'start', accessKey } (the user name the app connects with) | { type: 'stop' }
//   child -> parent: { type: 'ready', port } | { type: 'error', message }
// The child shuts down cleanly (data flushed) on 'stop', SIGTERM/SIGINT, or when the parent goes away.

const { PGlite } = require('@electric-sql/pglite');
const { timescaledb } = require('@electric-sql/pglite/timescaledb');
const { createServer } = require('node:net');

const { createGate } = require('./embedded-timescale.gate.cjs');

const HOST = '127.0.0.1';

let db;
let gate;
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

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, HOST, () => {
      server.off('error', reject);
      resolve(server.address().port);
    });
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

async function start(dataDir, port, accessKey) {
  if (!accessKey) {
    throw new Error('no access key given');
  }
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
  const candidate = createGate({ db, accessKey, onBroken });
  let boundPort;
  try {
    boundPort = await listen(candidate.server, port);
  } catch (error) {
    throw portError(port, error);
  }
  gate = candidate;
  await send({ type: 'ready', port: boundPort });
}

function stop(exitCode) {
  stopping ??= (async () => {
    try {
      if (gate) {
        await gate.close();
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

// Closing a PGlite that aborted could hang: exit at once, the parent restarts the database.
function onBroken(error) {
  process.stderr.write(`embedded TimescaleDB: PGlite failed: ${describe(error)}\n`);
  process.exit(1);
}

const [dataDir, portArg] = process.argv.slice(2);
process.on('message', (message) => {
  if (message && message.type === 'start') {
    start(dataDir, Number(portArg), message.accessKey).catch(async (error) => {
      await send({ type: 'error', message: describe(error) });
      await stop(1);
    });
  } else if (message && message.type === 'stop') {
    void stop(0);
  }
});
process.on('disconnect', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
process.on('SIGINT', () => void stop(0));
