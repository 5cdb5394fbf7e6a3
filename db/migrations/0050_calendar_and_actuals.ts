import { sql, type Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'

// Frozen in time: Kysely<any>. The helpline calendar's stored arrivals and the actual calls of launched
// campaigns. docs/decisions/0050-stored-arrivals-kept-current-by-triggers.md explains the first.
export async function up(db: Kysely<any>, dialect: SqlDialect): Promise<void> {
  // One row per campaign whose stored arrivals are current. The triggers below delete it whenever anything the
  // arrivals are computed from changes, by whatever path; until it is written again, the arrivals are not used.
  await db.schema
    .createTable('campaign_load')
    .addColumn('campaign_id', 'text', (c) => c.primaryKey().references('campaign.id'))
    // The arrivals maths (its version and constants): a release that changes it makes every row out of date.
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('computed_at', 'text', (c) => c.notNull())
    .execute()

  // A campaign's calls arriving at one helpline, day by day from first_date, before any roll-forward off closed
  // days. The series is always read whole, so it is one JSON text ({"low":[…],"central":[…],"high":[…]}).
  await db.schema
    .createTable('campaign_helpline_load')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('helpline_id', 'text', (c) => c.notNull().references('helpline.id'))
    .addColumn('first_date', 'text', (c) => c.notNull())
    .addColumn('last_date', 'text', (c) => c.notNull())
    .addColumn('daily_calls_json', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('campaign_helpline_load_pk', ['campaign_id', 'helpline_id'])
    .execute()
  await db.schema.createIndex('campaign_helpline_load_helpline_idx').on('campaign_helpline_load').columns(['helpline_id', 'last_date']).execute()

  // Calls a launched campaign actually received, per day and helpline. Recording a day again replaces it.
  await db.schema
    .createTable('actual_calls')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaign.id'))
    .addColumn('helpline_id', 'text', (c) => c.notNull().references('helpline.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('calls', 'integer', (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('actual_calls_pk', ['campaign_id', 'helpline_id', 'date'])
    .execute()

  // A counter of changes to anything a calendar is computed from, so that a calendar already computed can be used
  // again only while the counter has not moved (the app's memo is keyed by it).
  await db.schema
    .createTable('input_generation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute()
  await db.insertInto('input_generation').values({ id: 1, n: 0 }).execute()
  await inputTriggers(db, dialect)
}

/** Row triggers: a campaign's change drops its campaign_load row; every change moves the generation on. */
async function inputTriggers(db: Kysely<any>, dialect: SqlDialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`
      create function otm_calendar_input_changed() returns trigger language plpgsql as $$
      declare changed text;
      begin
        update input_generation set n = n + 1 where id = 1;
        if TG_TABLE_NAME = 'helpline' then
          return null;
        elsif TG_TABLE_NAME = 'bank_holiday_file' then
          delete from campaign_load;
          return null;
        elsif TG_TABLE_NAME = 'campaign' then
          if OLD.nation is distinct from NEW.nation then delete from campaign_load where campaign_id = NEW.id; end if;
          return null;
        elsif TG_TABLE_NAME = 'wave' then
          if TG_OP = 'DELETE' then select campaign_id into changed from message where id = OLD.message_id;
          else select campaign_id into changed from message where id = NEW.message_id; end if;
        elsif TG_OP = 'DELETE' then
          changed := OLD.campaign_id;
        else
          changed := NEW.campaign_id;
        end if;
        delete from campaign_load where campaign_id = changed;
        if TG_OP = 'UPDATE' and TG_TABLE_NAME <> 'wave' then delete from campaign_load where campaign_id = OLD.campaign_id; end if;
        return null;
      end $$`.execute(db)
    // Written out in full (no SQL assembled from strings), one statement per trigger.
    await sql`create trigger otm_calendar_message after insert or update or delete on message
      for each row execute function otm_calendar_input_changed()`.execute(db)
    await sql`create trigger otm_calendar_wave after insert or update or delete on wave
      for each row execute function otm_calendar_input_changed()`.execute(db)
    await sql`create trigger otm_calendar_forecast_input after insert or update or delete on forecast_input
      for each row execute function otm_calendar_input_changed()`.execute(db)
    await sql`create trigger otm_calendar_forecast_message after insert or update or delete on forecast_message
      for each row execute function otm_calendar_input_changed()`.execute(db)
    await sql`create trigger otm_calendar_forecast_split after insert or update or delete on forecast_split
      for each row execute function otm_calendar_input_changed()`.execute(db)
    await sql`create trigger otm_calendar_helpline after insert or update or delete on helpline
      for each row execute function otm_calendar_input_changed()`.execute(db)
    await sql`create trigger otm_calendar_campaign after update on campaign
      for each row execute function otm_calendar_input_changed()`.execute(db)
    await sql`create trigger otm_calendar_bank_holiday_file after update of applied_seq on bank_holiday_file
      for each row execute function otm_calendar_input_changed()`.execute(db)
    return
  }
  await sql`create trigger otm_calendar_message_insert after insert on message
    begin delete from campaign_load where campaign_id = new.campaign_id; update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_message_update after update on message
    begin delete from campaign_load where campaign_id = new.campaign_id; delete from campaign_load where campaign_id = old.campaign_id; update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_message_delete after delete on message
    begin delete from campaign_load where campaign_id = old.campaign_id; update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_wave_insert after insert on wave
    begin delete from campaign_load where campaign_id = (select campaign_id from message where id = new.message_id); update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_wave_update after update on wave
    begin delete from campaign_load where campaign_id = (select campaign_id from message where id = new.message_id); delete from campaign_load where campaign_id = (select campaign_id from message where id = old.message_id); update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_wave_delete after delete on wave
    begin delete from campaign_load where campaign_id = (select campaign_id from message where id = old.message_id); update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_forecast_input_insert after insert on forecast_input
    begin delete from campaign_load where campaign_id = new.campaign_id; update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_forecast_input_update after update on forecast_input
    begin delete from campaign_load where campaign_id = new.campaign_id; delete from campaign_load where campaign_id = old.campaign_id; update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_forecast_input_delete after delete on forecast_input
    begin delete from campaign_load where campaign_id = old.campaign_id; update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_forecast_message_insert after insert on forecast_message
    begin delete from campaign_load where campaign_id = new.campaign_id; update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_forecast_message_update after update on forecast_message
    begin delete from campaign_load where campaign_id = new.campaign_id; delete from campaign_load where campaign_id = old.campaign_id; update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_forecast_message_delete after delete on forecast_message
    begin delete from campaign_load where campaign_id = old.campaign_id; update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_forecast_split_insert after insert on forecast_split
    begin delete from campaign_load where campaign_id = new.campaign_id; update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_forecast_split_update after update on forecast_split
    begin delete from campaign_load where campaign_id = new.campaign_id; delete from campaign_load where campaign_id = old.campaign_id; update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_forecast_split_delete after delete on forecast_split
    begin delete from campaign_load where campaign_id = old.campaign_id; update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_campaign_update after update on campaign
    begin delete from campaign_load where campaign_id = new.id and old.nation is not new.nation; update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_helpline_insert after insert on helpline begin update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_helpline_update after update on helpline begin update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_helpline_delete after delete on helpline begin update input_generation set n = n + 1 where id = 1; end`.execute(db)
  await sql`create trigger otm_calendar_bank_holiday_file after update of applied_seq on bank_holiday_file
    begin delete from campaign_load; update input_generation set n = n + 1 where id = 1; end`.execute(db)
}
