import { sql, type Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'

// Frozen in time: Kysely<any>. Welsh-language campaigns (docs/welsh.md): the campaign's Welsh-preference customers,
// the Welsh-language helpline, the Welsh versions of messages, lines and scripts, and requests for translation.
// docs/decisions/0110-welsh-versions-are-rows-of-their-own.md explains the tables.
export async function up(db: Kysely<any>, dialect: SqlDialect): Promise<void> {
  // How many of the campaign's customers asked HMRC to write to them in Welsh; their calls go to the Welsh line.
  await db.schema.alterTable('campaign').addColumn('welsh_customers', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  // 1 on the one helpline that takes calls in Welsh.
  await db.schema.alterTable('helpline').addColumn('welsh_line', 'integer', (c) => c.notNull().defaultTo(0)).execute()
  await db.schema
    .createIndex('helpline_one_welsh_line_idx')
    .on('helpline')
    .column('welsh_line')
    .unique()
    .where(sql<boolean>`welsh_line = 1`)
    .execute()

  // The Welsh version of one message, line or script (entity_type, entity_id): its text as JSON, the English version
  // it translates and that English text as it was then (source_json), so that staleness and the diff since the
  // translation are read from the row itself.
  await db.schema
    .createTable('translation')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('translates_version', 'integer', (c) => c.notNull())
    .addColumn('source_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('translated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('translation_pk', ['entity_type', 'entity_id', 'language'])
    .execute()
  await db.schema.createIndex('translation_campaign_idx').on('translation').column('campaign_id').execute()

  // A request to translate one message, line or script by a date. Fulfilled (deleted) when a translation of the
  // English as it is then is saved.
  await db.schema
    .createTable('translation_request')
    .addColumn('entity_type', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('needed_by', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('translation_request_pk', ['entity_type', 'entity_id', 'language'])
    .execute()
  await db.schema.createIndex('translation_request_campaign_idx').on('translation_request').columns(['campaign_id', 'needed_by']).execute()

  await contentTriggers(db, dialect)
  await calendarTriggers(db, dialect)
  await orphanTriggers(db, dialect)
}

/**
 * A Welsh version, or a request for one, goes with the English record it translates, whatever deletes that: so
 * "this campaign has Welsh content" can be read from the translation table alone.
 */
async function orphanTriggers(db: Kysely<any>, dialect: SqlDialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`
      create function otm_translation_orphaned() returns trigger language plpgsql as $$
      begin
        delete from translation where entity_type = TG_ARGV[0] and entity_id = OLD.id;
        delete from translation_request where entity_type = TG_ARGV[0] and entity_id = OLD.id;
        return null;
      end $$`.execute(db)
    await sql`create trigger otm_translation_message_deleted after delete on message
      for each row execute function otm_translation_orphaned('message')`.execute(db)
    await sql`create trigger otm_translation_line_deleted after delete on line_to_take
      for each row execute function otm_translation_orphaned('line')`.execute(db)
    await sql`create trigger otm_translation_script_deleted after delete on script
      for each row execute function otm_translation_orphaned('script')`.execute(db)
    return
  }
  await sql`create trigger otm_translation_message_deleted after delete on message
    begin delete from translation where entity_type = 'message' and entity_id = old.id;
      delete from translation_request where entity_type = 'message' and entity_id = old.id; end`.execute(db)
  await sql`create trigger otm_translation_line_deleted after delete on line_to_take
    begin delete from translation where entity_type = 'line' and entity_id = old.id;
      delete from translation_request where entity_type = 'line' and entity_id = old.id; end`.execute(db)
  await sql`create trigger otm_translation_script_deleted after delete on script
    begin delete from translation where entity_type = 'script' and entity_id = old.id;
      delete from translation_request where entity_type = 'script' and entity_id = old.id; end`.execute(db)
}

/**
 * Sign-off's safety net (migration 0060) for the new signed content: the Welsh versions, and the campaign's Welsh
 * share (signed by Customer Services with the forecast it changes).
 */
async function contentTriggers(db: Kysely<any>, dialect: SqlDialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`create trigger otm_content_translation after insert or update or delete on translation
      for each row execute function otm_campaign_content_changed()`.execute(db)
    await sql`create trigger otm_content_campaign_welsh after update of welsh_customers, population_size on campaign
      for each row execute function otm_campaign_content_changed()`.execute(db)
    return
  }
  await sql`create trigger otm_content_translation_insert after insert on translation
    begin update campaign_content set seq = seq + 1 where campaign_id = new.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_translation_update after update on translation
    begin update campaign_content set seq = seq + 1 where campaign_id in (new.campaign_id, old.campaign_id); end`.execute(db)
  await sql`create trigger otm_content_translation_delete after delete on translation
    begin update campaign_content set seq = seq + 1 where campaign_id = old.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_campaign_welsh after update of welsh_customers, population_size on campaign
    begin update campaign_content set seq = seq + 1 where campaign_id = new.id; end`.execute(db)
}

/**
 * The helpline calendar's stored arrivals (migration 0050) now also depend on the campaign's Welsh share and on which
 * helpline is the Welsh line: a change to either drops the arrivals it changes. (Every campaign and helpline change
 * already moves input_generation on, through 0050's triggers.)
 */
async function calendarTriggers(db: Kysely<any>, dialect: SqlDialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`
      create function otm_welsh_calendar_changed() returns trigger language plpgsql as $$
      begin
        if TG_TABLE_NAME = 'campaign' then
          delete from campaign_load where campaign_id = NEW.id;
        else
          delete from campaign_load where campaign_id in (select id from campaign where welsh_customers > 0);
        end if;
        return null;
      end $$`.execute(db)
    await sql`create trigger otm_calendar_campaign_welsh after update of welsh_customers, population_size on campaign
      for each row when (OLD.welsh_customers is distinct from NEW.welsh_customers or OLD.population_size is distinct from NEW.population_size)
      execute function otm_welsh_calendar_changed()`.execute(db)
    await sql`create trigger otm_calendar_helpline_welsh_update after update of welsh_line on helpline
      for each row when (OLD.welsh_line is distinct from NEW.welsh_line) execute function otm_welsh_calendar_changed()`.execute(db)
    await sql`create trigger otm_calendar_helpline_welsh_insert after insert on helpline
      for each row when (NEW.welsh_line = 1) execute function otm_welsh_calendar_changed()`.execute(db)
    await sql`create trigger otm_calendar_helpline_welsh_delete after delete on helpline
      for each row when (OLD.welsh_line = 1) execute function otm_welsh_calendar_changed()`.execute(db)
    return
  }
  await sql`create trigger otm_calendar_campaign_welsh after update of welsh_customers, population_size on campaign
    when old.welsh_customers is not new.welsh_customers or old.population_size is not new.population_size
    begin delete from campaign_load where campaign_id = new.id; end`.execute(db)
  await sql`create trigger otm_calendar_helpline_welsh_update after update of welsh_line on helpline
    when old.welsh_line is not new.welsh_line
    begin delete from campaign_load where campaign_id in (select id from campaign where welsh_customers > 0); end`.execute(db)
  await sql`create trigger otm_calendar_helpline_welsh_insert after insert on helpline when new.welsh_line = 1
    begin delete from campaign_load where campaign_id in (select id from campaign where welsh_customers > 0); end`.execute(db)
  await sql`create trigger otm_calendar_helpline_welsh_delete after delete on helpline when old.welsh_line = 1
    begin delete from campaign_load where campaign_id in (select id from campaign where welsh_customers > 0); end`.execute(db)
}
