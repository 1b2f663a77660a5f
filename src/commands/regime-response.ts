import { responseEmbed, responsesListEmbed } from '../render/response.ts';
import { responseCardButton } from './card-buttons.ts';
import { listOrCardCommand } from './list-or-card.ts';

export const regimeResponse = listOrCardCommand({
  command: {
    name: 'regime-response',
    ko: '북한-대응',
    description: 'How the North Korean regime answered defections: the list, or one response',
    koDescription: '망명에 대한 북한 정권의 대응: 전체 목록 또는 한 가지 대응',
  },
  option: {
    name: 'query',
    ko: '검색어',
    description: 'A response, a person or an event, e.g. Thae Yong-ho or surveillance',
    koDescription: '대응, 인물 또는 사건 (예: 태영호, 감시)',
  },
  kind: 'response',
  miss: (t) => t.noResponse,
  list: responsesListEmbed,
  card: responseEmbed,
  button: responseCardButton,
});
