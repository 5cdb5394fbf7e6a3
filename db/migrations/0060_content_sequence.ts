import { sql, type Kysely } from 'kysely'
import type { SqlDialect } from '../dialect'

// Frozen in time: Kysely<any>. The safety net under sign-off (docs/decisions/0060-one-content-write-path.md): every
// change to a signed table, by whatever path, moves its campaign's content sequence on. The cached sign-off state
// (campaign_scope and the campaign's status) records the sequence it was computed at, so a change that skipped the
// content-write gateway is noticed and recomputed at the next read, and launch recomputes it regardless.
export async function up(db: Kysely<any>, dialect: SqlDialect): Promise<void> {
  await db.schema
    .createTable('campaign_content')
    .addColumn('campaign_id', 'text', (c) => c.primaryKey().references('campaign.id'))
    // Moved on by the triggers below, inside the transaction of the change.
    .addColumn('seq', 'integer', (c) => c.notNull())
    // The seq the cached sign-off state was computed at; behind seq means out of date.
    .addColumn('synced_seq', 'integer', (c) => c.notNull())
    .execute()
  // Only the campaigns whose cached state is behind: finding them stays cheap however many campaigns there are.
  await db.schema
    .createIndex('campaign_content_behind_idx')
    .on('campaign_content')
    .column('campaign_id')
    .where(sql<boolean>`seq <> synced_seq`)
    .execute()
  // The cached state of each group, and the decision it was worked out from: a change of state for the same decision
  // (gone out of date, current again) is what the audit trail records.
  await db.schema.alterTable('campaign_scope').addColumn('state', 'text').execute()
  await db.schema.alterTable('campaign_scope').addColumn('decision_id', 'text').execute()
  // Existing campaigns start level: every write so far brought their sign-off up to date in its own transaction.
  await sql`insert into campaign_content (campaign_id, seq, synced_seq) select id, 0, 0 from campaign`.execute(db)
  await contentTriggers(db, dialect)
}

/**
 * One trigger per signed table and operation. What moves the sequence: anything a sign-off scope is built from, the
 * decisions and the request themselves, and the co-owners (an approver who becomes a co-owner no longer counts).
 */
