// The floor to compare the app with: node:http and better-sqlite3 running the agency list's SQL
// directly (no framework, no session, no validation, no audit).
import http from 'node:http';
import path from 'node:path';
import SQLite from 'better-sqlite3';

const db = new SQLite(path.join(process.env.DATA_DIR ?? './data', 'sinergi.sqlite'), { readonly: true });
const list = db.prepare('select * from agencies order by name limit 25 offset 0');
const count = db.prepare('select count(*) as n from agencies');

http
  .createServer((req, res) => {
    if (req.url === '/ready') {
      res.end('ok');
      return;
    }
    const items = list.all();
    const total = (count.get() as { n: number }).n;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ items, total, page: 1, pageSize: 25 }));
  })
  .listen(Number(process.env.PORT ?? 3901), '127.0.0.1');
