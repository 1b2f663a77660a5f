import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { DateFact, Source, TextFact } from '../knowledge/schema.ts';
import type { Lang, Strings } from './i18n.ts';
import { strings } from './i18n.ts';
import { limits } from './limits.ts';

/** What every renderer needs: the data, and the reader's language. */
export interface RenderContext {
  readonly knowledge: Knowledge;
  readonly lang: Lang;
}

type Claim = Pick<TextFact | DateFact, 'value' | 'sources' | 'confidence' | 'note'>;

function sourceLine(number: number, source: Source | undefined, id: string, t: Strings): string {
  if (!source) return `[${number}] ${id}`;
  const date = source.date ? ` (${source.date})` : '';
  // Parentheses would end the markdown link early.
  const link = source.url ? ` — [${t.link}](${source.url.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : '';
  return `[${number}] ${source.publisher}: ${source.title}${date}${link}`;
}

/**
 * One embed for one record. Facts are written through it so that each claim carries numbered
 * references to its sources, disputed facts are gathered under "Sources differ", and the
 * "Sources" field lists exactly the sources the card cites.
 */
export class Card {
  readonly t: Strings;
  private readonly fields: APIEmbedField[] = [];
  private readonly disputes: string[] = [];
  private readonly cited: string[] = [];

  constructor(private readonly render: RenderContext) {
    this.t = strings(render.lang);
  }

  /** ` [1, 2]`: numbers assigned in the order the card first cites each source. */
  refs(ids: readonly string[]): string {
    const numbers = ids.map((id) => {
      let index = this.cited.indexOf(id);
      if (index < 0) index = this.cited.push(id) - 1;
      return index + 1;
    });
    return numbers.length === 0 ? '' : ` [${[...new Set(numbers)].join(', ')}]`;
  }

  private claim(claim: Claim): string {
    const reported = claim.confidence === 'reported' ? ` (${this.t.reported})` : '';
    const note = claim.note ? ` — ${claim.note}` : '';
    return `${claim.value}${reported}${this.refs(claim.sources)}${note}`;
  }

  /** A fact as one line; when sources differ, every claim is also listed under "Sources differ". */
  fact(fact: TextFact | DateFact, label: string): string {
    const line = this.claim({ ...fact, note: undefined });
    if (fact.differs) {
      const claims = [fact, ...fact.differs].map((claim) => `• ${this.claim(claim)}`);
      this.disputes.push([`**${label}**`, ...claims].join('\n'));
      return `${line} ⚠`;
    }
    return line;
  }

  field(name: string, lines: string | readonly string[], inline = false): this {
    const value = typeof lines === 'string' ? lines : lines.join('\n');
    if (value.trim() !== '') this.fields.push({ name, value, inline });
    return this;
  }

  /**
   * Sources split over as many fields as the lines need, so no source is cut mid-way unless
   * even one field could not hold it.
   */
  private sourceFields(): APIEmbedField[] {
    const lines = this.cited.map((id, index) =>
      sourceLine(index + 1, this.render.knowledge.byId.sources.get(id), id, this.t),
    );
    const values: string[] = [];
    for (const line of lines) {
      const last = values[values.length - 1];
      if (last !== undefined && last.length + 1 + line.length <= limits.fieldValue) {
        values[values.length - 1] = `${last}\n${line}`;
      } else values.push(line);
    }
    return values.map((value, index) => ({
      name: index === 0 ? this.t.sources : `${this.t.sources} (${index + 1})`,
      value,
    }));
  }

  build(head: { title: string; description?: string; footer?: string }): APIEmbed {
    const disputes: APIEmbedField[] = this.disputes.length
      ? [{ name: `⚠ ${this.t.sourcesDiffer}`, value: this.disputes.join('\n') }]
      : [];
    const embed: APIEmbed = {
      title: head.title,
      fields: [...this.fields, ...disputes, ...this.sourceFields()],
    };
    if (head.description) embed.description = head.description;
    if (head.footer) embed.footer = { text: head.footer };
    return embed;
  }
}
