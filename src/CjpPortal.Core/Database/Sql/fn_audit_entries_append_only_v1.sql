-- History is append-only in the database too, whatever code connects to it (TRUNCATE, used by test resets, fires no row trigger).
CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entries is append-only: history cannot be changed or deleted';
END
$$;
