-- Tells every instance (LISTEN cjp_accounts) that an account's sign-in state or a coordinator appointment changed, so
-- the security stamps and coordinator-account counts they keep in memory are read again. The notification is sent when
-- the transaction commits, and not at all if it rolls back.
CREATE OR REPLACE FUNCTION notify_account_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('cjp_accounts', TG_TABLE_NAME);
    RETURN NULL;
END
$$;
