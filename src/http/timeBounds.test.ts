import { connect } from 'node:net';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { closeWithin, idleOnClientOnly } from './app.js';

describe('closeWithin', () => {
  it('finishes closing while a request still waits for its body, by cutting the connection', async () => {
    // No request or idle bounds here: only the close's own bound can end the upload.
    const app = Fastify();
    let arrived: () => void;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    // Before the body is read: the server holds the request, waiting for the rest.
    app.addHook('onRequest', async () => arrived());
    app.post('/upload', async (req) => req.body);
    const port = Number(new URL(await app.listen({ port: 0, host: '127.0.0.1' })).port);
    const socket = connect(port, '127.0.0.1');
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()).on('error', () => {}));
    socket.write('POST /upload HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a":');
    await requestArrived;
    await closeWithin(app, 100);
    await closed;
    expect(socket.destroyed).toBe(true);
  });
});

describe('idleOnClientOnly', () => {
  it('keeps a connection whose request has arrived while the server works on it longer than the idle bound', async () => {
    const app = Fastify({ connectionTimeout: 100 });
    idleOnClientOnly(app, 100);
    app.get('/slow', async () => {
      await new Promise((r) => setTimeout(r, 400));
      return { done: true };
    });
    const url = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const res = await fetch(`${url}/slow`);
      expect(await res.json()).toEqual({ done: true });
    } finally {
      await app.close();
    }
  });
});
