-- One counter that every write to the records, their history, the tracks or the profile bumps in
-- its own transaction, whoever writes (any replica, a script, psql): replicas keep rendered answers
-- while it reads the same. A sequence or max(history.id) would not do: ids are handed out before
-- commit, so a transaction committing late could leave them unchanged.
CREATE TABLE store_revision (
  id integer PRIMARY KEY CHECK (id = 1),
  value bigint NOT NULL
);
INSERT INTO store_revision (id, value) VALUES (1, 0);

CREATE FUNCTION bump_store_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE store_revision SET value = value + 1 WHERE id = 1;
  RETURN NULL;
END
$$;

-- Deferred to commit: the counter's row is locked only for the commit itself, after the
-- transaction has taken every other lock it needs, so writers of different records barely wait
-- for each other and cannot deadlock on it.
CREATE CONSTRAINT TRIGGER partners_revision AFTER INSERT OR UPDATE OR DELETE ON partners DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_store_revision();
CREATE CONSTRAINT TRIGGER people_revision AFTER INSERT OR UPDATE OR DELETE ON people DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_store_revision();
CREATE CONSTRAINT TRIGGER events_revision AFTER INSERT OR UPDATE OR DELETE ON events DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_store_revision();
CREATE CONSTRAINT TRIGGER actions_revision AFTER INSERT OR UPDATE OR DELETE ON actions DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_store_revision();
CREATE CONSTRAINT TRIGGER history_revision AFTER INSERT OR UPDATE OR DELETE ON history DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_store_revision();
CREATE CONSTRAINT TRIGGER tracks_revision AFTER INSERT OR UPDATE OR DELETE ON tracks DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_store_revision();
CREATE CONSTRAINT TRIGGER profile_revision AFTER INSERT OR UPDATE OR DELETE ON profile DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_store_revision();
