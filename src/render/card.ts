import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Knowledge } from '../knowledge/knowledge.ts';
import type { DateFact, Source, TextFact } from '../knowledge/schema.ts';
import { formatDate, type Lang, local, type Strings, strings } from './i18n.ts';
import { embedTextLength, limits, shrinkEmbed } from './limits.ts';

/** What every renderer needs: the data, and the reader's language. */
export interface RenderContext {
  readonly knowledge: Knowledge;
  readonly lang: Lang;
}

type Claim = Pick<TextFact | DateFact, 'value' | 'sources' | 'confidence' | 'note'>;

function sourceLine(number: number, source: Source | undefined, id: string, lang: Lang, t: Strings): string {
  if (!source) return `[${number}] ${id}`;
  const date = source.date ? ` (${source.date})` : '';
  // A published title stays as published; a supplied one is ours, in the reader's language.
  const title = typeof source.title === 'string' ? source.title : local(lang, source.title);
  // Parentheses would end the markdown link early.
  const link = source.url ? ` — [${t.link}](${source.url.replace(/\(/g, '%28').replace(/\)/g, '%29')})` : '';
  return `[${number}] ${source.publisher}: ${title}${date}${link}`;
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

  /** A claim's value in the reader's language: a text, or a date written as they write dates. */
  private value(value: Claim['value']): string {
    const { lang } = this.render;
    return typeof value === 'string' ? formatDate(lang, value) : local(lang, value);
  }

  private claim(claim: Claim): string {
    const reported = claim.confidence === 'reported' ? ` (${this.t.reported})` : '';
    const note = claim.note ? ` — ${local(this.render.lang, claim.note)}` : '';
    return `${this.value(claim.value)}${reported}${this.refs(claim.sources)}${note}`;
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

  /** A field of lines; more lines than one field holds continue in `name (2)`, and so on. */
  field(name: string, lines: string | readonly string[], inline = false): this {
    const list = (typeof lines === 'string' ? [lines] : lines).filter((line) => line.trim() !== '');
    for (const field of this.splitFields(name, list)) this.fields.push({ ...field, inline });
    return this;
  }

  /**
   * Lines split over as many fields named `name`, `name (2)`, ... as they need, so no line is cut
   * mid-way unless even one field could not hold it.
   */
  private splitFields(name: string, lines: readonly string[]): APIEmbedField[] {
    const values: string[] = [];
    for (const line of lines) {
      const last = values[values.length - 1];
      if (last !== undefined && last.length + 1 + line.length <= limits.fieldValue) {
        values[values.length - 1] = `${last}\n${line}`;
      } else values.push(line);
    }
    return values.map((value, index) => ({ name: index === 0 ? name : `${name} (${index + 1})`, value }));
  }

  build(head: { title: string; description?: string; footer?: string }): APIEmbed {
    const sources = this.splitFields(
      this.t.sources,
      this.cited.map((id, index) =>
        sourceLine(index + 1, this.render.knowledge.byId.sources.get(id), id, this.render.lang, this.t),
      ),
    );
    const embed: APIEmbed = {
      title: head.title,
      fields: [...this.fields, ...this.splitFields(`⚠ ${this.t.sourcesDiffer}`, this.disputes), ...sources],
    };
    if (head.description) embed.description = head.description;
    if (head.footer) embed.footer = { text: head.footer };
    // A record too long for one message is shortened here, where the sources are known: they and
    // the headings stay whole, the facts are cut in proportion.
    const excess = embedTextLength(embed) - limits.embedTotal;
    return excess > 0 ? shrinkEmbed(embed, excess, (field) => sources.includes(field)) : embed;
  }
}
