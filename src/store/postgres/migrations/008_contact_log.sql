-- The contact log: every call, meeting, e-mail or note with a partner, dated, as versioned JSON
-- records like the others (history, soft deletion). Internal only: never sent to Notion as text.
CREATE TABLE contacts (LIKE partners INCLUDING ALL);
CREATE CONSTRAINT TRIGGER contacts_revision AFTER INSERT OR UPDATE OR DELETE ON contacts DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_store_revision();
