import { strings } from '../render/i18n.ts';
import { notice } from '../render/message.ts';
import { personShortName } from '../render/names.ts';
import { defectionsMap, mappedDefections } from '../render/pictures.ts';
import { defineCommand, yearSpan, yearSpanOptions } from './command.ts';

/** Names listed under the map; the rest are counted. */
const namesShown = 40;

export const map = defineCommand({
  texts: {
    name: 'map',
    ko: '지도',
    description: 'Every defection on one world map, from the post to the destination',
    koDescription: '모든 망명을 한 장의 세계 지도에: 근무지에서 도착지까지',
  },
  options: [...yearSpanOptions],

  run(ctx, { options, lang }) {
    const t = strings(lang);
    const render = { knowledge: ctx.knowledge, lang };
    const { from, to } = yearSpan(options);
    const mapped = mappedDefections(render, { from, to });
    if (mapped.length === 0) return notice(t.noRoutes);
    const names = mapped.map(({ person }) => personShortName(lang, person));
    const listed = names.slice(0, namesShown).join(', ');
    const rest =
      names.length > namesShown ? ` ${t.moreRows.replace('{n}', String(names.length - namesShown))}` : '';
    const years =
      from !== undefined || to !== undefined ? ` (${t.years(String(from ?? ''), String(to ?? ''))})` : '';
    return {
      embeds: [
        { title: `${t.mapTitle}${years}`, description: `${t.mapPeople(mapped.length)}\n${listed}${rest}` },
      ],
      pictures: [defectionsMap(render, mapped, 0)],
    };
  },
});
