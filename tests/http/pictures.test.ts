import { InteractionResponseType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { createBotHttpServer } from '../../src/transports/http/endpoint.ts';
import type { InteractionsServer } from '../../src/transports/http/server.ts';
import { interactionRest } from '../../src/transports/rest.ts';
import { answer, ctx } from '../context.ts';
import { chatInput, type FakeDiscord, startFakeDiscord } from '../fake-discord/index.ts';
import { pngHeader } from '../pictures/png.ts';
import { generateTestKeys, postSigned } from './client.ts';

/**
 * The HTTP endpoint cannot put files in its HTTP answer (Discord takes none there), so a reply with
 * a picture is deferred and then sent as an edit of the original response through the webhook:
 * here against the fake Discord, which plays Discord's part of posting the interaction.
 */

const keys = generateTestKeys();
let fake: FakeDiscord;
let app: InteractionsServer;
let port: number;

beforeAll(async () => {
  fake = await startFakeDiscord();
  app = createBotHttpServer(
    ctx,
    keys.publicKeyHex,
    createLogger('silent'),
    interactionRest(fake.apiUrl, createLogger('silent')),
  );
  ({ port } = await app.listen(0, '127.0.0.1'));
});

afterAll(async () => {
  await app?.drain(1000);
  await fake?.close();
});

describe('pictures over the HTTP endpoint', () => {
  it('defers, then edits @original with the message and the PNG as multipart', async () => {
    const { payload, status, response } = await fake.deliverOverHttp(
      chatInput('timeline', { person: 'thae yong ho' }),
      (interaction) => postSigned(port, keys, interaction),
    );
    expect(status).toBe(200);
    expect(response).toEqual({ type: InteractionResponseType.DeferredChannelMessageWithSource });
    const edit = await fake.waitForRequest(
      (r) =>
        r.method === 'PATCH' &&
        r.path.endsWith(`/webhooks/${fake.applicationId}/${payload.token}/messages/@original`),
    );
    expect(edit.status).toBe(200);
    expect(edit.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(edit.files.map((file) => file.filename)).toEqual(['timeline.png']);
    expect(pngHeader(edit.files[0]?.data as Buffer).width).toBe(900);
    // The edit carries exactly the message the core built for this interaction.
    expect(edit.body).toEqual((answer(payload) as { data: unknown }).data);
  });

  it('retries the edit through a 500 and a cut connection, and sends it once', async () => {
    // The token is made when the interaction is delivered; this file's tests run one at a time.
    const webhooks = `/webhooks/${fake.applicationId}/`;
    fake.faults.restStatus(500, 1, { pathPrefix: webhooks });
    fake.faults.restDrop(1, { pathPrefix: webhooks });
    const { status, payload } = await fake.deliverOverHttp(chatInput('map', { from: 2000 }), (interaction) =>
      postSigned(port, keys, interaction),
    );
    expect(status).toBe(200);
    const edit = `${webhooks}${payload.token}/messages/@original`;
    const delivered = await fake.waitForRequest(
      (r) => r.method === 'PATCH' && r.path === edit && r.status === 200,
    );
    expect(delivered.files.map((file) => file.filename)).toEqual(['map.png']);
    expect(fake.requests.filter((r) => r.path === edit).map((r) => r.status)).toEqual([500, 0, 200]);
  });

  it('answers a reply without pictures directly, as before', async () => {
    const { status, response, payload } = await fake.deliverOverHttp(chatInput('about'), (interaction) =>
      postSigned(port, keys, interaction),
    );
    expect(status).toBe(200);
    expect(response).toEqual(answer(payload));
  });
});
