/**
 * The start-up schema check ({@code QuarryModule.Builder#validateSchema()}, Hibernate's
 * {@code validate}): every entity and relation declaration compared with the live schema, every
 * problem reported at once in one {@link dev.quarry.schema.SchemaMismatchException}.
 */
package dev.quarry.schema;
