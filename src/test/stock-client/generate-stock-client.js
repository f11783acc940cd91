'use strict';
// Builds the browser client that a stock ActionHero 29.3.5 app serves at /public/javascript/ActionheroWebsocketClient.js,
// the way its websocket server does (dist/servers/websocket.js: compileActionheroWebsocketClientJS, renderClientJS),
// from the published npm packages, so that StockClientIT can load the real thing into a page served by Huddle.
//
//   node generate-stock-client.js <output directory>
//
// It needs the npm registry. When it cannot build the file it writes <output directory>/UNAVAILABLE.txt with the
// reason and still exits 0: a build that skips the integration tests must not fail offline, and StockClientIT fails
// with that reason when it runs.

const { execFileSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const util = require('node:util');

const ACTIONHERO = 'actionhero@29.3.5';
const PRIMUS = 'primus@8.0.9';
const WS = 'ws@8'; // what actionhero 29 depends on; Primus' websockets transformer needs it on the server side
const FILE = 'ActionheroWebsocketClient.js';
// what spec §3.1 recorded for the file a freshly generated 29.3.5 app serves with its default configuration
const STOCK_SIZE = 109523;
const STOCK_SHA256 = /^bbdd34cb[0-9a-f]+c74a0$/;

const out = path.resolve(process.argv[2] || 'target/stock-client');
const unavailable = path.join(out, 'UNAVAILABLE.txt');

function npm(args) {
  execFileSync('npm', args.concat(['--no-audit', '--no-fund', '--loglevel=error']), { cwd: out, stdio: 'inherit' });
}

/** ActionHero's compileActionheroWebsocketClientJS with its default websocket config (src/config/websocket.ts). */
function compileActionheroClient(template) {
  const clientUrl = 'window.location.origin';
  const client = { apiPath: '/api', cookieKey: 'sessionID' };
  let source = template.replace(/%%URL%%/g, clientUrl);
  const defaults = {};
  for (const key in client) defaults[key] = client[key];
  defaults.url = clientUrl;
  let defaultsString = util.inspect(defaults);
  defaultsString = defaultsString.replace("'window.location.origin'", 'window.location.origin');
  return source.replace('%%DEFAULTS%%', 'return ' + defaultsString);
}

/** ActionHero's renderClientJS: the Primus library of a server made with its default options, then the class. */
function renderClientJS(primusLibrary, actionheroClient) {
  const wrapped =
    ';;;\r\n' +
    '(function(exports){ \r\n' +
    actionheroClient +
    '\r\n' +
    'exports.ActionheroWebsocketClient = ActionheroWebsocketClient; \r\n' +
    'exports.ActionheroWebsocketClient = ActionheroWebsocketClient; \r\n' +
    "})(typeof exports === 'undefined' ? window : exports);";
  return primusLibrary + '\r\n\r\n\r\n' + wrapped;
}

function generate() {
  npm(['pack', ACTIONHERO, '--pack-destination', out]);
  const tarball = fs.readdirSync(out).find((name) => /^actionhero-.*\.tgz$/.test(name));
  execFileSync('tar', ['-xzf', tarball, 'package/client/' + FILE], { cwd: out });
  npm(['install', '--no-save', '--no-package-lock', '--ignore-scripts', PRIMUS, WS]);

  const Primus = require(path.join(out, 'node_modules', 'primus'));
  // ActionHero: new Primus(webserver.server, config.websocket.server), where the server options default to {}
  const primus = new Primus(http.createServer(), {});
  const library = primus.library();
  primus.destroy({ close: false, reconnect: false, timeout: 0 });

  const template = fs.readFileSync(path.join(out, 'package', 'client', FILE), 'utf8');
  return renderClientJS(library, compileActionheroClient(template));
}

fs.mkdirSync(out, { recursive: true });
const target = path.join(out, FILE);
if (fs.existsSync(target)) {
  console.log('stock client already built: ' + target);
  process.exit(0);
}
fs.rmSync(unavailable, { force: true });
try {
  const content = generate();
  const size = Buffer.byteLength(content);
  const sha256 = crypto.createHash('sha256').update(content).digest('hex');
  if (size !== STOCK_SIZE || !STOCK_SHA256.test(sha256)) {
    throw new Error('the built file (' + size + ' bytes, sha256 ' + sha256 + ') is not the one ' + ACTIONHERO +
      ' serves (' + STOCK_SIZE + ' bytes, sha256 bbdd34cb…c74a0)');
  }
  fs.writeFileSync(target, content);
  console.log('built the stock ' + ACTIONHERO + ' client: ' + target + ' (' + size + ' bytes, sha256 ' + sha256 + ')');
} catch (error) {
  const reason = 'could not build the stock ActionHero client (' + ACTIONHERO + ', ' + PRIMUS + ') in ' + out +
    ': ' + (error && error.message ? error.message : error);
  fs.writeFileSync(unavailable, reason + '\n');
  console.error(reason);
}
