// twilio-node, unchanged, against the emulator: Video's participants and a v2010 Message
// described in messages.toml. Requests go to the emulator's base URL (argv[2]) instead of
// Twilio's hosts; everything else is the library's own.
const assert = require('node:assert/strict');
const twilio = require('twilio');

const base = new URL(process.argv[2]);

class ToEmulator extends twilio.RequestClient {
  request(options) {
    const url = new URL(options.uri);
    url.protocol = base.protocol;
    url.host = base.host;
    return super.request({ ...options, uri: url.toString() });
  }
}

const check = (label, got, want) => {
  assert.deepEqual(got, want, `node: ${label}`);
  console.log(`node: ${label}: ok`);
};

const client = twilio('ACfacefacefacefacefacefacefaceface', 'c0ffeec0ffeec0ffeec0ffeec0ffee00', {
  httpClient: new ToEmulator(),
});

(async () => {
  const room = client.video.v1.rooms('DailyStandup');
  check('participant by identity', (await room.participants('Alice').fetch()).status, 'connected');
  const everyone = await room.participants.list({ pageSize: 3 });
  check('participants over three pages', everyone.map((p) => p.identity),
    ['Alice', 'Bob', 'Carol', 'Dave', 'Erin', 'Frank', 'Grace']);
  for (let i = 0; i < 5; i++) {
    await client.messages.create({ to: '+15558675310', from: '+15017122661', body: `#${i}` });
  }
  const messages = await client.messages.list({ pageSize: 2 });
  check('messages over three pages', messages.map((m) => m.body), ['#0', '#1', '#2', '#3', '#4']);
  check('an RFC 2822 date read', messages[0].dateCreated instanceof Date && !isNaN(messages[0].dateCreated), true);
  await assert.rejects(client.messages('SM0').fetch(), (e) => e.status === 404 && e.code === 20404);
  console.log('node: unknown message: ok');
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
