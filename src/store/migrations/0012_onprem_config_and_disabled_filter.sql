-- 0012: on-premises connections from the configuration file, and the disabled filter (issue 6).
-- disabled_filter: the LDAP filter of disabled users ('' = the flavour's default:
-- userAccountControl's ACCOUNTDISABLE bit for Active Directory, ppolicy's permanent lock for
-- OpenLDAP). managed_by_config: 1 when the connection comes from an [[onprem]] table of the
-- configuration file (administrators' changes to it are refused), 0 when administrators set it.

ALTER TABLE onprem_connections ADD COLUMN disabled_filter TEXT NOT NULL DEFAULT '';
ALTER TABLE onprem_connections ADD COLUMN managed_by_config INTEGER NOT NULL DEFAULT 0;
