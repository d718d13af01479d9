// Serves a web export (dist-installer/ or dist-homeowner/) on loopback and passes /api/ to a SunDispatch server,
// so the app calls its own origin as it does when deployed beside the API (like the server's MobileApp.WebServer).
//   node scripts/serve-web.mjs dist-installer 8090 http://127.0.0.1:8080
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const [dir = 'dist-homeowner', port = '8090', api = 'http://127.0.0.1:8080'] = process.argv.slice(2);
const root = path.resolve(dir);
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css', '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.ttf': 'font/ttf', '.ico': 'image/x-icon' };

http
  .createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    if (url.pathname.startsWith('/api/')) {
      const target = new URL(url.pathname + url.search, api);
      const headers = { ...req.headers, host: target.host };
      const upstream = http.request(target, { method: req.method, headers }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      upstream.on('error', () => {
        res.writeHead(502);
        res.end();
      });
      req.pipe(upstream);
      return;
    }
    let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    if (!file.startsWith(root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(root, 'index.html');
    res.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  })
  .listen(Number(port), '127.0.0.1', () => process.stdout.write(`serving ${root} on http://localhost:${port}, /api/ → ${api}\n`));
