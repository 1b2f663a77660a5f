import {
  type APIApplicationCommandAutocompleteResponse,
  type APIInteractionResponseChannelMessageWithSource,
  InteractionResponseType,
} from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { createBotHttpServer, healthReport } from '../../src/transports/http/endpoint.ts';
import type { InteractionsServer } from '../../src/transports/http/server.ts';
import { interactionRest } from '../../src/transports/rest.ts';
import { version } from '../../src/version.ts';
import { answer, ctx as context } from '../context.ts';
import { slash, typing } from '../interactions/build.ts';
import { call, generateTestKeys, postSigned } from './client.ts';

/** The endpoint wired to the real core and the real data in data/. */

const keys = generateTestKeys();
let app: InteractionsServer;
let port: number;

beforeAll(async () => {
  // Replies here carry no pictures, so the endpoint never edits through the webhook: its REST client
  // points at a closed local port, never at discord.com.
  app = createBotHttpServer(
    context,
    keys.publicKeyHex,
    createLogger('silent'),
    interactionRest('http://127.0.0.1:9/api', createLogger('silent')),
  );
  ({ port } = await app.listen(0, '127.0.0.1'));
});

afterAll(async () => {
  await app?.drain(1000);
});

function person(index: number) {
  const people = context.knowledge.people;
  const found = people[index % people.length];
  if (!found) throw new Error('data/people.json has no one in it');
  return found;
}

describe('the endpoint answers with the core', () => {
  // /search shows a person's card without the route map that /defector attaches (pictures go
  // through a deferral and a webhook edit; see pictures.test.ts).
  it('returns the person card for /search', async () => {
    const someone = person(0);
    const interaction = slash('search', { query: `person:${someone.id}` });
    const reply = await postSigned(port, keys, interaction);

    expect(reply.status).toBe(200);
    const body = JSON.parse(reply.text) as APIInteractionResponseChannelMessageWithSource;
    expect(body).toEqual(answer(interaction));
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data.embeds?.[0]?.title).toContain(someone.name);
    expect(body.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('returns the Korean card for a Korean client', async () => {
    const someone = person(1);
    const interaction = slash('search', { query: `person:${someone.id}` }, 'ko');
    const body = JSON.parse((await postSigned(port, keys, interaction)).text);
    expect(body).toEqual(answer(interaction));
    expect(body.data.embeds[0].title).toContain(someone.hangul);
  });

  it('returns autocomplete choices while the name is being typed', async () => {
    const someone = person(0);
    const typed = someone.name.slice(0, 4);
    const interaction = typing('defector', { name: typed }, 'name');
    const body = JSON.parse(
      (await postSigned(port, keys, interaction)).text,
    ) as APIApplicationCommandAutocompleteResponse;
    expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(body.data.choices?.map((choice) => choice.value)).toContain(someone.id);
  });

  it('answers 200 concurrent commands, each with its own card', async () => {
    const interactions = Array.from({ length: 200 }, (_, i) =>
      i % 2 === 0
        ? slash('search', { query: `person:${person(i).id}` })
        : typing('defector', { name: person(i).name.slice(0, 3) }, 'name'),
    );
    const replies = await Promise.all(interactions.map((interaction) => postSigned(port, keys, interaction)));
    replies.forEach((reply, i) => {
      expect(reply.status).toBe(200);
      expect(JSON.parse(reply.text)).toEqual(answer(interactions[i] as (typeof interactions)[number]));
    });
  });

  it('reports the version and the data counts on /healthz', async () => {
    const reply = await call({ port, method: 'GET', path: '/healthz' });
    expect(reply.status).toBe(200);
    const health = JSON.parse(reply.text);
    expect(health).toEqual(healthReport(context));
    expect(health).toMatchObject({ status: 'ok', version });
    expect(health.counts.people).toBe(context.knowledge.people.length);
    expect(health.counts.people).toBeGreaterThan(0);
  });
});
