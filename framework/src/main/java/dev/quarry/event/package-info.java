/**
 * Events: an entity's lifecycle (Quick's {@code preLoad} ... {@code postDelete}) and one event per
 * pivot operation with its whole diff. Handle them in the entity's own methods, or in listeners
 * bound with Guice's {@code Multibinder} ({@link dev.quarry.event.EntityListener},
 * {@link dev.quarry.event.PivotListener}).
 */
package dev.quarry.event;