async function contentTriggers(db: Kysely<any>, dialect: SqlDialect): Promise<void> {
  if (dialect === 'postgres') {
    await sql`
      create function otm_campaign_content_changed() returns trigger language plpgsql as $$
      declare changed text;
      begin
        if TG_TABLE_NAME = 'campaign' then
          changed := NEW.id;
        elsif TG_TABLE_NAME = 'wave' then
          if TG_OP = 'DELETE' then select campaign_id into changed from message where id = OLD.message_id;
          else select campaign_id into changed from message where id = NEW.message_id; end if;
        elsif TG_OP = 'DELETE' then
          changed := OLD.campaign_id;
        else
          changed := NEW.campaign_id;
        end if;
        if changed is not null then
          insert into campaign_content (campaign_id, seq, synced_seq) values (changed, 1, 0)
            on conflict (campaign_id) do update set seq = campaign_content.seq + 1;
        end if;
        return null;
      end $$`.execute(db)
    // Written out in full (no SQL assembled from strings), one statement per trigger.
    await sql`create trigger otm_content_campaign_insert after insert on campaign
      for each row execute function otm_campaign_content_changed()`.execute(db)
    await sql`create trigger otm_content_campaign_update after update of planned_launch_date, nation, extra_liability,
      liability_customers, liability_average_pence, press_inform, owner_id on campaign
      for each row execute function otm_campaign_content_changed()`.execute(db)
    await sql`create trigger otm_content_co_owner after insert or update or delete on campaign_co_owner
      for each row execute function otm_campaign_content_changed()`.execute(db)
    await sql`create trigger otm_content_message after insert or update or delete on message
      for each row execute function otm_campaign_content_changed()`.execute(db)
    await sql`create trigger otm_content_wave after insert or update or delete on wave
      for each row execute function otm_campaign_content_changed()`.execute(db)
    await sql`create trigger otm_content_forecast_input after insert or update or delete on forecast_input
      for each row execute function otm_campaign_content_changed()`.execute(db)
    await sql`create trigger otm_content_forecast_message after insert or update or delete on forecast_message
      for each row execute function otm_campaign_content_changed()`.execute(db)
    await sql`create trigger otm_content_forecast_split after insert or update or delete on forecast_split
      for each row execute function otm_campaign_content_changed()`.execute(db)
    await sql`create trigger otm_content_line after insert or update or delete on line_to_take
      for each row execute function otm_campaign_content_changed()`.execute(db)
    await sql`create trigger otm_content_script after insert or update or delete on script
      for each row execute function otm_campaign_content_changed()`.execute(db)
    await sql`create trigger otm_content_debt_treatment after insert or update or delete on debt_treatment
      for each row execute function otm_campaign_content_changed()`.execute(db)
    await sql`create trigger otm_content_press_briefing after insert or update or delete on press_briefing
      for each row execute function otm_campaign_content_changed()`.execute(db)
    await sql`create trigger otm_content_sign_off_request after insert or update or delete on sign_off_request
      for each row execute function otm_campaign_content_changed()`.execute(db)
    await sql`create trigger otm_content_sign_off_decision after insert on sign_off_decision
      for each row execute function otm_campaign_content_changed()`.execute(db)
    return
  }
  await sql`create trigger otm_content_campaign_insert after insert on campaign
    begin insert into campaign_content (campaign_id, seq, synced_seq) values (new.id, 1, 0)
      on conflict (campaign_id) do update set seq = seq + 1; end`.execute(db)
  await sql`create trigger otm_content_campaign_update after update of planned_launch_date, nation, extra_liability,
    liability_customers, liability_average_pence, press_inform, owner_id on campaign
    begin update campaign_content set seq = seq + 1 where campaign_id = new.id; end`.execute(db)
  await sql`create trigger otm_content_co_owner_insert after insert on campaign_co_owner
    begin update campaign_content set seq = seq + 1 where campaign_id = new.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_co_owner_update after update on campaign_co_owner
    begin update campaign_content set seq = seq + 1 where campaign_id in (new.campaign_id, old.campaign_id); end`.execute(db)
  await sql`create trigger otm_content_co_owner_delete after delete on campaign_co_owner
    begin update campaign_content set seq = seq + 1 where campaign_id = old.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_message_insert after insert on message
    begin update campaign_content set seq = seq + 1 where campaign_id = new.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_message_update after update on message
    begin update campaign_content set seq = seq + 1 where campaign_id in (new.campaign_id, old.campaign_id); end`.execute(db)
  await sql`create trigger otm_content_message_delete after delete on message
    begin update campaign_content set seq = seq + 1 where campaign_id = old.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_wave_insert after insert on wave
    begin update campaign_content set seq = seq + 1 where campaign_id = (select campaign_id from message where id = new.message_id); end`.execute(db)
  await sql`create trigger otm_content_wave_update after update on wave
    begin update campaign_content set seq = seq + 1 where campaign_id in
      ((select campaign_id from message where id = new.message_id), (select campaign_id from message where id = old.message_id)); end`.execute(db)
  await sql`create trigger otm_content_wave_delete after delete on wave
    begin update campaign_content set seq = seq + 1 where campaign_id = (select campaign_id from message where id = old.message_id); end`.execute(db)
  await sql`create trigger otm_content_forecast_input_insert after insert on forecast_input
    begin update campaign_content set seq = seq + 1 where campaign_id = new.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_forecast_input_update after update on forecast_input
    begin update campaign_content set seq = seq + 1 where campaign_id in (new.campaign_id, old.campaign_id); end`.execute(db)
  await sql`create trigger otm_content_forecast_input_delete after delete on forecast_input
    begin update campaign_content set seq = seq + 1 where campaign_id = old.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_forecast_message_insert after insert on forecast_message
    begin update campaign_content set seq = seq + 1 where campaign_id = new.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_forecast_message_update after update on forecast_message
    begin update campaign_content set seq = seq + 1 where campaign_id in (new.campaign_id, old.campaign_id); end`.execute(db)
  await sql`create trigger otm_content_forecast_message_delete after delete on forecast_message
    begin update campaign_content set seq = seq + 1 where campaign_id = old.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_forecast_split_insert after insert on forecast_split
    begin update campaign_content set seq = seq + 1 where campaign_id = new.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_forecast_split_update after update on forecast_split
    begin update campaign_content set seq = seq + 1 where campaign_id in (new.campaign_id, old.campaign_id); end`.execute(db)
  await sql`create trigger otm_content_forecast_split_delete after delete on forecast_split
    begin update campaign_content set seq = seq + 1 where campaign_id = old.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_line_insert after insert on line_to_take
    begin update campaign_content set seq = seq + 1 where campaign_id = new.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_line_update after update on line_to_take
    begin update campaign_content set seq = seq + 1 where campaign_id in (new.campaign_id, old.campaign_id); end`.execute(db)
  await sql`create trigger otm_content_line_delete after delete on line_to_take
    begin update campaign_content set seq = seq + 1 where campaign_id = old.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_script_insert after insert on script
    begin update campaign_content set seq = seq + 1 where campaign_id = new.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_script_update after update on script
    begin update campaign_content set seq = seq + 1 where campaign_id in (new.campaign_id, old.campaign_id); end`.execute(db)
  await sql`create trigger otm_content_script_delete after delete on script
    begin update campaign_content set seq = seq + 1 where campaign_id = old.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_debt_treatment_insert after insert on debt_treatment
    begin update campaign_content set seq = seq + 1 where campaign_id = new.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_debt_treatment_update after update on debt_treatment
    begin update campaign_content set seq = seq + 1 where campaign_id in (new.campaign_id, old.campaign_id); end`.execute(db)
  await sql`create trigger otm_content_debt_treatment_delete after delete on debt_treatment
    begin update campaign_content set seq = seq + 1 where campaign_id = old.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_press_briefing_insert after insert on press_briefing
    begin update campaign_content set seq = seq + 1 where campaign_id = new.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_press_briefing_update after update on press_briefing
    begin update campaign_content set seq = seq + 1 where campaign_id in (new.campaign_id, old.campaign_id); end`.execute(db)
  await sql`create trigger otm_content_press_briefing_delete after delete on press_briefing
    begin update campaign_content set seq = seq + 1 where campaign_id = old.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_sign_off_request_insert after insert on sign_off_request
    begin update campaign_content set seq = seq + 1 where campaign_id = new.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_sign_off_request_update after update on sign_off_request
    begin update campaign_content set seq = seq + 1 where campaign_id in (new.campaign_id, old.campaign_id); end`.execute(db)
  await sql`create trigger otm_content_sign_off_request_delete after delete on sign_off_request
    begin update campaign_content set seq = seq + 1 where campaign_id = old.campaign_id; end`.execute(db)
  await sql`create trigger otm_content_sign_off_decision_insert after insert on sign_off_decision
    begin update campaign_content set seq = seq + 1 where campaign_id = new.campaign_id; end`.execute(db)
}
