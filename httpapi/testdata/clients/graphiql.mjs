// Opens the facade's GraphiQL page in Chromium, as a person would, and prints
// what it saw as one JSON object on stdout (graphiql_browser_test.go reads it).
//
//   node graphiql.mjs --page http://127.0.0.1:PORT/ --chromium /usr/bin/chromium \
//     --profile DIR --npm http://127.0.0.1:PORT2/npm --cdn serve|abort|late|forbid --expect docs|offline
//
// --npm is a server of the installed npm packages by npm path; --cdn says what
// requests to cdn.jsdelivr.net get: the files from --npm (serve), a network
// error (abort), the files after 2.5 s (late), or a network error counted as
// a failure (forbid). Requests to any other host than the page's are refused
// and reported: the page must need nothing else.
import { chromium } from 'playwright-core';
import { parseArgs } from 'node:util';

const { values: opt } = parseArgs({
  options: {
    page: { type: 'string' },
    chromium: { type: 'string' },
    profile: { type: 'string' },
    npm: { type: 'string' },
    cdn: { type: 'string', default: 'serve' },
    expect: { type: 'string', default: 'docs' },
  },
});

const cdnHost = 'cdn.jsdelivr.net';
const pageHost = new URL(opt.page).host;
const npmHost = opt.npm ? new URL(opt.npm).host : '';
const seen = { cdnRequests: 0, foreignRequests: [], pageErrors: [] };

function fail(message) {
  console.error(message);
  console.error(JSON.stringify(seen, null, 2));
  process.exitCode = 1;
}

const context = await chromium.launchPersistentContext(opt.profile, {
  executablePath: opt.chromium,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.host === pageHost || url.host === npmHost) return route.continue();
    if (url.host !== cdnHost) {
      seen.foreignRequests.push(url.href);
      return route.abort('blockedbyclient');
    }
    seen.cdnRequests++;
    switch (opt.cdn) {
      case 'serve':
        return route.fulfill({ response: await route.fetch({ url: opt.npm + url.pathname.replace(/^\/npm/, '') }) });
      case 'late':
        await new Promise((resolve) => setTimeout(resolve, 2500));
        return route.fulfill({ response: await route.fetch({ url: opt.npm + url.pathname.replace(/^\/npm/, '') }) });
      default: // abort, forbid
        return route.abort('internetdisconnected');
    }
  });
  const page = context.pages()[0] ?? (await context.newPage());
  // Notes when the page's explanation appears, in ms since the navigation began.
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('[role="alert"]')) {
        window.alertShownAfterMs = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  page.on('pageerror', (err) => seen.pageErrors.push(String(err)));
  await page.goto(opt.page, { waitUntil: 'commit' });
  const result = opt.expect === 'offline' ? await offline(page) : await docs(page);
  if (opt.cdn === 'forbid' && seen.cdnRequests > 0) fail(`the page asked ${cdnHost} ${seen.cdnRequests} times`);
  if (seen.foreignRequests.length > 0) fail('the page asked hosts other than its own and its assets server');
  console.log(JSON.stringify({ ...result, ...seen }));
} catch (err) {
  fail(String(err && err.stack ? err.stack : err));
} finally {
  await context.close();
}

