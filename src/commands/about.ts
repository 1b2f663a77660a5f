import { strings } from '../render/i18n.ts';
import { defineCommand } from './command.ts';

export const about = defineCommand({
  texts: {
    name: 'about',
    ko: '정보',
    description: 'What this bot covers, its sources, and what "Sources differ" means',
    koDescription: '이 봇이 다루는 내용, 출처, "출처마다 다름"의 뜻',
  },
  options: [],

  run(ctx, { lang }) {
    const t = strings(lang);
    const { knowledge } = ctx;
    const perPublisher = new Map<string, number>();
    for (const source of knowledge.sources) {
      perPublisher.set(source.publisher, (perPublisher.get(source.publisher) ?? 0) + 1);
    }
    const publishers = [...perPublisher]
      .sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b))
      .map(([publisher, count]) => (count > 1 ? `${publisher} (${count})` : publisher))
      .join(', ');
    return {
      embeds: [
        {
          title: t.aboutTitle,
          description: t.aboutDescription,
          fields: [
            {
              name: t.counts,
              value: t.countLine(
                knowledge.people.length,
                knowledge.motives.length,
                knowledge.responses.length,
                knowledge.events.length,
                knowledge.sources.length,
              ),
            },
            { name: t.publishers, value: publishers || '—' },
            { name: t.sourcesDiffer, value: t.sourcesDifferMeaning },
            { name: t.version, value: ctx.version, inline: true },
          ],
          footer: { text: `defectors-bot ${ctx.version}` },
        },
      ],
    };
  },
});
