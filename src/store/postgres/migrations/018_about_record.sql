-- The about card (purpose, sector figures with their year and source, the four action tracks)
-- becomes one versioned JSON record like the others, which coordinators edit, with history. A
-- new database gets it from the seed; one seeded before gets it from the release at start (see
-- seed/about-record.ts). The tracks and profile tables it replaces are left as they were, unread,
-- for replicas of the previous version still running during an upgrade.
CREATE TABLE about (LIKE partners INCLUDING ALL);
CREATE CONSTRAINT TRIGGER about_revision AFTER INSERT OR UPDATE OR DELETE ON about DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_store_revision();