// docs opens the Docs pane, reads "All Schema Types", opens Query and reads
// its fields; then runs a query and reads autocomplete's suggestions.
async function docs(page) {
  await page.waitForSelector('.graphiql-container', { timeout: 20000 });
  await page.click('button[aria-label="Show Documentation Explorer"]');
  const explorer = page.locator('.graphiql-doc-explorer');
  await explorer.locator('text=All Schema Types').or(explorer.locator('.graphiql-doc-explorer-error')).first().waitFor({ timeout: 20000 });
  if (await explorer.locator('.graphiql-doc-explorer-error').count()) {
    throw new Error('the Docs pane says: ' + (await explorer.locator('.graphiql-doc-explorer-error').innerText()));
  }
  const allTypes = await explorer.evaluate((root) => {
    const title = [...root.querySelectorAll('.graphiql-doc-explorer-section-title')].find((t) => t.textContent.includes('All Schema Types'));
    return [...title.nextElementSibling.querySelectorAll('a.graphiql-doc-explorer-type-name')].map((a) => a.textContent);
  });
  await explorer.locator('.graphiql-doc-explorer-root-type:text-is("query") + a').click();
  await explorer.locator('a.graphiql-doc-explorer-field-name:text-is("contacts")').waitFor({ timeout: 10000 });
  const queryFields = await explorer.locator('a.graphiql-doc-explorer-field-name').allTextContents();

  // Run a query typed into the editor.
  const editor = page.locator('.graphiql-query-editor .CodeMirror');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('{ me { name } }');
  await page.click('.graphiql-execute-button');
  const answer = await page.waitForFunction(() => {
    const result = document.querySelector('.result-window .CodeMirror');
    return result && result.CodeMirror.getValue().includes('"data"') && result.CodeMirror.getValue();
  }, null, { timeout: 10000 });
  const result = JSON.parse(await answer.jsonValue());

  // Autocomplete knows the schema: typing "{ con" offers contacts.
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await page.keyboard.type('{ con');
  await page.locator('.CodeMirror-hints li').first().waitFor({ timeout: 10000 });
  const suggestions = await page.locator('.CodeMirror-hints li').allTextContents();
  await page.keyboard.press('Escape');

  // A subscription runs over the page's WebSocket: a contact created
  // meanwhile shows in the result pane.
  const frames = [];
  page.on('websocket', (ws) => {
    if (new URL(ws.url()).pathname !== '/graphql') return;
    ws.on('framesent', (frame) => frames.push(String(frame.payload)));
  });
  await page.evaluate(() => document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror
    .setValue('subscription { contactEvents(filter: {kinds: [CREATED]}) { topic kind } }'));
  // GraphiQL reads the operation's type from the editor after a short
  // debounce: run it earlier and it goes out as the previous document's type.
  await page.waitForTimeout(1000);
  await page.click('.graphiql-execute-button');
  for (let waited = 0; !frames.some((f) => f.includes('"subscribe"')); waited += 50) {
    if (waited > 10000) throw new Error('GraphiQL sent no subscription over a WebSocket to /graphql');
    await page.waitForTimeout(50);
  }
  let event = null;
  // The subscription is registered just after its message arrives: a contact
  // created before that would not be for it, so try again a few times.
  for (let attempt = 0; attempt < 10 && !event; attempt++) {
    await page.evaluate(async (n) => {
      const answer = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: `mutation($input: CreateContactInput!) { createContact(input: $input) { userErrors { message } } }`,
          variables: { input: { role: 'LEAD', email: `graphiql-${n}@example.com` } } }),
      });
      if (!answer.ok) throw new Error('createContact answered ' + answer.status);
    }, attempt);
    event = await page.waitForFunction(() => {
      const value = document.querySelector('.result-window .CodeMirror').CodeMirror.getValue();
      return value.includes('contact.lead.created') && value;
    }, null, { timeout: 1000 }).then((handle) => handle.jsonValue(), () => null);
  }
  return { allTypes, queryFields, result, suggestions, subscriptionEvent: event ? JSON.parse(event) : null };
}

// offline waits for the page's explanation of why GraphiQL did not start,
// and measures when it appeared; with --cdn late it then waits for GraphiQL.
async function offline(page) {
  const alert = page.locator('[role="alert"]');
  await alert.waitFor({ timeout: 10000 });
  const shownAfterMs = await page.evaluate(() => window.alertShownAfterMs);
  const message = await alert.innerText();
  const links = await alert.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  let startedLate = false;
  if (opt.cdn === 'late') {
    await page.waitForSelector('.graphiql-container', { timeout: 20000 });
    startedLate = true;
  }
  return { message, links, shownAfterMs, startedLate };
}
