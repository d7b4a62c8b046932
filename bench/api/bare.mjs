// The reference route: Fastify and `pg` with nothing of StarCity between them — no validation,
// presenter, problem handling or list engine. The gap to it is what StarCity's layers cost.
// Env: PORT, DATABASE_URL. The pool is as large as StarCity's (10).
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const app = Fastify({ logger: false });

app.get('/healthz', async () => ({ status: 'ok' }));
app.get('/organizations/:id', async (req, reply) => {
  const { rows } = await pool.query('SELECT * FROM organizations WHERE id = $1', [Number(req.params.id)]);
  if (!rows[0]) return reply.code(404).send({ status: 404 });
  return rows[0];
});

const close = async () => {
  await app.close();
  await pool.end();
  process.exit(0);
};
process.once('SIGTERM', close);
process.once('SIGINT', close);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
