/**
 * Schema migrations: versioned SQL scripts applied by Flyway, on HSQLDB and PostgreSQL alike.
 * {@link dev.quarry.migration.Migrations} is the one entry point; {@code QuarryModule.Builder#migrations}
 * runs it when the injector is created.
 */
package dev.quarry.migration;
