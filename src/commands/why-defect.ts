import { motiveEmbed, motivesOverviewEmbed } from '../render/motive.ts';
import { motiveCardButton } from './card-buttons.ts';
import { listOrCardCommand } from './list-or-card.ts';

export const whyDefect = listOrCardCommand({
  command: {
    name: 'why-defect',
    ko: '망명-이유',
    description: 'Why diplomats defected: every motive, or one motive with its evidence',
    koDescription: '외교관들이 망명한 이유: 전체 동기 또는 한 동기와 그 근거',
  },
  option: {
    name: 'motive',
    ko: '동기',
    description: "A motive such as children's education, salary or the reign of terror",
    koDescription: '자녀 교육, 급여, 공포 정치 같은 동기',
  },
  kind: 'motive',
  miss: (t) => t.noMotive,
  list: motivesOverviewEmbed,
  card: motiveEmbed,
  button: motiveCardButton,
});
