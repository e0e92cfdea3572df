-- A changed security stamp, password or authenticator, a removed account, and any change to roles or coordinator
-- appointments (TRUNCATE included, which fires no row trigger). Sign-ins also update users (failed-attempt counts,
-- lockout), which changes nothing kept in memory and sends nothing.
CREATE OR REPLACE TRIGGER users_notify_account_change AFTER UPDATE ON users
    FOR EACH ROW
    WHEN (OLD.security_stamp IS DISTINCT FROM NEW.security_stamp
        OR OLD.password_hash IS DISTINCT FROM NEW.password_hash
        OR OLD.two_factor_enabled IS DISTINCT FROM NEW.two_factor_enabled)
    EXECUTE FUNCTION notify_account_change();
CREATE OR REPLACE TRIGGER users_deleted_notify_account_change AFTER DELETE ON users
    FOR EACH ROW EXECUTE FUNCTION notify_account_change();
CREATE OR REPLACE TRIGGER users_truncated_notify_account_change AFTER TRUNCATE ON users
    FOR EACH STATEMENT EXECUTE FUNCTION notify_account_change();
CREATE OR REPLACE TRIGGER user_roles_notify_account_change AFTER INSERT OR UPDATE OR DELETE ON user_roles
    FOR EACH ROW EXECUTE FUNCTION notify_account_change();
CREATE OR REPLACE TRIGGER user_roles_truncated_notify_account_change AFTER TRUNCATE ON user_roles
    FOR EACH STATEMENT EXECUTE FUNCTION notify_account_change();
CREATE OR REPLACE TRIGGER partnership_coordinators_notify_account_change AFTER INSERT OR UPDATE OR DELETE ON partnership_coordinators
    FOR EACH ROW EXECUTE FUNCTION notify_account_change();
CREATE OR REPLACE TRIGGER partnership_coordinators_truncated_notify_account_change AFTER TRUNCATE ON partnership_coordinators
    FOR EACH STATEMENT EXECUTE FUNCTION notify_account_change();
